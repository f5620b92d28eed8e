// The record format's fields, once: names, aliases, kinds and what the widget does with each.
// Imports (CSV headers, JSON keys) resolve names through it, docs/records.md is written from it,
// and a test holds it against the validator and the JSON Schema. No zod, no DOM.

/** How a field's value is read and checked. */
export type FieldKind =
  | 'text'
  | 'url'
  | 'contact-url'
  | 'email'
  | 'phone'
  | 'date'
  | 'boolean'
  | 'number'
  | 'jurisdiction'
  | 'country'
  | 'currency'
  /** A list of vocabulary ids (`vocabulary` names the list); labels are read as their ids. */
  | 'terms'
  /** A list of BCP 47 language tags; language names are read as their tags. */
  | 'languages'
  | 'jurisdictions'
  | 'texts'
  | 'object'
  /** A list of objects (`fields` describes one item). */
  | 'records';

export interface FieldSpec {
  /** The field's name in a record (JSON key, CSV header). */
  readonly name: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  /** Other names read as this field (case, spaces, hyphens and underscores never matter). */
  readonly aliases?: readonly string[];
  /** For `terms`: which vocabulary list the ids come from. */
  readonly vocabulary?: 'concerns' | 'modalities' | 'communities' | 'clientTypes' | 'ageGroups' | 'formats';
  /** Only these values (ids) are accepted. */
  readonly values?: readonly string[];
  /** For `object` and `records`: the fields inside. */
  readonly fields?: readonly FieldSpec[];
  /** Longest accepted text. */
  readonly max?: number;
  /** Plain English, for docs/records.md. */
  readonly description: string;
  /** What the widget does with it, for docs/records.md. */
  readonly use: string;
  /** A value as it appears in JSON. */
  readonly example: unknown;
}

import { AGE_GROUPS, CLIENT_TYPES, FORMATS, MAX_BIO } from './rules.js';

/**
 * How a therapist describes their style on the four Cooper–Norcross (C-NIP) dimensions: one pole,
 * the other, or `balanced`. Each dimension's poles in order; the quiz asks for a pole.
 */
export const THERAPY_STYLE = {
  lead: ['therapist', 'client', 'balanced'],
  intensity: ['gentle', 'intense', 'balanced'],
  focus: ['past', 'present', 'balanced'],
  approach: ['support', 'challenge', 'balanced'],
} as const;

export { AGE_GROUPS, CLIENT_TYPES, FORMATS, GENDERS, MAX_BIO, MAX_LIST, MAX_TEXT } from './rules.js';

const LICENSE_FIELDS: readonly FieldSpec[] = [
  {
    name: 'type',
    kind: 'text',
    required: true,
    max: 80,
    aliases: ['license type', 'licence type', 'credential', 'profession'],
    description: 'Licence type exactly as issued. Must be a clinical licence (see "Clinical licences").',
    use: 'Shown on the card as stated.',
    example: 'LMFT',
  },
  {
    name: 'jurisdiction',
    kind: 'jurisdiction',
    required: true,
    aliases: ['state', 'licensed in', 'issued in', 'where'],
    description: 'ISO 3166-2 code where the licence is valid (`US-CA`, `CA-ON`) or a country (`NZ`).',
    use: 'Video sessions are offered only where the therapist is licensed (unless `telehealthJurisdictions` says otherwise).',
    example: 'US-CA',
  },
  {
    name: 'number',
    kind: 'text',
    max: 80,
    aliases: ['license number', 'licence number', 'licence no', 'license no', 'no'],
    description: 'Licence number as issued.',
    use: 'Kept for verification links and exports.',
    example: '123456',
  },
  {
    name: 'verifyUrl',
    kind: 'url',
    aliases: ['verify', 'verify url', 'verification url', 'lookup url'],
    description: "The regulator's public lookup page for this licence (http or https).",
    use: 'A "Verify licence" link on the card.',
    example: 'https://search.dca.ca.gov/',
  },
];

