// fhirSource in the browser, over real HTTP (the test runner's server, test/tools/fhir-server.mjs):
// the shared suite of fhir-cases.js, and the widget on a FHIR server as a person sees it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TmEventDetails } from '../../src/events.js';
import { parseTherapists, type TherapistMatch } from '../../src/index.js';
import { fhirSource, queryFromAnswers, SourceError } from '../../src/sources/index.js';
import { fhirCases } from './fhir-cases.js';
import { failOnUnhandledRejections, uniqueKey } from './helpers.js';

const harness = {
  fhirSource,
  parseTherapists,
  queryFromAnswers,
  SourceError,
  server: () => new URL(`/test-api/fhir/${uniqueKey()}`, location.href).href,
  file: (name: string) => new URL(`/test-api/file/${name}?type=application/fhir%2Bjson`, location.href).href,
  same: (actual: unknown, expected: unknown, message?: string) => expect(actual, message).to.deep.equal(expected),
  ok: (value: unknown, message?: string) => expect(value, message).to.be.ok,
};

describe('fhirSource', () => {
  failOnUnhandledRejections();
  for (const { name, run } of fhirCases(harness)) it(name, run);
});

/** Everything a visitor can read in the widget, shadow roots included. */
function visibleText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return text.replace(/\s+/g, ' ').trim();
}

describe('fhirSource in the widget', () => {
  failOnUnhandledRejections();

  it('shows the behavioural health clinicians of a FHIR server as matches, and reports the skipped roles', async () => {
    const problems: TmEventDetails['tm-data-problem'][] = [];
    const source = fhirSource({ server: `${harness.server()}/plan-net`, pageSize: 2, searchParameters: ['near'] });
    const el = await fixture<TherapistMatch>(
      html`<therapist-match
        steps="who"
        .preset=${{ location: { lat: 41.3069, lng: -72.9251, maxDistanceKm: 200 } }}
        .source=${source}
        @tm-data-problem=${(event: CustomEvent<TmEventDetails['tm-data-problem']>) => problems.push(event.detail)}
      ></therapist-match>`,
    );
    const quiz = el.shadowRoot!.querySelector('tm-quiz')!;
    await (quiz as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    quiz.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('tm-results'), 'results not shown', { timeout: 5000 });
    const results = el.shadowRoot!.querySelector('tm-results') as HTMLElement & { state?: string };
    await waitUntil(() => /Susie Rivera/.test(visibleText(results)), 'no FHIR listing shown', { timeout: 8000 });
    const seen = visibleText(results);
    expect(seen).to.contain('Marcus J. Lee');
    expect(seen).to.not.contain('Joe Smith', 'the internist is not a behavioural health clinician');
    const skipped = problems
      .flatMap((detail) => detail.problems)
      .find((p) => /PractitionerRoles skipped/.test(p.message));
    expect(skipped?.message).to.match(/2 of 6 PractitionerRoles skipped \(1 not behavioural health, 1 inactive\)/);
  });

  it('sends a FHIR server the place of a person who requires in-person sessions, never the answers source-share holds back', async () => {
    const base = harness.server();
    const el = await fixture<TherapistMatch>(
      html`<therapist-match
        steps="who"
        source-share="preferences"
        .preset=${{
          concerns: { primary: 'low-desire', others: ['body-image'] },
          location: { jurisdiction: 'US-CT', lat: 41.7658, lng: -72.6734, maxDistanceKm: 40 },
          formats: { value: ['in-person'], importance: 'required' },
        }}
        .source=${fhirSource({ server: `${base}/plan-net` })}
      ></therapist-match>`,
    );
    const quiz = el.shadowRoot!.querySelector('tm-quiz')!;
    await (quiz as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    quiz.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('tm-results'), 'results not shown', { timeout: 5000 });
    const results = el.shadowRoot!.querySelector('tm-results')!;
    await waitUntil(() => /Marcus J. Lee/.test(visibleText(results)), 'no listing near Hartford shown', {
      timeout: 8000,
    });
    const asked: string[] = await (await fetch(`${base}/requests`)).json();
    const inPerson = asked.map((url) => new URL(url, location.href).searchParams.get('location.near'));
    expect(inPerson).to.include('41.77|-72.67|42|km');
    for (const url of asked) {
      const said = decodeURIComponent(url);
      for (const answer of ['low-desire', 'body-image', 'desire', 'concern', 'US-CT'])
        expect(said, 'an answer in the URL').to.not.contain(answer);
    }
  });
});
