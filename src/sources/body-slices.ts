// A large body without one long task, loaded only for one (http.ts decides): read chunk by chunk,
// its text decoded a slice at a time, and its JSON parsed in pieces: the UTF-8 bytes are scanned for the boundaries
// between the records of the document's big array, and each run of records is decoded and parsed
// on its own, with a turn for the browser between slices. For JSON the whole text is never built:
// joining 14 MB of decoded text alone took 60–90 ms here.
import { SliceClock, yieldToBrowser } from '../engine/slices.js';
import { decodeBytes, declaredEncoding, encodingOf, viewOf, type DecodedText } from './http.js';

/**
 * A response's body as bytes, read chunk by chunk with a turn for the browser whenever a slice of
 * work is over: `response.arrayBuffer()` copies a large body that has already arrived in one task
 * (230 ms for 14 MB here).
 */
export async function bytesOf(response: Response): Promise<Uint8Array> {
  // Content-Length is the compressed size when the body is compressed: a start, grown as needed.
  const declared = Number(response.headers.get('content-length'));
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  let buffer = new Uint8Array(Number.isSafeInteger(declared) && declared > 0 ? declared : 64 * 1024);
  let length = 0;
  const clock = new SliceClock();
  clock.start();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > buffer.byteLength) {
      const grown = new Uint8Array(Math.max(buffer.byteLength * 2, length + value.byteLength));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(value, length);
    length += value.byteLength;
    if (clock.due()) {
      await yieldToBrowser();
      clock.start();
    }
  }
  return length === buffer.byteLength ? buffer : buffer.subarray(0, length);
}

/** Bytes decoded per slice by `decodeBytesInSlices`: a few milliseconds of work. */
const DECODE_SLICE = 512 * 1024;

/**
 * `decodeBytes` for a large file without blocking the page: the bytes are decoded a slice at a
 * time, with a yield to the browser between slices. Same result as `decodeBytes`.
 */
export async function decodeBytesInSlices(
  bytes: ArrayBuffer | ArrayBufferView,
  charset?: string,
  slice = DECODE_SLICE,
): Promise<DecodedText> {
  const view = viewOf(bytes);
  if (view.byteLength <= slice) return decodeBytes(view, charset);
  const decode = async (encoding: string, fatal = false): Promise<DecodedText> => {
    const decoder = new TextDecoder(encoding, { fatal });
    const parts: string[] = [];
    for (let offset = 0; offset < view.byteLength; offset += slice) {
      if (offset) await yieldToBrowser();
      const end = Math.min(offset + slice, view.byteLength);
      parts.push(decoder.decode(view.subarray(offset, end), { stream: end < view.byteLength }));
    }
    return { text: parts.join(''), encoding, guessed: false };
  };
  const sure = encodingOf(view);
  if (sure) return decode(sure);
  try {
    return await decode('utf-8', true);
  } catch {
    const declared = declaredEncoding(charset);
    return declared ? decode(declared) : { ...(await decode('windows-1252')), guessed: true };
  }
}

/** Bytes of records decoded and parsed in one piece: a few milliseconds of work. */
const PIECE_BYTES = 256 * 1024;
/** Bodies shorter than this are left to JSON.parse whole: they take less than a slice. */
const WHOLE_BYTES = 512 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c; // never part of a multi-byte UTF-8 sequence, nor are the others
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * `parseJsonBytesInSlices` for a body as received: UTF-8 with or without a byte-order mark (which
 * `decodeBytes` drops); undefined for another encoding, which is decoded and parsed whole.
 */
export function parseLargeJson(bytes: Uint8Array): Promise<{ value: unknown } | undefined> {
  const encoding = encodingOf(bytes);
  if (encoding === 'utf-8') return parseJsonBytesInSlices(bytes.subarray(3));
  return encoding ? Promise.resolve(undefined) : parseJsonBytesInSlices(bytes);
}

/** An array in the bytes: where it opens and closes, and where its pieces end. */
interface ArraySpan {
  open: number;
  close: number;
  /** Positions just after an element where a piece ends, in order. */
  cuts: number[];
}

export interface JsonSliceOptions {
  /** Bytes per piece. */
  pieceBytes?: number;
  /** Smallest body worth splitting. */
  wholeBytes?: number;
}

/**
 * What `JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))` gives, for UTF-8
 * bytes (without a byte-order mark) whose bulk is one array of objects or arrays: a list of records,
 * or an object with such a list as one of its values. Decoded and parsed piece by piece with a yield
 * to the browser between slices of about 8 ms. Undefined for anything else (a small body, another
 * shape, bytes that are not valid UTF-8, text that is not valid JSON): the caller then decodes and
 * parses the whole text, and gets JSON.parse's own result or error. Never throws.
 */
