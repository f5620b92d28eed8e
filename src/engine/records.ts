// The check of a directory's records: each is accepted by the fast path (accept.ts) or, when it
// has any doubt, read by the normaliser and zod's validator (schema.ts), then checked for its
// clinical standing and a duplicate id. The widget validates with the fast path alone and loads
// zod, the normaliser and the clinical notes only when a directory has a record that needs a
// message, which keeps them out of the drop-in bundle.
import type { Therapist } from './schema.js';
import { licenceKind, nonClinicalMention } from './clinical.js';
// Types only: the normaliser is loaded with zod, when a record is not clean (see validateTherapists).
import type { NormalizeOptions, ReadProblem } from './normalize.js';
import { SliceClock, yieldToBrowser } from './slices.js';
import { shapeOf } from './describe.js';
import { GENDERS } from './rules.js';
import { accept, DEFAULT_IDS, idsOf, startRun, type VocabularyIds } from './accept.js';

// Public through the engine's entry (index.ts), and read by fields.ts.
export { AGE_GROUPS, CLIENT_TYPES, FORMATS, GENDERS, MAX_BIO, MAX_LIST, MAX_TEXT } from './rules.js';

/** How bad a problem is: an `error` drops the record; a `warning` drops or changes one field and keeps it. */
export type ProblemSeverity = 'error' | 'warning';

/** One thing wrong with the input, precise enough for a person to fix the record. */
export interface DataProblem {
  severity: ProblemSeverity;
  /** Position of the record in the input array; -1 when it concerns the whole input (or a CSV column). */
  index: number;
  /** The record's `id` when it could be read. */
  id?: string;
  /** Line of the file where the record starts, when the source knows it (CSV). */
  line?: number;
  /** Path of the field inside the record, e.g. `licenses.0.jurisdiction`; empty for the record itself. */
  path: string;
  /** What is wrong, in plain English. */
  message: string;
  /** What to do about it, in plain English. */
  fix?: string;
}

export interface ParseResult {
  therapists: Therapist[];
  problems: DataProblem[];
}

/** The records of an input: an array, or the `therapists` array of an object; undefined otherwise. */
export function recordsIn(input: unknown): unknown[] | undefined {
  if (Array.isArray(input)) return input;
  if (input !== null && typeof input === 'object') {
    const therapists = (input as { therapists?: unknown }).therapists;
    if (Array.isArray(therapists)) return therapists;
  }
  return undefined;
}

/** Options of `parseTherapists` and `validateTherapists`. */
export interface ParseOptions extends NormalizeOptions {
  /** More licence types to recognise as clinical, beyond `CLINICAL_LICENSE_TYPES`. */
  licenseTypes?: readonly string[];
  /** For a file: the line where each record starts (`lines[i]` for record i), named in problems. */
  lines?: readonly number[];
}

/**
 * What a record that is not clearly valid needs, loaded on demand with zod: the forgiving reader
 * (normalize.ts) and the full validator (schema.ts).
 */
export interface SlowPath {
  normalize: (raw: unknown, report: (problem: ReadProblem) => void, options: NormalizeOptions) => unknown;
  validate: (record: unknown) => { therapist?: Therapist; problems: ReadProblem[] };
  /** True for a gender the normaliser keeps as written. */
  keepsGender: (gender: string) => boolean;
  /** Reports what a valid record says of its clinical standing (`clinicalFacts`), in words (clinical-notes.ts). */
  clinical: (therapist: Therapist, facts: readonly ClinicalFact[], report: (problem: ReadProblem) => void) => void;
}

/** True when an accepted record needs nothing from the normaliser: a plain gender (its terms are ids and its language tags known ones: accept.ts checked them). */
function isCanonical(t: Therapist, slow?: SlowPath): boolean | undefined {
  // Another word for a gender ("female") goes to the normaliser; the therapist's own word it keeps
  // as written, which the normaliser's chunk says once it is loaded.
  return t.gender === undefined || (GENDERS as readonly string[]).includes(t.gender) || slow?.keepsGender(t.gender);
}

