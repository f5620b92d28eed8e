// The quiz's state, DOM-free: which steps apply, moving between them, patching answers and
// turning what a person entered into `MatchAnswers`. The root element's quiz-session controller
// drives it; answers from outside the quiz (a preset, a stored session) are read by
// stored-answers.ts first.
import type { MatchAnswers, PersonalPreferences, Preference } from '../engine/answers.js';
import type { QuizStep } from '../engine/steps.js';

export { QUIZ_STEPS, isQuizStep, parseSteps, type QuizStep } from '../engine/steps.js';

/** A quiz button: on to the next step (or the results), back, or skip (clear the step and go on). */
export type QuizAction = 'next' | 'back' | 'skip';

/** The steps that apply to these answers, in the site's order: no partner step for individuals. */
export function applicableSteps(order: readonly QuizStep[], answers: MatchAnswers): QuizStep[] {
  return order.filter((step) => step !== 'partner' || answers.seeking === 'couple');
}

/** The step after `current`, or `undefined` when the next thing to show is the results. */
export function nextStep(steps: readonly QuizStep[], current: QuizStep): QuizStep | undefined {
  const index = steps.indexOf(current);
  return index < 0 ? steps[0] : steps[index + 1];
}

/** The step before `current`, or `undefined` on the first step. */
export function previousStep(steps: readonly QuizStep[], current: QuizStep): QuizStep | undefined {
  const index = steps.indexOf(current);
  return index > 0 ? steps[index - 1] : undefined;
}

/**
 * The step to show for `wanted` once answers changed (e.g. a couple became an individual while on
 * the partner step): the wanted step if it still applies, else the next one that does.
 */
export function settleStep(order: readonly QuizStep[], answers: MatchAnswers, wanted: QuizStep): QuizStep | undefined {
  const steps = applicableSteps(order, answers);
  if (steps.includes(wanted)) return wanted;
  const after = order.slice(order.indexOf(wanted) + 1);
  return after.find((s) => steps.includes(s)) ?? steps.at(-1);
}

/**
 * In-person distance until the person picks another (or "any distance"): without one, someone in
 * New York would be offered in-person sessions in Seattle.
 */
export const DEFAULT_DISTANCE_KM = 50;

/**
 * The answers a quiz starts with: "just me" and the default distance, plus a site's preset that
 * has already been read (see `readPreset`).
 */
export function startAnswers(preset: Partial<MatchAnswers> = {}): MatchAnswers {
  return applyChange({ seeking: 'individual', location: { maxDistanceKm: DEFAULT_DISTANCE_KM } }, preset);
}

/**
 * Applies a patch (a site preset, or a relaxation the person accepted from the results): top-level
 * keys are replaced, a key set to `undefined` is removed. Returns new answers, never mutates.
 */
export function applyChange(answers: MatchAnswers, change: Partial<MatchAnswers>): MatchAnswers {
  const next: Record<string, unknown> = { ...answers };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete next[key];
    else next[key] = structuredClone(value);
  }
  return next as unknown as MatchAnswers;
}

/** What each step asks, so "Skip this step" can clear exactly that. */
const STEP_KEYS: Record<QuizStep, (keyof MatchAnswers)[]> = {
  who: ['ageGroup'],
  concerns: ['concerns'],
  comfort: ['preferences', 'therapyStyle'],
  style: ['therapyStyle'],
  partner: ['partnerPreferences'],
  practical: ['formats', 'location', 'budget', 'insurance', 'slidingScale', 'acceptingNewClients'],
};

/**
 * The answers with everything `step` asks removed (the values of the site's preset, already read,
 * come back: a site's choice).
 */
export function clearStep(answers: MatchAnswers, step: QuizStep, preset: Partial<MatchAnswers> = {}): MatchAnswers {
  const change: Partial<MatchAnswers> = {};
  for (const key of STEP_KEYS[step]) (change as Record<string, unknown>)[key] = preset[key];
  return applyChange(answers, change);
}

/** Concern ids the person ticked, primary first. */
export function selectedConcerns(answers: MatchAnswers): string[] {
  const { primary, others = [] } = answers.concerns ?? {};
  return primary ? [primary, ...others.filter((c) => c !== primary)] : others;
}

/** A stated preference only when it says something: values chosen and importance not "none". */
function meaningful<T>(pref: Preference<T> | undefined): Preference<T> | undefined {
  if (!pref || pref.importance === 'none') return undefined;
  if (Array.isArray(pref.value) && !pref.value.length) return undefined;
  return pref;
}

/** Only the wishes that say something; for a list of partners, each one's (`{}` keeps a place). */
function cleanPreferences(
  prefs: PersonalPreferences | PersonalPreferences[] | undefined,
): PersonalPreferences | PersonalPreferences[] | undefined {
  if (!prefs) return undefined;
  if (Array.isArray(prefs)) return prefs.map((p) => (cleanPreferences(p) as PersonalPreferences | undefined) ?? {});
  const out: PersonalPreferences = {};
  for (const key of Object.keys(prefs) as (keyof PersonalPreferences)[]) {
    const pref = meaningful(prefs[key]);
    if (pref) out[key] = pref;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * What the engine receives: only answers that say something. Empty or "no preference" wishes are
 * dropped (a partner in a list who said nothing stays as `{}`, keeping the others' numbers), the
 * partners' wishes only count for couples, and the in-person distance only when in-person
 * sessions are acceptable.
 */
export function toMatchAnswers(answers: MatchAnswers): MatchAnswers {
  const out: MatchAnswers = { seeking: answers.seeking === 'couple' ? 'couple' : 'individual' };
  if (answers.ageGroup) out.ageGroup = answers.ageGroup;
  const concerns = selectedConcerns(answers);
  if (concerns.length) out.concerns = { primary: concerns[0], others: concerns.slice(1) };
  const preferences = cleanPreferences(answers.preferences) as PersonalPreferences | undefined;
  if (preferences) out.preferences = preferences;
  const partner = out.seeking === 'couple' ? cleanPreferences(answers.partnerPreferences) : undefined;
  if (partner) out.partnerPreferences = partner;
  if (answers.therapyStyle) out.therapyStyle = answers.therapyStyle;
  const formats = meaningful(answers.formats);
  if (formats) out.formats = formats;
  const location = answers.location;
  if (location && (location.jurisdiction || location.lat !== undefined)) {
    const videoOnly = formats?.importance === 'required' && !formats.value.includes('in-person');
    out.location = { ...location };
    if (videoOnly) delete out.location.maxDistanceKm;
  }
  const budget = meaningful(answers.budget);
  if (budget && budget.value.max > 0) out.budget = budget;
  for (const key of ['insurance', 'slidingScale', 'acceptingNewClients', 'freeConsultation'] as const) {
    const pref = meaningful(answers[key] as Preference<unknown> | undefined);
    if (pref) (out as unknown as Record<string, unknown>)[key] = pref;
  }
  return out;
}
