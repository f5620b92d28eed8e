// The quiz session of one <therapist-match>: the answers, the step and the view, moving between
// them, and the opt-in session snapshot. The element renders it; nothing here touches the DOM
// beyond sessionStorage.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MatchAnswers } from '../engine/answers.js';
import { siteReaders } from './site-readers.js';
import {
  applicableSteps,
  applyChange,
  clearStep,
  isQuizStep,
  nextStep,
  previousStep,
  settleStep,
  startAnswers,
  toMatchAnswers,
  type QuizAction,
  type QuizStep,
} from '../state/quiz-flow.js';

/** sessionStorage key for `persist="session"`; suffixed with the element's id when it has one. */
const STORAGE_KEY = 'therapist-match';

export type QuizView = 'quiz' | 'results';

/** What the session asks of its element: the options in use. */
export interface QuizSessionOptions {
  /** The site's step order. */
  order(): QuizStep[];
  /** The site's preset answers, already read. */
  preset(): Partial<MatchAnswers>;
  /**
   * Whether answers are kept in sessionStorage (`persist="session"`). The element makes sure the
   * stored-session reader is there before its first update.
   */
  persist(): boolean;
  /** The interface language (a base tag such as `es`). */
  language(): string;
}

export class QuizSession implements ReactiveController {
  private state: { answers: MatchAnswers; step: QuizStep; view: QuizView } = {
    answers: startAnswers(),
    step: 'who',
    view: 'quiz',
  };
  /** The person changed something: a later preset no longer overwrites their answers. */
  touched = false;
  /** The answers came from a stored snapshot. */
  restored = false;
  /** What "Start over" cleared, until the person answers again: "Undo" puts it back. */
  undoable?: QuizSession['state'] & { touched: boolean };
  /** Fields of a discarded snapshot, until the element has reported them. */
  discarded?: string[];
  private engine?: { from: MatchAnswers; value: MatchAnswers };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: QuizSessionOptions,
  ) {
    host.addController(this);
  }

  get answers(): MatchAnswers {
    return this.state.answers;
  }
  get step(): QuizStep {
    return this.state.step;
  }
  get view(): QuizView {
    return this.state.view;
  }

  private set(change: Partial<QuizSession['state']>): void {
    this.state = { ...this.state, ...change };
    this.host.requestUpdate();
  }

  /** What the engine and the results receive: the same object while the answers are unchanged. */
  get matchAnswers(): MatchAnswers {
    if (this.engine?.from !== this.answers) this.engine = { from: this.answers, value: toMatchAnswers(this.answers) };
    return this.engine.value;
  }

  /** The steps that apply to the answers, in the site's order. */
  get applicable(): QuizStep[] {
    return applicableSteps(this.options.order(), this.answers);
  }

  private get storageKey(): string {
    return this.host.id ? `${STORAGE_KEY}:${this.host.id}` : STORAGE_KEY;
  }

  /**
   * Before each render: resumes a stored session the first time, applies a changed preset until
   * the person has answered, and keeps the step one that applies.
   */
  settle({ first, preset, steps }: { first: boolean; preset: boolean; steps: boolean }): void {
    if (first) this.restore();
    if ((first || preset) && !this.touched && !this.restored) this.set({ answers: this.fresh() });
    if (steps || first) {
      const order = this.options.order();
      // A first visit starts at the site's first step, wherever `who` is in the order.
      const wanted = !first || this.restored ? this.step : order[0];
      this.set({ step: settleStep(order, this.answers, wanted) ?? order[0] });
    }
  }

  /** The person changed an answer. */
  answer(answers: MatchAnswers): void {
    this.touched = true;
    this.undoable = undefined;
    this.set({ answers });
  }

  /** A quiz button: where the person goes next (a step, or the results). */
  act(action: QuizAction): QuizStep | 'results' | undefined {
    this.touched = true;
    this.undoable = undefined;
    if (action === 'skip') this.set({ answers: clearStep(this.answers, this.step, this.options.preset()) });
    const steps = this.applicable;
    if (action === 'back') return previousStep(steps, this.step);
    return nextStep(steps, this.step) ?? 'results';
  }

  /** A relaxation chosen on the results: the answers, patched. */
  relax(change: Partial<MatchAnswers>): void {
    this.touched = true;
    this.set({ answers: applyChange(this.answers, change) });
  }

  /** The step "Change answers" opens: the one asked for if it applies, else the first. */
  stepFor(wanted: unknown): QuizStep {
    const steps = this.applicable;
    return isQuizStep(wanted) && steps.includes(wanted) ? wanted : steps[0];
  }

  show(target: QuizStep | 'results'): void {
    this.set(target === 'results' ? { view: 'results' } : { view: 'quiz', step: target });
  }

  /** Clears every answer, in memory and in storage. */
  reset(): void {
    try {
      sessionStorage.removeItem(this.storageKey);
    } catch {
      // storage blocked: nothing was stored
    }
    this.undoable = { ...this.state, touched: this.touched };
    this.touched = this.restored = false;
    this.set({ answers: this.fresh() });
  }

  /**
   * New answers: the preset, and with an interface in another language than English, therapists who
   * speak it preferred (shown chosen on the comfort step, so the person can say otherwise).
   */
  private fresh(): MatchAnswers {
    const answers = startAnswers(this.options.preset());
    const lang = this.options.language();
    const preferences = answers.preferences;
    return lang === 'en' || preferences?.languages
      ? answers
      : { ...answers, preferences: { ...preferences, languages: { value: [lang], importance: 'preferred' } } };
  }

  /** Puts back what "Start over" cleared (answers, step and view); returns the view to show. */
  undo(): QuizStep | 'results' | undefined {
    const saved = this.undoable;
    if (!saved) return undefined;
    this.undoable = undefined;
    this.touched = saved.touched;
    this.set({ answers: saved.answers, step: saved.step });
    return saved.view === 'results' ? 'results' : saved.step;
  }

  /** Resumes from sessionStorage when the site opted in; a snapshot that cannot be trusted is removed. */
  private restore(): void {
    const readers = siteReaders();
    if (!this.options.persist() || !readers) return;
    let read;
    try {
      read = readers.readSnapshot(sessionStorage.getItem(this.storageKey));
      if (read.invalid) sessionStorage.removeItem(this.storageKey);
    } catch {
      return; // storage blocked: memory only
    }
    if (read.invalid) {
      this.discarded = read.invalid;
      console.warn(readers.snapshotDiscarded(this.storageKey, read.invalid));
      return;
    }
    const snapshot = read.snapshot;
    if (!snapshot) return;
    this.set({ answers: snapshot.answers, step: snapshot.step, view: snapshot.view });
    this.touched = this.restored = true;
  }

  hostUpdated(): void {
    const readers = siteReaders();
    if (!this.options.persist() || !this.touched || !readers) return;
    try {
      sessionStorage.setItem(this.storageKey, readers.serializeSnapshot(this.state));
    } catch {
      // storage full or blocked: answers stay in memory
    }
  }
}
