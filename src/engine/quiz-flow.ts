// The quiz flow, DOM-free: which steps apply, moving between them, presets, turning what a person
// entered into `MatchAnswers`, resolving a typed location without any network request, and the
// opt-in session snapshot.
import type { LocationAnswer, MatchAnswers, PersonalPreferences, Preference } from './answers.js';
import type { Therapist } from './schema.js';

/** The quiz steps, in their default order. Results follow the last step. */
export const QUIZ_STEPS = ['who', 'concerns', 'comfort', 'partner', 'practical'] as const;
export type QuizStep = (typeof QUIZ_STEPS)[number];

export function isQuizStep(value: unknown): value is QuizStep {
  return (QUIZ_STEPS as readonly unknown[]).includes(value);
}

/**
 * Reads a site's step list (`"who, practical"` or an array): unknown names are dropped, duplicates
 * keep their first position. An empty or missing list means every step in the default order.
 */
export function parseSteps(value: string | readonly string[] | undefined | null): QuizStep[] {
  const names = typeof value === 'string' ? value.split(/[\s,]+/) : (value ?? []);
  const steps = [...new Set(names.map((n) => n.trim()).filter(isQuizStep))];
  return steps.length ? steps : [...QUIZ_STEPS];
}

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

/** The answers a quiz starts with: "just me", plus whatever the site preset. */
/**
 * In-person distance until the person picks another (or "any distance"): without one, someone in
 * New York would be offered in-person sessions in Seattle.
 */
export const DEFAULT_DISTANCE_KM = 50;

export function initialAnswers(preset: Partial<MatchAnswers> = {}): MatchAnswers {
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
  comfort: ['preferences'],
  partner: ['partnerPreferences'],
  practical: ['formats', 'location', 'budget', 'insurance', 'slidingScale', 'acceptingNewClients'],
};

/** The answers with everything `step` asks removed (preset values come back: a site's choice). */
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
// Location, resolved locally: from the places in the loaded directory and a list of regions.
// Nothing is sent anywhere; a person's postal code never leaves the page.

/** A place a person can name: a therapist's office location or a region. */
export interface Place {
  label: string;
  lat: number;
  lng: number;
  jurisdiction?: string;
  postalCode?: string;
  city?: string;
}

export interface Region {
  /** ISO 3166-2 code. */
  code: string;
  name: string;
  lat: number;
  lng: number;
}

// US states, DC and Canadian provinces and territories with an approximate centre, packed to keep
// the bundle small: `code:name:lat:lng|...`.
const REGION_DATA =
  'US-AL:Alabama:32.8:-86.8|US-AK:Alaska:61.4:-150.0|US-AZ:Arizona:33.7:-111.9|US-AR:Arkansas:34.9:-92.4|' +
  'US-CA:California:36.1:-119.7|US-CO:Colorado:39.1:-105.3|US-CT:Connecticut:41.6:-72.8|US-DE:Delaware:39.3:-75.5|' +
  'US-DC:District of Columbia:38.9:-77.0|US-FL:Florida:27.8:-81.7|US-GA:Georgia:33.0:-83.6|US-HI:Hawaii:21.1:-157.5|' +
  'US-ID:Idaho:44.2:-114.5|US-IL:Illinois:40.3:-89.0|US-IN:Indiana:39.8:-86.3|US-IA:Iowa:42.0:-93.2|' +
  'US-KS:Kansas:38.5:-96.7|US-KY:Kentucky:37.7:-84.7|US-LA:Louisiana:31.2:-91.9|US-ME:Maine:44.7:-69.4|' +
  'US-MD:Maryland:39.1:-76.8|US-MA:Massachusetts:42.2:-71.5|US-MI:Michigan:43.3:-84.5|US-MN:Minnesota:45.7:-93.9|' +
  'US-MS:Mississippi:32.7:-89.7|US-MO:Missouri:38.5:-92.3|US-MT:Montana:46.9:-110.5|US-NE:Nebraska:41.1:-98.3|' +
  'US-NV:Nevada:38.3:-117.1|US-NH:New Hampshire:43.5:-71.6|US-NJ:New Jersey:40.3:-74.5|US-NM:New Mexico:34.8:-106.2|' +
  'US-NY:New York:42.2:-74.9|US-NC:North Carolina:35.6:-79.8|US-ND:North Dakota:47.5:-99.8|US-OH:Ohio:40.4:-82.8|' +
  'US-OK:Oklahoma:35.6:-96.9|US-OR:Oregon:44.6:-122.1|US-PA:Pennsylvania:40.6:-77.2|US-RI:Rhode Island:41.7:-71.5|' +
  'US-SC:South Carolina:33.9:-80.9|US-SD:South Dakota:44.3:-99.4|US-TN:Tennessee:35.7:-86.7|US-TX:Texas:31.1:-97.6|' +
  'US-UT:Utah:40.2:-111.9|US-VT:Vermont:44.0:-72.7|US-VA:Virginia:37.8:-78.2|US-WA:Washington:47.4:-121.5|' +
  'US-WV:West Virginia:38.5:-81.0|US-WI:Wisconsin:44.3:-89.6|US-WY:Wyoming:42.8:-107.3|' +
  'CA-AB:Alberta:53.9:-116.6|CA-BC:British Columbia:53.7:-127.6|CA-MB:Manitoba:53.8:-98.8|' +
  'CA-NB:New Brunswick:46.6:-66.5|CA-NL:Newfoundland and Labrador:53.1:-57.7|CA-NS:Nova Scotia:44.7:-63.7|' +
  'CA-NT:Northwest Territories:64.8:-124.8|CA-NU:Nunavut:70.3:-83.1|CA-ON:Ontario:51.3:-85.3|' +
  'CA-PE:Prince Edward Island:46.5:-63.4|CA-QC:Quebec:52.9:-73.5|CA-SK:Saskatchewan:52.9:-106.5|CA-YT:Yukon:64.3:-135.0';