const CERTIFICATION_FIELDS: readonly FieldSpec[] = [
  {
    name: 'body',
    kind: 'text',
    required: true,
    max: 120,
    aliases: ['issuer', 'issued by', 'organisation', 'organization', 'board'],
    description: 'Issuing body, e.g. `AASECT`.',
    use: 'Shown as stated; an AASECT badge only when the body is AASECT.',
    example: 'AASECT',
  },
  {
    name: 'name',
    kind: 'text',
    required: true,
    max: 160,
    aliases: ['title', 'credential', 'certification'],
    description: 'Credential name.',
    use: 'Shown as stated.',
    example: 'Certified Sex Therapist',
  },
  {
    name: 'since',
    kind: 'date',
    aliases: ['certified since', 'issued', 'from', 'start', 'year'],
    description: 'When it was first awarded: `2018`, `2018-06` or `2018-06-30` (ISO 8601, reduced precision allowed).',
    use: 'Shown as "since 2018"; with `expires` missing, AASECT renewal (every three years) is said to be unconfirmed.',
    example: '2018',
  },
  {
    name: 'expires',
    kind: 'date',
    aliases: ['expiry', 'expiration', 'expiration date', 'valid until', 'renewal', 'renewal date'],
    description: 'When it lapses unless renewed, at any ISO 8601 precision; a month or year means its end.',
    use: 'An expired credential is marked "expired" on the card.',
    example: '2027-06-30',
  },
];

const LOCATION_FIELDS: readonly FieldSpec[] = [
  {
    name: 'city',
    kind: 'text',
    max: 120,
    aliases: ['town', 'ciudad'],
    description: 'City of the office.',
    use: 'Shown on the card.',
    example: 'Oakland',
  },
  {
    name: 'region',
    kind: 'text',
    max: 120,
    aliases: ['state', 'province', 'county', 'estado', 'provincia'],
    description: 'State, province or region, as written locally.',
    use: 'Shown on the card.',
    example: 'CA',
  },
  {
    name: 'postalCode',
    kind: 'text',
    max: 20,
    aliases: ['postal code', 'zip', 'zip code', 'zipcode', 'postcode', 'código postal'],
    description: 'Postal code of the office.',
    use: 'Shown on the card.',
    example: '94612',
  },
  {
    name: 'country',
    kind: 'country',
    aliases: ['country code', 'país'],
    description: 'ISO 3166-1 alpha-2 country code.',
    use: 'Shown on the card; distances in miles for US and GB, kilometres elsewhere.',
    example: 'US',
  },
  {
    name: 'lat',
    kind: 'number',
    aliases: ['latitude', 'latitud'],
    description: 'Latitude of the office, −90 to 90. Give `lat` and `lng` together.',
    use: 'Distance for in-person sessions. Without coordinates the record is kept, but its distance is unknown, so a search with a distance limit cannot include it in person.',
    example: 37.8044,
  },
  {
    name: 'lng',
    kind: 'number',
    aliases: ['lon', 'long', 'longitude', 'longitud'],
    description: 'Longitude of the office, −180 to 180.',
    use: 'See `lat`.',
    example: -122.2712,
  },
];

const STYLE_FIELDS: readonly FieldSpec[] = [
  {
    name: 'lead',
    kind: 'text',
    values: THERAPY_STYLE.lead,
    aliases: ['style lead', 'who leads', 'directiveness', 'quién dirige'],
    description:
      'Who usually leads sessions: `therapist` (structured, the therapist sets the direction), `client` (the person sets the pace and topics) or `balanced`. "Therapist leads", "Client leads" and Spanish words are read too.',
    use: "Compared with the person's answer to the style questions; never excludes.",
    example: 'balanced',
  },
  {
    name: 'intensity',
    kind: 'text',
    values: THERAPY_STYLE.intensity,
    aliases: ['style intensity', 'emotional intensity', 'intensidad'],
    description:
      '`gentle` (emotionally reserved, a calm pace), `intense` (works with strong feelings in the session) or `balanced`.',
    use: "Compared with the person's answer to the style questions; never excludes.",
    example: 'gentle',
  },
  {
    name: 'focus',
    kind: 'text',
    values: THERAPY_STYLE.focus,
    aliases: ['style focus', 'time focus', 'orientation', 'enfoque temporal'],
    description: "`past` (explores history and its roots), `present` (today's patterns and next steps) or `balanced`.",
    use: "Compared with the person's answer to the style questions; never excludes.",
    example: 'present',
  },
  {
    name: 'approach',
    kind: 'text',
    values: THERAPY_STYLE.approach,
    aliases: ['style approach', 'support or challenge', 'apoyo o reto'],
    description: '`support` (warm support), `challenge` (focused challenge) or `balanced`.',
    use: "Compared with the person's answer to the style questions; never excludes.",
    example: 'support',
  },
];

