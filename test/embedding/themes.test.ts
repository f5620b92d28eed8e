// Themes: each gallery stylesheet (demo/themes/*.css) reaches the widget's shadow DOM through tokens
// and ::part(), and passes axe's WCAG 2.2 AA checks (contrast included) on the quiz and the results;
// theme="dark" / "auto" switch the tokens; the forced-colours rules outline every control.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import { expectNoWcagViolations } from '../components/quiz-helpers.js';
import { completeQuiz, deepElements, nextFrame, quizReady, until } from './embedding-helpers.js';

const THEMES = ['clinic', 'directory', 'high-contrast'];

/** `#rrggbb` to the `rgb(r, g, b)` that getComputedStyle reports. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

function tokensIn(css: string): Map<string, string> {
  return new Map([...css.matchAll(/(--tm-[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

function mount(theme?: string): HTMLElement {
  const root = document.createElement('therapist-match');
  root.setAttribute('src', '/demo/data/therapists.json');
  if (theme) root.setAttribute('theme', theme);
  document.body.append(root);
  return root;
}

const nextButton = async (root: HTMLElement) =>
  (await quizReady(root)).shadowRoot!.querySelector<HTMLElement>('[part~="next"]')!;

describe('theme gallery stylesheets', () => {
  for (const theme of THEMES)
    describe(`demo/themes/${theme}.css`, () => {
      let link: HTMLLinkElement;
      let root: HTMLElement;
      let tokens: Map<string, string>;
      before(async () => {
        tokens = tokensIn(await (await fetch(`/demo/themes/${theme}.css`)).text());
        link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = `/demo/themes/${theme}.css`;
        const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
        document.head.append(link);
        await loaded;
      });
      beforeEach(() => (root = mount()));
      afterEach(() => root.remove());
      after(() => link.remove());

      it('sets the tokens the widget paints with, and its ::part() rules apply', async () => {
        expect(tokens.size).to.be.greaterThan(8);
        const next = await nextButton(root);
        expect(getComputedStyle(root).backgroundColor).to.equal(rgb(tokens.get('--tm-color-surface')!));
        expect(getComputedStyle(next).backgroundColor).to.equal(rgb(tokens.get('--tm-color-primary')!));
        expect(getComputedStyle(next).color).to.equal(rgb(tokens.get('--tm-color-on-primary')!));
        const heading = (await quizReady(root)).shadowRoot!.querySelector('h2')!;
        expect(getComputedStyle(heading).color).to.equal(rgb(tokens.get('--tm-color-text')!));
        if (theme === 'directory') expect(getComputedStyle(next).borderTopLeftRadius).to.equal('999px');
        if (theme === 'clinic') expect(getComputedStyle(heading).fontFamily).to.contain('Georgia');
        if (theme === 'high-contrast') expect(getComputedStyle(next).textDecorationLine).to.equal('underline');
      });

      it('passes axe (WCAG 2.2 AA, contrast included) on the quiz and on the results', async function () {
        this.timeout(40000);
        await nextButton(root);
        await expectNoWcagViolations(root);
        await completeQuiz(root);
        await nextFrame();
        await expectNoWcagViolations(root);
      });
    });
});

describe('theme attribute', () => {
  let root: HTMLElement;
  /** Emulates prefers-color-scheme; false where the runner cannot (Firefox over WebDriver BiDi). */
  const colorScheme = async (value: 'dark' | 'light') => {
    if (navigator.userAgent.includes('Firefox')) return false; // no CDP: the command would only log a stack
    await emulateMedia({ colorScheme: value });
    return true;
  };
  afterEach(async () => {
    root?.remove();
    await colorScheme('light');
  });

  it('theme="dark" switches to the dark tokens and stays accessible', async () => {
    root = mount('dark');
    const next = await nextButton(root);
    expect(getComputedStyle(root).backgroundColor).to.equal('rgb(17, 24, 39)');
    expect(getComputedStyle(root).colorScheme).to.equal('dark');
    expect(getComputedStyle(next).backgroundColor).to.equal('rgb(95, 212, 189)');
    await expectNoWcagViolations(root);
  });

  it('theme="dark" keeps the results and every card accessible, their links included', async function () {
    this.timeout(40000);
    root = document.createElement('therapist-match');
    root.setAttribute('src', '/demo/data/therapists.json');
    root.setAttribute('theme', 'dark');
    // A place, so each card names the licence that lets the therapist see this person, with its link.
    (root as HTMLElement & { preset: object }).preset = {
      location: { lat: 40.73, lng: -73.99, jurisdiction: 'US-NY', label: 'New York' },
    };
    document.body.append(root);
    await nextButton(root);
    await completeQuiz(root);
    const cards = await until(() => {
      const found = deepElements(root).filter((el) => el.localName === 'tm-match-card');
      return found.length ? found : null;
    }, 'no match cards');
    // Each card's links (a licence's "Verify licence", the contact actions) are drawn in the theme's colours.
    // ("Book a session" is filled with that colour instead.)
    const links = cards.flatMap((card) => [...card.shadowRoot!.querySelectorAll('a[part~="link"]:not(.book)')]);
    expect(links.some((link) => !link.closest('.contact'))).to.equal(true);
    for (const link of links) expect(getComputedStyle(link).color).to.equal('rgb(95, 212, 189)');
    await expectNoWcagViolations(root);
  });

  it('theme="auto" matches the reader\'s current colour scheme; no attribute stays light', async () => {
    root = mount('auto');
    const light = mount();
    try {
      await nextButton(root);
      const dark = matchMedia('(prefers-color-scheme: dark)').matches;
      expect(getComputedStyle(root).backgroundColor).to.equal(dark ? 'rgb(17, 24, 39)' : 'rgb(255, 255, 255)');
      expect(getComputedStyle(light).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      light.remove();
    }
  });

  it('theme="auto" follows a change of prefers-color-scheme', async function () {
    root = mount('auto');
    await nextButton(root);
    if (!(await colorScheme('dark'))) this.skip();
    await nextFrame();
    expect(getComputedStyle(root).backgroundColor).to.equal('rgb(17, 24, 39)');
    await colorScheme('light');
    await nextFrame();
    expect(getComputedStyle(root).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('tokens a site sets on the element win over the built-in dark theme', async () => {
    const style = document.createElement('style');
    style.textContent = `therapist-match[theme='dark'] { --tm-color-primary: #ffb000; }`;
    document.head.append(style);
    try {
      root = mount('dark');
      expect(getComputedStyle(await nextButton(root)).backgroundColor).to.equal('rgb(255, 176, 0)');
    } finally {
      style.remove();
    }
  });
});

describe('token resolution', () => {
  // Each element resolves the public tokens once, on its own host, into private --_tm-* properties
  // (src/styles/tokens.ts); these check that the public tokens still reach every element.
  const resolved = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(`--_tm-${name}`).trim();

  it('tokens set on the element or on an ancestor reach tm-quiz, tm-results and every tm-match-card', async function () {
    this.timeout(30000);
    const wrapper = document.createElement('div');
    wrapper.style.setProperty('--tm-color-border', '#123456');
    const root = document.createElement('therapist-match');
    root.setAttribute('src', '/demo/data/therapists.json');
    root.style.setProperty('--tm-color-primary', '#654321');
    wrapper.append(root);
    document.body.append(wrapper);
    try {
      const quiz = await quizReady(root);
      const next = quiz.shadowRoot!.querySelector('[part~="next"]')!;
      expect(getComputedStyle(next).backgroundColor).to.equal('rgb(101, 67, 33)');
      expect(resolved(quiz, 'color-primary')).to.equal('#654321');
      expect(resolved(quiz, 'color-border')).to.equal('#123456');
      await completeQuiz(root);
      const cards = await until(() => {
        const found = deepElements(root).filter((el) => el.localName === 'tm-match-card');
        return found.length ? found : null;
      }, 'no match cards');
      const results = deepElements(root).find((el) => el.localName === 'tm-results')!;
      for (const host of [root, results, ...cards]) {
        expect(resolved(host, 'color-primary'), host.localName).to.equal('#654321');
        expect(resolved(host, 'color-border'), host.localName).to.equal('#123456');
        expect(resolved(host, 'color-accent'), host.localName).to.equal('#7c5cbf');
      }
      const card = cards[0].shadowRoot!.querySelector('[part~="card"]')!;
      expect(getComputedStyle(card).borderTopColor).to.equal('rgb(18, 52, 86)');
    } finally {
      wrapper.remove();
    }
  });

  it('an element used on its own resolves the public tokens on its own host, defaults included', async () => {
    const wrapper = document.createElement('div');
    // A page's stray private property never reaches the rules: the host resolves it again.
    wrapper.style.setProperty('--_tm-color-primary', '#ff0000');
    const plain = document.createElement('tm-match-card');
    const themed = document.createElement('tm-match-card');
    themed.style.setProperty('--tm-color-primary', '#654321');
    themed.style.setProperty('--tm-radius', '3px');
    themed.style.setProperty('--tm-card-padding', '7px');
    wrapper.append(plain, themed);
    document.body.append(wrapper);
    try {
      await (plain as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(resolved(plain, 'color-primary')).to.equal('#0f6b5c');
      expect(resolved(plain, 'card-radius')).to.equal('8px');
      expect(resolved(plain, 'card-background')).to.equal('#ffffff');
      expect(resolved(themed, 'color-primary')).to.equal('#654321');
      expect(resolved(themed, 'card-radius')).to.equal('3px');
      expect(resolved(themed, 'card-padding')).to.equal('7px');
    } finally {
      wrapper.remove();
    }
  });
});

describe('forced colours', () => {
  // The test runner cannot switch the browser into forced-colours mode (its emulateMedia command
  // only does that for Playwright), so this applies the elements' own `@media (forced-colors:
  // active)` rules unconditionally and checks they give every control a visible edge.
  it('every button, field and select keeps a visible border', async () => {
    const root = mount();
    try {
      await nextButton(root);
      await completeQuiz(root);
      const added: [ShadowRoot, CSSStyleSheet][] = [];
      for (const host of [root, ...deepElements(root)].filter((el) => el.shadowRoot)) {
        const forced = host
          .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
          .filter(
            (rule): rule is CSSMediaRule =>
              rule instanceof CSSMediaRule && /forced-colors:\s*active/.test(rule.conditionText),
          )
          .flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText));
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(forced.join('\n'));
        host.shadowRoot!.adoptedStyleSheets = [...host.shadowRoot!.adoptedStyleSheets, sheet];
        added.push([host.shadowRoot!, sheet]);
      }
      expect(added.length).to.be.greaterThan(1);
      const controls = deepElements(root).filter(
        (el) =>
          el.matches('button, select, textarea, input:not([type=radio]):not([type=checkbox]):not([type=hidden])') &&
          (el as HTMLElement).getBoundingClientRect().width > 0,
      );
      expect(controls.length).to.be.greaterThan(0);
      const invisible = controls.filter((el) => {
        const style = getComputedStyle(el);
        return style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) === 0;
      });
      expect(
        invisible.map((el) => `${el.localName} ${el.getAttribute('part') ?? ''} ${el.textContent?.trim()}`),
      ).to.deep.equal([]);
      for (const [shadow, sheet] of added)
        shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
    } finally {
      root.remove();
    }
  });
});
