// csvSource(url): the spreadsheet export a clinic actually has, turned into raw therapist records,
// with a warning for every column it cannot use. Headers are read through the record format's
// field table (names and aliases); values stay text apart from numbers, yes/no and lists: the
// normaliser that validates every record does the rest. docs/data-sources.md ("CSV files") documents it.
import type { DataProblem } from '../engine/records.js';
import { findField, isForbiddenKey, resolveFieldPath, RECORD_FIELDS, type FieldSpec } from '../engine/fields.js';
import { scanCsv } from './csv-parse.js';
import { fileSource, type FileSourceOptions } from './file.js';
import { readFileOptions } from './options.js';
import { SourceError, type TherapistSource } from './types.js';

export { parseCsv } from './csv-parse.js';

export interface CsvOptions {
  /** Cell separator. Default: sniffed from the header row (`,`, `;` or tab). */
  delimiter?: string;
  /**
   * Separator of the values inside one cell of a list field (`concerns`, `languages`, `licenses`…),
   * used instead of the default `;` and `|`. A line break inside a cell always separates.
   */
  listSeparator?: string;
}

export type CsvSourceOptions = FileSourceOptions & CsvOptions;

/** What `readCsv` makes of a CSV file. */
export interface CsvReading {
  /** One raw record per non-blank row: validate (and normalise) them with `parseTherapists`. */
  records: Record<string, unknown>[];
  /** `lines[i]` is the 1-based line of the file where `records[i]` starts. */
  lines: number[];
  /** Warnings about the file itself: columns that are ignored, rows with more cells than headers. */
  problems: DataProblem[];
  /** The cell separator used: the one given, or the one sniffed from the header row. */
  delimiter: string;
}

/** Therapist records from a CSV file with a header row. Fetched once and shared by every query. */
export function csvSource(url: string | URL, options: CsvSourceOptions = {}): TherapistSource {
  return fileSource(url, readFileOptions(url, options), async (body, _response, label) =>
    readCsvFile((await body.decoded()).text, options, label),
  );
}

/** `readCsv`, with a parse error naming the file. For the file sources. */
export function readCsvFile(text: string, options: CsvOptions, label: string): CsvReading {
  try {
    return readCsv(text, options);
  } catch (error) {
    if (error instanceof SourceError)
      throw new SourceError(error.kind, `${label}: ${error.message}`, undefined, { cause: error });
    throw error;
  }
}

/**
 * Turns CSV text into raw therapist records (validate them with `parseTherapists`), the line each
 * starts on, and warnings about columns it could not use.
 *
 * - The header row names fields by name or alias, whatever the case, spaces, hyphens or underscores
 *   (`Accepting New Clients`, `Zip`); dotted headers reach inside (`location.city`,
 *   `licenses.0.verifyUrl`). Unknown, reserved (`__proto__`…) and repeated columns are ignored with
 *   a warning each; the first of two columns for one field wins.
 * - List fields split on `;`, `|` or a line break inside the cell (`listSeparator` replaces `;` and
 *   `|`); `licenses` cells read `TYPE:JURISDICTION[:NUMBER]` and `certifications` cells `BODY:NAME`.
 * - Numbers and yes/no (`true/false`, `y/n`, `1/0`, `sí/no`) are converted; everything else stays
 *   text. Empty cells are left out.
 * - The delimiter is sniffed (`,`, `;` or tab) unless given. Throws a `parse` SourceError for a
 *   quoted cell that is never closed.
 */
