// Reads a directory file a person picked (a spreadsheet's CSV or a system's JSON export) inside the
// browser tab: decodes it, tells CSV from JSON, validates every record and counts what was kept,
// dropped and warned about. Nothing is sent anywhere. The directory checker is built on it.
import type { DataProblem, ParseOptions } from '../engine/records.js';
import { recordsIn, validateTherapists } from '../engine/records.js';
import type { Therapist } from '../engine/schema.js';
import { readCsv, type CsvOptions } from './csv.js';
import { decodeBytes } from './http.js';

export type DirectoryFileFormat = 'csv' | 'json';

/** Options of `checkDirectoryFile`: the site's vocabulary and licence types, CSV separators. */
export interface DirectoryFileOptions extends Omit<ParseOptions, 'lines'>, CsvOptions {
  /** Read the file as this format whatever its name or content. */
  format?: DirectoryFileFormat;
  /** Stops the check (a newer file was picked); the promise then rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** What a directory file holds once read: the records the widget would keep, and every problem. */
export interface DirectoryFileCheck {
  format: DirectoryFileFormat;
  /** Records in the file: data rows of a CSV, entries of the JSON list. */
  records: number;
  /** The records the widget keeps, normalised (ids for labels, `true` for "yes"…). */
  therapists: Therapist[];
  /** Every problem, in file order: whole-file and column problems first (`index` -1). */
  problems: DataProblem[];
  /** Records dropped because of an error. */
  dropped: number;
  /** Records kept with at least one warning. */
  warned: number;
}

/** Why a file could not be checked at all. */
export type DirectoryFileErrorKind = 'unreadable' | 'empty' | 'not-data' | 'invalid';

/** A file that could not be checked, with what to do about it in plain words. */
export class DirectoryFileError extends Error {
  override name = 'DirectoryFileError';
  constructor(
    readonly kind: DirectoryFileErrorKind,
    message: string,
    /** What to do about it. */
    readonly fix: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const SAVE_AS_CSV = 'In the spreadsheet, choose File › Save as (or Download) › "CSV UTF-8", and check that file.';

/** File signatures of things people drop instead of a CSV: workbooks, PDFs, images. */
const SIGNATURES: [bytes: number[], what: string, fix: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a spreadsheet workbook (.xlsx, .ods or .numbers) or another zipped file', SAVE_AS_CSV],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an older Excel workbook (.xls)', SAVE_AS_CSV],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document', 'Export the directory from the system it lives in as CSV or JSON.'],
  [[0x89, 0x50, 0x4e, 0x47], 'an image', 'Pick the CSV or JSON file of the directory.'],
  [[0xff, 0xd8, 0xff], 'an image', 'Pick the CSV or JSON file of the directory.'],
];

/**
 * `csv` or `json` from the file name's extension, or from the content when the name says neither
 * (`[` or `{` first is JSON; a first line with a comma, semicolon or tab is CSV). Undefined when
 * it is neither.
 */
export function directoryFileFormat(name: string, text: string): DirectoryFileFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase();
  if (extension === 'json') return 'json';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  const firstLine = start.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return /[,;\t]/.test(firstLine) ? 'csv' : undefined;
}

/**
 * Reads, decodes and validates a directory file exactly as the widget would read it, entirely in
 * this tab. Rejects with a `DirectoryFileError` when the file cannot be checked at all (unreadable,
 * empty, not CSV or JSON, broken JSON or CSV), saying what to do.
 */
export async function checkDirectoryFile(
  file: Blob & { readonly name?: string },
  options: DirectoryFileOptions = {},
): Promise<DirectoryFileCheck> {
  const { signal, format: forced, delimiter, listSeparator, ...parse } = options;
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (cause) {
    throw new DirectoryFileError(
      'unreadable',
      'The browser could not read this file.',
      'The file may have been moved, renamed or still be downloading. Pick it again; if it lives in a cloud folder, download it first.',
      { cause },
    );
  }
  signal?.throwIfAborted();
  const view = new Uint8Array(bytes);
  if (view.length === 0) throw emptyFile();
  for (const [signature, what, fix] of SIGNATURES)
    if (signature.every((byte, k) => view[k] === byte))
      throw new DirectoryFileError('not-data', `This is ${what}, not a CSV or JSON file.`, fix);

  const decoded = decodeBytes(view);
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw emptyFile();
  if (/\u0000/.test(text.slice(0, 4096)))
    throw new DirectoryFileError(
      'not-data',
      'This file is not text, so it is not a CSV or JSON file.',
      'Export the directory from your spreadsheet as "CSV UTF-8", or from your system as JSON, and pick that file.',
    );
  const format = forced ?? directoryFileFormat(file.name ?? '', text);
  if (!format)
    throw new DirectoryFileError(
      'not-data',
      'This file does not look like CSV or JSON: its first line has no commas, semicolons or tabs between columns.',
      'Export the directory from your spreadsheet as "CSV UTF-8", or from your system as JSON, and pick that file.',
    );

  const problems: DataProblem[] = [];
  if (decoded.guessed)
    problems.push({
      severity: 'warning',
      index: -1,
      path: '',
      message: 'The file is not UTF-8, so it was read as Windows-1252 (what Excel on Windows saves as "CSV").',
      fix: 'Check that names with accents look right in the preview; to be sure, save the file as "CSV UTF-8".',
    });

  let records: unknown[];
  let lines: number[] | undefined;
  if (format === 'csv') {
    let reading: ReturnType<typeof readCsv>;
    try {
      reading = readCsv(text, { delimiter, listSeparator });
    } catch (cause) {
      throw new DirectoryFileError(
        'invalid',
        `The CSV file could not be read: ${messageOf(cause)}`,
        'A cell that starts with a quote (") needs a closing quote. Open the file in a spreadsheet, fix that cell and export it again.',
        { cause },
      );
    }
    if (reading.records.length === 0)
      throw new DirectoryFileError(
        'empty',
        'The CSV file has a header row but no rows of records under it.',
        'Check that you exported the sheet with the listings, not an empty template.',
      );
    problems.push(...reading.problems);
    records = reading.records;
    lines = reading.lines;
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      const line = jsonErrorLine(messageOf(cause), text);
      throw new DirectoryFileError(
        'invalid',
        `The JSON file has a syntax error${line ? ` on line ${line}` : ''}: ${messageOf(cause)}`,
        'Open the file in a text editor at that line: a missing comma, quote or bracket is usual. Or export it again from your system.',
        { cause },
      );
    }
    const list = recordsIn(json);
    if (!list)
      throw new DirectoryFileError(
        'invalid',
        'The JSON file has no list of therapists: it should be a list of records, or an object with a "therapists" list.',
        'Export the records as a JSON array, or wrap them as { "therapists": [ … ] }.',
      );
    if (list.length === 0)
      throw new DirectoryFileError(
        'empty',
        'The JSON file’s list of therapists is empty.',
        'Export the directory again, with its listings.',
      );
    records = list;
  }

