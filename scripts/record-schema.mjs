// The JSON Schema of a therapist record, generated from the validator's own zod schema
// (`TherapistSchema`) and annotated from `RECORD_FIELDS`; `npm run build` writes it to
// dist/schema.json (a record) and dist/directory.schema.json (a directory file).
//   node scripts/record-schema.mjs     after `npm run build:lib`
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import {
  AGE_GROUPS,
  CLIENT_TYPES,
  CLINICAL_LICENSE_TYPES,
  FORMATS,
  GENDERS,
  RECORD_FIELDS,
  TherapistSchema,
  defaultVocabulary,
} from '../dist/engine/index.js';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * What zod cannot export: its `refine` checks (URL schemes, calendar dates, visible text). These
 * patterns say the same where a pattern can; the record-format test holds them against the validator.
 */
const PATTERNS = {
  // src/engine/dates.ts: a year, year-month or date, optionally with a time and offset.
  date: '^[1-9]\\d{3}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01])(?:[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?)?)?)?$',
  url: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+',
  'contact-url': '^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+|[Mm][Aa][Ii][Ll][Tt][Oo]:\\S|[Tt][Ee][Ll]:\\S)',
  // Text is trimmed, and text that prints nothing is refused.
  text: '\\S',
};

const DATE_NOTE =
  ' The validator also refuses a day the calendar does not have (`2026-02-30`), which a pattern cannot.';

/** `photoUrl` → "Photo URL": a title for editors' hover text. */
export function titleOf(name) {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return (words[0].toUpperCase() + words.slice(1)).replace(/\burl\b/gi, 'URL');
}

/** Ids an editor may offer for a field's list entries or value. */
function suggestions(spec) {
  if (spec.values) return undefined; // already an enum
  if (spec.kind === 'terms') return defaultVocabulary[spec.vocabulary].map((term) => term.id);
  if (spec.name === 'gender') return [...GENDERS];
  return undefined;
}

function constrain(node, spec, item) {
  const target = item ? node.items : node;
  const pattern = PATTERNS[spec.kind] ?? (['text', 'texts', 'terms'].includes(spec.kind) ? PATTERNS.text : undefined);
  if (pattern && target.type === 'string' && !target.enum && !target.pattern) target.pattern = pattern;
  if (spec.kind === 'url' || spec.kind === 'contact-url') target.format = 'uri';
  const ids = suggestions(spec);
  if (ids) target.examples = ids;
}

/**
 * Adds titles, descriptions and examples from `fields` to an object schema, and the checks zod
 * could not export. Throws when the two disagree on which fields exist, so neither can drift.
 */
function annotate(node, fields, where) {
  const names = Object.keys(node.properties ?? {});
  const specs = fields.map((spec) => spec.name);
  const extra = names.filter((name) => !specs.includes(name));
  const missing = specs.filter((name) => !names.includes(name));
  if (extra.length || missing.length)
    throw new Error(
      `${where}: TherapistSchema and RECORD_FIELDS disagree: only in the schema ${extra.join(', ') || '-'}; only in RECORD_FIELDS ${missing.join(', ') || '-'}`,
    );
  for (const spec of fields) {
    const property = node.properties[spec.name];
    property.title = titleOf(spec.name);
    property.description = `${spec.description}${spec.kind === 'date' ? DATE_NOTE : ''}\n\nIn the widget: ${spec.use}`;
    property.examples = [spec.example];
    const item = property.type === 'array';
    constrain(property, spec, item);
    if (spec.fields) annotate(item ? property.items : property, spec.fields, `${where}.${spec.name}`);
  }
  if (where.endsWith('location')) node.dependentRequired = { lat: ['lng'], lng: ['lat'] };
  if (where.endsWith('licenses')) node.properties.type.examples = [...CLINICAL_LICENSE_TYPES];
  return node;
}

/** The JSON Schema of one therapist record, as the validator accepts it once read. */
export function recordJsonSchema() {
  const schema = z.toJSONSchema(TherapistSchema);
  annotate(schema, RECORD_FIELDS, 'record');
  return {
    $schema: DRAFT,
    title: 'Therapist record',
    description: [
      'A therapist listing of the therapist-match record format, in the canonical form its validator',
      `(parseTherapists) accepts: vocabulary ids, ISO 8601 dates, true/false, numbers (client types`,
      `${CLIENT_TYPES.join(', ')}; age groups ${AGE_GROUPS.join(', ')}; formats ${FORMATS.join(', ')}).`,
      'Imports are read forgivingly before they are validated: field names in any spelling or an alias,',
      'labels for ids, yes/no, language names, "2018/06" dates, TYPE:JURISDICTION licence cells; each',
      'such change is reported as a warning. parseTherapists also refuses non-clinical roles and repeated',
      'ids, and warns about unrecognised licence types and terms. See docs/records.md.',
    ].join(' '),
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** The JSON Schema of a directory file: an array of records, or `{ "therapists": [...] }`. */
export function directoryJsonSchema(record = recordJsonSchema()) {
  const { $schema, ...therapist } = record;
  const list = { type: 'array', items: { $ref: '#/$defs/therapist' } };
  return {
    $schema,
    title: 'Therapist directory',
    description:
      'A therapist-match directory file: an array of therapist records, or an object whose "therapists" is that array. One bad record is skipped and reported; the others are kept. See docs/records.md.',
    anyOf: [list, { type: 'object', required: ['therapists'], properties: { therapists: list } }],
    $defs: { therapist },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const record = recordJsonSchema();
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/schema.json', `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync('dist/directory.schema.json', `${JSON.stringify(directoryJsonSchema(record), null, 2)}\n`);
  console.log('Wrote dist/schema.json and dist/directory.schema.json.');
}
