// From quiz answers to the query a source sees: hard constraints only, unless the site owner opts
// in to share more, field by field. Sexual-health answers leave the page only when asked to.
import type { MatchAnswers } from '../engine/answers.js';
import type { SessionFormat } from '../engine/schema.js';
import type { SourceQuery } from './types.js';

export interface QueryOptions {
  /**
   * Answers the site owner chooses to send to the source as well, e.g. `['concerns']` for a
   * server that ranks. They arrive under `query.shared`. Default: none.
   */
  share?: (keyof MatchAnswers)[];
}

/** Decimal places kept from the person's coordinates: about 1 km, enough for a search window. */
const COORDINATE_DECIMALS = 2;
/** Added to the radius so rounding the centre never drops a therapist inside the person's limit. */
const ROUNDING_SLACK_KM = 2;

const FORMAT_ORDER: readonly SessionFormat[] = ['in-person', 'telehealth'];

/**
 * The query for `answers`: client type, required formats, the person's jurisdiction (when telehealth
 * is acceptable), an in-person window (when in person is acceptable and a location is known), and
 * `acceptingNewClients` when required. Equal answers give equal queries (same keys, same order).
 */
export function queryFromAnswers(answers: MatchAnswers, options: QueryOptions = {}): SourceQuery {
  const query: SourceQuery = {};
  if (answers.seeking === 'individual' || answers.seeking === 'couple') query.clientType = answers.seeking;

  const required =
    answers.formats?.importance === 'required' && answers.formats.value.length
      ? FORMAT_ORDER.filter((format) => answers.formats!.value.includes(format))
      : undefined;
  if (required?.length) query.formats = required;
  const inPersonOk = !required?.length || required.includes('in-person');
  const telehealthOk = !required?.length || required.includes('telehealth');

  const location = answers.location;
  if (telehealthOk && location?.jurisdiction) query.jurisdiction = location.jurisdiction.trim().toUpperCase();
  if (
    inPersonOk &&
    location &&
    Number.isFinite(location.lat) &&
    Number.isFinite(location.lng) &&
    Number.isFinite(location.maxDistanceKm) &&
    location.maxDistanceKm! > 0
  ) {
    query.near = {
      lat: round(location.lat!),
      lng: round(location.lng!),
      radiusKm: Math.ceil(location.maxDistanceKm! + ROUNDING_SLACK_KM),
    };
  }
  if (answers.acceptingNewClients?.importance === 'required') query.acceptingNewClients = true;

  const share = [...new Set(options.share ?? [])].sort();
  const shared: Record<string, unknown> = {};
  for (const key of share) if (answers[key] !== undefined) shared[key] = structuredClone(answers[key]);
  if (Object.keys(shared).length) query.shared = shared;
  return query;
}

function round(degrees: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(degrees * factor) / factor;
}

export { queryKey } from './query-key.js';
