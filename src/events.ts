// Every event the widget dispatches: names, detail types and the one helper that sends them.
// Public events (`tm-*`) bubble and cross shadow roots; by default no detail carries quiz answers
// (a site owner opts in with `share-answers`, which adds `answers`). Internal events (`tmi-*`)
// pass between the widget's own elements only: not composed, never part of the API.
import type { MatchAnswers } from './engine/answers.js';
import type { DataProblem } from './engine/records.js';
import type { SourceErrorKind } from './sources/types.js';
import type { QuizAction } from './state/quiz-flow.js';

export interface TmEventDetails {
  /** The quiz moved to another step. */
  'tm-step-change': { step: string; index: number; count: number; answers?: MatchAnswers };
  /** Results were shown (ids in rank order). */
  'tm-results-shown': { count: number; ids: string[]; answers?: MatchAnswers };
  /** A person opened a therapist's details. */
  'tm-select': { id: string };
  /**
   * A person used a contact action. A listener may set `followUp` to the site's own words for what
   * to do next (text, shown above the next best matches in place of "If you don't hear back in 2
   * business days, …").
   */
  'tm-contact': { id: string; channel: 'booking' | 'email' | 'phone' | 'website'; followUp?: string };
  /** Records were skipped because they are invalid. */
  'tm-data-problem': { problems: DataProblem[] };
  /**
   * The data source failed. For developers: visitors see one plain sentence for the `kind` and a
   * Retry button, never these details.
   */
  'tm-error': {
    kind: SourceErrorKind;
    /** What happened and what to check, naming the source. */
    message: string;
    /** The HTTP status, for an `http` error. */
    status?: number;
    /** The source's label (a file name, an API's name). */
    source?: string;
    /** The URL asked, without its query string. */
    url?: string;
    /** The start of the server's answer (a few hundred characters), for an `http` or `parse` error. */
    body?: string;
  };
  /**
   * The answers kept with `persist="session"` could not be trusted (tampered with, or written by
   * another version): they were removed and the quiz started fresh. `fields` names what was wrong,
   * never a value; it is empty when the stored text was not a snapshot at all.
   */
  'tm-snapshot-discarded': { fields: string[] };
}

export type TmEventName = keyof TmEventDetails;
export type TmEvent<K extends TmEventName> = CustomEvent<TmEventDetails[K]>;

/** Events between the widget's own elements (`<tm-quiz>` and `<tm-results>` to the root). */
export interface TmInternalEventDetails {
  /** The quiz's answers after the person changed a control. */
  'tmi-answers': { answers: MatchAnswers };
  /** A quiz button: `next`, `back` or `skip`. */
  'tmi-action': { action: QuizAction };
  /** The person chose a relaxation on the results; `change` patches the answers. */
  'tmi-relax': { change: Partial<MatchAnswers> };
  /** The person asked to change their answers, at `step` when given. */
  'tmi-edit': { step?: string };
  /** The person asked to load again after an error. */
  'tmi-retry': null;
}

/**
 * Dispatches a widget event on `target`: public ones bubble out of every shadow root (a page
 * listens on `<therapist-match>`); internal ones bubble to the parent element's listener only.
 */
export function emit<K extends TmEventName | keyof TmInternalEventDetails>(
  target: EventTarget,
  name: K,
  detail: K extends TmEventName ? TmEventDetails[K] : TmInternalEventDetails[Exclude<K, TmEventName>],
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: !name.startsWith('tmi-') }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tm-step-change': TmEvent<'tm-step-change'>;
    'tm-results-shown': TmEvent<'tm-results-shown'>;
    'tm-select': TmEvent<'tm-select'>;
    'tm-contact': TmEvent<'tm-contact'>;
    'tm-data-problem': TmEvent<'tm-data-problem'>;
    'tm-error': TmEvent<'tm-error'>;
    'tm-snapshot-discarded': TmEvent<'tm-snapshot-discarded'>;
  }
}