export function readCsv(text: string, options: CsvOptions = {}): CsvReading {
  const split = listSplitter(options.listSeparator);
  const records: Record<string, unknown>[] = [];
  const lines: number[] = [];
  const rowProblems: DataProblem[] = [];
  let plan: ColumnPlan | undefined;
  let width = 0;
  // Rows become records as they are read, so the rows themselves never pile up in memory.
  const delimiter = scanCsv(text, options.delimiter, (cells, line, used) => {
    if (!plan) {
      plan = planColumns(cells, { split, decimalComma: used === ';' });
      width = cells.length;
      return;
    }
    const record: Record<string, unknown> = {};
    for (const { index, path, read } of plan.columns) {
      const raw = cells[index];
      if (raw === undefined || raw.trim() === '') continue;
      const value = read(raw);
      if (value !== undefined) assign(record, path, value);
    }
    if (plan.unnamed) plan.unnamed.note(cells);
    if (cells.length > width && cells.slice(width).some((cell) => cell.trim() !== ''))
      rowProblems.push({
        severity: 'warning',
        index: records.length,
        ...(typeof record.id === 'string' && { id: record.id }),
        line,
        path: '',
        message: `The row on line ${line} has ${cells.length} cells but the header names ${width} columns; the cells past column ${width} (${columnLetters(width - 1)}) are ignored.`,
        fix: `Quote cells that contain the delimiter ("Oakland, CA"), or give the extra column a header.`,
      });
    records.push(record);
    lines.push(line);
  });
  const problems = plan ? [...columnProblems(plan), ...rowProblems] : [];
  return { records, lines, problems, delimiter };
}

/**
 * Turns CSV text into raw therapist records: `readCsv(text, options).records`. For a directory's
 * own import script; `readCsv` also gives the lines and the warnings.
 */
export function csvToRecords(text: string, options: CsvOptions = {}): Record<string, unknown>[] {
  return readCsv(text, options).records;
}

type Path = (string | number)[];

interface Column {
  index: number;
  path: Path;
  /** The cell's value for the record, or undefined to leave the field out. */
  read: (raw: string) => unknown;
}

interface Readers {
  split: (cell: string) => string[];
  /** True for a `;`-separated file (European spreadsheets), where `37,8044` is a decimal number. */
  decimalComma: boolean;
}

/** A, B, … Z, AA, AB…: the column's name in a spreadsheet. */
function columnLetters(index: number): string {
  let letters = '';
  for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26))
    letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/** Column warnings listed one by one; past this, one more sums up the rest (a hostile header can have millions). */
const MAX_COLUMN_WARNINGS = 100;

/** A column that is ignored, and why; the warning is written only if it is shown. */
interface IgnoredColumn {
  index: number;
  header: string;
  reason: 'unnamed' | 'reserved' | 'unknown' | 'group' | 'repeated';
  /** For `group`: the field; for `repeated`: the field's path. */
  field?: string;
  /** For `repeated`: the column that fills the field. */
  first?: { index: number; header: string };
}

interface ColumnPlan {
  columns: Column[];
  /** The first ignored columns with a name, by position; `ignoredCount` counts them all. */
  ignored: IgnoredColumn[];
  ignoredCount: number;
  /** Columns without a header: ignored, and worth a warning only if some row has a value there. */
  unnamed?: UnnamedColumns;
}

/** Which columns fill which fields, and how; which columns are ignored, and why. */
function planColumns(headers: string[], readers: Readers): ColumnPlan {
  const columns: Column[] = [];
  const plan: ColumnPlan = { columns, ignored: [], ignoredCount: 0 };
  const ignore = (column: IgnoredColumn) => {
    if (++plan.ignoredCount <= MAX_COLUMN_WARNINGS) plan.ignored.push(column);
  };
  const filled = new Map<string, { index: number; header: string }>();
  // Headers repeat in hostile files: each distinct one is looked up once.
  const lookups = new Map<string, HeaderLookup>();
  let unnamed = false;
  for (let index = 0; index < headers.length; index++) {
    const header = headers[index].trim();
    if (header === '') {
      unnamed = true;
      continue;
    }
    let field = lookups.get(header);
    if (field === undefined) lookups.set(header, (field = lookUpHeader(header)));
    if (field === 'reserved' || field === 'unknown') {
      ignore({ index, header, reason: field });
      continue;
    }
    const { spec, path } = field;
    if (spec.kind === 'object' && path.length === 1) {
      ignore({ index, header, reason: 'group', field: spec.name });
      continue;
    }
    const key = path.join('.');
    const first = filled.get(key);
    if (first) {
      ignore({ index, header, reason: 'repeated', field: key, first });
      continue;
    }
    filled.set(key, { index, header });
    columns.push({ index, path, read: readerFor(spec, path, readers) });
  }
  // Shorter paths first, so `licenses` (compact) is filled before `licenses.0.verifyUrl` adds to it.
  columns.sort((a, b) => a.path.length - b.path.length);
  if (unnamed) plan.unnamed = new UnnamedColumns(headers);
  return plan;
}