  const result = await validateTherapists(records, { ...parse, ...(lines ? { lines } : {}) });
  signal?.throwIfAborted();
  problems.push(...result.problems);
  return { format, records: records.length, therapists: result.therapists, problems, ...countRecords(problems) };
}

/** Records dropped (with an error) and records kept with warnings, each counted once. */
export function countRecords(problems: readonly DataProblem[]): { dropped: number; warned: number } {
  const errors = new Set<number>();
  const warnings = new Set<number>();
  for (const problem of problems)
    if (problem.index >= 0) (problem.severity === 'error' ? errors : warnings).add(problem.index);
  let warned = 0;
  for (const index of warnings) if (!errors.has(index)) warned++;
  return { dropped: errors.size, warned };
}

function emptyFile(): DirectoryFileError {
  return new DirectoryFileError(
    'empty',
    'The file is empty.',
    'Check that the export finished, then pick the file again.',
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The line of a JSON syntax error, from the browser's message (`line 3`, or `position 120`). */
function jsonErrorLine(message: string, text: string): number | undefined {
  const line = /\bline (\d+)/i.exec(message);
  if (line) return Number(line[1]);
  const position = /\bposition (\d+)/i.exec(message);
  if (!position) return undefined;
  return text.slice(0, Number(position[1])).split(/\r\n|\n|\r/).length;
}
