// The widget's public events: names, detail types and one factory. By default no detail carries
// quiz answers; a site owner opts in with the `share-answers` attribute, which adds `answers`.
import type { MatchAnswers } from './engine/answers.js';
import type { DataProblem } from './engine/records.js';
import type { SourceErrorKind } from './sources/types.js';

export interface TmEventDetails {
  /** The quiz moved to another step. */
  'tm-step-change': { step: string; index: number; count: number; answers?: MatchAnswers };
  /** Results were shown (ids in rank order). */
  'tm-results': { count: number; ids: string[]; answers?: MatchAnswers };
  /** A person opened a therapist's details. */
  'tm-select': { id: string };
  /** A person used a contact action. */
  'tm-contact': { id: string; channel: 'booking' | 'email' | 'phone' | 'website' };
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

/** Creates a bubbling, composed event; hosts listen on the element itself. */
export function tmEvent<K extends TmEventName>(name: K, detail: TmEventDetails[K]): TmEvent<K> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tm-step-change': TmEvent<'tm-step-change'>;
    'tm-results': TmEvent<'tm-results'>;
    'tm-select': TmEvent<'tm-select'>;
    'tm-contact': TmEvent<'tm-contact'>;
    'tm-data-problem': TmEvent<'tm-data-problem'>;
    'tm-error': TmEvent<'tm-error'>;
    'tm-snapshot-discarded': TmEvent<'tm-snapshot-discarded'>;
  }
}