/** The non-clinical role a certification names, per body and name (directories repeat a few). */
const certRoles = new Map<string, Map<string, string | null>>();
let certCount = 0;
const roleOf = ({ body, name }: { body: string; name: string }) => {
  let names = certRoles.get(body);
  let role = names?.get(name);
  if (role === undefined) {
    role = nonClinicalMention(`${body} ${name}`) ?? null;
    if (certCount++ < 10_000) {
      if (!names) certRoles.set(body, (names = new Map()));
      names.set(name, role);
    }
  }
  return role;
};

/** One thing a valid record says of its clinical standing; clinical-notes.ts puts it in words. */
export type ClinicalFact =
  | { kind: 'licence'; index: number; licence: 'non-clinical' | 'unknown' }
  | { kind: 'certification'; index: number; mention: string }
  | { kind: 'mention'; field: 'name' | 'bio'; mention: string }
  | { kind: 'location' };

/**
 * What a valid record says of its clinical standing, in the order it is reported: each licence
 * that is not clinical or not recognised, each certification that names a non-clinical role, a
 * role the name or the bio mentions, an office without coordinates. Undefined (nothing allocated)
 * for most records, which say none of it; the words are loaded with the slow path.
 */
export function clinicalFacts(t: Therapist, extra?: readonly string[]): ClinicalFact[] | undefined {
  let facts: ClinicalFact[] | undefined;
  const { licenses, certifications, name, bio } = t;
  for (let k = 0; k < licenses.length; k++) {
    const licence = licenceKind(licenses[k].type, extra);
    if (licence !== 'clinical') (facts ??= []).push({ kind: 'licence', index: k, licence });
  }
  if (certifications)
    for (let k = 0; k < certifications.length; k++) {
      const mention = roleOf(certifications[k]);
      if (mention) (facts ??= []).push({ kind: 'certification', index: k, mention });
    }
  let mention = nonClinicalMention(name);
  if (mention) (facts ??= []).push({ kind: 'mention', field: 'name', mention });
  mention = bio && nonClinicalMention(bio);
  if (mention) (facts ??= []).push({ kind: 'mention', field: 'bio', mention });
  if (t.formats.includes('in-person') && t.location?.lat === undefined) (facts ??= []).push({ kind: 'location' });
  return facts;
}

