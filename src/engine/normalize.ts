// Forgiving reading of one raw record: field names in any spelling, yes/no, labels for ids,
// language names for tags, cleaned text. Every change of a value is reported; nothing from the
// input ever becomes a key it did not name (no `__proto__`). Runs before validation; no zod, no DOM.
import {
  isForbiddenKey,
  findField,
  fieldKey,
  firstEntryField,
  MAX_LIST,
  RECORD_FIELDS,
  type FieldSpec,
} from './fields.js';
import { defaultVocabulary, type Vocabulary } from './vocabulary.js';
import { addSpanishLabels } from './vocabulary.es.js';
import { languageTag } from './languages.js';
import { GENDER_WORDS, STYLE_WORDS, TERM_SYNONYMS } from './synonyms.js';
import { REGIONS, regionCode } from './regions.js';

/** A problem found while reading, before it is tied to a record's index. */
export interface ReadProblem {
  severity: 'error' | 'warning';
  path: string;
  message: string;
  fix?: string;
}

export interface NormalizeOptions {
  /** Terms a directory's concerns, modalities and communities are read against (default: the built-in vocabulary). */
  vocabulary?: Vocabulary;
}

/** Control characters (tab and line breaks kept in a bio), bidi overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Any character `clean` may change; most text has none and is returned as it is, without two more scans. */
const MAYBE_UNCLEAN = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;
/** Characters that print nothing: zero-width spaces and joiners, soft hyphen, word joiner, BOM, marks. */
const INVISIBLE =
  /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\u3000\u3164\uFEFF\uFFA0]/g;

/** True when `value` has no character a person could see. */
export function isInvisible(value: string): boolean {
  return value.replace(INVISIBLE, '').replace(CONTROL_LINE, '') === '';
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'si', 'sí', 'x', 'on']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off']);
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

type TermList = NonNullable<FieldSpec['vocabulary']>;
const termMaps = new WeakMap<Vocabulary, Map<TermList, Map<string, string>>>();

/** id, labels (any language) and synonyms of a vocabulary list → id, keyed by `fieldKey`. */
function termsOf(vocabulary: Vocabulary, list: TermList): Map<string, string> {
  let lists = termMaps.get(vocabulary);
  if (!lists) termMaps.set(vocabulary, (lists = new Map()));
  let map = lists.get(list);
  if (!map) {
    if (vocabulary === defaultVocabulary) addSpanishLabels(defaultVocabulary); // labels in any language
    map = new Map();
    const terms = (vocabulary[list] as { id: string; labels: Record<string, string> }[] | undefined) ?? [];
    for (const term of terms) map.set(fieldKey(term.id), term.id);
    for (const term of terms)
      for (const label of Object.values(term.labels ?? {}))
        if (typeof label === 'string' && !map.has(fieldKey(label))) map.set(fieldKey(label), term.id);
    for (const [id, words] of Object.entries(TERM_SYNONYMS[list] ?? {}))
      if (terms.some((t) => t.id === id))
        for (const word of words) if (!map.has(fieldKey(word))) map.set(fieldKey(word), id);
    lists.set(list, map);
  }
  return map;
}

