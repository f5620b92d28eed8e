// A columnar, precomputed view of a directory (bitsets and typed arrays) so ranking 100,000
// records takes milliseconds. Built once per directory and reused by every ranking.
import { DEGREES_TO_RADIANS } from './geo.js';
import type { Therapist } from './schema.js';

export const FLAG_IN_PERSON = 1;
export const FLAG_TELEHEALTH = 2;
export const FLAG_ACCEPTING = 4;
export const FLAG_FREE_CONSULTATION = 8;
export const FLAG_SLIDING_SCALE = 16;
export const FLAG_MEDICAL = 32;
export const FLAG_LOCATION = 64;
export const FLAG_FEES = 128;

export const CLIENT_TYPE_BITS: Readonly<Record<string, number>> = { individual: 1, couple: 2, family: 4, group: 8 };
export const AGE_GROUP_BITS: Readonly<Record<string, number>> = { adolescent: 1, adult: 2, 'older-adult': 4 };

/** One multi-valued field as a bitset per record: term ids interned in `ids`, `words` 32-bit words each. */
export interface TermColumn {
  readonly ids: ReadonlyMap<string, number>;
  readonly words: number;
  readonly bits: Int32Array;
}

/**
 * The precomputed index of a directory. Build it with `indexTherapists` and pass it to
 * `rankTherapists` in place of the array. Treat it as opaque: its columns may change between
 * versions; only `therapists` and `size` are stable.
 */
export interface TherapistIndex {
  readonly kind: 'therapist-index';
  readonly therapists: readonly Therapist[];
  readonly size: number;
  readonly flags: Uint8Array;
  readonly clientTypes: Uint8Array;
  readonly ageGroups: Uint8Array;
  /** Radians; NaN without a location. */
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
  readonly feeMin: Float64Array;
  readonly feeCurrency: Int32Array;
  readonly currencies: ReadonlyMap<string, number>;
  readonly idHash: Int32Array;
  readonly concerns: TermColumn;
  readonly modalities: TermColumn;
  readonly communities: TermColumn;
  readonly languages: TermColumn;
  readonly genders: TermColumn;
  readonly insurance: TermColumn;
  readonly telehealthJurisdictions: TermColumn;
}

/** How terms compare: languages by primary subtag, free text case-insensitively. */
export const normalise = {
  id: (value: string) => value,
  lower: (value: string) => value.trim().toLowerCase(),
  language: (value: string) => value.split('-')[0].toLowerCase(),
};

const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

function column(
  therapists: readonly Therapist[],
  values: (t: Therapist) => readonly unknown[],
  norm: (value: string) => string,
): TermColumn {
  const ids = new Map<string, number>();
  for (const t of therapists) {
    for (const v of values(t)) {
      if (typeof v !== 'string') continue;
      const key = norm(v);
      if (!ids.has(key)) ids.set(key, ids.size);
    }
  }
  const words = Math.max(1, Math.ceil(ids.size / 32));
  const bits = new Int32Array(therapists.length * words);
  therapists.forEach((t, i) => {
    for (const v of values(t)) {
      if (typeof v !== 'string') continue;
      const id = ids.get(norm(v)) as number;
      bits[i * words + (id >>> 5)] |= 1 << (id & 31);
    }
  });
  return { ids, words, bits };
}

/** Where a therapist may see clients by video: their telehealth list, else their licences. */
export function telehealthJurisdictionsOf(t: Therapist): readonly string[] {
  const listed = list(t.telehealthJurisdictions) as string[];
  if (listed.length) return listed;
  return list(t.licenses).map((l) => (l as { jurisdiction?: string })?.jurisdiction ?? '');
}

/** 32-bit FNV-1a of a string: a stable per-record number for seeded tie rotation. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < value.length; k++) {
    h ^= value.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Precomputes the columns the ranker reads. Linear in the directory; reuse it across rankings. */
