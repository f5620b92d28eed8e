// Places, resolved locally: from the offices in the loaded directory and a list of regions.
// Nothing is sent anywhere; a person's postal code never leaves the page.
import type { LocationAnswer } from './answers.js';
import type { Therapist } from './schema.js';
import { foldPlace as fold, REGIONS, type Region } from './regions.js';
import { JURISDICTION } from './rules.js';

export { REGIONS, type Region } from './regions.js';

/** A place a person can name: a therapist's office location or a region. */
export interface Place {
  label: string;
  lat: number;
  lng: number;
  jurisdiction?: string;
  postalCode?: string;
  city?: string;
}

/** Office locations from the directory, one per postal code (or city when there is none). */
export function placesFromTherapists(therapists: readonly Therapist[], regions: readonly Region[] = REGIONS): Place[] {
  const places = new Map<string, Place>();
  // Postal codes (or city and region) as written whose place is already found: most offices share
  // a few, and folding each again is most of the work.
  const found = new Set<string>();
  for (const { location } of therapists) {
    if (!location) continue;
    const written = location.postalCode ?? `${location.city ?? ''}${location.region ?? ''}`;
    if (found.has(written)) continue;
    const key = fold(written);
    if (places.has(key)) found.add(written);
    // A place without coordinates cannot anchor a distance.
    if (!key || places.has(key) || location.lat === undefined || location.lng === undefined) continue;
    const region = location.region ?? '';
    const jurisdiction = JURISDICTION.test(region)
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
    found.add(written);
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
