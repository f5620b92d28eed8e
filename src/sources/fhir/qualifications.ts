// Practitioner.qualification as licences and certifications: licence type from the code, where it
// is valid from the Plan-Net practitioner-qualification extension (or the issuer), active only.
import {
  codings,
  extensions,
  obj,
  objects,
  PLAN_NET,
  text,
  type FhirResource,
  type ResourceIndex,
} from './resources.js';
import { NUCC_SYSTEM, type NuccTaxonomyEntry } from './taxonomy.js';

export interface Licence {
  type: string;
  jurisdiction: string;
  number?: string;
}
export interface Certification {
  body: string;
  name: string;
}

/** The code system of United States Postal Service state codes (Plan-Net `whereValid`). */
const USPS_SYSTEM = 'https://www.usps.com/';

// US states, DC and territories by name, for an issuer such as "State of Illinois"; longest first so
// "West Virginia" is found before "Virginia".
const STATE_NAMES: readonly [string, string][] = (
  'AL:Alabama|AK:Alaska|AZ:Arizona|AR:Arkansas|CA:California|CO:Colorado|CT:Connecticut|DE:Delaware|' +
  'DC:District of Columbia|FL:Florida|GA:Georgia|HI:Hawaii|ID:Idaho|IL:Illinois|IN:Indiana|IA:Iowa|KS:Kansas|' +
  'KY:Kentucky|LA:Louisiana|ME:Maine|MD:Maryland|MA:Massachusetts|MI:Michigan|MN:Minnesota|MS:Mississippi|' +
  'MO:Missouri|MT:Montana|NE:Nebraska|NV:Nevada|NH:New Hampshire|NJ:New Jersey|NM:New Mexico|NY:New York|' +
  'NC:North Carolina|ND:North Dakota|OH:Ohio|OK:Oklahoma|OR:Oregon|PA:Pennsylvania|RI:Rhode Island|' +
  'SC:South Carolina|SD:South Dakota|TN:Tennessee|TX:Texas|UT:Utah|VT:Vermont|VA:Virginia|WA:Washington|' +
  'WV:West Virginia|WI:Wisconsin|WY:Wyoming|PR:Puerto Rico|GU:Guam|VI:Virgin Islands|AS:American Samoa'
)
  .split('|')
  .map((entry) => entry.split(':') as [string, string])
  .sort((a, b) => b[1].length - a[1].length);

const STATE_CODES = new Set(STATE_NAMES.map(([code]) => code));

/** `US-XX` for a USPS state code (`CA`, `ca`), or undefined. */
export function usState(code: unknown): string | undefined {
  const upper = text(code)?.toUpperCase();
  return upper && STATE_CODES.has(upper) ? `US-${upper}` : undefined;
}

/** `US-XX` for the state a text names ("State of Illinois", "Illinois Dept. of …"), or undefined. */
function stateNamed(words: string | undefined): string | undefined {
  if (!words) return undefined;
  const lower = words.toLowerCase();
  for (const [code, name] of STATE_NAMES) {
    const at = lower.indexOf(name.toLowerCase());
    const before = lower[at - 1];
    const after = lower[at + name.length];
    if (at !== -1 && !/[a-z]/.test(before ?? '') && !/[a-z]/.test(after ?? '')) return `US-${code}`;
  }
  return undefined;
}

/** An issuer that awards certifications rather than licences: a board, college or association. */
const CERTIFYING_BODY = /\b(board|academy|association|college|society|institute|council|aasect)\b/i;
const LICENSING_BODY = /\b(state|department|dept|division|commonwealth|licens|regulat)/i;

/** Where a qualification is valid: `whereValid` states (codes or Locations), else the state its issuer names. */
function jurisdictionsOf(issuer: string | undefined, extension: unknown, index: ResourceIndex): string[] {
  const found: string[] = [];
  for (const where of extensions(extension, 'whereValid')) {
    for (const coding of codings(where.valueCodeableConcept))
      if (!coding.system || coding.system === USPS_SYSTEM) {
        const state = usState(coding.code);
        if (state) found.push(state);
      }
    const location = index.resolve(where.valueReference, ['Location']);
    const state = usState(obj(location?.address)?.state);
    if (state) found.push(state);
  }
  if (!found.length) {
    const state = stateNamed(issuer);
    if (state) found.push(state);
  }
  return [...new Set(found)];
}

/** True when a qualification's status is active and its period has not ended. */
function isActive(qualification: Record<string, unknown>, extension: unknown, today: string): boolean {
  const status = text(extensions(extension, 'status')[0]?.valueCode);
  if (status && status !== 'active') return false;
  const end = text(obj(qualification.period)?.end);
  return !(end && end.slice(0, 10) < today);
}

/**
 * The licences and certifications in a Practitioner's qualifications. A qualification valid in a US
 * state (by `whereValid` or its issuer) is a licence unless a board, college or association issued
 * it; one without a state is a certification. Inactive and expired ones are left out.
 */
export function readQualifications(
  practitioner: FhirResource,
  index: ResourceIndex,
  taxonomy: ReadonlyMap<string, NuccTaxonomyEntry>,
  today: string,
): { licenses: Licence[]; certifications: Certification[] } {
  const licenses: Licence[] = [];
  const certifications: Certification[] = [];
  const seen = new Set<string>();
  for (const qualification of objects(practitioner.qualification)) {
    const extension = extensions(qualification, `${PLAN_NET}practitioner-qualification`)[0];
    if (!isActive(qualification, extension, today)) continue;
    const code = obj(qualification.code);
    const coded = codings(code);
    const nucc = coded.find((coding) => coding.system === NUCC_SYSTEM && coding.code);
    const entry = nucc?.code ? taxonomy.get(nucc.code) : undefined;
    const type = entry?.licenseType ?? text(code?.text) ?? coded.find((c) => c.code)?.code ?? coded[0]?.display;
    if (!type) continue;
    const issuer =
      text(obj(qualification.issuer)?.display) ??
      text(index.resolve(qualification.issuer, ['Organization'], practitioner)?.name);
    // "American Board of Psychiatry and Neurology" certifies; "California Board of Behavioral Sciences" licenses.
    const byBoard = !!issuer && CERTIFYING_BODY.test(issuer) && !LICENSING_BODY.test(issuer) && !stateNamed(issuer);
    const jurisdictions = byBoard ? [] : jurisdictionsOf(issuer, extension, index);
    if (jurisdictions.length) {
      const number = text(objects(qualification.identifier)[0]?.value);
      for (const jurisdiction of jurisdictions) {
        const key = `${type.toLowerCase()} ${jurisdiction}`;
        if (seen.has(key)) continue;
        seen.add(key);
        licenses.push({ type, jurisdiction, ...(number ? { number } : {}) });
      }
    } else if (issuer) {
      certifications.push({ body: issuer, name: text(code?.text) ?? nucc?.display ?? type });
    }
  }
  return { licenses, certifications };
}