const FEES_FIELDS: readonly FieldSpec[] = [
  {
    name: 'currency',
    kind: 'currency',
    required: true,
    aliases: ['fee currency', 'moneda'],
    description: 'ISO 4217 currency code.',
    use: 'Fees are formatted in it; a budget in another currency is not compared.',
    example: 'USD',
  },
  {
    name: 'min',
    kind: 'number',
    required: true,
    aliases: ['fee', 'fee min', 'minimum fee', 'min fee', 'session fee', 'price', 'rate'],
    description: 'Lowest fee for one session, not negative.',
    use: "Compared with the person's budget; shown on the card.",
    example: 150,
  },
  {
    name: 'max',
    kind: 'number',
    aliases: ['fee max', 'maximum fee', 'max fee'],
    description: 'Highest fee for one session.',
    use: 'Shown as a range on the card.',
    example: 220,
  },
  {
    name: 'slidingScale',
    kind: 'boolean',
    aliases: ['sliding scale', 'sliding fee'],
    description: 'Offers reduced fees by income.',
    use: 'Fits a person who asks for a sliding scale; shown on the card.',
    example: true,
  },
];

/** Every field of a therapist record, in the order the docs and the CSV template list them. */
export const RECORD_FIELDS: readonly FieldSpec[] = [
  {
    name: 'id',
    kind: 'text',
    required: true,
    max: 200,
    aliases: ['identifier', 'therapist id', 'provider id', 'listing id'],
    description: 'Stable unique id of the listing. The first record with an id wins; later duplicates are errors.',
    use: 'Events and exports name the therapist by it; ties are rotated by it.',
    example: 'th-0042',
  },
  {
    name: 'name',
    kind: 'text',
    required: true,
    max: 160,
    aliases: ['full name', 'therapist name', 'provider name', 'display name', 'therapist', 'nombre'],
    description: 'Name as the therapist presents it, with no credentials appended.',
    use: "The card's heading; initials when there is no photo.",
    example: 'Dr. Ana Ruiz',
  },
  {
    name: 'pronouns',
    kind: 'text',
    max: 40,
    aliases: ['pronoun', 'pronombres'],
    description: 'Pronouns as the therapist states them.',
    use: 'Shown after the name.',
    example: 'she/her',
  },
  {
    name: 'gender',
    kind: 'text',
    max: 60,
    aliases: ['therapist gender', 'género', 'genero'],
    description:
      '`woman`, `man`, `non-binary`, or the therapist\'s own word (common words such as "female" or "mujer" are read as these ids).',
    use: "Matched against the person's preference for a therapist's gender.",
    example: 'woman',
  },
  {
    name: 'photoUrl',
    kind: 'url',
    aliases: ['photo', 'photo url', 'image', 'image url', 'headshot', 'picture', 'foto'],
    description: 'Absolute http(s) URL of a portrait.',
    use: 'Shown on the card; initials otherwise.',
    example: 'https://example.org/photos/ana.jpg',
  },
  {
    name: 'bio',
    kind: 'text',
    max: MAX_BIO,
    aliases: ['biography', 'about', 'description', 'profile', 'biografía'],
    description: "A short introduction in the therapist's words.",
    use: 'Shown on the card as plain text.',
    example: 'I help couples talk about sex without blame.',
  },
  {
    name: 'licenses',
    kind: 'records',
    required: true,
    fields: LICENSE_FIELDS,
    aliases: ['license', 'licence', 'licences', 'licensure', 'licencias'],
    description:
      'At least one clinical licence. In a CSV cell: `TYPE:JURISDICTION[:NUMBER]`, several separated by `;` (e.g. `LMFT:US-CA:12345; LPC:US-NV`).',
    use: 'Listed on the card; decides where video sessions are offered.',
    example: [{ type: 'LMFT', jurisdiction: 'US-CA', number: '123456' }],
  },
  {
    name: 'certifications',
    kind: 'records',
    fields: CERTIFICATION_FIELDS,
    aliases: ['certification', 'certificates', 'certificaciones'],
    description: 'Specialist credentials. In a CSV cell: `BODY:NAME`, several separated by `;`.',
    use: 'Shown as stated; AASECT certification shows a badge.',
    example: [{ body: 'AASECT', name: 'Certified Sex Therapist', since: '2018', expires: '2027-06-30' }],
  },
  {
    name: 'concerns',
    kind: 'terms',
    vocabulary: 'concerns',
    aliases: [
      'concern',
      'specialties',
      'specialities',
      'specialty',
      'speciality',
      'issues',
      'focus areas',
      'areas of focus',
      'especialidades',
    ],
    description: 'Concerns the therapist works with: ids or English/Spanish labels from the concerns vocabulary.',
    use: 'Specialty fit, the strongest factor in the ranking.',
    example: ['low-desire', 'desire-discrepancy'],
  },
  {
    name: 'clientTypes',
    kind: 'terms',
    vocabulary: 'clientTypes',
    values: CLIENT_TYPES,
    aliases: ['client type', 'clients', 'client', 'works with', 'serves', 'sees', 'tipo de cliente'],
    description:
      'Who they see: `individual`, `couple`, `family`, `group`. A record without it is read as individuals only, so list `couple` for therapists who see couples.',
    use: 'A person coming as a couple is matched only with therapists who list `couple`.',
    example: ['individual', 'couple'],
  },
  {
    name: 'ageGroups',
    kind: 'terms',
    vocabulary: 'ageGroups',
    values: AGE_GROUPS,
    aliases: ['age group', 'ages', 'ages served', 'edades'],
    description: '`adolescent`, `adult`, `older-adult`.',
    use: "Matched against the person's age group.",
    example: ['adult', 'older-adult'],
  },
  {
    name: 'languages',
    kind: 'languages',
    aliases: ['language', 'languages spoken', 'spoken languages', 'idiomas', 'idioma'],
    description: 'BCP 47 tags (`en`, `es-MX`, `ase`) or language names in English or Spanish ("English", "Español").',
    use: 'Matched against the languages the person wants; shown by name on the card.',
    example: ['en', 'es'],
  },
  {
    name: 'modalities',
    kind: 'terms',
    vocabulary: 'modalities',
    aliases: ['modality', 'methods', 'approaches', 'approach', 'therapy types', 'treatment approaches', 'enfoques'],
    description: 'Ways of working: ids or labels from the modalities vocabulary.',
    use: 'Shown on the card; matched when the person names a method.',
    example: ['cbt', 'sensate-focus'],
  },
  {
    name: 'communities',
    kind: 'terms',
    vocabulary: 'communities',
    aliases: ['community', 'populations', 'populations served', 'communities served', 'comunidades'],
    description: 'Communities the therapist serves with experience: ids or labels from the communities vocabulary.',
    use: 'Matched when the person wants a therapist experienced with their community.',
    example: ['lgbtq', 'polyamory'],
  },
  {
    name: 'faith',
    kind: 'texts',
    max: 80,
    aliases: ['faith background', 'religion', 'religious background', 'spirituality', 'religión', 'fe'],
    description:
      "The therapist's own faith or religious background, as they describe it; never inferred. The quiz offers `christian`, `catholic`, `jewish`, `muslim`, `hindu`, `buddhist`, `sikh`, `spiritual` and `secular` (case, spaces and punctuation do not matter); other words are kept and shown as written.",
    use: 'Matched when the person would like a therapist of a faith background (required, preferred or not at all).',
    example: ['jewish'],
  },
  {
    name: 'culturalBackground',
    kind: 'texts',
    max: 80,
    aliases: ['cultural background', 'culture', 'ethnicity', 'ethnic background', 'race', 'cultura', 'etnia'],
    description:
      "The therapist's own cultural or ethnic background, as they describe it; never inferred. The quiz offers `black`, `latino`, `east-asian`, `south-asian`, `middle-eastern`, `indigenous` and `white`; other words are kept and shown as written.",
    use: 'Matched when the person would like a therapist of a cultural background.',
    example: ['latino'],
  },
  {
    name: 'identities',
    kind: 'texts',
    max: 80,
    aliases: ['identity', 'identity communities', 'lived experience', 'member of', 'identidades', 'identidad'],
    description:
      'Identity communities the therapist belongs to and chooses to state, self-described; never inferred (from a name, a photo or the communities they serve). The quiz offers `lgbtq`, `trans`, `disabled`, `neurodivergent` and `polyamorous` ("LGBTQ+" reads as `lgbtq`); other words are kept and shown as written.',
    use: 'Matched when the person would like a therapist who shares an identity.',
    example: ['lgbtq'],
  },
  {
    name: 'therapyStyle',
    kind: 'object',
    fields: STYLE_FIELDS,
    aliases: ['style', 'therapy style', 'working style', 'estilo terapéutico'],
    description:
      'How the therapist describes their style on the four dimensions of the Cooper–Norcross Inventory of Preferences. Its fields may also be flat CSV columns (`Style lead`, `Style intensity`, `Style focus`, `Style approach`).',
    use: 'Agreement with the style the person asks for adds to the score and is explained; a dimension left out counts as not stated (no agreement). Never excludes.',
    example: { lead: 'balanced', intensity: 'gentle', focus: 'present', approach: 'support' },
  },
  {
    name: 'formats',
    kind: 'terms',
    vocabulary: 'formats',
    values: FORMATS,
    required: true,
    aliases: ['format', 'session format', 'session formats', 'sessions', 'offers', 'modalidad'],
    description: '`in-person`, `telehealth` or both ("In person", "Video", "Online" are read too).',
    use: 'Matched against how the person wants to meet.',
    example: ['in-person', 'telehealth'],
  },
  {
    name: 'location',
    kind: 'object',
    fields: LOCATION_FIELDS,
    description:
      'The office for in-person sessions. Its fields may also be flat CSV columns (`City`, `Zip`, `Latitude`).',
    use: 'Distance and the place shown on the card.',
    example: { city: 'Oakland', region: 'CA', postalCode: '94612', country: 'US', lat: 37.8044, lng: -122.2712 },
  },
  {
    name: 'telehealthJurisdictions',
    kind: 'jurisdictions',
    aliases: ['telehealth jurisdictions', 'telehealth states', 'video states', 'telehealth regions'],
    description: 'Where video sessions are offered, when narrower or wider than the licences say.',
    use: "Replaces the licences' jurisdictions for video eligibility.",
    example: ['US-CA', 'US-NV'],
  },
  {
    name: 'fees',
    kind: 'object',
    fields: FEES_FIELDS,
    aliases: ['fee range', 'pricing'],
    description: 'Fees for one session. Its fields may also be flat CSV columns (`Fee`, `Currency`, `Sliding scale`).',
    use: "Compared with the person's budget; shown on the card.",
    example: { currency: 'USD', min: 150, max: 220, slidingScale: true },
  },
  {
    name: 'insurance',
    kind: 'texts',
    max: 120,
    aliases: ['insurance accepted', 'accepted insurance', 'insurers', 'insurance plans', 'payers', 'seguros'],
    description: 'Insurance plans accepted, as their names.',
    use: "Matched against the person's insurer.",
    example: ['Aetna', 'Kaiser'],
  },
  {
    name: 'acceptingNewClients',
    kind: 'boolean',
    aliases: [
      'accepting new clients',
      'accepting clients',
      'accepting',
      'new clients',
      'accepting new patients',
      'accepts new clients',
      'acepta nuevos clientes',
    ],
    description: '`true` or `false` (yes/no, y/n, 1/0, sí/no are read too). Missing means not stated.',
    use: 'A person may require it (a listing that does not say is left out then); a listing that says `false` never looks bookable.',
    example: true,
  },
  {
    name: 'freeConsultation',
    kind: 'boolean',
    aliases: ['free consultation', 'free consult', 'free first consultation', 'consulta gratuita'],
    description: 'Offers a free first consultation.',
    use: 'Matched when the person asks for one; shown on the card.',
    example: true,
  },
  {
    name: 'collaboratesWithMedical',
    kind: 'boolean',
    aliases: [
      'collaborates with medical',
      'works with physicians',
      'medical collaboration',
      'collaborates with physicians',
    ],
    description: 'Works with physicians and pelvic-floor physiotherapists.',
    use: 'A plus for physical function concerns.',
    example: true,
  },
  {
    name: 'bookingUrl',
    kind: 'contact-url',
    aliases: ['booking', 'booking url', 'booking link', 'book', 'appointment url', 'schedule url', 'scheduling link'],
    description: 'Where to book: http(s), `mailto:` or `tel:`.',
    use: "The card's main button.",
    example: 'https://example.org/book/ana',
  },
  {
    name: 'email',
    kind: 'email',
    aliases: ['e-mail', 'email address', 'correo', 'correo electrónico'],
    description: 'Email address for enquiries.',
    use: 'A contact link on the card.',
    example: 'ana@example.org',
  },
  {
    name: 'phone',
    kind: 'phone',
    aliases: ['telephone', 'phone number', 'tel', 'teléfono', 'telefono'],
    description: 'Phone number, ideally international (`+1 415 555 0100`).',
    use: 'A contact link on the card.',
    example: '+1 415 555 0100',
  },
  {
    name: 'website',
    kind: 'url',
    aliases: ['web', 'url', 'site', 'web site', 'homepage', 'sitio web'],
    description: "The therapist's own site (http or https).",
    use: 'A link on the card.',
    example: 'https://example.org/ana',
  },
  {
    name: 'lastVerified',
    kind: 'date',
    aliases: ['last verified', 'verified', 'verified on', 'date verified', 'verificado'],
    description: 'When the directory last confirmed the listing: `2026-03`, `2026-03-14`, with or without a time.',
    use: 'Shown on the card as "Listing last verified".',
    example: '2026-03-14',
  },
];

