// <therapist-match> given values a page should not give: limits out of range, malformed presets,
// tampered session snapshots, odd languages, messages and vocabularies. Each once broke the widget
// (a blank element, a count without cards); now each gives a usable state and one warning.
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { arraySource, type TherapistMatch } from '../../src/index.js';
import type { MatchAnswers } from '../../src/engine/answers.js';
import { generateTherapists } from '../../demo/sample/generate.js';
import {
  expectUsable,
  quizOf,
  settle,
  stepHeading,
  toResults,
  visibleResults,
  warningsDuring,
} from './therapist-match-helpers.js';

/** 150 generated records: enough that a clamped limit still cuts the list. */
const directory = arraySource(generateTherapists(150, 7));

async function mount(el: ReturnType<typeof html>): Promise<TherapistMatch> {
  const widget = await fixture<TherapistMatch>(el);
  await settle(widget);
  return widget;
}

describe('<therapist-match> limit', () => {
  it('limit="1e10" shows results, clamped to 100 cards, and says how many of how many', async () => {
    let shown!: ReturnType<typeof visibleResults>;
    let matched = 0;
    const warnings = await warningsDuring(async () => {
      const el = await mount(html`<therapist-match .source=${directory} steps="who" limit="1e10"></therapist-match>`);
      const results = await toResults(el);
      shown = visibleResults(results);
      matched = results.result!.matched;
      expectUsable(el, 100);
    });
    expect(matched).to.be.above(100);
    expect(shown.cards).to.equal(100);
    expect(shown.showing).to.equal(`Showing the best 100 of ${matched}.`);
    expect(warnings).to.deep.equal([
      'therapist-match: limit 10000000000 is not a whole number from 1 to 100; showing up to 100.',
    ]);
  });

  for (const value of ['-1', 'abc', '0', ''])
    it(`limit="${value}" shows the default 20 cards, the count agreeing, with one warning`, async () => {
      let shown!: ReturnType<typeof visibleResults>;
      let matched = 0;
      const warnings = await warningsDuring(async () => {
        const el = await mount(
          html`<therapist-match .source=${directory} steps="who" limit=${value}></therapist-match>`,
        );
        const results = await toResults(el);
        shown = visibleResults(results);
        matched = results.result!.matched;
        expectUsable(el, 20);
      });
      expect(shown.cards).to.equal(20);
      expect(shown.count).to.equal(`${matched} therapists match your answers`);
      expect(shown.showing).to.equal(`Showing the best 20 of ${matched}.`);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(
        /^therapist-match: limit \S+ is not a whole number from 1 to 100; showing up to 20\.$/,
      );
    });

  it('a limit set from code follows the same rules, one warning per change', async () => {
    const el = await mount(html`<therapist-match .source=${directory} steps="who" limit="5"></therapist-match>`);
    expect(visibleResults(await toResults(el)).cards).to.equal(5);
    const warnings = await warningsDuring(async () => {
      el.limit = -Infinity;
      await settle(el);
      el.requestUpdate();
      await settle(el);
    });
    expect(visibleResults((await toResults(el))!).cards).to.equal(20);
    expect(warnings).to.have.length(1);
  });
});

