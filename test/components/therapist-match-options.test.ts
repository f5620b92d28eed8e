// <therapist-match> options a site sets: parts exported to the page, theme, the empty slot,
// source-share, and no focus ring on a heading that receives focus after a click.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define.js';
import type { TherapistMatch, TmQuiz } from '../../src/index.js';
import type { MatchAnswers } from '../../src/engine/answers.js';
import type { RankResult } from '../../src/engine/types.js';
import type { SourceQuery, TherapistSource } from '../../src/sources/types.js';
import { therapist } from './results-fixtures.js';
import { deepActive } from './quiz-helpers.js';

type ResultsElement = HTMLElement & { result?: RankResult; state?: string; updateComplete: Promise<unknown> };

const quizOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-quiz') as TmQuiz;
const resultsOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-results') as ResultsElement | null;

async function settle(el: TherapistMatch): Promise<void> {
  await el.updateComplete;
  await quizOf(el)?.updateComplete;
}

async function clickNext(el: TherapistMatch): Promise<void> {
  quizOf(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
  await settle(el);
}

/** Clicks Next until the results are ranked and rendered. */
async function toResults(el: TherapistMatch): Promise<ResultsElement> {
  await settle(el);
  while (!resultsOf(el)) await clickNext(el);
  const results = resultsOf(el)!;
  await waitUntil(() => results.state === 'ready' && results.result, `results not ready (${results.state})`, {
    timeout: 5000,
  });
  await results.updateComplete;
  return results;
}

/** A plain source over `records` that keeps every query it is asked. */
function recordingSource(records: unknown[]): TherapistSource & { queries: SourceQuery[] } {
  const queries: SourceQuery[] = [];
  return {
    label: 'recording source',
    queries,
    async search(query) {
      queries.push(structuredClone(query));
      return records;
    },
  };
}

/** Adds a page stylesheet for the duration of one test. */
function pageStyle(text: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  return style;
}

describe('<therapist-match> exported parts', () => {
  let style: HTMLStyleElement;
  afterEach(() => style?.remove());

  it("a page's therapist-match::part(card) rule reaches each rendered card", async () => {
    style = pageStyle(`
      therapist-match::part(card) { border-top: 7px dashed rgb(200, 0, 100); }
      therapist-match::part(name) { letter-spacing: 3px; }
      therapist-match::part(edit) { outline: 5px dotted rgb(0, 100, 200); }
    `);
    const el = await fixture<TherapistMatch>(
      html`<therapist-match src="/demo/data/therapists.json" steps="who"></therapist-match>`,
    );
    const results = await toResults(el);
    const cards = [...results.shadowRoot!.querySelectorAll('tm-match-card')].map((card) =>
      card.shadowRoot!.querySelector<HTMLElement>('[part~="card"]')!,
    );
    expect(cards.length).to.be.greaterThan(1);
    for (const card of cards) {
      expect(getComputedStyle(card).borderTopStyle).to.equal('dashed');
      expect(getComputedStyle(card).borderTopWidth).to.equal('7px');
      expect(getComputedStyle(card).borderTopColor).to.equal('rgb(200, 0, 100)');
    }
    const name = cards[0].querySelector<HTMLElement>('[part~="name"]')!;
    expect(getComputedStyle(name).letterSpacing).to.equal('3px');
    const edit = results.shadowRoot!.querySelector<HTMLElement>('[part~="edit"]')!;
    expect(getComputedStyle(edit).outlineColor).to.equal('rgb(0, 100, 200)');
  });

  /** Every part name used inside `host`'s shadow root and those of the elements within it. */
  const partsIn = (host: Element, into = new Map<string, Element[]>()): Map<string, Element[]> => {
    for (const node of host.shadowRoot!.querySelectorAll('*')) {
      for (const name of node.part) into.set(name, [...(into.get(name) ?? []), node]);
      if (node.shadowRoot) partsIn(node, into);
    }
    return into;
  };

  /** The part names whose every element a page's `therapist-match::part(name)` rule does not reach. */
  async function unreached(parts: Map<string, Element[]>): Promise<string[]> {
    const missed: string[] = [];
    for (const [name, nodes] of parts) {
      // `quiz` and `results` are the root's own names for the two elements (not their insides).
      if (name === 'quiz' || name === 'results') continue;
      const rule = pageStyle(`therapist-match::part(${name}) { scroll-margin-top: 7px; }`);
      if (nodes.some((node) => getComputedStyle(node).scrollMarginTop !== '7px')) missed.push(name);
      rule.remove();
    }
    return missed;
  }

  it('every part inside the quiz, the results and the cards is styleable through the root, the new ones too', async () => {
    // Fees in two currencies, so "Lowest fee" shows its line (part currencies).
    const records = Array.from({ length: 14 }, (_, k) =>
      therapist({
        id: `parts-${k}`,
        name: `Therapist ${k}`,
        fees: { currency: k % 3 ? 'USD' : 'CAD', min: 80 + k * 5 },
        location: { city: 'Portland', region: 'US-OR', country: 'US', postalCode: '97205', lat: 45.5, lng: -122.6 },
      }),
    );
    const el = await fixture<TherapistMatch>(
      html`<therapist-match .source=${recordingSource(records)} steps="who, concerns"></therapist-match>`,
    );
    await settle(el);
    const quiz = quizOf(el);
    const first = partsIn(quiz);
    expect([...first.keys()]).to.include.members(['where', 'who', 'next']);
    expect(await unreached(first)).to.deep.equal([]);
    // The concerns step, with a note for pain and the "More concerns" disclosure.
    await clickNext(el);
    await waitUntil(() => quiz.shadowRoot!.querySelector('[part~="more-concerns"]'), 'no concerns step', {
      timeout: 5000,
    });
    const pain = quiz.shadowRoot!.querySelector<HTMLInputElement>('input[value="pain-with-sex"]')!;
    pain.click();
    await settle(el);
    const concerns = partsIn(quiz);
    expect([...concerns.keys()]).to.include.members(['more-concerns', 'concern', 'physician', 'note', 'concerns']);
    expect(await unreached(concerns)).to.deep.equal([]);

    // The partner step with two partners: "Add another partner" and "Remove partner 2".
    const couple = await fixture<TherapistMatch>(
      html`<therapist-match .source=${recordingSource(records)} steps="who, partner" partners="3"></therapist-match>`,
    );
    await settle(couple);
    quizOf(couple).shadowRoot!.querySelector<HTMLInputElement>('input[value="couple"]')!.click();
    await settle(couple);
    await clickNext(couple);
    const partnerStep = quizOf(couple).shadowRoot!;
    await waitUntil(() => partnerStep.querySelector('[part~="add-partner"]'), 'no partner step', { timeout: 5000 });
    partnerStep.querySelector<HTMLButtonElement>('[part~="add-partner"]')!.click();
    await settle(couple);
    const partner = partsIn(quizOf(couple));
    expect([...partner.keys()]).to.include.members(['add-partner', 'remove-partner', 'partner']);
    expect(await unreached(partner)).to.deep.equal([]);

    const results = await toResults(el);
    const select = results.shadowRoot!.querySelector<HTMLSelectElement>('[part~="tools"] select')!;
    select.value = 'fee';
    select.dispatchEvent(new Event('change'));
    results.shadowRoot!.querySelector<HTMLButtonElement>('[part~="edit"]')!.click();
    await results.updateComplete;
    const inResults = partsIn(results);
    expect([...inResults.keys()]).to.include.members(['tools', 'more', 'edit-step', 'currencies', 'card']);
    expect(await unreached(inResults)).to.deep.equal([]);
  });

  it("the gallery themes' ::part(card) rules apply to the cards", async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/demo/themes/high-contrast.css';
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
    document.head.append(link);
    await loaded;
    try {
      const el = await fixture<TherapistMatch>(
        html`<therapist-match src="/demo/data/therapists.json" steps="who"></therapist-match>`,
      );
      const results = await toResults(el);
      const card = results
        .shadowRoot!.querySelector('tm-match-card')!
        .shadowRoot!.querySelector<HTMLElement>('[part~="card"]')!;
      // high-contrast.css: therapist-match::part(card) { border: 2px solid #ffffff }
      expect(getComputedStyle(card).borderTopWidth).to.equal('2px');
      expect(getComputedStyle(card).borderTopColor).to.equal('rgb(255, 255, 255)');
    } finally {
      link.remove();
    }
  });

  it('opens on the first step of the site\'s order, even when "who" comes later', async () => {
    const el = await fixture<TherapistMatch>(html`<therapist-match steps="practical, who"></therapist-match>`);
    await quizOf(el).updateComplete;
    const heading = () => quizOf(el).shadowRoot!.querySelector('h2')!.textContent!.trim();
    expect(heading()).to.match(/^Step 1 of 2: /);
    expect(quizOf(el).step).to.equal('practical');
    await clickNext(el);
    expect(quizOf(el).step).to.equal('who');
    expect(heading()).to.match(/^Step 2 of 2: /);
  });

  it("the quiz's navigation buttons are reachable by their own names", async () => {
    style = pageStyle(`
      therapist-match::part(next) { outline: 4px solid rgb(10, 20, 30); }
      therapist-match::part(back) { outline: 4px solid rgb(40, 50, 60); }
    `);
    const el = await fixture<TherapistMatch>(html`<therapist-match steps="who, practical"></therapist-match>`);
    await clickNext(el);
    const quiz = quizOf(el).shadowRoot!;
    expect(getComputedStyle(quiz.querySelector('[part~="next"]')!).outlineColor).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(quiz.querySelector('[part~="back"]')!).outlineColor).to.equal('rgb(40, 50, 60)');
  });
});

