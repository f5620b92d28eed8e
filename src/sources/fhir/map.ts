// One PractitionerRole and the resources it refers to as a therapist record (docs/fhir.md has the
// table): names, gender, languages, licences, office, formats, new patients, networks, contacts.
import type { TherapistInput } from '../../engine/schema.js';
import { acceptingNewPatients, isPhysical, isVirtual } from './plan-net.js';
import { readQualifications, usState } from './qualifications.js';
import {
  codings,
  describeReference,
  extensions,
  obj,
  objects,
  PLAN_NET,
  text,
  type FhirResource,
  type ResourceIndex,
} from './resources.js';
import { NUCC_SYSTEM, type NuccTaxonomyEntry } from './taxonomy.js';
import type { FhirRoleContext } from './types.js';

/** A problem with one role, before it has a place in the records. */
export interface RoleProblem {
  severity: 'error' | 'warning';
  path: string;
  message: string;
  fix?: string;
}

export type RoleReading =
  | { record: TherapistInput; context: FhirRoleContext; problems: RoleProblem[] }
  | { record?: undefined; problems: RoleProblem[] };

const NUCC_CODE = /^[0-9]{3}[0-9A-Z]{6}X$/;

/** The NUCC taxonomy codes of CodeableConcepts: NUCC's system, or no system and NUCC's shape. */
export function nuccCodes(concepts: unknown): string[] {
  const codes: string[] = [];
  for (const concept of objects(concepts))
    for (const { system, code } of codings(concept))
      if (code && (system === NUCC_SYSTEM || (!system && NUCC_CODE.test(code)))) codes.push(code);
  return codes;
}

/** The name as people read it: prefix, given names and family name, else the text. */
function nameOf(practitioner: FhirResource): string | undefined {
  const names = objects(practitioner.name);
  const name = names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'old') ?? names[0];
  if (!name) return undefined;
  const parts = [...listOfText(name.prefix), ...listOfText(name.given), text(name.family)].filter(
    (part): part is string => !!part,
  );
  return parts.length && (text(name.family) || listOfText(name.given).length) ? parts.join(' ') : text(name.text);
}

function listOfText(value: unknown): string[] {
  return (Array.isArray(value) ? value : []).map(text).filter((part): part is string => !!part);
}

const GENDERS: ReadonlyMap<string, string> = new Map([
  ['female', 'woman'],
  ['male', 'man'],
]);

/** BCP 47 tags (or, failing a code, the text) of `Practitioner.communication`. */
function languagesOf(practitioner: FhirResource): string[] {
  const found: string[] = [];
  for (const communication of objects(practitioner.communication)) {
    // R4 has a CodeableConcept; later versions a BackboneElement with `language`.
    const concept = obj(communication.language) ?? communication;
    const code = codings(concept).find((coding) => coding.code)?.code ?? text(concept.text);
    if (code) found.push(code);
  }
  return [...new Set(found)];
}

/** The first telecom value of `system` among the resources, in order. */
function telecom(resources: (Record<string, unknown> | undefined)[], system: string): string | undefined {
  for (const resource of resources)
    for (const point of objects(resource?.telecom)) {
      const value = text(point.value);
      if (point.system === system && value) return value;
    }
  return undefined;
}

const COUNTRIES: ReadonlyMap<string, string> = new Map([
  ['US', 'US'],
  ['USA', 'US'],
  ['UNITED STATES', 'US'],
  ['UNITED STATES OF AMERICA', 'US'],
]);

/** A Location's address and position as the record's `location`. */
function officeOf(location: FhirResource): TherapistInput['location'] | undefined {
  const address = obj(location.address);
  const position = obj(location.position);
  const office: NonNullable<TherapistInput['location']> = {};
  const city = text(address?.city);
  const state = text(address?.state);
  const postalCode = text(address?.postalCode);
  const country = text(address?.country)?.toUpperCase();
  if (city) office.city = city;
  if (state) office.region = state;
  if (postalCode) office.postalCode = postalCode;
  const iso = country ? (COUNTRIES.get(country) ?? (/^[A-Z]{2}$/.test(country) ? country : undefined)) : undefined;
  if (iso) office.country = iso;
  else if (!country && usState(state)) office.country = 'US';
  const lat = position?.latitude;
  const lng = position?.longitude;
  if (typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng)) {
    office.lat = lat;
    office.lng = lng;
  }
  return Object.keys(office).length ? office : undefined;
}

/** The values of every extension with `url` on `resources`: its `value[x]`, or its sub-extensions. */
function valuesOf(resources: FhirResource[], url: string): unknown[] {
  const values: unknown[] = [];
  for (const resource of resources)
    for (const extension of extensions(resource, url)) {
      const key = Object.keys(extension).find((name) => name.startsWith('value'));
      values.push(key ? extension[key] : extension.extension);
    }
  return values;
}

/**
 * Reads one role. A role without a readable Practitioner is left out with an error; a Location or
 * HealthcareService that is not in the Bundle loses what it would have said, with a warning.
 */
