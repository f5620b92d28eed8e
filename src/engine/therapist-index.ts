// A columnar, precomputed view of a directory (bitsets and typed arrays) so ranking 100,000
// records takes milliseconds. Built once per directory and reused by every ranking.
import { dateParts, isoDay } from './dates.js';
import { DEGREES_TO_RADIANS } from './geo.js';
import type { Therapist } from './schema.js';
import { ColumnBuilder, LaterColumns, type TermColumn } from './term-column.js';

export type { TermColumn } from './term-column.js';

export const FLAG_IN_PERSON = 1;
export const FLAG_TELEHEALTH = 2;
/** The record says it is accepting new clients (`true`; a record that does not say is not). */
export const FLAG_ACCEPTING = 4;
export const FLAG_FREE_CONSULTATION = 8;
export const FLAG_SLIDING_SCALE = 16;
export const FLAG_MEDICAL = 32;
export const FLAG_LOCATION = 64;
export const FLAG_FEES = 128;
/** The record says it is not accepting new clients (`false`). */
export const FLAG_NOT_ACCEPTING = 256;

export const CLIENT_TYPE_BITS: Readonly<Record<string, number>> = { individual: 1, couple: 2, family: 4, group: 8 };
export const AGE_GROUP_BITS: Readonly<Record<string, number>> = { adolescent: 1, adult: 2, 'older-adult': 4 };

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
  readonly flags: Uint16Array;
  readonly clientTypes: Uint8Array;
  readonly ageGroups: Uint8Array;
  /** Radians; NaN without a location. */
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
  readonly feeMin: Float64Array;
  readonly feeCurrency: Int32Array;
  readonly currencies: ReadonlyMap<string, number>;
  /**
   * `hashString` of each id, filled on first use (`idHashOf`): only seeded rankings need it, for
   * the records that tie, so building the index does not read every id's characters (nor
   * allocates it: it is made on first use).
   */
  readonly idHash: Int32Array;
  /** 1 where `idHash` is filled. */
  readonly idHashed: Uint8Array;
  /** When each listing was last verified (ms, the last day its date can mean); NaN when unstated. */
  readonly verified: Float64Array;
  /** Whether any listing states when it was last verified (else listing age is not scored). */
  readonly anyVerified: boolean;
  readonly concerns: TermColumn;
  readonly modalities: TermColumn;
  readonly communities: TermColumn;
  readonly languages: TermColumn;
  readonly genders: TermColumn;
  readonly insurance: TermColumn;
  readonly telehealthJurisdictions: TermColumn;
  /** The therapist's own faith, cultural background and identity communities (words compared loosely). */
  readonly faith: TermColumn;
  readonly cultures: TermColumn;
  readonly identities: TermColumn;
  /**
   * Therapy style, 2 bits per C-NIP dimension (see `styleCode`); 0 when unstated (or when it cannot
   * be read when first needed).
   */
  readonly style: Uint8Array;
}

/** How terms compare: languages by primary subtag, free text case-insensitively. */
export const normalise = {
  id: (value: string) => value,
  lower: (value: string) => value.trim().toLowerCase(),
  language: (value: string) => value.split('-')[0].toLowerCase(),
  /** Self-described words: letters and digits only, lower case (`LGBTQ+` is `lgbtq`, `East Asian` is `eastasian`). */
  word: (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''),
};

/** The C-NIP dimensions in the order of their bits in `TherapistIndex.style`. */
export const STYLE_DIMENSIONS = ['lead', 'intensity', 'focus', 'approach'] as const;
const STYLE_POLES: readonly (readonly string[])[] = [
  ['therapist', 'client', 'balanced'],
  ['gentle', 'intense', 'balanced'],
  ['past', 'present', 'balanced'],
  ['support', 'challenge', 'balanced'],
];

/**
 * A style as 2 bits per dimension (dimension d at bits 2d..2d+1): 1 and 2 are its poles, 3 is
 * `balanced`, 0 unstated. Reads a record's `therapyStyle` or the person's answer alike.
 */