describe('<therapist-match> theme', () => {
  it('is light by default and reflects the property to the attribute', async () => {
    const el = await fixture<TherapistMatch>(html`<therapist-match></therapist-match>`);
    expect(el.theme).to.equal('light');
    expect(el.getAttribute('theme')).to.equal('light');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(17, 24, 39)');
  });

  it('reads the attribute', async () => {
    const el = await fixture<TherapistMatch>(html`<therapist-match theme="auto"></therapist-match>`);
    expect(el.theme).to.equal('auto');
  });
});

describe('<therapist-match> empty slot', () => {
  // A required in-person format and a video-only directory: nothing matches.
  const preset: Partial<MatchAnswers> = { formats: { value: ['in-person'], importance: 'required' } };
  const videoOnly = () => recordingSource([therapist({ formats: ['telehealth'] })]);
  const emptyArea = (results: ResultsElement) => results.shadowRoot!.querySelector<HTMLElement>('[part~="empty"]')!;

  it("shows the site's own empty-state content when nothing matches; the ways out stay", async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match steps="who" .preset=${preset} .source=${videoOnly()}>
        <div slot="empty">
          <p>No one here yet. <a href="/contact">Ask our intake team</a>.</p>
        </div>
      </therapist-match>`,
    );
    const results = await toResults(el);
    expect(results.result!.matched).to.equal(0);
    const slot = emptyArea(results).querySelector('slot')!;
    const shown = slot.assignedElements({ flatten: true });
    expect(shown.map((node) => (node as HTMLElement).innerText.trim())).to.deep.equal([
      'No one here yet. Ask our intake team.',
    ]);
    expect((shown[0] as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(0);
    // The site's words replace the built-in ones ("No therapist fits every answer you gave...").
    expect(emptyArea(results).innerText).not.to.contain('No therapist fits every answer');
    const buttons = [...results.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons.some((text) => /video/i.test(text))).to.equal(true);
    expect(results.shadowRoot!.querySelector('[part~="edit"]')).not.to.equal(null);
  });

  it('keeps the built-in words when the site gives no empty content', async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match steps="who" .preset=${preset} .source=${videoOnly()}></therapist-match>`,
    );
    const results = await toResults(el);
    expect(results.result!.matched).to.equal(0);
    expect(emptyArea(results).innerText.trim()).to.match(/\S/);
    expect(emptyArea(results).querySelector('slot')!.assignedNodes()).to.deep.equal([]);
  });
});

