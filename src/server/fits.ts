// The pre-filter every store applies, in the engine's own terms: a record that leaves a field out is
// kept (the engine decides), so the server never hides someone the browser would have matched.
import { distanceKm } from '../engine/geo.js';
import type { Therapist } from '../engine/schema.js';
import type { SourceQuery } from '../sources/types.js';

/**
 * Where a record can see clients by video, by the engine's rule: its listed telehealth
 * jurisdictions, else the jurisdictions of its licences.
 */
export function telehealthJurisdictions(record: Therapist): string[] {
  const listed = record.telehealthJurisdictions?.length
    ? record.telehealthJurisdictions
    : (record.licenses ?? []).map((licence) => licence.jurisdiction);
  return [...new Set(listed.map((code) => code.toUpperCase()))];
}

/** The codes a person in `jurisdiction` is covered by: itself and its country (`NZ` covers `NZ-AUK`). */
export function coveringJurisdictions(jurisdiction: string): string[] {
  const country = jurisdiction.split('-')[0];
  return country === jurisdiction ? [jurisdiction] : [jurisdiction, country];
}

/**
 * Whether `record` can fit `query`, and its distance when it fits in person (`Infinity` when it
 * fits only by telehealth or has no coordinates); `undefined` when it cannot fit. It fits by one of
 * the accepted formats: in person within the window, or telehealth licensed where the person lives.
 */
export function fits(record: Therapist, query: SourceQuery): { distance: number } | undefined {
  const { clientType, formats, jurisdiction, near, acceptingNewClients } = query;
  if (clientType && record.clientTypes && !record.clientTypes.includes(clientType)) return undefined;
  if (acceptingNewClients && record.acceptingNewClients === false) return undefined;
  const offers = record.formats ?? [];
  let distance: number | undefined;
  let inPerson = (!formats || formats.includes('in-person')) && offers.includes('in-person');
  if (inPerson && near) {
    const { lat, lng } = record.location ?? {};
    distance = typeof lat === 'number' && typeof lng === 'number' ? distanceKm(near.lat, near.lng, lat, lng) : Infinity;
    inPerson = distance <= near.radiusKm;
  }
  let telehealth = (!formats || formats.includes('telehealth')) && offers.includes('telehealth');
  if (telehealth && jurisdiction) {
    const licensed = telehealthJurisdictions(record);
    telehealth = coveringJurisdictions(jurisdiction).some((code) => licensed.includes(code));
  }
  if (!inPerson && !telehealth) return undefined;
  return { distance: inPerson ? (distance ?? Infinity) : Infinity };
}

/** Nearest in-person options first, then by id: the order of a page of candidates. */
export function byDistanceThenId(a: { id: string; distance: number }, b: { id: string; distance: number }): number {
  return a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