/**
 * Flat names for the first licence or certification, as spreadsheets have them (`License Type`,
 * `License State`, `Certified Since`): they fill entry 0 of the list.
 */
const FIRST_ENTRY: Readonly<Record<string, readonly [string, string]>> = {
  licensetype: ['licenses', 'type'],
  licencetype: ['licenses', 'type'],
  licensestate: ['licenses', 'jurisdiction'],
  licencestate: ['licenses', 'jurisdiction'],
  licensejurisdiction: ['licenses', 'jurisdiction'],
  licencejurisdiction: ['licenses', 'jurisdiction'],
  licensedin: ['licenses', 'jurisdiction'],
  licensenumber: ['licenses', 'number'],
  licencenumber: ['licenses', 'number'],
  licenseno: ['licenses', 'number'],
  licenceno: ['licenses', 'number'],
  licenseverifyurl: ['licenses', 'verifyUrl'],
  licenseverificationurl: ['licenses', 'verifyUrl'],
  licenceverificationurl: ['licenses', 'verifyUrl'],
  certificationbody: ['certifications', 'body'],
  certifyingbody: ['certifications', 'body'],
  certificationname: ['certifications', 'name'],
  certifiedsince: ['certifications', 'since'],
  certificationsince: ['certifications', 'since'],
  certificationexpires: ['certifications', 'expires'],
  certificationexpiry: ['certifications', 'expires'],
  certificationexpiration: ['certifications', 'expires'],
};