export function styleCode(style: unknown): number {
  if (style === null || typeof style !== 'object') return 0;
  // Each dimension read by name (a directory has one style per record; a look-up by a computed
  // key costs more on objects of many shapes).
  const s = style as { lead?: unknown; intensity?: unknown; focus?: unknown; approach?: unknown };
  return (
    pole(s.lead, 'therapist', 'client') |
    (pole(s.intensity, 'gentle', 'intense') << 2) |
    (pole(s.focus, 'past', 'present') << 4) |
    (pole(s.approach, 'support', 'challenge') << 6)
  );
}
/** 1 or 2 for `value` one of the poles, 3 for `balanced`, else 0 (`STYLE_POLES`' order). */
const pole = (value: unknown, first: string, second: string): number =>
  value === first ? 1 : value === second ? 2 : value === 'balanced' ? 3 : 0;

/** The value id of dimension `d` in a style code (`lead.therapist`), or undefined when unstated. */
export function styleValue(code: number, d: number): string | undefined {
  const k = (code >> (2 * d)) & 3;
  return k ? `${STYLE_DIMENSIONS[d]}.${STYLE_POLES[d][k - 1]}` : undefined;
}

const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** Where a therapist may see clients by video: their telehealth list, else their licences. */
export function telehealthJurisdictionsOf(t: Therapist): readonly string[] {
  const listed = list(t.telehealthJurisdictions) as string[];
  if (listed.length) return listed;
  return list(t.licenses).map((l) => (l as { jurisdiction?: string })?.jurisdiction ?? '');
}