/** Splits a cell-like string into list items: `;`, `|` and line breaks; commas too where items never hold one. */
function splitList(value: string, commas: boolean): string[] {
  return value
    .split(commas ? /[;|\n\r,]+/ : /[;|\n\r]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * A code written in any case (`us-ca`, `usd`, `us ca`) in its canonical form; anything that does
 * not then look like a code stays as written, so a message quotes what the directory holds.
 */
function asCode(value: string): string {
  const text = value.trim();
  const code = text.toUpperCase().replace(/[\s_]+/g, '-');
  return /^[A-Z0-9]{2,3}(?:-[A-Z0-9]{1,3})?$/.test(code) ? code : text;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const quote = (value: unknown) =>
  JSON.stringify(typeof value === 'string' && value.length > 60 ? `${value.slice(0, 57)}…` : value);

class Reader {
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly report: (problem: ReadProblem) => void,
  ) {}

  warn(path: string, message: string, fix?: string): void {
    this.report({ severity: 'warning', path, message, ...(fix ? { fix } : {}) });
  }

  /** Reads an object against `fields`; unknown and forbidden keys are reported and left out. */
  object(
    raw: Record<string, unknown>,
    fields: readonly FieldSpec[],
    at: string,
    top: boolean,
  ): Record<string, unknown> {
    // Without a prototype, so neither this reader nor zod after it finds a key a page added to
    // Object.prototype where the record has none (the fast path copies it into a plain object).
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(raw)) {
      const value = raw[key];
      const where = at ? `${at}.${key}` : key;
      if (isForbiddenKey(key)) {
        this.warn(where, `is a name no record may use; it was ignored`, 'remove this field');
        continue;
      }
      let spec = findField(fields, key);
      let parent: FieldSpec | undefined;
      if (!spec && top) {
        // A flat name for a nested field (`Zip`, `Fee`): only objects take them.
        for (const candidate of fields) {
          const inner = candidate.kind === 'object' && candidate.fields ? findField(candidate.fields, key) : undefined;
          if (inner) {
            parent = candidate;
            spec = inner;
            break;
          }
        }
      }
      if (!spec && top) {
        // `License Type`, `Certified Since`: the first entry of a list.
        const first = firstEntryField(key);
        if (first) {
          if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
          const [list, , inner] = first.path;
          const entries = (out[list] ??= [Object.create(null)]);
          const entry = Array.isArray(entries) ? entries[0] : undefined;
          if (!isPlain(entry) || Object.hasOwn(entry, inner)) {
            this.warn(
              where,
              `is a second source for ${list}.0.${inner}; the first one was kept`,
              'keep one of the two',
            );
            continue;
          }
          const read = this.value(value, first.spec, `${list}.0.${inner}`);
          if (read !== undefined) entry[inner] = read;
          continue;
        }
      }
      if (!spec) {
        this.warn(
          where,
          'is not a field of the record format; it was ignored',
          'rename it to a documented field (docs/records.md) or remove it',
        );
        continue;
      }
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
      const name = spec.name;
      if (parent) {
        // A flat name for a nested field merges into the object of that name.
        const nested = (out[parent.name] ??= Object.create(null));
        if (!isPlain(nested) || Object.hasOwn(nested, name)) {
          this.warn(
            where,
            `is a second source for ${parent.name}.${name}; the first one was kept`,
            'keep one of the two',
          );
          continue;
        }
        const read = this.value(value, spec, `${parent.name}.${name}`);
        if (read !== undefined) nested[name] = read;
        continue;
      }
      const path = at ? `${at}.${name}` : name;
      if (Object.hasOwn(out, name)) {
        const earlier = out[name];
        if (spec.kind === 'object' && isPlain(earlier) && isPlain(value)) {
          const read = this.value(value, spec, path) as Record<string, unknown>;
          for (const inner of Object.keys(read)) if (!Object.hasOwn(earlier, inner)) earlier[inner] = read[inner];
          continue;
        }
        this.warn(where, `is a second source for ${name}; the first one was kept`, 'keep one of the two');
        continue;
      }
      const read = this.value(value, spec, path);
      if (read !== undefined) out[name] = read;
    }
    return out;
  }

  /** Reads one value; undefined drops it (reported). Values it cannot read go through as they are. */
  value(value: unknown, spec: FieldSpec, path: string): unknown {
    switch (spec.kind) {
      case 'text':
        return this.text(value, spec, path);
      case 'url':
      case 'contact-url':
        return this.url(value, path);
      case 'email':
      case 'phone':
        return typeof value === 'string'
          ? this.clean(value, path, false).trim()
          : typeof value === 'number'
            ? String(value)
            : value;
      case 'jurisdiction':
      case 'country':
      case 'currency':
        return typeof value === 'string' ? asCode(value) : value;
      case 'date':
        return this.date(value, path);
      case 'boolean':
        return this.boolean(value);
      case 'number':
        return this.number(value, path);
      case 'terms':
      case 'languages':
      case 'jurisdictions':
      case 'texts':
        return this.list(value, spec, path);
      case 'object': {
        if (!isPlain(value) || !spec.fields) return value;
        return this.object(value, spec.fields, path, false);
      }
      case 'records':
        return this.records(value, spec, path);
    }
  }

  /** Strips control characters, bidi overrides and lone surrogates, saying so. */
  clean(value: string, path: string, multiline: boolean): string {
    if (!MAYBE_UNCLEAN.test(value)) return value;
    const cleaned = value
      .replace(multiline ? CONTROL : CONTROL_LINE, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : ''))
      .replace(LONE_SURROGATE, '');
    if (cleaned.replace(/\s+/g, ' ') !== value.replace(/\s+/g, ' '))
      this.warn(
        path,
        'had control or direction-changing characters; they were removed',
        'remove them from the source data',
      );
    return cleaned;
  }

  text(value: unknown, spec: FieldSpec, path: string): unknown {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return value;
    let text = this.clean(value, path, spec.max !== undefined && spec.max > 1000);
    if (path === 'gender') {
      const id = genderId(text);
      if (id && id !== text) {
        this.warn(path, `${quote(value)} was read as ${quote(id)}`, `write ${quote(id)}`);
        text = id;
      }
    }
    // A style pole written in other words ("Therapist leads", "Suave"); anything else is left for
    // validation to name (and drop, keeping the record).
    if (spec.values) {
      const key = fieldKey(text);
      const id =
        spec.values.find((v) => fieldKey(v) === key) ??
        (Object.hasOwn(STYLE_WORDS, key) ? STYLE_WORDS[key] : undefined);
      if (id && spec.values.includes(id)) {
        if (id !== text) this.warn(path, `${quote(value)} was read as ${quote(id)}`, `write ${quote(id)}`);
        return id;
      }
    }
    // Text that prints nothing stays, for validation to name it.
    return text.trim();
  }

  url(value: unknown, path: string): unknown {
    if (typeof value !== 'string') return value;
    const url = this.clean(value, path, false).trim();
    // `www.example.org` or `example.org/book`: a web address without its scheme.
    if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?$/i.test(url)) {
      this.warn(path, `${quote(url)} had no https://; it was added`, `write "https://${url}"`);
      return `https://${url}`;
    }
    return url;
  }

  date(value: unknown, path: string): unknown {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200) return String(value);
    if (typeof value !== 'string') return value;
    const date = value.trim();
    // 2018/06/30 or 2018.06.30: the ISO order with other separators.
    const m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(date);
    if (m) {
      const iso = [m[1], m[2].padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
      this.warn(path, `${quote(date)} was read as ${quote(iso)}`, `write ISO 8601 dates such as ${quote(iso)}`);
      return iso;
    }
    return date;
  }

  boolean(value: unknown): unknown {
    if (typeof value === 'string') {
      // NFC: a "sí" exported with a combining accent is the same word.
      const word = value.normalize('NFC').trim().toLowerCase();
      if (TRUE.has(word)) return true;
      if (FALSE.has(word)) return false;
    }
    if (value === 1) return true;
    if (value === 0) return false;
    return value;
  }

  number(value: unknown, path: string): unknown {
    if (typeof value !== 'string') return value;
    const text = value.trim();
    if (NUMBER.test(text)) return Number(text);
    // "$150", "150 USD", "1,200": a fee written for people.
    const stripped = text.replace(/^[^\d+-.]+|[^\d.]+$/g, '').replace(/,(?=\d{3}(?:\D|$))/g, '');
    if (stripped !== text && NUMBER.test(stripped)) {
      this.warn(path, `${quote(text)} was read as ${stripped}`, `write the number alone, e.g. ${stripped}`);
      return Number(stripped);
    }
    return value;
  }

  list(value: unknown, spec: FieldSpec, path: string): unknown {
    const commas = spec.kind !== 'texts' && spec.kind !== 'terms' ? true : spec.values !== undefined;
    let items: unknown[];
    if (typeof value === 'string') items = splitList(value, commas);
    // A list cell split on `;` may still hold "English, Spanish": split again where items never hold a comma.
    else if (Array.isArray(value))
      items = commas
        ? value.flatMap((item) => (typeof item === 'string' && item.includes(',') ? splitList(item, true) : [item]))
        : value;
    else return value;
    const out: unknown[] = [];
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      for (const read of this.item(item, spec, `${path}.${i}`)) {
        if (seen.has(read)) continue;
        seen.add(read);
        out.push(read);
      }
    });
    if (out.length > MAX_LIST) {
      this.warn(path, `has ${out.length} entries; only the first ${MAX_LIST} were kept`, `keep at most ${MAX_LIST}`);
      out.length = MAX_LIST;
    }
    return out;
  }

  /** One list entry as zero or more values (a comma-joined cell of known terms is several). */
  item(item: unknown, spec: FieldSpec, path: string): unknown[] {
    if (typeof item !== 'string') return item === null || item === undefined ? [] : [item];
    const text = this.clean(item, path, false).trim();
    if (!text || isInvisible(text)) return [];
    switch (spec.kind) {
      case 'jurisdictions':
        return [asCode(text)];
      case 'texts':
        return [text];
      case 'languages': {
        const tag = languageTag(text);
        if (tag === undefined) {
          this.warn(
            path,
            `${quote(text)} is not a language this widget knows; it was ignored`,
            'write a language tag such as "en" or "es-MX", or its English name',
          );
          return [];
        }
        if (tag !== text && fieldKey(tag) !== fieldKey(text))
          this.warn(path, `${quote(text)} was read as ${quote(tag)}`, `write ${quote(tag)}`);
        return [tag];
      }
      case 'terms': {
        const map = termsOf(this.vocabulary, spec.vocabulary!);
        const id = map.get(fieldKey(text));
        if (id !== undefined) {
          if (id !== text) this.warn(path, `${quote(text)} was read as ${quote(id)}`, `write the id ${quote(id)}`);
          return [id];
        }
        if (text.includes(',')) {
          const parts = text
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean);
          const ids = parts.map((p) => map.get(fieldKey(p)));
          if (ids.every((x) => x !== undefined)) {
            this.warn(
              path,
              `${quote(text)} was read as ${ids.map(quote).join(', ')}`,
              'separate entries with ";" and write ids',
            );
            return ids;
          }
        }
        if (spec.values) {
          this.warn(
            path,
            `${quote(text)} is not one of ${spec.values.map(quote).join(', ')}; it was ignored`,
            `write one of ${spec.values.join(', ')}`,
          );
          return [];
        }
        this.warn(
          path,
          `${quote(text)} is not in the ${spec.vocabulary} vocabulary; it was kept, but no quiz answer will match it`,
          `write one of the ids in docs/records.md, or add the term to the site's vocabulary`,
        );
        return [text];
      }
      default:
        return [text];
    }
  }

  records(value: unknown, spec: FieldSpec, path: string): unknown {
    let items: unknown[];
    if (Array.isArray(value)) items = value;
    else if (value !== null && typeof value === 'object') items = [value];
    else if (typeof value === 'string') items = splitList(value, false);
    else return value;
    const fields = spec.fields!;
    const order = spec.name === 'licenses' ? ['type', 'jurisdiction', 'number'] : ['body', 'name'];
    return items.map((item, i) => {
      if (typeof item === 'string') {
        // Compact form: `LMFT:US-CA:123` or `AASECT:Certified Sex Therapist`; the last part takes the rest.
        const parts = item.split(':').map((p) => p.trim());
        const compact: Record<string, string> = {};
        order.forEach((name, k) => {
          const part = k === order.length - 1 ? parts.slice(k).join(':').trim() : parts[k];
          if (part) compact[name] = part;
        });
        item = compact;
      }
      return item !== null && typeof item === 'object' && !Array.isArray(item)
        ? this.object(item as Record<string, unknown>, fields, `${path}.${i}`, false)
        : item;
    });
  }
}