export async function parseJsonBytesInSlices(
  bytes: Uint8Array,
  { pieceBytes = PIECE_BYTES, wholeBytes = WHOLE_BYTES }: JsonSliceOptions = {},
): Promise<{ value: unknown } | undefined> {
  if (bytes.byteLength < wholeBytes) return undefined;
  try {
    return await parseInPieces(bytes, pieceBytes);
  } catch {
    return undefined;
  }
}

async function parseInPieces(bytes: Uint8Array, pieceBytes: number): Promise<{ value: unknown } | undefined> {
  const clock = new SliceClock();
  clock.start();
  const pause = async () => {
    if (!clock.due()) return;
    await yieldToBrowser();
    clock.start();
  };

  const end = bytes.byteLength;
  let start = 0;
  while (start < end && isSpace(bytes[start])) start++;
  const top = bytes[start];
  if (top !== OPEN_BRACKET && top !== OPEN_BRACE) return undefined;
  // The depth at which the split array's elements sit: 1 in a top-level array, 2 in an object's value.
  const inner = top === OPEN_BRACKET ? 1 : 2;

  let best: ArraySpan | undefined;
  let current: ArraySpan | undefined = top === OPEN_BRACKET ? { open: start, close: -1, cuts: [] } : undefined;
  let pieceStart = start + 1;
  let depth = 1;
  let i = start + 1;
  while (i < end && depth > 0) {
    // Scan a stretch, then let the browser in if the slice is over.
    const stop = Math.min(end, i + 256 * 1024);
    for (; i < stop; i++) {
      const c = bytes[i];
      if (c === QUOTE) {
        i = closingQuote(bytes, i);
        if (i < 0) return undefined;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (c === OPEN_BRACKET && depth === 1 && inner === 2) {
          current = { open: i, close: -1, cuts: [] };
          pieceStart = i + 1;
        }
        depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (current && depth === inner && i + 1 - pieceStart >= pieceBytes) {
          current.cuts.push(i + 1);
          pieceStart = i + 1;
        } else if (current && depth === inner - 1) {
          // The one bracket no piece contains: it must close the array.
          if (c !== CLOSE_BRACKET) return undefined;
          current.close = i;
          if (!best || current.cuts.length > best.cuts.length) best = current;
          current = undefined;
        }
        if (depth === 0) break;
      }
    }
    if (depth > 0) await pause();
  }
  if (depth !== 0 || !best || !best.cuts.length) return undefined;
  // Only JSON whitespace may follow the document.
  for (let k = i + 1; k < end; k++) if (!isSpace(bytes[k])) return undefined;

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const items: unknown[] = [];
  let from = best.open + 1;
  for (const to of [...best.cuts, best.close]) {
    await pause();
    // Pieces after the first start with the comma that separates them from the one before: a
    // leading null makes that valid, and is dropped. (Not 0: `.5` or `e5` after it would make a number.)
    const first = from === best.open + 1;
    const text = decoder.decode(bytes.subarray(from, to));
    const piece = JSON.parse(first ? `[${text}]` : `[null${text}]`) as unknown[];
    for (let k = first ? 0 : 1; k < piece.length; k++) items.push(piece[k]);
    from = to;
  }
  if (inner === 1) {
    // What comes before the array must be whitespace too (checked by the scan) and valid UTF-8.
    return { value: items };
  }

  // The rest of the object, with a marker where the array was: a string the rest does not contain.
  await pause();
  const before = decoder.decode(bytes.subarray(0, best.open));
  const after = decoder.decode(bytes.subarray(best.close + 1));
  let marker = '';
  do marker = `tm-array-${Math.random().toString(36).slice(2)}`;
  while (before.includes(marker) || after.includes(marker));
  const outer = JSON.parse(`${before}"${marker}"${after}`) as Record<string, unknown>;
  for (const key of Object.keys(outer))
    if (outer[key] === marker)
      Object.defineProperty(outer, key, { value: items, writable: true, enumerable: true, configurable: true });
  return { value: outer };
}

/** The index of the quote that closes the string opening at `open`, or -1. */
function closingQuote(bytes: Uint8Array, open: number): number {
  // A plain loop: most strings are short, and a call to indexOf costs more than reading them.
  for (let j = open + 1; j < bytes.length; j++) {
    const c = bytes[j];
    if (c === QUOTE) return j;
    if (c === BACKSLASH) j++; // the escaped character, which may be a quote
  }
  return -1;
}

/** JSON's whitespace: space, tab, line feed, carriage return. */
function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
