// What <therapist-match> asks its source, and when, as docs/adapters.md tells adapter writers: one
// broad call when it connects, the person's constraints at the results, the cached first answer on
// the way back, and the signal aborted when the element goes away.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch, TmQuiz } from '../../src/index.js';
import type { SourceQuery, TherapistSource } from '../../src/sources/types.js';
import { therapist } from '../components/results-fixtures.js';

type ResultsElement = HTMLElement & { state?: string; updateComplete: Promise<unknown> };

/** A source that keeps every query and signal it is given; `hold` keeps searches pending. */
function recordingSource(hold = false) {
  const calls: { query: SourceQuery; signal: AbortSignal }[] = [];
  const source: TherapistSource = {
    label: 'recording source',
    search(query, { signal }) {
      calls.push({ query: structuredClone(query), signal });
      return hold
        ? new Promise(() => {})
        : Promise.resolve([therapist({ id: 'both', clientTypes: ['individual', 'couple'] })]);
    },
  };
  return { source, calls };
}

const quizOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-quiz') as TmQuiz;
const resultsOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-results') as ResultsElement | null;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('what <therapist-match> asks a source', () => {
  it("asks { clientType: 'individual' } once when it connects, before any answer", async () => {
    const { source, calls } = recordingSource();
    await fixture<TherapistMatch>(html`<therapist-match steps="who" .source=${source}></therapist-match>`);
    await waitUntil(() => calls.length > 0, 'no search at connect', { timeout: 5000 });
    await nextFrame();
    expect(calls.map((call) => call.query)).to.deep.equal([{ clientType: 'individual' }]);
    expect(calls[0].signal).to.be.instanceOf(AbortSignal);
  });

  it("asks again with the couple's constraints at the results; going back reuses the first answer", async () => {
    const { source, calls } = recordingSource();
    const el = await fixture<TherapistMatch>(
      html`<therapist-match steps="who" .preset=${{ seeking: 'couple' }} .source=${source}></therapist-match>`,
    );
    await waitUntil(() => calls.length === 1, 'no search at connect', { timeout: 5000 });
    // The first answer is checked (the record check loads on demand) before the person goes on.
    const directory = () => (el as unknown as { directory: { state: { status: string } } }).directory.state.status;
    await waitUntil(() => directory() === 'ready', 'the first answer was never ready', { timeout: 5000 });
    await quizOf(el).updateComplete;
    expect(calls[0].query).to.deep.equal({ clientType: 'individual' });

    quizOf(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await waitUntil(() => resultsOf(el)?.state === 'ready', 'results not ready', { timeout: 5000 });
    expect(calls.map((call) => call.query)).to.deep.equal([{ clientType: 'individual' }, { clientType: 'couple' }]);

    const results = resultsOf(el)!;
    await results.updateComplete;
    results.shadowRoot!.querySelector<HTMLButtonElement>('[part~="edit"]')!.click();
    await waitUntil(() => !resultsOf(el), 'still on the results', { timeout: 5000 });
    await nextFrame();
    expect(calls.length).to.equal(2);
  });

  it('aborts the pending search when the element is removed', async () => {
    const { source, calls } = recordingSource(true);
    const el = await fixture<TherapistMatch>(html`<therapist-match steps="who" .source=${source}></therapist-match>`);
    await waitUntil(() => calls.length === 1, 'no search at connect', { timeout: 5000 });
    expect(calls[0].signal.aborted).to.equal(false);
    el.remove();
    expect(calls[0].signal.aborted).to.equal(true);
  });
});
