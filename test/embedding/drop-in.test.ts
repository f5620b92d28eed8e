// The drop-in: a plain page with the CDN file and one tag, no build step. Loading it twice (or a
// second copy under another URL, like another version) never throws; a hostile page stylesheet
// does not reach in and the widget's styles do not leak out; the height follows the content.
import { expect } from '@open-wc/testing';
import { completeQuiz, deepElements, nextFrame, quizReady, until } from './embedding-helpers.js';

const CDN = '/dist/cdn/therapist-match.js';
const OTHER_VERSION = '/test-embedding/other-version/therapist-match.js';

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`${src} failed to load`)));
    document.head.append(script);
  });
}

function mount(): HTMLElement {
  const root = document.createElement('therapist-match');
  root.setAttribute('src', '/demo/data/therapists.json');
  document.body.append(root);
  return root;
}

const HOSTILE_CSS = `
  html { font-size: 10px !important; }
  body { font-size: 30px; letter-spacing: 0.2em; direction: ltr; }
  * {
    box-sizing: content-box !important; margin: 0 !important; padding: 0 !important;
    color: #ff00ff !important; font: italic 700 9px/1 'Comic Sans MS', cursive !important;
    letter-spacing: 0.3em !important; word-spacing: 1em !important; text-transform: uppercase !important;
    text-align: center !important; text-indent: 3em !important; text-shadow: 1px 1px red !important;
    white-space: nowrap !important; cursor: crosshair !important; line-height: 0.8 !important;
    border: 3px dashed lime !important; outline: 4px solid orange !important; background: yellow !important;
  }
  button, input, select, textarea, label, fieldset, h2, p, a {
    all: unset !important; display: none !important; appearance: none !important;
  }
  [part], .primary, #heading, progress { display: none !important; }
  therapist-match * { display: none !important; }
`;

const COMPARED = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-indent',
  'text-shadow',
  'white-space',
  'visibility',
  'display',
  'box-sizing',
  'border-top-style',
  'border-top-color',
  'cursor',
] as const;

function snapshot(root: HTMLElement): Record<string, string>[] {
  return deepElements(root)
    .filter((el) => !(el instanceof HTMLStyleElement) && el.getRootNode() !== document)
    .map((el) => {
      const style = getComputedStyle(el);
      const entry: Record<string, string> = {
        element: `${el.localName}${el.getAttribute('part') ? `[${el.getAttribute('part')}]` : ''}`,
      };
      for (const property of COMPARED) entry[property] = style.getPropertyValue(property);
      return entry;
    });
}