/** `License Type` → `['licenses', 0, 'type']`, or undefined for any other name. */
export function firstEntryField(name: string): { path: [string, 0, string]; spec: FieldSpec } | undefined {
  const hit = FIRST_ENTRY[fieldKey(name)];
  if (!hit) return undefined;
  const spec = RECORD_FIELDS.find((f) => f.name === hit[0])!.fields!.find((f) => f.name === hit[1])!;
  return { path: [hit[0], 0, hit[1]], spec };
}

/** A name reduced for matching: case, accents, spaces, hyphens and underscores never matter. */
export function fieldKey(name: string): string {
  // Imports ask for the same few names and terms thousands of times.
  let key = keys.get(name);
  if (key === undefined) {
    key = name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\s_\-–—/]+/g, '');
    if (keys.size >= 20_000) keys.clear();
    if (name.length <= 200) keys.set(name, key);
  }
  return key;
}
const keys = new Map<string, string>();

/** Keys no import may ever write, whatever their spelling. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** True for a name that must never become a property key (`__proto__`, `constructor`, `prototype`). */
export function isForbiddenKey(name: string): boolean {
  return FORBIDDEN.has(name) || FORBIDDEN.has(name.trim().toLowerCase()) || FORBIDDEN.has(fieldKey(name));
}

