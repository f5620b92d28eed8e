// What a quiz step's view gets from <tm-quiz> (the element itself, through these members), and the registry of step views. The first step
// ("who") is always there; the others are defined by later-steps.ts, which define.ts imports at
// once and anything else loads on demand (the drop-in, as a chunk, when a person starts answering
// or when a site's first step is one of them).
import type { CSSResult, TemplateResult } from 'lit';
import type { MatchAnswers } from '../../engine/answers.js';
import type { DirectoryFacts } from '../../engine/facts.js';
import type { Place } from '../../engine/places.js';
import type { Therapist } from '../../engine/schema.js';
import type { TermDefinition, Vocabulary } from '../../engine/vocabulary.js';
import type { MessageKey } from '../../i18n/index.js';
import type { QuizStep } from '../../state/quiz-flow.js';

/** The quiz as its step views see it: the answers and choices, the step's own state, and helpers. */
export interface StepContext {
  readonly answers: MatchAnswers;
  /** The steps that apply, in order. */
  readonly steps: readonly QuizStep[];
  readonly vocabulary: Vocabulary;
  readonly places: Place[];
  readonly languages: string[];
  readonly insurers: string[];
  readonly currencies: string[];
  /** Most partners the partner step offers, as the site gave it (the step reads it). */
  readonly partners: unknown;
  /** The element's own (to move focus after a change). */
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  /** The language tag in use. */
  readonly langTag: string;
  /** Concerns: the person ticked "not sure yet". */
  notSure: boolean;
  /** Practical: what the person typed as a place, until it is resolved. */
  typedPlace?: string;
  placeNotFound: boolean;
  notFoundText: string;
  /** Practical: a currency picked before any amount was typed. */
  pendingCurrency?: string;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  label(term: TermDefinition | undefined, fallback?: string): string;
  radio(name: string, value: string, checked: boolean, text: string, onPick: () => void): TemplateResult;
  patch(change: Partial<MatchAnswers>): void;
  setAnswers(answers: MatchAnswers): void;
}

export interface StepView {
  render(q: StepContext): TemplateResult;
  /** Checked before Next: false keeps the person on the step (the invalid field gets focus). */
  beforeNext?(q: StepContext): boolean;
  /** The practical step's: the line under the place field (found, not found), for the first step's field too. */
  placeStatus?(q: StepContext): TemplateResult;
}

const views: Partial<Record<QuizStep, StepView>> = {};
let loading: Promise<unknown> | undefined;
let factsOf: ((therapists: readonly Therapist[]) => DirectoryFacts) | undefined;
let styles: CSSResult | undefined;
let lastFacts: { from: readonly Therapist[]; value: DirectoryFacts } | undefined;

/**
 * Adds step views, their styles, and how a directory's choices for them are found (later-steps.ts calls it when
 * it loads: the places, languages, insurers and currencies are only asked after the first step).
 */
export function defineSteps(
  more: Partial<Record<QuizStep, StepView>>,
  facts: (therapists: readonly Therapist[]) => DirectoryFacts,
  css: CSSResult,
): void {
  Object.assign(views, more);
  factsOf = facts;
  styles = css;
}

/** The later steps' styles, once they are here. */
export function stepStyles(): CSSResult | undefined {
  return styles;
}

/** Whether the later steps are here. */
export function stepsLoaded(): boolean {
  return factsOf !== undefined;
}

/** The choices `therapists` offer the later steps; `undefined` until those steps have loaded. */
export function stepFacts(therapists: readonly Therapist[]): DirectoryFacts | undefined {
  if (!factsOf) return undefined;
  if (lastFacts?.from !== therapists) lastFacts = { from: therapists, value: factsOf(therapists) };
  return lastFacts.value;
}

export function stepView(step: QuizStep): StepView | undefined {
  return views[step];
}

/** Loads the later steps once; harmless to call again. Rejects when the chunk cannot be loaded. */
export function loadSteps(): Promise<unknown> {
  // Once loaded, the step's formatters are made one task after another before it renders, so the
  // platform's first-use cost never lands in one long task (see warmFormatters).
  loading ??= import('./later-steps.js')
    .then((steps) => steps.ready())
    .catch((error: unknown) => {
      loading = undefined; // asked again, it loads again
      throw error;
    });
  return loading;
}
