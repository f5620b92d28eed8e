// <tm-results>: the live count, exclusions, conflicts, relaxations, cards, and every state.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { TmResults } from '../../src/components/results/results.js';
import type { MatchAnswers } from '../../src/engine/answers.js';
import type { RankResult } from '../../src/engine/types.js';
import { rankTherapists } from '../../src/engine/rank.js';
import { SourceError } from '../../src/sources/types.js';
import { cardsIn, expectAccessible, rankResult, sample, textOf } from './results-fixtures.js';

type State = TmResults['state'];

async function results(result: RankResult | undefined, state: State = 'ready', lang = 'en'): Promise<TmResults> {
  return fixture<TmResults>(html`<tm-results .result=${result} .state=${state} lang=${lang}></tm-results>`);
}
const $ = (el: TmResults, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: TmResults, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const status = (el: TmResults) => $(el, '[role="status"]')!;
const buttons = (el: TmResults) => $$(el, 'button') as HTMLButtonElement[];

describe('<tm-results>', () => {
  it('announces the count through a live region that exists from the first render', async () => {
    const el = await results(undefined, 'loading');
    const region = status(el);
    expect(region.children).to.have.length(0);
    expect(textOf(region)).to.equal('Finding therapists who fit your answers…');
    el.result = rankResult();
    el.state = 'ready';
    await el.updateComplete;
    expect(status(el)).to.equal(region);
    expect(textOf(region)).to.equal('3 therapists match your answers');
    el.result = rankResult({ matched: 1, matches: rankResult().matches.slice(0, 1) });
    await el.updateComplete;
    expect(textOf(region)).to.equal('1 therapist matches your answers');
  });

  it('lists the matches in rank order, one card each', async () => {
    const el = await results(rankResult({ matched: 45 }));
    const cards = cardsIn(el);
    expect($$(el, 'ol[part="list"] > li')).to.have.length(3);
    expect(cards.map((card) => textOf(card.shadowRoot!.querySelector('h3')))).to.deep.equal([
      'Dr. Avery Brightwater',
      sample[1].name,
      sample[2].name,
    ]);
    expect(textOf(cards[1].shadowRoot!.querySelector('.score span'))).to.equal('Good match, 62%');
    expect(textOf($(el, '[part="summary"]'))).to.contain('Showing the best 3 of 45.');
  });

  it('says what was left out and where partners differ', async () => {
    const el = await results(rankResult());
    expect($$(el, '[part="exclusions"] li').map(textOf)).to.deep.equal([
      '12 not licensed in Oregon for video sessions',
      '5 do not meet your requirement for Therapist gender (Woman or Non-binary)',
    ]);
    expect(textOf($(el, '[part="conflicts"] li'))).to.equal(
      'For Therapist gender, you would like Woman and your partner would like Man: one of these wishes may go unmet.',
    );
  });

  it('offers relaxations as buttons that send the change, from the keyboard', async () => {
    const result = rankResult();
    const el = await results(result);
    const relax = $$(el, '[part~="relaxation"]') as HTMLButtonElement[];
    expect(relax.map(textOf)).to.deep.equal([
      'Include video sessions: 7 more',
      'Search up to 31 mi: 3 more',
      'Make “Therapist gender” a preference, not a must: 1 more',
    ]);
    relax[0].focus();
    let relaxed = oneEvent(el, 'tmi-relax');
    await sendKeys({ press: 'Enter' });
    let event = await relaxed;
    expect(event.detail).to.deep.equal({ change: result.relaxations[0].change });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(false);

    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(relax[1]);
    relaxed = oneEvent(el, 'tmi-relax');
    await sendKeys({ press: ' ' });
    event = await relaxed;
    expect(event.detail.change).to.deep.equal({ location: { lat: 45.5, lng: -122.6, maxDistanceKm: 50 } });
  });

  it('lets the person change their answers', async () => {
    const el = await results(rankResult());
    const edit = buttons(el).find((b) => textOf(b) === 'Change answers')!;
    edit.focus();
    const editing = oneEvent(el, 'tmi-edit');
    await sendKeys({ press: 'Enter' });
    expect((await editing).composed).to.equal(false);
  });

  it('is never a dead end when nothing matches', async () => {
    const answers: MatchAnswers = { seeking: 'individual', formats: { value: ['in-person'], importance: 'required' } };
    const empty = rankResult({
      matches: [],
      matched: 0,
      relaxations: [{ criterion: 'insurance', additional: 2, change: { insurance: undefined } }],
    });
    const el = await fixture<TmResults>(
      html`<tm-results .result=${empty} state="ready" .answers=${answers}></tm-results>`,
    );
    expect(textOf(status(el))).to.equal('No therapist matches every answer yet');
    expect(textOf($(el, '[part="empty"]'))).to.contain('No therapist fits every answer you gave.');
    expect(textOf($(el, '[part="empty"]'))).to.contain('Video sessions widen the choice');
    expect($$(el, 'ol')).to.have.length(0);
    expect(buttons(el).map(textOf)).to.deep.equal([
      'Make “Insurance” a preference, not a must: 2 more',
      'Include video sessions',
      'Change answers',
    ]);
    const relaxed = oneEvent(el, 'tmi-relax');
    buttons(el)[1].click();
    expect((await relaxed).detail.change).to.deep.equal({
      formats: { value: ['in-person', 'telehealth'], importance: 'required' },
    });
  });

  it('shows a site’s own empty message in the empty slot, keeping the ways forward', async () => {
    const empty = rankResult({ matches: [], matched: 0 });
    const el = await fixture<TmResults>(
      html`<tm-results .result=${empty} state="ready"><p slot="empty">Call our front desk.</p></tm-results>`,
    );
    const slot = $(el, 'slot[name="empty"]') as HTMLSlotElement;
    expect(slot.assignedElements().map(textOf)).to.deep.equal(['Call our front desk.']);
    expect(buttons(el).map(textOf)).to.include('Change answers');
    expect(buttons(el).map(textOf)).to.include('Include video sessions: 7 more');
  });

  it('shows skeleton cards while loading', async () => {
    const el = await results(undefined, 'loading');
    expect($(el, '[part="results"]')!.getAttribute('aria-busy')).to.equal('true');
    expect($$(el, '[part="skeleton"]')).to.have.length(3);
    expect(cardsIn(el)).to.have.length(0);
    el.state = 'ready';
    el.result = rankResult();
    await el.updateComplete;
    expect($(el, '[part="results"]')!.getAttribute('aria-busy')).to.equal('false');
    expect($$(el, '[part="skeleton"]')).to.have.length(0);
  });

  it('shows the error with a Retry button', async () => {
    const el = await fixture<TmResults>(
      html`<tm-results
        state="error"
        .error=${new SourceError('network', 'Could not reach /therapists.json')}
      ></tm-results>`,
    );
    const alert = $(el, '[role="alert"]')!;
    expect(textOf(alert)).to.equal(
      'We could not load the therapist directory. Check your internet connection, then try again. Try again',
    );
    const retry = $(el, '[part~="retry"]') as HTMLButtonElement;
    retry.focus();
    const retried = oneEvent(el, 'tmi-retry');
    await sendKeys({ press: 'Enter' });
    const event = await retried;
    expect(event.detail).to.equal(null);
    expect(event.composed).to.equal(false);
  });

  it('tells visitors what happened in one plain sentence per kind, never the message meant for developers', async () => {
    const leaked =
      'directory.json did not answer with valid JSON (text/html, starting "<!doctype html><title>Sign in")';
    const sentences: [SourceError | Error, string][] = [
      [new SourceError('network', leaked), 'Check your internet connection, then try again.'],
      [new SourceError('timeout', leaked), 'The directory took too long to answer. Please try again.'],
      [
        new SourceError('http', leaked, 503),
        'The directory is not available right now. Please try again in a few minutes.',
      ],
      [new SourceError('parse', leaked), 'The directory sent something we could not read. Please try again later.'],
      [new SourceError('shape', leaked), 'The directory sent something we could not read. Please try again later.'],
      [new SourceError('adapter', leaked), 'This website could not read its directory. Please try again later.'],
      [new TypeError(leaked), 'Please try again.'],
    ];
    for (const [error, sentence] of sentences) {
      const el = await fixture<TmResults>(html`<tm-results state="error" .error=${error}></tm-results>`);
      const alert = $(el, '[role="alert"]')!;
      expect(textOf(alert), (error as SourceError).kind).to.equal(
        `We could not load the therapist directory. ${sentence} Try again`,
      );
      expect(el.shadowRoot!.textContent).not.to.contain('Sign in');
    }
    const spanish = await fixture<TmResults>(
      html`<tm-results state="error" lang="es" .error=${new SourceError('adapter', leaked)}></tm-results>`,
    );
    await waitUntil(() => textOf($(spanish, '[role="alert"]')).startsWith('No pudimos'), 'no Spanish', {
      timeout: 5000,
    });
    expect(textOf($(spanish, '[role="alert"]'))).to.equal(
      'No pudimos cargar el directorio de terapeutas. Este sitio web no pudo leer su directorio. Vuelve a intentarlo más tarde. Reintentar',
    );
  });

  it('says when the directory has nobody listed', async () => {
    const el = await results(undefined, 'no-data');
    expect(textOf(status(el))).to.equal('This directory has no therapists listed yet.');
    expect(textOf($(el, '[part~="empty"]'))).to.equal('Please check back later.');
  });

  it('speaks Spanish, with kilometres, and takes a site’s own words', async () => {
    const el = await fixture<TmResults>(
      html`<tm-results
        .result=${rankResult()}
        state="ready"
        lang="es"
        .strings=${{ 'results.editAnswers': 'Volver al cuestionario' }}
      ></tm-results>`,
    );
    // Spanish loads on demand; the results render again once it is there.
    await waitUntil(() => textOf(status(el)).includes('terapeutas'), 'the Spanish messages never arrived', {
      timeout: 5000,
    });
    expect(buttons(el).map(textOf)).to.include('Volver al cuestionario');
    expect(textOf(status(el))).to.equal('3 terapeutas encajan con tus respuestas');
    expect(($$(el, '[part~="relaxation"]') as HTMLElement[]).map(textOf)).to.deep.equal([
      'Incluir sesiones por vídeo: 7 más',
      'Buscar hasta 50 km: 3 más',
      'Convertir «Género del terapeuta» en preferencia, no en requisito: 1 más',
    ]);
    expect(textOf($(el, '[part="exclusions"] li'))).to.equal('12 sin licencia en Oregón para sesiones por vídeo');
    const card = cardsIn(el)[0];
    expect(textOf(card.shadowRoot!.querySelector('summary'))).to.equal('Por qué coincide');
  });

  it('inherits the page language', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es"><tm-results .result=${rankResult()} state="ready"></tm-results></div>`,
    );
    const el = wrapper.querySelector('tm-results')!;
    await waitUntil(() => textOf(status(el)).includes('terapeutas'), 'the Spanish messages never arrived', {
      timeout: 5000,
    });
    expect(textOf(status(el))).to.equal('3 terapeutas encajan con tus respuestas');
  });

  it('lays out right to left on an RTL page', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl" style="inline-size: 600px">
        <tm-results .result=${rankResult()} state="ready"></tm-results>
      </div>`,
    );
    const el = wrapper.querySelector('tm-results')!;
    const host = el.getBoundingClientRect();
    const first = ($$(el, '[part~="relaxation"]')[0] as HTMLElement).getBoundingClientRect();
    const words = document.createRange();
    words.selectNodeContents(status(el));
    const count = words.getBoundingClientRect();
    expect(host.right - first.right).to.be.lessThan(2);
    expect(first.left - host.left).to.be.greaterThan(100);
    expect(host.right - count.right).to.be.lessThan(2);
    expect(count.left - host.left).to.be.greaterThan(100);
  });

  for (const [name, make] of [
    ['with matches', () => results(rankResult())],
    ['when empty', () => results(rankResult({ matches: [], matched: 0 }))],
    ['while loading', () => results(undefined, 'loading')],
    [
      'on error',
      () =>
        fixture<TmResults>(
          html`<tm-results state="error" .error=${new SourceError('http', 'HTTP 500', 500)}></tm-results>`,
        ),
    ],
    ['with no data', () => results(undefined, 'no-data')],
  ] as const)
    it(`is accessible ${name} (axe, WCAG 2.2 AA)`, async () => {
      await expectAccessible(await make());
    });

  it('renders what the real ranker returns', async () => {
    const answers: MatchAnswers = {
      seeking: 'couple',
      concerns: { primary: 'desire-discrepancy' },
      formats: { value: ['in-person', 'telehealth'], importance: 'required' },
      location: { jurisdiction: 'US-OR', lat: 45.5152, lng: -122.6784 },
    };
    const result = rankTherapists(sample, answers);
    const el = await fixture<TmResults>(
      html`<tm-results .result=${result} state="ready" .answers=${answers}></tm-results>`,
    );
    // Ten at a time: the rest behind "Show more".
    await waitUntil(() => cardsIn(el).length === Math.min(10, result.matches.length));
    expect(result.matches.length).to.be.greaterThan(0);
    expect(textOf(status(el))).to.match(new RegExp(`^${result.matched} therapists? match`));
    const first = cardsIn(el)[0];
    expect(textOf(first.shadowRoot!.querySelector('h3'))).to.equal(result.matches[0].therapist.name);
    // One line per criterion used, and one line naming every criterion not used.
    const reasons = result.matches[0].reasons;
    const unused = reasons.filter((reason) => reason.status === 'unused').length;
    expect(first.shadowRoot!.querySelectorAll('[part="reasons"] li').length).to.equal(
      reasons.length - unused + (unused ? 1 : 0),
    );
  });
});