type Lookup = Map<string, FieldSpec>;
const lookups = new WeakMap<readonly FieldSpec[], Lookup>();

/** The spec a name refers to among `fields` (by name or alias), or undefined. */
export function findField(fields: readonly FieldSpec[], name: string): FieldSpec | undefined {
  let lookup = lookups.get(fields);
  if (!lookup) {
    lookup = new Map();
    // Names first, so an alias never shadows another field's real name.
    for (const spec of fields) lookup.set(fieldKey(spec.name), spec);
    for (const spec of fields)
      for (const alias of spec.aliases ?? []) if (!lookup.has(fieldKey(alias))) lookup.set(fieldKey(alias), spec);
    lookups.set(fields, lookup);
  }
  return lookup.get(fieldKey(name));
}

/**
 * Where a flat name (a CSV header, a JSON key) belongs: `Accepting New Clients` →
 * `['acceptingNewClients']`, `Zip` → `['location', 'postalCode']`, `Fee` → `['fees', 'min']`.
 * Undefined for an unknown or forbidden name. Dotted names (`location.city`, `licenses.0.verifyUrl`)
 * are resolved segment by segment.
 */
export function resolveFieldPath(name: string): { path: (string | number)[]; spec: FieldSpec } | undefined {
  if (isForbiddenKey(name)) return undefined;
  const segments = name.split('.').map((s) => s.trim());
  if (segments.some((s) => s === '' || isForbiddenKey(s))) return undefined;
  if (segments.length === 1) {
    const top = findField(RECORD_FIELDS, segments[0]);
    if (top) return { path: [top.name], spec: top };
    // A flat column for a nested field: only objects (not lists) take them.
    for (const parent of RECORD_FIELDS) {
      if (parent.kind !== 'object' || !parent.fields) continue;
      const inner = findField(parent.fields, segments[0]);
      if (inner && !findField(RECORD_FIELDS, segments[0])) return { path: [parent.name, inner.name], spec: inner };
    }
    return firstEntryField(segments[0]);
  }
  let fields: readonly FieldSpec[] | undefined = RECORD_FIELDS;
  let spec: FieldSpec | undefined;
  const path: (string | number)[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (/^\d{1,2}$/.test(segment) && spec?.kind === 'records') {
      path.push(Number(segment));
      continue;
    }
    spec = fields ? findField(fields, segment) : undefined;
    if (!spec) return undefined;
    path.push(spec.name);
    fields = spec.fields;
  }
  return spec ? { path, spec } : undefined;
}
