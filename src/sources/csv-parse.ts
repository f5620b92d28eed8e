// The CSV grammar (RFC 4180 and what spreadsheets really write) in one linear pass: every
// character is looked at a bounded number of times, whatever the input, so a hostile file cannot
// freeze the page. Cells are cut out with indexOf and slice, never built character by character.
import { SourceError } from './types.js';

/** Separators recognised when none is given, in order of preference when they tie. */
export const SNIFFED_DELIMITERS = [',', ';', '\t'] as const;

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

function checkDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n')
    throw new TypeError(
      `CSV delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`,
    );
}

/**
 * The separator the header row uses: whichever of `,` `;` and tab occurs most often outside quotes
 * in the first row (a comma when none does). Reads the first row only.
 */
export function sniffDelimiter(text: string, start = 0): string {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (code === LF || code === CR) break;
    else if (code === 44) counts[0]++;
    else if (code === 59) counts[1]++;
    else if (code === TAB) counts[2]++;
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return SNIFFED_DELIMITERS[best];
}

/**
 * Reads CSV text row by row: `onRow(cells, line, delimiter)` for every non-blank row, the header
 * first, with the 1-based line where the row starts and the delimiter used (also returned). A leading byte-order mark is
 * dropped; an Excel `sep=;` first line sets the delimiter; otherwise `delimiter`, or the one sniffed
 * from the header row. Throws a `parse` SourceError for a quoted cell that is never closed, naming
 * its line. Rows are handed over as they are read, so a caller that keeps records need not keep rows.
 */
export function scanCsv(
  text: string,
  delimiter: string | undefined,
  onRow: (cells: string[], line: number, delimiter: string) => void,
): string {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  // Excel writes `sep=;` as a first line when it saves with a separator other than the locale's.
  const hint = /sep=([^\r\n"])(\r\n|\r|\n|$)/iy;
  hint.lastIndex = i;
  const sep = hint.exec(text);
  if (sep) {
    delimiter ??= sep[1];
    i = hint.lastIndex;
    line = 2;
  }
  if (delimiter === undefined) delimiter = sniffDelimiter(text, i);
  else checkDelimiter(delimiter);
  const used = delimiter;
  const delimiterCode = delimiter.charCodeAt(0);
  const skipTabs = delimiterCode !== TAB;

  // Next position of each character that can end an unquoted cell. Positions only move forward, so
  // each indexOf call resumes past the last one: the whole scan is linear however the cells fall.
  let nextDelimiter = text.indexOf(delimiter, i);
  let nextLf = text.indexOf('\n', i);
  let nextCr = text.indexOf('\r', i);

  const cellEnd = (from: number): number => {
    // Most cells are short: look at their characters directly, and search only past that.
    const near = Math.min(from + 24, n);
    for (let k = from; k < near; k++) {
      const code = text.charCodeAt(k);
      if (code === delimiterCode || code === LF || code === CR) return k;
    }
    if (near === n) return n;
    from = near;
    if (nextDelimiter !== -1 && nextDelimiter < from) nextDelimiter = text.indexOf(delimiter, from);
    if (nextLf !== -1 && nextLf < from) nextLf = text.indexOf('\n', from);
    if (nextCr !== -1 && nextCr < from) nextCr = text.indexOf('\r', from);
    let end = n;
    if (nextDelimiter !== -1 && nextDelimiter < end) end = nextDelimiter;
    if (nextLf !== -1 && nextLf < end) end = nextLf;
    if (nextCr !== -1 && nextCr < end) end = nextCr;
    return end;
  };

  /** Line breaks (CRLF, LF or a lone CR) in text[from, to), for the line numbers. */
  const breaksBetween = (from: number, to: number): number => {
    let count = 0;
    if (nextLf !== -1 && nextLf < from) nextLf = text.indexOf('\n', from);
    while (nextLf !== -1 && nextLf < to) {
      count++;
      nextLf = text.indexOf('\n', nextLf + 1);
    }
    if (nextCr !== -1 && nextCr < from) nextCr = text.indexOf('\r', from);
    while (nextCr !== -1 && nextCr < to) {
      if (text.charCodeAt(nextCr + 1) !== LF) count++;
      nextCr = text.indexOf('\r', nextCr + 1);
    }
    return count;
  };

  let cells: string[] = [];
  let rowLine = line;
  const endRow = () => {
    for (const cell of cells)
      if (cell.trim() !== '') {
        onRow(cells, rowLine, used);
        break;
      }
    cells = [];
  };

  while (i < n) {
    // A quote opens a quoted cell when only spaces precede it in the cell.
    let start = i;
    let code = text.charCodeAt(start);
    while (code === SPACE || (code === TAB && skipTabs)) code = text.charCodeAt(++start);
    let cell: string;
    if (code === QUOTE) {
      const quoteLine = line;
      const open = start + 1;
      let from = open;
      let doubled = false;
      let close: number;
      for (;;) {
        // Quotes often come in runs of doubled ones: look before searching.
        close = text.charCodeAt(from) === QUOTE ? from : text.indexOf('"', from);
        if (close === -1)
          throw new SourceError(
            'parse',
            `a quoted cell starting on line ${quoteLine} is never closed: check for a missing " in the CSV`,
          );
        if (text.charCodeAt(close + 1) !== QUOTE) break;
        doubled = true;
        from = close + 2;
      }
      line += breaksBetween(open, close);
      cell = text.slice(open, close);
      if (doubled) cell = cell.replaceAll('""', '"');
      // Anything between the closing quote and the delimiter is kept as written (`"5'10"" tall`).
      i = close + 1;
      const end = cellEnd(i);
      if (end > i) cell += text.slice(i, end);
      i = end;
    } else {
      const end = cellEnd(i);
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell);
    if (i >= n) break;
    code = text.charCodeAt(i);
    if (code === delimiterCode) {
      i++;
      // A delimiter at the very end still closes an empty last cell.
      if (i >= n) cells.push('');
      continue;
    }
    // A line break: CRLF, LF or a lone CR.
    i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRow();
    rowLine = line;
  }
  endRow();
  return delimiter;
}

/**
 * Splits CSV text into rows of cells (RFC 4180): quoted cells may hold the delimiter, `""` for a
 * quote, and line breaks. Accepts CRLF, LF or CR line ends and a leading byte-order mark; blank rows
 * are left out. The delimiter is `delimiter`, or sniffed from the header row (`,`, `;` or tab).
 * Linear in the length of the text. Throws a `parse` SourceError for a quote that is never closed.
 */
export function parseCsv(text: string, { delimiter }: { delimiter?: string } = {}): string[][] {
  const rows: string[][] = [];
  scanCsv(text, delimiter, (cells) => rows.push(cells));
  return rows;
}