/** `hashString` of record `i`'s id, computed once per index. */
export function idHashOf(index: TherapistIndex, i: number): number {
  if (!index.idHashed[i]) {
    index.idHash[i] = hashString(index.ids[i]);
    index.idHashed[i] = 1;
  }
  return index.idHash[i];
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
 * Precomputes the columns the ranker reads, in one pass over the records; reuse it across
 * rankings. The terms of rarer criteria (modalities, communities, insurance, faith, cultural
 * background, identities) and the therapy style are read from the records when a ranking first
 * needs them, so treat the records as read-only once indexed. Never throws: anything that is not
 * an array indexes as an empty directory, and an item that is not an object, or whose fields
 * cannot be read (a getter or a Proxy that throws), is left out; a list of those fields whose
 * items cannot be read when first needed counts as empty, and such a style as unstated.
 */
export function indexTherapists(therapists: readonly Therapist[]): TherapistIndex {
  // Read straight from the input (no copy first): it is read in this one call.
  let source: readonly unknown[] = EMPTY;
  let length = 0;
  try {
    if (Array.isArray(therapists)) [source, length] = [therapists, therapists.length];
  } catch {
    source = EMPTY; // a Proxy array whose length throws
  }
  keepShapes();
  const builder = new IndexBuilder(source, length, false);
  builder.step(Infinity);
  return builder.finish();
}

/**
 * A tiny index kept while the module lives, made before the first build. V8 holds the shapes
 * (maps) of objects weakly, and the builder's compiled code with them: after a full collection in
 * which no builder was alive, that code is dropped, and the next build spends its first tens of
 * milliseconds (at 100,000 records) unoptimised while it is compiled again. Two made-up records,
 * read like any others, keep one object of each shape the build makes.
 */
let shapes: unknown;
function keepShapes(): void {
  if (shapes) return;
  const records = [
    {
      id: 'a',
      concerns: ['a'],
      languages: ['en'],
      gender: 'woman',
      telehealthJurisdictions: ['US-NY'],
      location: { lat: 1, lng: 1 },
      fees: { min: 1, currency: 'USD' },
      lastVerified: '2026-01-01',
      modalities: ['a'],
    },
    { id: 'b', licenses: [{ jurisdiction: 'US-NY' }] },
  ];
  const builder = new IndexBuilder(records, records.length, false);
  builder.step(Infinity);
  shapes = [builder, builder.finish()];
  builder.stepLater(Infinity);
}

/** The objects of `value`, a fresh array for an idle build (read a slice at a time), and their number. */
const fresh = (value: unknown): [Therapist[], number, true] => {
  const records = objectsIn(value);
  return [records, records.length, true];
};

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

// The term columns read with the record (what most rankings use), by position in `columns`.
const CONCERNS = 0;
const LANGUAGES = 1;
const GENDERS = 2;
const TELEHEALTH = 3;
const NORMS = [normalise.id, normalise.language, normalise.lower, normalise.lower] as const;

/**
 * The columns read later, on first use or in idle time (`LaterColumns`): the fields of rarer
 * criteria, which a first ranking seldom needs (the term columns in the order of the getters in
 * `BuiltIndex`, and the therapy style as each record's byte: a style is an optional question, and
 * reading it was 8% of the build at 100,000 records).
 */
const LATER_NORMS = [
  normalise.id,
  normalise.id,
  normalise.lower,
  normalise.word,
  normalise.word,
  normalise.word,
] as const;
const readLater = (t: Therapist, i: number, columns: readonly ColumnBuilder[]): number => {
  columns[0].addAll(i, t.modalities);
  columns[1].addAll(i, t.communities);
  columns[2].addAll(i, t.insurance);
  columns[3].addAll(i, t.faith);
  columns[4].addAll(i, t.culturalBackground);
  columns[5].addAll(i, t.identities);
  return styleCode(t.therapyStyle);
};

/** At most this many date texts are remembered per build (a directory of distinct dates reads each). */
const DATES_KEPT = 4096;

const INDIVIDUAL: readonly unknown[] = ['individual'];
const ADULT: readonly unknown[] = ['adult'];

/**
 * Builds an index one record at a time, so that the widget can build it in slices while the page
 * is idle (`indexWhenIdle`) and `indexTherapists` in one go. A record's terms go straight into
 * their columns and its other fields into locals, written once the record is read; a record whose
 * getter throws half-way is taken back from the columns (`ColumnBuilder.undo`) and leaves no trace.
 * The columns of rarer criteria are read after the rest (`readLater`).
 */
class IndexBuilder {
  private next = 0;
  private kept = 0;
  private dropped = false;
  private readonly n: number;
  private readonly flags: Uint16Array;
  private readonly clientTypes: Uint8Array;
  private readonly ageGroups: Uint8Array;
  private readonly lat: Float64Array;
  private readonly lng: Float64Array;
  private readonly cosLat: Float64Array;
  private readonly feeMin: Float64Array;
  private readonly feeCurrency: Int32Array;
  private readonly verified: Float64Array;
  private anyVerified = false;
  private readonly ids: string[];
  private readonly genderValues: (string | undefined)[];
  private readonly currencies = new Map<string, number>();
  /**
   * What each date text read so far means (`verifiedAt`), up to `DATES_KEPT` of them: a directory
   * repeats its dates, and looking one up costs less than reading it (0.93x the build's time at
   * 100,000 records).
   */
  private readonly dates = new Map<string, number>();
  private readonly columns: ColumnBuilder[];
  /** The columns read after the rest, once `finish` made the index. */
  private later: LaterColumns | undefined;

  /** The records kept, in input order: `source` itself when it is a fresh array of objects (compacted in place). */
  private readonly records: Therapist[];
  /** Reading an item of `source` threw (a Proxy array): the directory indexes as empty, as `objectsIn` would. */
  private broken = false;

  constructor(
    private readonly source: readonly unknown[],
    n: number,
    fresh: boolean,
  ) {
    this.n = n;
    this.records = fresh ? (source as Therapist[]) : new Array<Therapist>(n);
    this.flags = new Uint16Array(n);
    this.clientTypes = new Uint8Array(n);
    this.ageGroups = new Uint8Array(n);
    // NaN and -1 where a record states nothing are written with the record (every row once).
    this.lat = new Float64Array(n);
    this.lng = new Float64Array(n);
    this.cosLat = new Float64Array(n);
    this.feeMin = new Float64Array(n);
    this.feeCurrency = new Int32Array(n);
    this.verified = new Float64Array(n);
    this.ids = new Array<string>(n);
    this.genderValues = new Array<string | undefined>(n);
    this.columns = NORMS.map((norm) => new ColumnBuilder(norm, n));
  }

  get done(): boolean {
    return this.next >= this.n;
  }

  /** Reads up to `count` more records; returns whether all are read. */
  step(count: number): boolean {
    const end = Math.min(this.n, this.next + count);
    for (; this.next < end; this.next++) {
      let t: unknown;
      try {
        t = this.source[this.next];
      } catch {
        this.broken = true;
        this.next = this.n;
        break;
      }
      if (typeof t !== 'object' || t === null || !this.read(t as Therapist, this.kept)) {
        this.dropped = true;
        continue;
      }
      this.records[this.kept++] = t as Therapist;
    }
    return this.done;
  }

  /**
   * Reads up to `count` more records into the columns read later (once `finish` made the index);
   * returns whether all are read (true too when there is no index to finish).
   */
  stepLater(count: number): boolean {
    return this.later?.step(count) ?? true;
  }

  /** Reads record `t` into row `i`; false (nothing written) when a field cannot be read. */
  private read(t: Therapist, i: number): boolean {
    const columns = this.columns;
    let f = 0;
    let pointLat: unknown;
    let pointLng: unknown;
    let min: unknown;
    let currency: unknown;
    let ct = 0;
    let ag = 0;
    let id: string;
    let gender: unknown;
    let lastVerified: unknown;
    try {
      // Every field first, then what they hold, then the work: a record's lists, objects and
      // strings lie apart in memory, and touching them one right after another lets the processor
      // fetch several at once (the build waits on memory more than it computes).
      const formatsValue = t.formats;
      const accepting = t.acceptingNewClients;
      const free = t.freeConsultation;
      const fees = t.fees;
      const medical = t.collaboratesWithMedical;
      const loc = t.location;
      const clientTypes = t.clientTypes;
      const ageGroups = t.ageGroups;
      const rawId = t.id;
      gender = t.gender;
      lastVerified = t.lastVerified;
      const concernsValue = t.concerns;
      const languagesValue = t.languages;
      const listedValue = t.telehealthJurisdictions;
      // Read now, so that a record whose fields cannot be read is left out whole; their terms are
      // read when a ranking first needs them (`readLater`).
      void t.modalities;
      void t.communities;
      void t.insurance;
      void t.faith;
      void t.culturalBackground;
      void t.identities;
      void t.therapyStyle;
      // Then every list and object the record holds, one right after another, with no field read
      // between them (each read of a field is a call when records come in many shapes, which kept
      // the processor from fetching the next list while it waited for one: 0.93-0.96x the build).
      const concerns = list(concernsValue);
      const languages = list(languagesValue);
      const listed = list(listedValue);
      const formats = list(formatsValue);
      // Records that leave these out are read as the common case: individual adults.
      const types = clientTypes === undefined ? INDIVIDUAL : list(clientTypes);
      const ages = ageGroups === undefined ? ADULT : list(ageGroups);
      pointLat = loc?.lat;
      pointLng = loc?.lng;
      const slidingScale = fees?.slidingScale;
      min = fees?.min;
      currency = fees?.currency;
      id = String(rawId);
      if (accepting === true) f |= FLAG_ACCEPTING;
      else if (accepting === false) f |= FLAG_NOT_ACCEPTING;
      if (free === true) f |= FLAG_FREE_CONSULTATION;
      if (medical === true) f |= FLAG_MEDICAL;
      if (slidingScale === true) f |= FLAG_SLIDING_SCALE;
      for (let k = 0; k < formats.length; k++) {
        const format = formats[k];
        if (format === 'in-person') f |= FLAG_IN_PERSON;
        else if (format === 'telehealth') f |= FLAG_TELEHEALTH;
      }
      for (const type of types) ct |= typeof type === 'string' ? (CLIENT_TYPE_BITS[type] ?? 0) : 0;
      for (const age of ages) ag |= typeof age === 'string' ? (AGE_GROUP_BITS[age] ?? 0) : 0;
      columns[CONCERNS].addAll(i, concerns);
      columns[LANGUAGES].addAll(i, languages);
      if (typeof gender === 'string') columns[GENDERS].add(i, gender);
      const telehealth = columns[TELEHEALTH];
      if (listed.length) telehealth.addAll(i, listed);
      else
        for (const l of list(t.licenses)) {
          const j: unknown = (l as { jurisdiction?: unknown } | null | undefined)?.jurisdiction ?? '';
          if (typeof j === 'string') telehealth.add(i, j);
        }
    } catch {
      for (const column of columns) column.undo(i);
      return false;
    }
    for (const column of columns) column.commit();
    if (typeof pointLat === 'number' && typeof pointLng === 'number' && isFinite(pointLat) && isFinite(pointLng)) {
      f |= FLAG_LOCATION;
      const latRad = pointLat * DEGREES_TO_RADIANS;
      this.lat[i] = latRad;
      this.lng[i] = pointLng * DEGREES_TO_RADIANS;
      this.cosLat[i] = Math.cos(latRad);
    } else this.lat[i] = this.lng[i] = NaN;
    if (typeof min === 'number' && isFinite(min) && typeof currency === 'string') {
      f |= FLAG_FEES;
      this.feeMin[i] = min;
      let c = this.currencies.get(currency);
      if (c === undefined) {
        this.currencies.set(currency, (c = this.currencies.size));
      }
      this.feeCurrency[i] = c;
    } else {
      this.feeMin[i] = NaN;
      this.feeCurrency[i] = -1;
    }
    this.flags[i] = f;
    this.clientTypes[i] = ct;
    this.ageGroups[i] = ag;
    this.ids[i] = id;
    this.genderValues[i] = typeof gender === 'string' ? gender : undefined;
    let verified = NaN;
    if (typeof lastVerified === 'string') {
      const known = this.dates.get(lastVerified);
      if (known !== undefined) verified = known;
      else {
        verified = verifiedAt(lastVerified);
        if (this.dates.size < DATES_KEPT) this.dates.set(lastVerified, verified);
      }
    }
    this.verified[i] = verified;
    if (verified === verified) this.anyVerified = true;
    return true;
  }

  /** The index of the records read so far (all of them, once `done`). */
  finish(): TherapistIndex {
    if (this.broken) return new IndexBuilder(EMPTY, 0, true).finish();
    const n = this.kept;
    const cut = <T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(a: T): T =>
      (n === this.n ? a : a.slice(0, n)) as T;
    const therapists = this.dropped || n < this.n ? this.records.slice(0, n) : this.records;
    const [concerns, languages, genders, telehealthJurisdictions] = this.columns.map((column) => column.finish(n));
    const later = new LaterColumns(therapists, LATER_NORMS, readLater);
    this.later = later;
    const index = new BuiltIndex(
      {
        kind: 'therapist-index',
        therapists,
        size: n,
        ids: n === this.n ? this.ids : this.ids.slice(0, n),
        genderValues: n === this.n ? this.genderValues : this.genderValues.slice(0, n),
        // From the map (in id order), not pushed while reading: an empty array's first push of a
        // string changes its kind, which threw away the optimised reading code in every build.
        currencyCodes: [...this.currencies.keys()],
        flags: cut(this.flags),
        clientTypes: cut(this.clientTypes),
        ageGroups: cut(this.ageGroups),
        lat: cut(this.lat),
        lng: cut(this.lng),
        cosLat: cut(this.cosLat),
        feeMin: cut(this.feeMin),
        feeCurrency: cut(this.feeCurrency),
        currencies: this.currencies,
        verified: cut(this.verified),
        anyVerified: this.anyVerified,
        concerns,
        languages,
        genders,
        telehealthJurisdictions,
      },
      later,
    );
    built.add(index);
    return index;
  }
}

/** The term columns of the index read after the rest (`readLater`). */
type LaterKey = 'modalities' | 'communities' | 'insurance' | 'faith' | 'cultures' | 'identities';
/** What `BuiltIndex` makes on first use. */
type LazyKey = LaterKey | 'style' | 'idHash' | 'idHashed';

/**
 * An index: what is read with the records as its own (frozen) properties, the columns of
 * `readLater` as getters that finish reading them on first use. Each field is assigned here, in
 * one order, so every index has the same shape with fast properties (the ranker reads them in its
 * loops; `Object.assign` of this many made a dictionary).
 */
class BuiltIndex implements TherapistIndex {
  readonly kind: 'therapist-index';
  readonly therapists: readonly Therapist[];
  readonly size: number;
  readonly ids: readonly string[];
  readonly genderValues: readonly (string | undefined)[];
  readonly currencyCodes: readonly string[];
  readonly flags: Uint16Array;
  readonly clientTypes: Uint8Array;
  readonly ageGroups: Uint8Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
  readonly feeMin: Float64Array;
  readonly feeCurrency: Int32Array;
  readonly currencies: ReadonlyMap<string, number>;
  readonly verified: Float64Array;
  readonly anyVerified: boolean;
  readonly concerns: TermColumn;
  readonly languages: TermColumn;
  readonly genders: TermColumn;
  readonly telehealthJurisdictions: TermColumn;
  /** The id hashes of seeded rankings, made on first use. */
  private readonly hashes: { hash?: Int32Array; hashed?: Uint8Array } = {};
  constructor(
    read: Omit<TherapistIndex, LazyKey>,
    private readonly later: LaterColumns,
  ) {
    this.kind = read.kind;
    this.therapists = read.therapists;
    this.size = read.size;
    this.ids = read.ids;
    this.genderValues = read.genderValues;
    this.currencyCodes = read.currencyCodes;
    this.flags = read.flags;
    this.clientTypes = read.clientTypes;
    this.ageGroups = read.ageGroups;
    this.lat = read.lat;
    this.lng = read.lng;
    this.cosLat = read.cosLat;
    this.feeMin = read.feeMin;
    this.feeCurrency = read.feeCurrency;
    this.currencies = read.currencies;
    this.verified = read.verified;
    this.anyVerified = read.anyVerified;
    this.concerns = read.concerns;
    this.languages = read.languages;
    this.genders = read.genders;
    this.telehealthJurisdictions = read.telehealthJurisdictions;
    Object.freeze(this);
  }
  get idHash(): Int32Array {
    return (this.hashes.hash ??= new Int32Array(this.size));
  }
  get idHashed(): Uint8Array {
    return (this.hashes.hashed ??= new Uint8Array(this.size));
  }
  get style(): Uint8Array {
    return this.later.bytes();
  }
  get modalities(): TermColumn {
    return this.later.column(0);
  }
  get communities(): TermColumn {
    return this.later.column(1);
  }
  get insurance(): TermColumn {
    return this.later.column(2);
  }
  get faith(): TermColumn {
    return this.later.column(3);
  }
  get cultures(): TermColumn {
    return this.later.column(4);
  }
  get identities(): TermColumn {
    return this.later.column(5);
  }
}

/**
 * When a listing was last verified, in ms: a date stated as a month or a year counts to its end
 * (`2026` → Dec 31), the listing's benefit; NaN when it is not a date.
 */
function verifiedAt(value: string): number {
  const day = isoDay(value);
  if (day !== undefined) return day < 0 ? NaN : Date.UTC((day / 10000) | 0, (((day / 100) | 0) % 100) - 1, day % 100);
  const date = dateParts(value);
  return !date
    ? NaN
    : date.day
      ? Date.UTC(date.year, date.month! - 1, date.day)
      : Date.UTC(date.year, date.month ?? 12, 0);
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
  // Being built in idle time: finish it now (a person is waiting).
  const started = building.get(key);
  building.delete(key);
  const index =
    started && started.length === length
      ? (started.builder.step(Infinity), started.builder.finish())
      : indexTherapists(records as Therapist[]);
  cache.set(key, { length, index });
  return index;
}

/** Builds under way in idle time, by records array. */
const building = new WeakMap<object, { length: number; builder: IndexBuilder }>();

/**
 * Starts building the index of `therapists` where `indexFor` will find it, for a caller that reads
 * the records a slice at a time (idle.ts). Returns a function that reads up to `count`
 * more records and says whether the index is done, its later columns included (the index is cached,
 * ready for a ranking, once the rest is read; a ranking that comes first finishes that part at
 * once); undefined when the array is already indexed or being indexed.
 */
export function startIndex(therapists: readonly Therapist[]): ((count: number) => boolean) | undefined {
  let length: number;
  try {
    if (!Array.isArray(therapists) || cache.get(therapists)?.length === therapists.length) return undefined;
    if (building.get(therapists)?.length === therapists.length) return undefined;
    length = therapists.length;
  } catch {
    return undefined;
  }
  const key: object = therapists;
  keepShapes();
  const entry = { length, builder: new IndexBuilder(...fresh(therapists)) };
  building.set(key, entry);
  return (count) => {
    // Once the index is there (finished here or by a ranking), its later columns.
    if (building.get(key) === entry) {
      if (!entry.builder.step(count)) return false;
      building.delete(key);
      cache.set(key, { length, index: entry.builder.finish() });
    }
    return entry.builder.stepLater(count);
  };
}
const EMPTY: readonly Therapist[] = Object.freeze([]);

const isIndexLike = (value: unknown): value is { therapists: unknown } =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'therapist-index';

/** True for an index made by `indexTherapists` (in this copy of the engine). */
export function isTherapistIndex(value: unknown): value is TherapistIndex {
  return typeof value === 'object' && value !== null && built.has(value);
}