describe('<therapist-match> malformed presets', () => {
  const cases: [string, unknown, string[]][] = [
    ['concerns.others is not a list', { concerns: { primary: 'low-desire', others: 'x' } }, ['concerns.others']],
    ['a budget without a value', { budget: { importance: 'preferred' } }, ['budget.value']],
    ['a jurisdiction that is a number', { location: { jurisdiction: 5 } }, ['location.jurisdiction']],
  ];
  for (const [what, preset, named] of cases)
    it(`renders the quiz and names the bad field: ${what}`, async () => {
      let el!: TherapistMatch;
      const warnings = await warningsDuring(async () => {
        el = await mount(html`<therapist-match .preset=${preset as Partial<MatchAnswers>}></therapist-match>`);
      });
      expect(stepHeading(el)).to.equal('Step 1 of 4: Who is looking for help?');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(
        `preset: ${named.join(', ')} left out (missing, of the wrong type or out of range)`,
      );
      expectUsable(el);
    });

  it('keeps the valid fields of a malformed preset: the primary concern stays ticked', async () => {
    let el!: TherapistMatch;
    await warningsDuring(async () => {
      el = await mount(
        html`<therapist-match
          steps="concerns"
          .preset=${{ concerns: { primary: 'low-desire', others: 'x' } } as never}
        ></therapist-match>`,
      );
    });
    const box = quizOf(el)!.shadowRoot!.querySelector<HTMLInputElement>('input[value="low-desire"]')!;
    expect(box.checked).to.equal(true);
  });

  it('ignores a preset that is null (silently), a string or a Proxy that throws (with a warning)', async () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
        get() {
          throw new Error('trap');
        },
      },
    );
    for (const [preset, warned] of [
      [null, 0],
      ['telehealth', 1],
      [hostile, 1],
    ] as const) {
      let el!: TherapistMatch;
      const warnings = await warningsDuring(async () => {
        // Set directly: a template would look into the Proxy itself.
        const widget = document.createElement('therapist-match');
        widget.preset = preset as never;
        el = await fixture<TherapistMatch>(widget);
        await settle(el);
      });
      expect(stepHeading(el)).to.equal('Step 1 of 4: Who is looking for help?');
      expect(warnings, typeof preset).to.have.length(warned);
    }
  });

  it('reads a preset with a throwing getter without the throwing field', async () => {
    const preset = Object.defineProperty({ ageGroup: 'older-adult' }, 'seeking', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    let el!: TherapistMatch;
    const warnings = await warningsDuring(async () => {
      el = await mount(html`<therapist-match .preset=${preset as never}></therapist-match>`);
    });
    expect(quizOf(el)!.shadowRoot!.querySelector<HTMLInputElement>('input[value="older-adult"]')!.checked).to.equal(
      true,
    );
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('preset: seeking left out');
  });
});

describe('<therapist-match> a tampered session snapshot', () => {
  afterEach(() => {
    // The widgets first: one still on the page could store its snapshot again once cleared.
    fixtureCleanup();
    sessionStorage.clear();
  });

  const tampered = JSON.stringify({
    v: 1,
    answers: { seeking: 'couple', concerns: { primary: 'low-desire', others: 'x' } },
    step: 'concerns',
    view: 'quiz',
  });

  it('is discarded and reported once; the quiz starts fresh and Start over works', async () => {
    sessionStorage.setItem('therapist-match', tampered);
    let el!: TherapistMatch;
    let fields: string[] = [];
    const warnings = await warningsDuring(async () => {
      const widget = document.createElement('therapist-match');
      widget.setAttribute('persist', 'session');
      const reported = oneEvent(widget, 'tm-snapshot-discarded');
      el = await fixture<TherapistMatch>(widget);
      fields = (await reported).detail.fields;
      await settle(el);
    });
    expect(fields).to.deep.equal(['answers.concerns.others']);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('the quiz starts fresh: answers.concerns.others.');
    expect(sessionStorage.getItem('therapist-match')).to.equal(null);
    expect(stepHeading(el)).to.equal('Step 1 of 4: Who is looking for help?');

    // The person can use it as usual, Start over included.
    quizOf(el)!.shadowRoot!.querySelector<HTMLInputElement>('input[value="couple"]')!.click();
    await settle(el);
    expect(sessionStorage.getItem('therapist-match')).to.contain('couple');
    const startOver = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="start-over"]')!;
    startOver.click();
    await settle(el);
    expect(sessionStorage.getItem('therapist-match')).to.equal(null);
    expect(quizOf(el)!.shadowRoot!.querySelector<HTMLInputElement>('input[value="individual"]')!.checked).to.equal(
      true,
    );
  });

  it('is reported only once: the next load starts clean, with no warning', async () => {
    sessionStorage.setItem('therapist-match', '{"v":1,"answers":5}');
    await warningsDuring(() => mount(html`<therapist-match persist="session"></therapist-match>`).then(() => {}));
    let events = 0;
    const warnings = await warningsDuring(async () => {
      const el = await mount(
        html`<therapist-match persist="session" @tm-snapshot-discarded=${() => events++}></therapist-match>`,
      );
      expect(stepHeading(el)).to.equal('Step 1 of 4: Who is looking for help?');
    });
    expect([events, warnings.length]).to.deep.equal([0, 0]);
  });

  it('text that is not a snapshot at all is discarded too, the event naming no field', async () => {
    sessionStorage.setItem('therapist-match', '<html>');
    const widget = document.createElement('therapist-match');
    widget.setAttribute('persist', 'session');
    const reported = oneEvent(widget, 'tm-snapshot-discarded');
    const warnings = await warningsDuring(async () => {
      await fixture(widget);
    });
    expect((await reported).detail).to.deep.equal({ fields: [] });
    expect(warnings).to.have.length(1);
  });
});

