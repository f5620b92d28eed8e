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
  /** The records indexed: every object of the input that could be read, in input order. */
  readonly therapists: readonly Therapist[];
  readonly size: number;
  /** `String(id)` of each record, read once (ties break by it). */
  readonly ids: readonly string[];
  /** Each record's `gender` as written, when it is a string. */
  readonly genderValues: readonly (string | undefined)[];
  /** Currency codes by id (the inverse of `currencies`). */
  readonly currencyCodes: readonly string[];
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
  unreadable: Set<number>,
): TermColumn {
  const ids = new Map<string, number>();
  const n = therapists.length;
  for (let i = 0; i < n; i++) {
    try {
      for (const v of values(therapists[i])) {
        if (typeof v !== 'string') continue;
        const key = norm(v);
        if (!ids.has(key)) ids.set(key, ids.size);
      }
    } catch {
      unreadable.add(i);
    }
  }
  const words = Math.max(1, Math.ceil(ids.size / 32));
  const bits = new Int32Array(n * words);
  for (let i = 0; i < n; i++) {
    try {
      for (const v of values(therapists[i])) {
        if (typeof v !== 'string') continue;
        const id = ids.get(norm(v));
        if (id !== undefined) bits[i * words + (id >>> 5)] |= 1 << (id & 31);
      }
    } catch {
      unreadable.add(i);
    }
  }
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

/**
 * Precomputes the columns the ranker reads. Linear in the directory; reuse it across rankings.
 * Never throws: anything that is not an array indexes as an empty directory, and an item that is
 * not an object, or whose fields cannot be read (a getter or a Proxy that throws), is left out.
 */
export function indexTherapists(therapists: readonly Therapist[]): TherapistIndex {
  let records = objectsIn(therapists);
  for (;;) {
    const unreadable = new Set<number>();
    const index = build(records, unreadable);
    if (!unreadable.size) {
      built.add(index);
      return index;
    }
    // Rare: only hostile input gets here. Each round leaves at least one record out.
    records = records.filter((_, i) => !unreadable.has(i));
  }
}

/** The objects of `value` in a fresh array; nothing when it is not an array or cannot be read. */
function objectsIn(value: unknown): Therapist[] {
  const out: Therapist[] = [];
  try {
    if (!Array.isArray(value)) return out;
    const n = value.length;
    for (let i = 0; i < n; i++) {
      const t: unknown = value[i];
      if (typeof t === 'object' && t !== null) out.push(t as Therapist);
    }
  } catch {
    return []; // a Proxy array that throws
  }
  return out;
}

function build(therapists: readonly Therapist[], unreadable: Set<number>): TherapistIndex {
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
  const currencyCodes: string[] = [];
  const idHash = new Int32Array(n);
  const ids: string[] = new Array<string>(n);
  const genderValues: (string | undefined)[] = new Array<string | undefined>(n);
  for (let i = 0; i < n; i++) {
    try {
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
      const pointLat = loc?.lat;
      const pointLng = loc?.lng;
      if (typeof pointLat === 'number' && typeof pointLng === 'number' && isFinite(pointLat) && isFinite(pointLng)) {
        f |= FLAG_LOCATION;
        lat[i] = pointLat * DEGREES_TO_RADIANS;
        lng[i] = pointLng * DEGREES_TO_RADIANS;
        cosLat[i] = Math.cos(lat[i]);
      }
      const fees = t.fees;
      const min = fees?.min;
      const currency = fees?.currency;
      if (typeof min === 'number' && isFinite(min) && typeof currency === 'string') {
        f |= FLAG_FEES;
        feeMin[i] = min;
        let c = currencies.get(currency);
        if (c === undefined) {
          currencies.set(currency, (c = currencies.size));
          currencyCodes.push(currency);
        }
        feeCurrency[i] = c;
      }
      flags[i] = f;
      // Records that leave these out are read as the common case: individual adults.
      const types = t.clientTypes === undefined ? ['individual'] : list(t.clientTypes);
      let ct = 0;
      for (const type of types) ct |= typeof type === 'string' ? (CLIENT_TYPE_BITS[type] ?? 0) : 0;
      clientTypes[i] = ct;
      const ages = t.ageGroups === undefined ? ['adult'] : list(t.ageGroups);
      let ag = 0;
      for (const age of ages) ag |= typeof age === 'string' ? (AGE_GROUP_BITS[age] ?? 0) : 0;
      ageGroups[i] = ag;
      ids[i] = String(t.id);
      idHash[i] = hashString(ids[i]);
      const gender = t.gender;
      genderValues[i] = typeof gender === 'string' ? gender : undefined;
    } catch {
      unreadable.add(i);
    }
  }
  const col = (values: (t: Therapist) => readonly unknown[], norm: (value: string) => string) =>
    column(therapists, values, norm, unreadable);
  return Object.freeze({
    kind: 'therapist-index',
    therapists,
    size: n,
    ids,
    genderValues,
    currencyCodes,
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
    concerns: col((t) => list(t.concerns), normalise.id),
    modalities: col((t) => list(t.modalities), normalise.id),
    communities: col((t) => list(t.communities), normalise.id),
    languages: col((t) => list(t.languages), normalise.language),
    genders: col((t) => (typeof t.gender === 'string' ? [t.gender] : []), normalise.lower),
    insurance: col((t) => list(t.insurance), normalise.lower),
    telehealthJurisdictions: col(telehealthJurisdictionsOf, normalise.lower),
  });
}

/** Indexes made by `indexTherapists` here: the only ones the ranker trusts as they are. */
const built = new WeakSet<object>();
const cache = new WeakMap<object, { length: number; index: TherapistIndex }>();

/**
 * The index of `therapists`, built on first use and cached for the same array. Arrays are treated
 * as snapshots: a different length rebuilds it, but replace the array (or call `indexTherapists`)
 * after editing records in place. An index-like object not made by `indexTherapists` here (say, a
 * structured clone) is indexed again from its `therapists`; anything else is an empty directory.
 */
export function indexFor(therapists: readonly Therapist[] | TherapistIndex): TherapistIndex {
  if (isTherapistIndex(therapists)) return therapists;
  let records: unknown = therapists;
  let length = 0;
  try {
    if (isIndexLike(therapists)) records = therapists.therapists;
    if (!Array.isArray(records)) records = EMPTY;
    length = (records as unknown[]).length;
  } catch {
    records = EMPTY;
  }
  const key = records as object;
  const cached = cache.get(key);
  if (cached && cached.length === length) return cached.index;
  const index = indexTherapists(records as Therapist[]);
  cache.set(key, { length, index });
  return index;
}
const EMPTY: readonly Therapist[] = Object.freeze([]);

const isIndexLike = (value: unknown): value is { therapists: unknown } =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'therapist-index';

/** True for an index made by `indexTherapists` (in this copy of the engine). */
export function isTherapistIndex(value: unknown): value is TherapistIndex {
  return typeof value === 'object' && value !== null && built.has(value);
}