describe('<therapist-match> source-share', () => {
  const HARD_CONSTRAINTS = ['clientType', 'formats', 'jurisdiction', 'near', 'acceptingNewClients'];

  /** Picks the first concern, shows the results; returns the concern id. */
  async function answerConcern(el: TherapistMatch): Promise<string> {
    await settle(el);
    const box = quizOf(el).shadowRoot!.querySelector<HTMLInputElement>(
      'input[type="checkbox"]:not([value="not-sure"])',
    )!;
    box.click();
    await settle(el);
    await toResults(el);
    return box.value;
  }

  it('sends the source no concern or identity answer by default', async () => {
    const source = recordingSource([therapist()]);
    const el = await fixture<TherapistMatch>(
      html`<therapist-match
        steps="concerns"
        .source=${source}
        .preset=${{ preferences: { therapistGender: { value: ['woman'], importance: 'preferred' } } }}
      ></therapist-match>`,
    );
    const concern = await answerConcern(el);
    // The results' query equals the quiz's (nothing shared), so the first answer is reused.
    expect(source.queries.length).to.be.greaterThan(0);
    for (const query of source.queries) {
      expect(Object.keys(query).filter((key) => !HARD_CONSTRAINTS.includes(key))).to.deep.equal([]);
      expect(JSON.stringify(query)).not.to.contain(concern);
      expect(JSON.stringify(query)).not.to.contain('woman');
    }
  });

  it('sends the concerns with source-share="concerns", and only them', async () => {
    const source = recordingSource([therapist()]);
    const el = await fixture<TherapistMatch>(
      html`<therapist-match
        steps="concerns"
        source-share="concerns"
        .source=${source}
        .preset=${{ preferences: { therapistGender: { value: ['woman'], importance: 'preferred' } } }}
      ></therapist-match>`,
    );
    expect(el.sourceShare).to.deep.equal(['concerns']);
    const concern = await answerConcern(el);
    const last = source.queries.at(-1)!;
    expect(last.shared).to.deep.equal({ concerns: { primary: concern, others: [] } });
    expect(JSON.stringify(last)).not.to.contain('woman');
  });

  it('"Change answers" offers the whole directory\'s choices again, not the results\' narrower ones', async () => {
    // A server that narrows by the shared concern: the results see one therapist, the quiz both.
    const narrow = therapist({ id: 'narrow', insurance: ['Aetna'] });
    const other = therapist({ id: 'other', insurance: ['Cigna'] });
    const source: TherapistSource = {
      label: 'narrowing source',
      async search(query) {
        return query.shared ? [narrow] : [narrow, other];
      },
    };
    const el = await fixture<TherapistMatch>(
      html`<therapist-match steps="concerns" source-share="concerns" .source=${source}></therapist-match>`,
    );
    await waitUntil(() => quizOf(el).insurers.length === 2, 'the quiz never got the directory', { timeout: 3000 });
    expect(quizOf(el).insurers).to.deep.equal(['Aetna', 'Cigna']);
    await answerConcern(el);
    const results = resultsOf(el)!;
    expect(results.result!.matches.map((m) => m.therapist.id)).to.deep.equal(['narrow']);
    // One step: "Change answers" goes straight to it.
    results.shadowRoot!.querySelector<HTMLButtonElement>('[part~="edit"]')!.click();
    await waitUntil(() => quizOf(el)?.insurers.length === 2, 'the quiz kept the narrow choices', { timeout: 3000 });
    expect(quizOf(el).insurers).to.deep.equal(['Aetna', 'Cigna']);
  });

  it('splits a comma-separated list', async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match source-share=" concerns, preferences ,"></therapist-match>`,
    );
    expect(el.sourceShare).to.deep.equal(['concerns', 'preferences']);
  });
});

describe('<therapist-match> focus after a click on Next', () => {
  it('moves focus to the step heading without a ring; controls keep their keyboard ring', async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match steps="who, concerns, practical"></therapist-match>`,
    );
    await settle(el);
    const next = quizOf(el).shadowRoot!.querySelector<HTMLElement>('[part~="next"]')!;
    const box = next.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await settle(el);
    await waitUntil(() => deepActive()?.tagName === 'H2', `focus not on the heading (${deepActive()?.tagName})`, {
      timeout: 5000,
    });
    let heading = deepActive() as HTMLElement;
    expect(heading.textContent!.trim()).to.equal('Step 2 of 3: What brings you here?');
    expect(getComputedStyle(heading).outlineStyle).to.equal('none');

    await sendKeys({ press: 'Tab' });
    const control = deepActive() as HTMLElement;
    expect(control.matches('input, button, select, summary, a')).to.equal(true);
    expect(control.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(control).outlineStyle).to.equal('solid');
    expect(getComputedStyle(control).outlineWidth).to.equal('3px');

    // From the keyboard too: the heading is not a control, so it never shows a ring.
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await waitUntil(() => deepActive()?.tagName === 'H2', 'Enter did not move focus to the next heading', {
      timeout: 5000,
    });
    heading = deepActive() as HTMLElement;
    expect(heading.textContent!.trim()).to.equal('Step 3 of 3: Practical matters');
    expect(getComputedStyle(heading).outlineStyle).to.equal('none');
  });

  it('the results heading takes focus without a ring', async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match steps="who" .source=${recordingSource([therapist()])}></therapist-match>`,
    );
    await toResults(el);
    await waitUntil(() => deepActive()?.id === 'results-heading', 'focus not on the results heading', {
      timeout: 5000,
    });
    expect(getComputedStyle(deepActive()!).outlineStyle).to.equal('none');
  });
});