/** The gender id another word stands for ("female" → `woman`); undefined for the therapist's own word. */
const genderId = (text: string): string | undefined => {
  const key = fieldKey(text);
  return Object.hasOwn(GENDER_WORDS, key) ? GENDER_WORDS[key] : undefined;
};

/** True when the normaliser keeps a gender as written (`woman`, or the therapist's own word such as "genderfluid"). */
export function keepsGender(gender: string): boolean {
  const id = genderId(gender);
  return !id || id === gender;
}

/**
 * A raw record read forgivingly: names matched in any spelling, values converted where the
 * meaning is certain, every change of a value reported. Returns the input itself when it is not a
 * plain object (validation says why). Throws only if the input's own getters throw. The objects it
 * returns have no prototype, so no key a page added to Object.prototype reads as a field.
 */
export function normalizeRecord(
  raw: unknown,
  report: (problem: ReadProblem) => void,
  options: NormalizeOptions = {},
): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const reader = new Reader(options.vocabulary ?? defaultVocabulary, report);
  const record = reader.object(raw as Record<string, unknown>, RECORD_FIELDS, '', true);
  if (isPlain(record.location)) {
    wholePosition(record.location, reader);
    if (Object.keys(record.location).length === 0) delete record.location;
  }
  readJurisdictions(record, reader);
  return record;
}