/** The warning for an ignored column. */
function columnProblem({ index, header, reason, field, first }: IgnoredColumn): DataProblem {
  const column = `Column ${index + 1} (${columnLetters(index)})${header ? ` "${header}"` : ''}`;
  const problem = (message: string, fix: string): DataProblem => ({
    severity: 'warning',
    index: -1,
    path: header,
    message: `${column} ${message}; its values are ignored${reason === 'repeated' ? ' (the first column wins)' : ''}.`,
    fix,
  });
  switch (reason) {
    case 'unnamed':
      return problem('has no header', 'Give the column the name of a record field, or remove it.');
    case 'reserved':
      return problem(
        'uses a reserved name (__proto__, constructor or prototype)',
        'Remove the column: no record field has that name.',
      );
    case 'unknown':
      return problem(
        'is not a field of the record format',
        "Rename it to a record field's name or alias (docs/records.md), or remove the column.",
      );
    case 'group': {
      const parts = (findField(RECORD_FIELDS, field!)?.fields ?? []).map((inner) => `${field}.${inner.name}`);
      return problem(
        `names a group of fields (${field}), not one value`,
        `Use one column per part: ${parts.join(', ')}.`,
      );
    }
    case 'repeated':
      return problem(
        `fills the same field (${field}) as column ${first!.index + 1} (${columnLetters(first!.index)}) "${first!.header}"`,
        'Remove one of the two columns, or rename one to the field it was meant for.',
      );
  }
}

/** Headerless columns that hold a value in some row, noted row by row (one look at each cell). */
class UnnamedColumns {
  private readonly unnamed: boolean[];
  readonly withValues = new Set<number>();
  constructor(headers: string[]) {
    this.unnamed = headers.map((header) => header.trim() === '');
  }
  note(cells: string[]): void {
    const { unnamed, withValues } = this;
    for (let k = 0; k < cells.length && k < unnamed.length; k++)
      if (unnamed[k] && !withValues.has(k) && cells[k].trim() !== '') withValues.add(k);
  }
}

/** One warning per ignored column, by position, the first hundred of them; then one for the rest. */
function columnProblems(plan: ColumnPlan): DataProblem[] {
  const unnamed = [...(plan.unnamed?.withValues ?? [])].map((index): IgnoredColumn => ({
    index,
    header: '',
    reason: 'unnamed',
  }));
  const all = [...plan.ignored, ...unnamed].sort((a, b) => a.index - b.index);
  const total = plan.ignoredCount + unnamed.length;
  const problems = all.slice(0, MAX_COLUMN_WARNINGS).map(columnProblem);
  if (total > MAX_COLUMN_WARNINGS)
    problems.push({
      severity: 'warning',
      index: -1,
      path: '',
      message: `${total - MAX_COLUMN_WARNINGS} more columns are ignored, for the same kinds of reasons as the ones above.`,
      fix: 'Check that the first row of the file is the header row, and remove the columns that are not record fields.',
    });
  return problems;
}

type HeaderLookup = 'reserved' | 'unknown' | { path: Path; spec: FieldSpec };

