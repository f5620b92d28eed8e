// A TypeScript consumer of the packed package (test/node/consumer.test.js type-checks it against
// the installed tarball, bundles it with esbuild and runs it in Chromium). It reads every event's
// `detail` with the types a developer gets from `import ... from 'therapist-match'`.
import 'therapist-match/define.js';
import {
  QUIZ_STEPS,
  TherapistMatch,
  jsonSource,
  type DataProblem,
  type QuizStep,
  type TherapistSource,
  type TmEventName,
  type TmStrings,
} from 'therapist-match';

/** What the page saw, read by the test through `window.consumer`. */
const seen: Record<string, string[]> = {};
const record = (event: Event, text: string) => (seen[event.type] ??= []).push(text);

declare global {
  interface Window {
    consumer: { seen: Record<string, string[]>; registered: boolean };
  }
}

const source: TherapistSource = jsonSource('/data.json');
const steps: QuizStep[] = [...QUIZ_STEPS];
const strings: TmStrings = { 'quiz.next': 'Continue' };

// HTMLElementTagNameMap: `root` is a TherapistMatch, so these are checked properties.
const root = document.createElement('therapist-match');
root.source = source;
root.steps = steps;
root.strings = strings;

// GlobalEventHandlersEventMap: every `detail` is typed, no casts.
root.addEventListener('tm-step-change', (e) => record(e, `${e.detail.step} ${e.detail.index}/${e.detail.count}`));
root.addEventListener('tm-results-shown', (e) => record(e, `${e.detail.count} ${e.detail.ids.join(',')}`));
root.addEventListener('tm-select', (e) => record(e, e.detail.id));
root.addEventListener('tm-contact', (e) => record(e, `${e.detail.id} ${e.detail.channel}`));
root.addEventListener('tm-data-problem', (e) =>
  record(e, e.detail.problems.map((p: DataProblem) => `${p.severity} ${p.id ?? ''} ${p.path}`).join('; ')),
);
root.addEventListener('tm-error', (e) => record(e, `${e.detail.kind}: ${e.detail.message}`));
root.addEventListener('tm-snapshot-discarded', (e) => record(e, e.detail.fields.join(',')));

// Every public event of <therapist-match> is read above: a new one fails here until it is.
const read = {
  'tm-step-change': true,
  'tm-results-shown': true,
  'tm-select': true,
  'tm-contact': true,
  'tm-data-problem': true,
  'tm-error': true,
  'tm-snapshot-discarded': true,
} satisfies Record<TmEventName, true>;
void read;

// The checker's event, from the same package root.
const check = document.createElement('tm-directory-check');
check.addEventListener('tm-directory-checked', (e) =>
  record(e, `${e.detail.format} ${e.detail.kept}/${e.detail.records}`),
);

document.body.append(root);
window.consumer = { seen, registered: root instanceof TherapistMatch };