const STATE_CODES = new Set(REGIONS.map((r) => r.code));

/**
 * Licence and telehealth places as ISO 3166-2 codes: a region's name (`California`) and, when the
 * record says which country it is in, a bare state code (`CA` in the US is `US-CA`). A bare code
 * that could be a state is read as a country only with a warning.
 */
function readJurisdictions(record: Record<string, unknown>, reader: Reader): void {
  const location = isPlain(record.location) ? record.location : undefined;
  const fees = isPlain(record.fees) ? record.fees : undefined;
  const country =
    typeof location?.country === 'string'
      ? location.country
      : fees?.currency === 'USD'
        ? 'US'
        : fees?.currency === 'CAD'
          ? 'CA'
          : undefined;
  const read = (value: unknown, path: string): unknown => {
    if (typeof value !== 'string') return value;
    let code: string | undefined;
    if (/^[A-Z]{2}$/.test(value)) {
      if (country && STATE_CODES.has(`${country}-${value}`)) code = `${country}-${value}`;
      else if (value !== country && (STATE_CODES.has(`US-${value}`) || STATE_CODES.has(`CA-${value}`)))
        reader.warn(
          path,
          `"${value}" is read as a whole country (${value}); if it is a state or province, write its ISO code (such as US-${value})`,
          'write ISO 3166-2 codes such as US-CA, or give location.country',
        );
    } else if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(value)) code = regionCode(value);
    if (code === undefined || code === value) return value;
    reader.warn(path, `${quote(value)} was read as ${quote(code)}`, `write ${quote(code)}`);
    return code;
  };
  if (Array.isArray(record.licenses))
    record.licenses.forEach((licence, i) => {
      if (isPlain(licence) && licence.jurisdiction !== undefined)
        licence.jurisdiction = read(licence.jurisdiction, `licenses.${i}.jurisdiction`);
    });
  if (Array.isArray(record.telehealthJurisdictions))
    record.telehealthJurisdictions = record.telehealthJurisdictions.map((value, i) =>
      read(value, `telehealthJurisdictions.${i}`),
    );
}

