// csvSource(url): the spreadsheet export a clinic actually has, turned into therapist records.
// The mapping from columns to fields is documented in the README ("Data sources") and shown by
// demo/data/sample.csv.
import { TherapistSchema } from '../engine/schema.js';
import { fileSource, type FileSourceOptions } from './file.js';
import { SourceError, type TherapistSource } from './types.js';

export interface CsvOptions {
  /** Cell separator. Default `,`. */
  delimiter?: string;
  /** Separator of values inside one cell for list fields (`concerns`, `languages`, `licenses`…). Default `;`. */
  listSeparator?: string;
}

export type CsvSourceOptions = FileSourceOptions & CsvOptions;

/** Therapist records from a CSV file with a header row. Fetched once and shared by every query. */
export function csvSource(url: string | URL, options: CsvSourceOptions = {}): TherapistSource {
  return fileSource(url, options, async (response, label) => {
    // `text()` decodes UTF-8 and drops a byte-order mark.
    const text = await response.text();
    try {
      return csvToRecords(text, options);
    } catch (error) {
      if (error instanceof SourceError) throw new SourceError(error.kind, `${label}: ${error.message}`);
      throw error;
    }
  });
}

/**
 * Splits CSV text into rows of cells (RFC 4180): quoted cells may hold the delimiter, `""` for a
 * quote, and line breaks. Accepts CRLF, LF or CR line ends and a leading byte-order mark.
 * Throws a `parse` SourceError for a quote that is never closed.
 */
export function parseCsv(text: string, { delimiter = ',' }: Pick<CsvOptions, 'delimiter'> = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
    } else cell += char;
  }
  if (quoted)
    throw new SourceError(
      'parse',
      `a quoted cell starting on line ${quoteLine} is never closed: check for a missing " in the CSV`,
    );
  if (cell !== '' || row.length) endRow();
  return rows.filter((cells) => cells.some((c) => c.trim() !== ''));
}

type Kind = 'string' | 'number' | 'boolean' | 'list' | 'records' | 'object' | 'unknown';

/** Compact cell syntax for lists of objects: fields in order, separated by `:`; the last takes the rest. */
const COMPACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  licenses: ['type', 'jurisdiction', 'number'],
  certifications: ['body', 'name'],
};

interface SchemaNode {
  _zod: { def: { type: string; innerType?: SchemaNode; element?: SchemaNode; shape?: Record<string, SchemaNode> } };
}

function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  while (node && (node._zod.def.type === 'optional' || node._zod.def.type === 'nullable'))
    node = node._zod.def.innerType;
  return node;
}

/** Resolves a header (`location.lat`, `Licenses.0.Type`) to the schema's field names and the value kind. */
function resolveHeader(header: string): { path: (string | number)[]; kind: Kind } {
  let node = unwrap(TherapistSchema as unknown as SchemaNode);
  const path: (string | number)[] = [];
  for (const segment of header.split('.').map((s) => s.trim())) {
    if (/^\d+$/.test(segment)) {
      path.push(Number(segment));
      node = node?._zod.def.type === 'array' ? unwrap(node._zod.def.element) : undefined;
      continue;
    }
    const shape = node?._zod.def.type === 'object' ? node._zod.def.shape : undefined;
    const key = shape
      ? (Object.keys(shape).find((k) => k === segment) ??
        Object.keys(shape).find((k) => k.toLowerCase() === segment.toLowerCase()))
      : undefined;
    path.push(key ?? segment);
    node = key && shape ? unwrap(shape[key]) : undefined;
  }
  const type = node?._zod.def.type;
  if (type === 'array')
    return { path, kind: unwrap(node!._zod.def.element)?._zod.def.type === 'object' ? 'records' : 'list' };
  if (type === 'number' || type === 'boolean' || type === 'object') return { path, kind: type };
  if (type === 'string' || type === 'enum') return { path, kind: 'string' };
  return { path, kind: 'unknown' };
}

const TRUE = new Set(['yes', 'y', 'true', '1']);
const FALSE = new Set(['no', 'n', 'false', '0']);

function convert(raw: string, kind: Kind, field: string, listSeparator: string): unknown {
  const value = raw.trim();
  const items = () =>
    value
      .split(listSeparator)
      .map((item) => item.trim())
      .filter(Boolean);
  switch (kind) {
    case 'number':
      // Unparseable numbers stay text so validation names the field.
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) ? Number(value) : value;
    case 'boolean':
      return TRUE.has(value.toLowerCase()) ? true : FALSE.has(value.toLowerCase()) ? false : value;
    case 'list':
      return items();
    case 'records': {
      const fields = COMPACT_FIELDS[field];
      if (!fields) return value;
      return items().map((item) => {
        const parts = item.split(':').map((p) => p.trim());
        const record: Record<string, string> = {};
        fields.forEach((name, i) => {
          const part = i === fields.length - 1 ? parts.slice(i).join(':') : parts[i];
          if (part) record[name] = part;
        });
        return record;
      });
    }
    default:
      return raw;
  }
}

function assign(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === null || typeof next !== 'object') node[segment] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
}

/**
 * Turns CSV text into raw therapist records (validate them with `parseTherapists`). The header
 * row names fields; dotted headers build nested fields (`location.city`, `fees.min`,
 * `licenses.0.verifyUrl`); list fields split on `;`; `licenses` cells read `TYPE:JURISDICTION[:NUMBER]`
 * and `certifications` cells `BODY:NAME`; `yes/no/true/false` become booleans; empty cells are left out.
 */
export function csvToRecords(text: string, options: CsvOptions = {}): Record<string, unknown>[] {
  const listSeparator = options.listSeparator ?? ';';
  const [header, ...rows] = parseCsv(text, options);
  if (!header) return [];
  const columns = header.map((name) =>
    name.trim() ? { name: name.trim(), ...resolveHeader(name.trim()) } : undefined,
  );
  // Shorter paths first, so `licenses` (compact) is filled before `licenses.0.verifyUrl` adds to it.
  const ordered = columns
    .map((column, i) => ({ column, i }))
    .filter((entry): entry is { column: NonNullable<(typeof columns)[number]>; i: number } => !!entry.column)
    .sort((a, b) => a.column.path.length - b.column.path.length);
  return rows.map((cells) => {
    const record: Record<string, unknown> = {};
    ordered.forEach(({ column, i }) => {
      const raw = cells[i];
      if (raw === undefined || raw.trim() === '') return;
      const field = String(column.path[column.path.length - 1]);
      assign(record, column.path, convert(raw, column.kind, field, listSeparator));
    });
    return record;
  });
}
