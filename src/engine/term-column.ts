// The index's multi-valued fields (concerns, languages, modalities ...): each a bitset per record
// over the terms the directory uses, built as the records are read.
import type { Therapist } from './schema.js';

/** One multi-valued field as a bitset per record: term ids interned in `ids`, `words` 32-bit words each. */
export interface TermColumn {
  readonly ids: ReadonlyMap<string, number>;
  readonly words: number;
  readonly bits: Int32Array;
}

/**
 * A term column being built: interned terms, and each record's bits written as it is read. The
 * words per record double (the rows copied over) when a term beyond them arrives, and are cut to
 * what the terms need at the end, so the work stays linear in records and terms. A record read
 * half-way is taken back with `undo` (its bits, and the terms only it brought); `commit` keeps
 * what the records so far brought.
 */
export class ColumnBuilder {
  readonly ids = new Map<string, number>();
  /** Term ids by the string as written: most strings repeat, and normalising allocates. */
  private readonly seen = new Map<string, number>();
  /** Terms interned, and how many of them complete records brought (the rest `undo` forgets). */
  private count = 0;
  private committed = 0;
  private words = 1;
  private bits: Int32Array;
  /**
   * The last string seen in each of 256 slots (by length and four of its characters) and its id: a
   * look-up cheaper than the map for the few strings a column repeats (`US-NY` and `US-NJ` apart).
   */
  private readonly recent: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
  private readonly recentIds = new Int32Array(256);
  constructor(
    private readonly norm: (value: string) => string,
    private readonly n: number,
  ) {
    this.bits = new Int32Array(n);
  }
  add(record: number, value: string): void {
    const n = value.length;
    const slot =
      n < 2
        ? n
        : (n * 31 +
            value.charCodeAt(0) * 7 +
            value.charCodeAt(n >> 1) * 3 +
            value.charCodeAt(n - 1) * 17 +
            value.charCodeAt(n - 2) * 5) &
          255;
    let id: number | undefined;
    if (this.recent[slot] === value) id = this.recentIds[slot];
    else {
      id = this.seen.get(value);
      if (id === undefined) {
        const key = this.norm(value);
        id = this.ids.get(key);
        if (id === undefined) this.ids.set(key, (id = this.count++));
        this.seen.set(value, id);
      }
      this.recent[slot] = value;
      this.recentIds[slot] = id;
    }
    if (id >>> 5 >= this.words) this.relayout(Math.max(this.words * 2, (id >>> 5) + 1));
    this.bits[record * this.words + (id >>> 5)] |= 1 << (id & 31);
  }
  /** The strings of `values` (anything else skipped) for `record`; throws what reading them throws. */
  addAll(record: number, values: unknown): void {
    if (!Array.isArray(values)) return;
    const length = values.length;
    for (let k = 0; k < length; k++) {
      const v: unknown = values[k];
      if (typeof v === 'string') this.add(record, v);
    }
  }
  /** The records added so far stay. */
  commit(): void {
    this.committed = this.count;
  }
  /** Takes back `record` (read half-way): its bits, and the terms interned since the last `commit`. */
  undo(record: number): void {
    this.bits.fill(0, record * this.words, (record + 1) * this.words);
    const keep = this.committed;
    if (this.count === keep) return;
    for (const [key, id] of this.ids) if (id >= keep) this.ids.delete(key);
    for (const [value, id] of this.seen) if (id >= keep) this.seen.delete(value);
    for (let s = 0; s < 256; s++) if (this.recentIds[s] >= keep) this.recent[s] = undefined;
    this.count = keep;
  }
  /** The same rows with `words` words each. */
  private relayout(words: number): void {
    const from = this.bits;
    const old = this.words;
    const bits = new Int32Array(this.n * words);
    const shared = Math.min(old, words);
    for (let r = 0; r < this.n; r++) for (let w = 0; w < shared; w++) bits[r * words + w] = from[r * old + w];
    this.bits = bits;
    this.words = words;
  }
  /** The column of the first `n` records. */
  finish(n: number): TermColumn {
    const words = Math.max(1, Math.ceil(this.ids.size / 32));
    if (words !== this.words) this.relayout(words);
    return { ids: this.ids, words, bits: n === this.n ? this.bits : this.bits.slice(0, n * words) };
  }
}

/**
 * Columns read from the records when one of them is first needed (or in idle time, a slice at a
 * time), for the fields of rarer criteria, so that a first ranking does not wait for them: term
 * columns, and one byte per record (the index's therapy style). All are read in one pass: touching
 * a record costs more than reading one more of its fields. A record whose fields cannot be read
 * then counts as stating none of them (the record itself was read when it was indexed).
 */
export class LaterColumns {
  private next = 0;
  private builders: ColumnBuilder[] | undefined;
  private columns: TermColumn[] | undefined;
  private readonly byte: Uint8Array;
  /**
   * `read` adds record `t`'s terms to `builders` as row `i` (one per norm, in order) and returns
   * its byte, throwing what reading them throws.
   */
  constructor(
    private readonly records: readonly Therapist[],
    private readonly norms: readonly ((value: string) => string)[],
    private readonly read: (t: Therapist, i: number, builders: readonly ColumnBuilder[]) => number,
  ) {
    this.byte = new Uint8Array(records.length);
  }
  /** Reads up to `count` more records; returns whether all are read. */
  step(count: number): boolean {
    const records = this.records;
    const n = records.length;
    if (this.next >= n) return true;
    const builders = (this.builders ??= this.norms.map((norm) => new ColumnBuilder(norm, n)));
    const end = Math.min(n, this.next + count);
    for (let i = this.next; i < end; i++) {
      try {
        this.byte[i] = this.read(records[i], i, builders);
        for (const builder of builders) builder.commit();
      } catch {
        for (const builder of builders) builder.undo(i);
      }
    }
    this.next = end;
    return end >= n;
  }
  /** Term column `c`, all of them read now if they are not yet. */
  column(c: number): TermColumn {
    if (!this.columns) {
      this.step(Infinity);
      const n = this.records.length;
      this.columns = (this.builders ?? this.norms.map((norm) => new ColumnBuilder(norm, n))).map((b) => b.finish(n));
      this.builders = undefined;
    }
    return this.columns[c];
  }
  /** The byte of each record, all read now if they are not yet. */
  bytes(): Uint8Array {
    this.column(0);
    return this.byte;
  }
}