describe('<therapist-match> other options out of shape', () => {
  it('a lang that is not a language tag falls back to its base language, with one warning', async () => {
    let el!: TherapistMatch;
    const warnings = await warningsDuring(async () => {
      el = await mount(html`<therapist-match lang="en_US!"></therapist-match>`);
    });
    expect(stepHeading(el)).to.equal('Step 1 of 4: Who is looking for help?');
    expect(warnings).to.deep.equal([`therapist-match: lang "en_US!" is not a language tag; using "en".`]);
  });

  it('a lang with no usable base falls back to the page language, with one warning', async () => {
    let el!: TherapistMatch;
    const warnings = await warningsDuring(async () => {
      el = await mount(html`<therapist-match lang="!!"></therapist-match>`);
    });
    expect(stepHeading(el)).to.equal('Step 1 of 4: Who is looking for help?');
    expect(warnings).to.deep.equal([`therapist-match: lang "!!" is not a language tag; using the page's.`]);
  });

  it('lang="en_US" (as CMS templates write it) and lang="es_MX" are read as en-US and es-MX, without a warning', async () => {
    let el!: TherapistMatch;
    const warnings = await warningsDuring(async () => {
      el = await mount(html`<therapist-match lang="es_MX"></therapist-match>`);
    });
    expect(el.resolvedLang).to.equal('es-MX');
    await waitUntil(() => stepHeading(el).startsWith('Paso 1 de 4'), 'Spanish never arrived', { timeout: 5000 });
    expect(warnings).to.deep.equal([]);
    const english = await warningsDuring(async () => {
      el = await mount(html`<therapist-match lang="en_US"></therapist-match>`);
    });
    expect(el.resolvedLang).to.equal('en-US');
    expect(stepHeading(el)).to.equal('Step 1 of 4: Who is looking for help?');
    expect(english).to.deep.equal([]);
    // Inherited from the page, as a CMS template writes it.
    const wrapper = await fixture<HTMLElement>(html`<div lang="en_GB"><therapist-match></therapist-match></div>`);
    const inherited = wrapper.querySelector('therapist-match') as TherapistMatch;
    await inherited.updateComplete;
    expect(inherited.resolvedLang).to.equal('en-GB');
  });

  it('messages that are not text are left out, the English ones stand in', async () => {
    let el!: TherapistMatch;
    const warnings = await warningsDuring(async () => {
      el = await mount(
        html`<therapist-match .strings=${{ 'quiz.step.who': 5, 'quiz.next': 'Onward' } as never}></therapist-match>`,
      );
    });
    expect(stepHeading(el)).to.equal('Step 1 of 4: Who is looking for help?');
    expect(quizOf(el)!.shadowRoot!.querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Onward');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"quiz.step.who"');
  });

  it('a vocabulary that is not one (a list missing, a term without labels) is replaced by the default', async () => {
    for (const vocabulary of [null, 'x', { concerns: 'x' }, { concerns: [{ id: 'x' }, 5] }]) {
      let el!: TherapistMatch;
      await warningsDuring(async () => {
        el = await mount(html`<therapist-match steps="concerns" .vocabulary=${vocabulary as never}></therapist-match>`);
      });
      expect(stepHeading(el), JSON.stringify(vocabulary)).to.equal('Step 1 of 1: What brings you here?');
      expectUsable(el);
    }
  });

  it('source-share names that are not answer fields are ignored ("constructor" broke loading)', async () => {
    const warnings = await warningsDuring(async () => {
      const el = await mount(
        html`<therapist-match .source=${directory} steps="who" source-share="constructor, concerns"></therapist-match>`,
      );
      await toResults(el);
      expectUsable(el);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"constructor" ignored');
  });

  it('a source without a search method is ignored with a warning', async () => {
    const warnings = await warningsDuring(async () => {
      const el = await mount(html`<therapist-match .source=${{} as never} steps="who"></therapist-match>`);
      await toResults(el);
      expectUsable(el);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('has no search method; ignored');
  });
});