export function mapRole(
  role: FhirResource,
  index: ResourceIndex,
  taxonomy: ReadonlyMap<string, NuccTaxonomyEntry>,
  today: string,
): RoleReading {
  const problems: RoleProblem[] = [];
  const id = text(role.id);
  if (!id) return { problems: [{ severity: 'error', path: 'id', message: 'has no id' }] };
  const practitioner = index.resolve(role.practitioner, ['Practitioner'], role);
  if (!practitioner)
    return {
      problems: [
        {
          severity: 'error',
          path: 'practitioner',
          message: role.practitioner
            ? `refers to the Practitioner ${describeReference(role.practitioner)}, which is not in the Bundle`
            : 'names no Practitioner',
          fix: 'Include the Practitioner in the Bundle (_include=PractitionerRole:practitioner), or fix the reference.',
        },
      ],
    };
  const missing = (path: string, reference: unknown, kind: string, what: string) =>
    problems.push({
      severity: 'warning',
      path,
      message: `refers to the ${kind} ${describeReference(reference)}, which is not in the Bundle: ${what}`,
      fix: `Include it in the Bundle (_include=PractitionerRole:${path === 'location' ? 'location' : 'service'}), or fix the reference.`,
    });
  const locations: FhirResource[] = [];
  for (const reference of objects(role.location)) {
    const location = index.resolve(reference, ['Location'], role);
    if (location) locations.push(location);
    else missing('location', reference, 'Location', 'its office is unknown');
  }
  const services: FhirResource[] = [];
  for (const reference of objects(role.healthcareService)) {
    const service = index.resolve(reference, ['HealthcareService'], role);
    if (service) services.push(service);
    else missing('healthcareService', reference, 'HealthcareService', 'whether it is offered by video is unknown');
  }
  const organization = index.resolve(role.organization, ['Organization'], role);
  const networks: FhirResource[] = [];
  const insurance = new Set<string>();
  for (const extension of extensions(role, `${PLAN_NET}network-reference`)) {
    const network = index.resolve(extension.valueReference, ['Organization'], role);
    if (network) networks.push(network);
    const name = text(network?.name) ?? text(obj(extension.valueReference)?.display);
    if (name) insurance.add(name);
  }

  const virtual = services.some(isVirtual);
  const inPerson =
    objects(role.location).length > 0 &&
    (!services.length || services.some((service) => isPhysical(service) || !isVirtual(service)));
  const formats: ('in-person' | 'telehealth')[] = [];
  if (inPerson) formats.push('in-person');
  if (virtual) formats.push('telehealth');

  const office = locations.map(officeOf).find((found) => found);
  const { licenses, certifications } = readQualifications(practitioner, index, taxonomy, today);
  const clientTypes = new Set<string>();
  for (const code of [...nuccCodes(role.specialty), ...nuccCodes(role.code)])
    for (const type of taxonomy.get(code)?.clientTypes ?? []) clientTypes.add(type);
  const contacts = [role, practitioner, ...locations, organization];
  const accepting = acceptingNewPatients([role, ...services, ...locations]);
  const updated = text(obj(role.meta)?.lastUpdated);
  const name = nameOf(practitioner);
  const gender = GENDERS.get(text(practitioner.gender) ?? '');
  const languages = languagesOf(practitioner);
  const phone = telecom(contacts, 'phone');
  const email = telecom(contacts, 'email');
  const website = telecom(contacts, 'url');

  // What the record cannot do without, said in FHIR's words rather than the record format's.
  const unusable = (path: string, message: string, fix: string) => ({
    problems: [...problems, { severity: 'error' as const, path, message, fix }],
  });
  const who = `its Practitioner ${describeReference(role.practitioner)}`;
  if (!name)
    return unusable(
      'practitioner.name',
      `: ${who} has no name (HumanName.text, or given and family)`,
      'Give the Practitioner a name.',
    );
  if (!licenses.length)
    return unusable(
      'practitioner.qualification',
      `: ${who} has no active qualification valid in a US state (Plan-Net practitioner-qualification whereValid, or a state issuer)`,
      'Give the Practitioner its state licence as a qualification, with the Plan-Net practitioner-qualification extension.',
    );
  if (!formats.length)
    return unusable(
      'location',
      'has neither a Location nor a virtual HealthcareService, so how it is offered is unknown',
      'Refer to the Location where the clinician sees patients, or to a HealthcareService with the Plan-Net delivery-method extension.',
    );

  const record: TherapistInput = {
    id,
    name,
    ...(gender ? { gender } : {}),
    licenses,
    ...(certifications.length ? { certifications } : {}),
    ...(clientTypes.size ? { clientTypes: [...clientTypes] as TherapistInput['clientTypes'] } : {}),
    ...(languages.length ? { languages } : {}),
    formats,
    ...(office ? { location: office } : {}),
    ...(insurance.size ? { insurance: [...insurance] } : {}),
    ...(accepting !== undefined ? { acceptingNewClients: accepting } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    ...(updated && /^\d{4}-\d{2}-\d{2}/.test(updated) ? { lastVerified: updated.slice(0, 10) } : {}),
  } as TherapistInput;
  const own = [role, practitioner, ...services, ...locations];
  const context: FhirRoleContext = {
    role,
    practitioner,
    locations,
    services,
    ...(organization ? { organization } : {}),
    networks,
    extensionValues: (url: string) => valuesOf(own, url),
  };
  return { record, context, problems };
}
