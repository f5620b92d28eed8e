// The quiz's state, DOM-free: which steps apply, moving between them, presets, turning what a
// person entered into `MatchAnswers`, and the opt-in session snapshot. The root element's
// quiz-session controller drives it.
import type { MatchAnswers, PersonalPreferences, Preference } from '../engine/answers.js';
import { readAnswers } from '../engine/read-answers.js';
import { isQuizStep, type QuizStep } from '../engine/steps.js';

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
 * A site's preset read like stored answers, field by field (see `readAnswers`): `answers` holds the
 * fields of the right shape, `dropped` names the others. Never throws; `null` and `undefined` are
 * no preset, anything else that is not an object is dropped whole (`dropped` is `['']`).
 */
export function readPreset(preset: unknown): { answers: Partial<MatchAnswers>; dropped: string[] } {
  return readAnswers(preset);
}

/** The answers a quiz starts with: "just me", plus the fields of the site's preset that are valid. */
export function initialAnswers(preset: Partial<MatchAnswers> = {}): MatchAnswers {
  return applyChange(
    { seeking: 'individual', location: { maxDistanceKm: DEFAULT_DISTANCE_KM } },
    readPreset(preset).answers,
  );
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
  comfort: ['preferences'],
  partner: ['partnerPreferences'],
  practical: ['formats', 'location', 'budget', 'insurance', 'slidingScale', 'acceptingNewClients'],
};

/** The answers with everything `step` asks removed (preset values come back: a site's choice). */
export function clearStep(answers: MatchAnswers, step: QuizStep, preset: Partial<MatchAnswers> = {}): MatchAnswers {
  const valid = readPreset(preset).answers;
  const change: Partial<MatchAnswers> = {};
  for (const key of STEP_KEYS[step]) (change as Record<string, unknown>)[key] = valid[key];
  return applyChange(answers, change);
}

/** Concern ids the person ticked, primary first. */
export function selectedConcerns(answers: MatchAnswers): string[] {
  const { primary, others = [] } = answers.concerns ?? {};
  return primary ? [primary, ...others.filter((c) => c !== primary)] : others;
}

/**
 * Stores the ticked concerns. The primary one stays if still ticked, else the first ticked becomes
 * primary. No concerns ("not sure yet") removes the answer.
 */
export function withConcerns(answers: MatchAnswers, ids: readonly string[], primary?: string): MatchAnswers {
  const unique = [...new Set(ids)];
  if (!unique.length) return applyChange(answers, { concerns: undefined });
  const keep = primary && unique.includes(primary) ? primary : (answers.concerns?.primary ?? '');
  const first = unique.includes(keep) ? keep : unique[0];
  return applyChange(answers, { concerns: { primary: first, others: unique.filter((c) => c !== first) } });
}

/** A stated preference only when it says something: values chosen and importance not "none". */
function meaningful<T>(pref: Preference<T> | undefined): Preference<T> | undefined {
  if (!pref || pref.importance === 'none') return undefined;
  if (Array.isArray(pref.value) && !pref.value.length) return undefined;
  return pref;
}

function cleanPreferences(prefs: PersonalPreferences | undefined): PersonalPreferences | undefined {
  if (!prefs) return undefined;
  const out: PersonalPreferences = {};
  for (const key of ['therapistGender', 'languages', 'communities', 'modalities'] as const) {
    const pref = meaningful(prefs[key]);
    if (pref) out[key] = pref;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * What the engine receives: only answers that say something. Empty or "no preference" wishes are
 * dropped, the partner's wishes only count for couples, and the in-person distance only when
 * in-person sessions are acceptable.
 */
export function toMatchAnswers(answers: MatchAnswers): MatchAnswers {
  const out: MatchAnswers = { seeking: answers.seeking === 'couple' ? 'couple' : 'individual' };
  if (answers.ageGroup) out.ageGroup = answers.ageGroup;
  const concerns = selectedConcerns(answers);
  if (concerns.length) out.concerns = { primary: concerns[0], others: concerns.slice(1) };
  const preferences = cleanPreferences(answers.preferences);
  if (preferences) out.preferences = preferences;
  const partner = out.seeking === 'couple' ? cleanPreferences(answers.partnerPreferences) : undefined;
  if (partner) out.partnerPreferences = partner;
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

/** True when in-person sessions are still possible, so distance and postal code matter. */
export function wantsInPerson(answers: MatchAnswers): boolean {
  const formats = answers.formats;
  return !formats || formats.importance !== 'required' || formats.value.includes('in-person');
}

// ---------------------------------------------------------------------------------------------
// The opt-in session snapshot (`persist="session"`).

export interface QuizSnapshot {
  answers: MatchAnswers;
  step: QuizStep;
  view: 'quiz' | 'results';
}

const SNAPSHOT_VERSION = 1;
const SNAPSHOT_KEYS = ['v', 'answers', 'step', 'view'];

export function serializeSnapshot(snapshot: QuizSnapshot): string {
  return JSON.stringify({ v: SNAPSHOT_VERSION, ...snapshot });
}

/**
 * Reads a stored snapshot, field by field like the answers themselves. Nothing stored gives `{}`;
 * a snapshot with anything unexpected (another version, a field of the wrong shape, an unknown
 * key: tampering) gives `invalid` with the paths that were wrong, empty when the text is not a
 * snapshot at all. All or nothing: a snapshot is the widget's own writing, so a wrong field means
 * it cannot be trusted. Never throws.
 */
export function readSnapshot(text: string | null | undefined): { snapshot?: QuizSnapshot; invalid?: string[] } {
  if (!text || typeof text !== 'string') return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { invalid: [] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { invalid: [] };
  const stored = data as Partial<QuizSnapshot> & { v?: unknown };
  const invalid = Object.keys(stored).filter((key) => !SNAPSHOT_KEYS.includes(key));
  if (stored.v !== SNAPSHOT_VERSION) invalid.push('v');
  const { answers, dropped } = readAnswers(stored.answers);
  invalid.push(...dropped.map((path) => (path ? `answers.${path}` : 'answers')));
  if (!answers.seeking && !dropped.includes('seeking')) invalid.push('answers.seeking');
  if (!isQuizStep(stored.step)) invalid.push('step');
  if (stored.view !== 'quiz' && stored.view !== 'results') invalid.push('view');
  if (invalid.length) return { invalid };
  return { snapshot: { answers: answers as MatchAnswers, step: stored.step as QuizStep, view: stored.view! } };
}

/** Reads a stored snapshot; anything unexpected (another version, tampering) gives `undefined`. */
export function parseSnapshot(text: string | null | undefined): QuizSnapshot | undefined {
  return readSnapshot(text).snapshot;
}