const RANGE = { lat: 90, lng: 180 } as const;

/**
 * Leaves out a position that is not whole: half of one, or a coordinate that is not a number in
 * range. The rest of the address still helps (and validation would otherwise drop the location).
 */
function wholePosition(location: Record<string, unknown>, reader: Reader): void {
  if (location.lat === undefined && location.lng === undefined) return;
  const wrong = (['lat', 'lng'] as const).find((axis) => {
    const value = location[axis];
    return value !== undefined && !(typeof value === 'number' && Math.abs(value) <= RANGE[axis]);
  });
  if (wrong)
    reader.warn(
      `location.${wrong}`,
      `${quote(location[wrong])} is not a ${wrong === 'lat' ? 'latitude (-90 to 90)' : 'longitude (-180 to 180)'}; lat and lng were left out`,
      'give both as decimal degrees, e.g. 37.8044 and -122.2712',
    );
  else if (location.lat === undefined || location.lng === undefined) {
    // Half a position is no position.
    const [given, missing] = location.lat === undefined ? ['lng', 'lat'] : ['lat', 'lng'];
    reader.warn(
      `location.${given}`,
      `is given without ${missing}; it was left out`,
      'give both lat and lng, or neither',
    );
  } else return;
  delete location.lat;
  delete location.lng;
}