describe('the drop-in <script type="module"> + <therapist-match src>', () => {
  const errors: string[] = [];
  const warnings: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  const warn = console.warn;
  let root: HTMLElement;

  before(async () => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    root = mount(); // in the page before the script, as a CMS would put it
    await loadScript(CDN);
  });

  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = warn;
    root.remove();
  });

  it('upgrades a tag that was in the page first and shows the quiz', async () => {
    expect(customElements.get('therapist-match')).to.be.a('function');
    const quiz = await quizReady(root);
    expect(quiz.shadowRoot!.querySelector('h2')!.textContent).to.match(/\S/);
    // A visitor who only looks downloads neither the results view nor the later steps.
    expect(customElements.get('tm-results')).to.equal(undefined);
    expect(
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /chunks\/(results-view|rank|later-steps|warm)-/.test(name)),
    ).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('loads the later steps, the results view and the ranking engine from chunks/ and shows ranked cards', async () => {
    const el = mount();
    try {
      await completeQuiz(el);
      await until(
        () => customElements.get('tm-results') && customElements.get('tm-match-card'),
        'results view not defined',
      );
      // Once the engine and the index are there, the ranking's code is warmed in idle time.
      await until(
        () => performance.getEntriesByType('resource').some((entry) => /chunks\/warm-/.test(entry.name)),
        'the warm-up chunk was not loaded',
      );
      const results = el.shadowRoot!.querySelector('tm-results')!;
      await until(() => results.shadowRoot?.querySelectorAll('tm-match-card').length, 'no match cards');
      const cards = [...results.shadowRoot!.querySelectorAll('tm-match-card')];
      const names = cards.map((card) => card.shadowRoot!.querySelector('[part~="name"]')?.textContent?.trim());
      expect(names.length).to.be.greaterThan(0);
      expect(names.every((name) => name && /\p{L}/u.test(name))).to.equal(true);
    } finally {
      el.remove();
    }
    expect(errors).to.deep.equal([]);
  });

  it('survives the script twice and another copy under another URL, and still works', async () => {
    const definition = customElements.get('therapist-match');
    await loadScript(CDN);
    await loadScript(OTHER_VERSION);
    await loadScript(`${OTHER_VERSION}?again`);
    expect(customElements.get('therapist-match')).to.equal(definition);
    expect(errors).to.deep.equal([]);
    expect(warnings.some((w) => w.includes('already defined'))).to.equal(true);

    const late = mount(); // created after both copies ran
    try {
      const steps = await completeQuiz(late);
      expect(steps.length).to.be.greaterThan(2);
      const results = late.shadowRoot!.querySelector('[part~="results"]')!;
      await until(() => results.shadowRoot?.querySelectorAll('tm-match-card').length, 'no match cards');
    } finally {
      late.remove();
    }
    expect(errors).to.deep.equal([]);
  });

  it('ignores a hostile page stylesheet (resets, element and * rules with !important, 10px root font)', async () => {
    await quizReady(root);
    await nextFrame();
    const clean = snapshot(root);
    const style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
    try {
      await nextFrame();
      const hostile = snapshot(root);
      expect(hostile.length).to.equal(clean.length);
      const differences = hostile.flatMap((entry, i) =>
        COMPARED.filter((p) => entry[p] !== clean[i][p]).map(
          (p) => `${entry.element} ${p}: ${clean[i][p]} -> ${entry[p]}`,
        ),
      );
      expect(differences).to.deep.equal([]);
      const next = (await quizReady(root)).shadowRoot!.querySelector<HTMLElement>('[part~="next"]')!;
      expect(next.getBoundingClientRect().height).to.be.greaterThan(20);
      expect(parseFloat(getComputedStyle(next).fontSize)).to.be.at.least(14);
    } finally {
      style.remove();
    }
  });

  it('does not leak its styles into the page', async () => {
    const probe = document.createElement('div');
    probe.innerHTML = '<button>Page button</button><p>Page text</p><h2>Page heading</h2><input>';
    const before = [...probe.children].map((el) => el.outerHTML);
    const standalone = document.createElement('iframe'); // the same markup on a page without the widget
    document.body.append(standalone);
    standalone.contentDocument!.body.innerHTML = probe.innerHTML;
    document.body.append(probe);
    try {
      await quizReady(root);
      expect(document.adoptedStyleSheets.length).to.equal(0);
      expect(
        [...document.querySelectorAll('style, link[rel=stylesheet]')].filter((s) => s.closest('head')).length,
      ).to.equal(0);
      const plain = [...standalone.contentDocument!.body.children].map((el) => getComputedStyle(el));
      [...probe.children].forEach((el, i) => {
        const style = getComputedStyle(el);
        for (const property of [
          'color',
          'background-color',
          'font-family',
          'font-size',
          'padding-top',
          'border-top-style',
        ])
          expect(style.getPropertyValue(property), `${el.localName} ${property}`).to.equal(
            plain[i].getPropertyValue(property),
          );
      });
      expect([...probe.children].map((el) => el.outerHTML)).to.deep.equal(before);
    } finally {
      probe.remove();
      standalone.remove();
    }
  });

  it('grows with its content: no fixed height, no inner scrolling', async () => {
    const quiz = await quizReady(root);
    const height = root.getBoundingClientRect().height;
    expect(height).to.be.greaterThan(200);
    expect(root.scrollHeight).to.be.at.most(root.clientHeight + 1);
    for (const el of deepElements(root)) {
      const overflow = getComputedStyle(el).overflowY;
      if (overflow === 'auto' || overflow === 'scroll')
        expect(el.scrollHeight, `${el.localName} scrolls`).to.be.at.most(el.clientHeight + 1);
    }
    // Opening the "What is sex therapy?" disclosure makes the widget taller, and the page with it.
    const details = root.shadowRoot!.querySelector('details')!;
    details.open = true;
    await nextFrame();
    expect(root.getBoundingClientRect().height).to.be.greaterThan(height);
    details.open = false;
    await until(() => quiz.isConnected, 'quiz gone');
  });
});