function recordId(record: unknown): string | undefined {
  try {
    const raw = record !== null && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
    if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
    return typeof raw === 'string' && raw.length <= 200 ? raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one pipeline behind `parseTherapists` and `validateTherapists`: each record is read
 * forgivingly, validated (the fast path first, `slow` when it has doubts), checked for clinical
 * licences, and kept unless it has an error. Returns undefined when a record needs `slow` and none
 * was given. Never throws.
 */
export function checkRecords(input: unknown, options: ParseOptions = {}, slow?: SlowPath): ParseResult | undefined {
  const check = new RecordCheck(input, options);
  return check.run(slow) === 'done' ? check.result : undefined;
}

/**
 * `checkRecords` that can stop between records and resume: `run` goes on until every record is
 * checked (`done`), a record needs the slow path and none was given (`slow`, resume with it), or
 * `pause()` says the slice is over (`paused`). Stopping and resuming never changes the result.
 */
export class RecordCheck {
  readonly result: ParseResult = { therapists: [], problems: [] };
  private readonly records: unknown[] | undefined;
  private readonly count: number = 0;
  private index = 0;
  private readonly ids: VocabularyIds;
  /** The last id kept while ids come in order (as most exports list them): a new one needs no look-up. */
  private last = '';
  /** Every id kept, from the first that came out of order. */
  private seen?: Set<string>;

  constructor(
    input: unknown,
    private readonly options: ParseOptions = {},
  ) {
    this.ids = options.vocabulary ? idsOf(options.vocabulary) : DEFAULT_IDS;
    let records: unknown[] | undefined;
    try {
      records = recordsIn(input);
      // Read once: a Proxy's length may throw, and the slices must agree on where the input ends.
      if (records) this.count = records.length;
    } catch {
      records = undefined;
    }
    this.records = records;
    if (!records)
      this.result.problems.push({
        severity: 'error',
        index: -1,
        path: '',
        message: `expected an array of therapist records or { "therapists": [...] }, got ${safeShapeOf(input)}`,
        fix: 'give a JSON array of records, or an object with a "therapists" array',
      });
  }

  run(slow?: SlowPath, pause?: () => boolean): 'done' | 'slow' | 'paused' {
    const { records, options, ids } = this;
    if (!records) return 'done';
    const { therapists, problems } = this.result;
    const own: ReadProblem[] = [];
    const report = (problem: ReadProblem) => void own.push(problem);
    // At least one record per run, so a slice that is over before it starts still makes progress.
    const first = this.index;
    startRun(ids);
    for (; this.index < this.count; this.index++) {
      if (this.index > first && pause?.()) return 'paused';
      const index = this.index;
      own.length = 0;
      let record: unknown;
      let therapist: Therapist | undefined;
      try {
        record = records[index];
        therapist = accept(record);
        if (!therapist || !isCanonical(therapist, slow)) {
          // Nothing of this record is kept yet: it is checked again from the start with `slow`.
          if (!slow) return 'slow';
          const normalised = slow.normalize(record, report, options);
          record = normalised; // so a dropped record is named by its id under any header ("Therapist ID")
          therapist = accept(normalised);
          if (!therapist) {
            const result = slow.validate(normalised);
            own.push(...result.problems);
            therapist = result.therapist;
          }
        }
        const facts = therapist && clinicalFacts(therapist, options.licenseTypes);
        if (facts) {
          if (!slow) return 'slow';
          slow.clinical(therapist!, facts, report);
        }
      } catch {
        // A getter that throws, a revoked proxy: not data a clinic wrote.
        own.length = 0;
        therapist = undefined;
        own.push({ severity: 'error', path: '', message: 'could not be read', fix: 'give plain JSON data' });
      }
      const id = therapist?.id ?? recordId(record);
      const failed = own.length > 0 && own.some((p) => p.severity === 'error');
      if (therapist && !failed) {
        // An id after the last one kept is new (`id` is the therapist's); from the first that is
        // not, a set holds the ids kept, and grows unless the id is there already (one look-up).
        const seen = (this.seen ??= id! > this.last ? undefined : new Set(therapists.map((t) => t.id)));
        if (seen ? seen.size < seen.add(id!).size : (this.last = id!)) therapists.push(therapist);
        else
          own.push({
            severity: 'error',
            path: 'id',
            message: 'duplicates the id of an earlier record; this one is skipped',
            fix: 'give every listing its own id',
          });
      } else if (!failed)
        own.push({ severity: 'error', path: '', message: 'is not a valid record', fix: 'see docs/records.md' });
      if (!own.length) continue;
      const line = options.lines?.[index];
      for (const problem of own)
        problems.push({
          severity: problem.severity,
          index,
          ...(id !== undefined ? { id } : {}),
          ...(typeof line === 'number' ? { line } : {}),
          path: problem.path,
          message: problem.message,
          ...(problem.fix ? { fix: problem.fix } : {}),
        });
    }
    return 'done';
  }
}

function safeShapeOf(input: unknown): string {
  try {
    return shapeOf(input);
  } catch {
    return 'a value that could not be read';
  }
}

/**
 * Validates like `parseTherapists`, with the same result, without blocking the page: records are
 * checked in slices of about 8 ms with a yield to the browser between them, and zod is loaded
 * only when some record is not clearly valid or has a note about its clinical standing (to write
 * precise messages about it). The input must
 * not change until the promise settles. Never rejects, unless the zod chunk cannot be loaded.
 */
export async function validateTherapists(input: unknown, options: ParseOptions = {}): Promise<ParseResult> {
  const check = new RecordCheck(input, options);
  const clock = new SliceClock();
  const pause = () => clock.due();
  let slow: SlowPath | undefined;
  for (;;) {
    clock.start();
    const status = check.run(slow, pause);
    if (status === 'done') return check.result;
    // The chunk's evaluation ends one task; the records go on in the next.
    if (status === 'slow') slow = await loadSlowPath();
    await yieldToBrowser();
  }
}

/** The normaliser and zod's validator, a chunk of their own. */
async function loadSlowPath(): Promise<SlowPath> {
  const [{ normalizeRecord, keepsGender }, { validateRecord }, { clinicalNotes }] = await Promise.all([
    import('./normalize.js'),
    import('./schema.js'),
    import('./clinical-notes.js'),
  ]);
  return { normalize: normalizeRecord, validate: validateRecord, keepsGender, clinical: clinicalNotes };
}
