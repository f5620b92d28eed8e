// A React 19 consumer of the packed package: `therapist-match/react` makes the tags known to TSX,
// with the element's properties and `ontm-*` listeners whose `detail` is typed.
import type {} from 'therapist-match/react';
import 'therapist-match/define.js';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { jsonSource, type QuizStep, type TmStrings } from 'therapist-match';

const source = jsonSource('/data.json');
const steps: QuizStep[] = ['who', 'concerns', 'practical'];
const strings: TmStrings = { 'quiz.next': 'Onward' };

declare global {
  interface Window {
    reactSeen: string[];
  }
}
window.reactSeen = [];

function App() {
  const [step, setStep] = useState('');
  return (
    <>
      <p id="step">{step}</p>
      <therapist-match
        source={source}
        steps={steps}
        strings={strings}
        ontm-step-change={(e) => {
          setStep(e.detail.step);
          window.reactSeen.push(`tm-step-change ${e.detail.step} ${e.detail.index}/${e.detail.count}`);
        }}
        ontm-results-shown={(e) => window.reactSeen.push(`tm-results-shown ${e.detail.count}`)}
        ontm-select={(e) => window.reactSeen.push(`tm-select ${e.detail.id}`)}
        ontm-contact={(e) => window.reactSeen.push(`tm-contact ${e.detail.channel}`)}
        ontm-data-problem={(e) => window.reactSeen.push(`tm-data-problem ${e.detail.problems.length}`)}
        ontm-error={(e) => window.reactSeen.push(`tm-error ${e.detail.kind}`)}
        ontm-snapshot-discarded={(e) => window.reactSeen.push(`tm-snapshot-discarded ${e.detail.fields.length}`)}
      />
      <tm-directory-check ontm-directory-checked={(e) => window.reactSeen.push(`checked ${e.detail.kept}`)} hidden />
    </>
  );
}

/** TSX mistakes tsc must report. Never rendered. */
export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error not a quiz step */}
      <therapist-match steps={['intro']} />
      {/* @ts-expect-error tm-select's detail has an id, no name */}
      <therapist-match ontm-select={(e) => e.detail.name} />
      {/* @ts-expect-error `source` is a TherapistSource, not a URL */}
      <therapist-match source="/data.json" />
    </>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