export function indexTherapists(therapists: readonly Therapist[]): TherapistIndex {
  const n = therapists.length;
  const flags = new Uint8Array(n);
  const clientTypes = new Uint8Array(n);
  const ageGroups = new Uint8Array(n);
  const lat = new Float64Array(n).fill(NaN);
  const lng = new Float64Array(n).fill(NaN);
  const cosLat = new Float64Array(n);
  const feeMin = new Float64Array(n).fill(NaN);
  const feeCurrency = new Int32Array(n).fill(-1);
  const currencies = new Map<string, number>();
  const idHash = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = therapists[i];
    let f = 0;
    const formats = list(t.formats);
    if (formats.includes('in-person')) f |= FLAG_IN_PERSON;
    if (formats.includes('telehealth')) f |= FLAG_TELEHEALTH;
    if (t.acceptingNewClients !== false) f |= FLAG_ACCEPTING;
    if (t.freeConsultation === true) f |= FLAG_FREE_CONSULTATION;
    if (t.fees?.slidingScale === true) f |= FLAG_SLIDING_SCALE;
    if (t.collaboratesWithMedical === true) f |= FLAG_MEDICAL;
    const loc = t.location;
    if (loc && loc.lat !== undefined && loc.lng !== undefined && Number.isFinite(loc.lat) && Number.isFinite(loc.lng)) {
      f |= FLAG_LOCATION;
      lat[i] = loc.lat * DEGREES_TO_RADIANS;
      lng[i] = loc.lng * DEGREES_TO_RADIANS;
      cosLat[i] = Math.cos(lat[i]);
    }
    const fees = t.fees;
    if (fees && Number.isFinite(fees.min) && typeof fees.currency === 'string') {
      f |= FLAG_FEES;
      feeMin[i] = fees.min;
      let c = currencies.get(fees.currency);
      if (c === undefined) currencies.set(fees.currency, (c = currencies.size));
      feeCurrency[i] = c;
    }
    flags[i] = f;
    // Records that leave these out are read as the common case: individual adults.
    const types = t.clientTypes === undefined ? ['individual'] : list(t.clientTypes);
    let ct = 0;
    for (const type of types) ct |= CLIENT_TYPE_BITS[type as string] ?? 0;
    clientTypes[i] = ct;
    const ages = t.ageGroups === undefined ? ['adult'] : list(t.ageGroups);
    let ag = 0;
    for (const age of ages) ag |= AGE_GROUP_BITS[age as string] ?? 0;
    ageGroups[i] = ag;
    idHash[i] = hashString(String(t.id));
  }
  return {
    kind: 'therapist-index',
    therapists,
    size: n,
    flags,
    clientTypes,
    ageGroups,
    lat,
    lng,
    cosLat,
    feeMin,
    feeCurrency,
    currencies,
    idHash,
    concerns: column(therapists, (t) => list(t.concerns), normalise.id),
    modalities: column(therapists, (t) => list(t.modalities), normalise.id),
    communities: column(therapists, (t) => list(t.communities), normalise.id),
    languages: column(therapists, (t) => list(t.languages), normalise.language),
    genders: column(therapists, (t) => (typeof t.gender === 'string' ? [t.gender] : []), normalise.lower),
    insurance: column(therapists, (t) => list(t.insurance), normalise.lower),
    telehealthJurisdictions: column(therapists, telehealthJurisdictionsOf, normalise.lower),
  };
}

const cache = new WeakMap<readonly Therapist[], TherapistIndex>();

/**
 * The index of `therapists`, built on first use and cached for the same array. Arrays are treated
 * as snapshots: a different length rebuilds it, but replace the array (or call `indexTherapists`)
 * after editing records in place.
 */
export function indexFor(therapists: readonly Therapist[] | TherapistIndex): TherapistIndex {
  if (isTherapistIndex(therapists)) return therapists;
  const list = Array.isArray(therapists) ? therapists : [];
  const cached = cache.get(list);
  if (cached && cached.size === list.length) return cached;
  const built = indexTherapists(list);
  cache.set(list, built);
  return built;
}

export function isTherapistIndex(value: unknown): value is TherapistIndex {
  return value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'therapist-index';
}