/** US states, DC, and Canadian provinces and territories. */
export const REGIONS: readonly Region[] = REGION_DATA.split('|').map((entry) => {
  const [code, name, lat, lng] = entry.split(':');
  return { code, name, lat: Number(lat), lng: Number(lng) };
});

const JURISDICTION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** Case-, accent- and space-insensitive form for comparing what a person typed. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s.-]+/g, '')
    .toUpperCase();
}

/** Office locations from the directory, one per postal code (or city when there is none). */
export function placesFromTherapists(therapists: readonly Therapist[], regions: readonly Region[] = REGIONS): Place[] {
  const places = new Map<string, Place>();
  for (const { location } of therapists) {
    if (!location) continue;
    const key = fold(location.postalCode ?? `${location.city ?? ''}${location.region ?? ''}`);
    // A place without coordinates cannot anchor a distance.
    if (!key || places.has(key) || location.lat === undefined || location.lng === undefined) continue;
    const region = location.region ?? '';
    const jurisdiction = JURISDICTION_CODE.test(region)
      ? region
      : (regions.find((r) => fold(r.name) === fold(region) && r.code.startsWith(`${location.country}-`))?.code ??
        location.country);
    const label = [location.city, location.postalCode].filter(Boolean).join(' ') || region;
    places.set(key, {
      label,
      lat: location.lat,
      lng: location.lng,
      jurisdiction,
      postalCode: location.postalCode,
      city: location.city,
    });
  }
  return [...places.values()];
}

function fromPlace(place: Place, label: string): LocationAnswer {
  const out: LocationAnswer = { lat: place.lat, lng: place.lng, label };
  if (place.jurisdiction) out.jurisdiction = place.jurisdiction;
  return out;
}

/** A region chosen from the list: its centre and code. */
export function locationFromRegion(code: string, regions: readonly Region[] = REGIONS): LocationAnswer | undefined {
  const region = regions.find((r) => r.code === code);
  return region && { lat: region.lat, lng: region.lng, jurisdiction: region.code, label: region.name };
}

/**
 * Resolves what a person typed (a postal code, a city, a region name or code) to a location, using
 * only known places: an exact postal code, then the same postal area (first three characters: a US
 * ZIP prefix or a Canadian FSA), then a city, then a region. `undefined` when nothing fits.
 */
export function resolveLocation(
  input: string,
  places: readonly Place[],
  regions: readonly Region[] = REGIONS,
): LocationAnswer | undefined {
  const typed = input.trim();
  const query = fold(typed);
  if (!query) return undefined;
  const exact = places.find((p) => p.postalCode && fold(p.postalCode) === query);
  if (exact) return fromPlace(exact, typed);
  if (query.length >= 3 && /\d/.test(query)) {
    const area = places.find((p) => p.postalCode && fold(p.postalCode).slice(0, 3) === query.slice(0, 3));
    if (area) return fromPlace(area, typed);
  }
  const city = places.find((p) => p.city && fold(p.city) === query);
  if (city) return fromPlace(city, typed);
  const region = regions.find(
    (r) => fold(r.name) === query || fold(r.code) === query || fold(r.code.slice(3)) === query,
  );
  return region ? { ...locationFromRegion(region.code, regions), label: typed } : undefined;
}

// ---------------------------------------------------------------------------------------------
// The opt-in session snapshot (`persist="session"`).

export interface QuizSnapshot {
  answers: MatchAnswers;
  step: QuizStep;
  view: 'quiz' | 'results';
}

const SNAPSHOT_VERSION = 1;

export function serializeSnapshot(snapshot: QuizSnapshot): string {
  return JSON.stringify({ v: SNAPSHOT_VERSION, ...snapshot });
}

/** Reads a stored snapshot; anything unexpected (another version, tampering) gives `undefined`. */
export function parseSnapshot(text: string | null | undefined): QuizSnapshot | undefined {
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as Partial<QuizSnapshot> & { v?: number };
    const answers = data.answers;
    if (data.v !== SNAPSHOT_VERSION || !answers || typeof answers !== 'object') return undefined;
    if (answers.seeking !== 'individual' && answers.seeking !== 'couple') return undefined;
    if (!isQuizStep(data.step) || (data.view !== 'quiz' && data.view !== 'results')) return undefined;
    return { answers, step: data.step, view: data.view };
  } catch {
    return undefined;
  }
}
