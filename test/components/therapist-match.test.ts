// <therapist-match> loading a directory: the ranked sample directory, or the error, reach <tm-results>.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import type { RankResult } from '../../src/engine/types.js';

type ResultsElement = HTMLElement & { result?: RankResult; state?: string; error?: Error & { status?: number } };

async function showMatches(el: TherapistMatch): Promise<ResultsElement> {
  const quiz = el.shadowRoot!.querySelector('tm-quiz')!;
  await (quiz as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  quiz.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('tm-results'), 'results not shown', { timeout: 5000 });
  return el.shadowRoot!.querySelector('tm-results') as ResultsElement;
}

describe('<therapist-match> loading a directory', () => {
  it('ranks the sample directory and hands the matches to the results', async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match src="/demo/data/therapists.json" steps="who"></therapist-match>`,
    );
    const results = await showMatches(el);
    await waitUntil(() => results.state === 'ready' && results.result, 'no ranked result', { timeout: 5000 });
    const { matches, total } = results.result!;
    expect(matches.length).to.equal(20);
    expect(total).to.be.greaterThan(20);
    expect(matches[0].therapist.name).to.match(/^(Dr\. )?\p{L}+ \p{L}/u);
  });

  it('hands the error to the results when the file is missing', async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match src="/demo/data/nope.json" steps="who"></therapist-match>`,
    );
    const results = await showMatches(el);
    await waitUntil(() => results.state === 'error', 'no error state', { timeout: 5000 });
    expect(results.error!.message).to.contain('404');
  });
});