function lookUpHeader(header: string): HeaderLookup {
  if (isForbiddenKey(header) || header.split('.').some(isForbiddenKey)) return 'reserved';
  const field = resolveFieldPath(header);
  return field ? { path: itemPath(field.path), spec: field.spec } : 'unknown';
}

/** `licenses.type` means the first licence: `licenses.0.type`. */
function itemPath(path: Path): Path {
  if (path.length > 1 && typeof path[1] === 'string' && findField(RECORD_FIELDS, String(path[0]))?.kind === 'records')
    return [path[0], 0, ...path.slice(1)];
  return path;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;
// Spanish spreadsheets write VERDADERO/FALSO for booleans.
const BOOLEANS = new Map<string, boolean>([
  ...['yes', 'y', 'true', '1', 'sí', 'si', 'verdadero'].map((word) => [word, true] as const),
  ...['no', 'n', 'false', '0', 'falso'].map((word) => [word, false] as const),
]);

/** Compact cell syntax for lists of objects: fields in order, separated by `:`; the last takes the rest. */
const COMPACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  licenses: ['type', 'jurisdiction', 'number'],
  certifications: ['body', 'name'],
};

function readerFor(spec: FieldSpec, path: Path, { split, decimalComma }: Readers): Column['read'] {
  switch (spec.kind) {
    case 'number':
      // A cell that is not a number stays text, so the problem names the field.
      return (raw) => {
        const value = raw.trim();
        if (NUMBER.test(value)) return Number(value);
        if (decimalComma && DECIMAL_COMMA.test(value)) return Number(value.replace(',', '.'));
        return value;
      };
    case 'boolean':
      return (raw) => {
        const value = raw.trim();
        return BOOLEANS.get(value.toLowerCase()) ?? value;
      };
    case 'terms':
    case 'languages':
    case 'jurisdictions':
    case 'texts':
      return (raw) => {
        const items = split(raw);
        return items.length ? items : undefined;
      };
    case 'records': {
      const names = COMPACT_FIELDS[spec.name] ?? (spec.fields ?? []).map((field) => field.name);
      const compact = (item: string) => {
        const record: Record<string, string> = {};
        let rest = item;
        names.forEach((name, i) => {
          const colon = i === names.length - 1 ? -1 : rest.indexOf(':');
          const part = (colon === -1 ? rest : rest.slice(0, colon)).trim();
          rest = colon === -1 ? '' : rest.slice(colon + 1);
          if (part) record[name] = part;
        });
        return record;
      };
      // `licenses.1` holds one entry; `licenses` a list of them.
      if (typeof path[path.length - 1] === 'number') return (raw) => split(raw).map(compact)[0];
      return (raw) => {
        const items = split(raw).map(compact);
        return items.length ? items : undefined;
      };
    }
    default:
      return (raw) => raw.trim();
  }
}

/** Splits a list cell on the separators and line breaks; items trimmed, empty ones left out. */
function listSplitter(listSeparator: string | undefined): (cell: string) => string[] {
  if (listSeparator === '') throw new TypeError('CSV listSeparator must not be empty');
  const separators =
    listSeparator === undefined
      ? /[;|\r\n]/
      : new RegExp(`${listSeparator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|[\\r\\n]`);
  return (cell) => {
    const items: string[] = [];
    for (const item of cell.split(separators)) {
      const value = item.trim();
      if (value) items.push(value);
    }
    return items;
  };
}

/**
 * Sets `value` at `path` in `record`, creating objects and arrays on the way. Paths come from the
 * field table (never `__proto__`, `constructor` or `prototype`), and only own properties are ever
 * walked into, so nothing reaches a prototype.
 */
function assign(record: Record<string, unknown>, path: Path, value: unknown): void {
  let node = record as Record<string | number, unknown>;
  for (let k = 0; k < path.length - 1; k++) {
    const key = path[k];
    let next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    if (next === null || typeof next !== 'object') {
      next = typeof path[k + 1] === 'number' ? [] : {};
      node[key] = next;
    }
    node = next as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
}
