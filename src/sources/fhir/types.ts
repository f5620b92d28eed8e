// fhirSource's options and what its mapping hook receives.
import type { TherapistInput } from '../../engine/schema.js';
import type { HttpSourceOptions, SourceResult } from '../types.js';
import type { FhirResource } from './resources.js';

export type { FhirResource };

/**
 * A FHIR search parameter `fhirSource` may send the server, each only when it cannot leave out a
 * therapist the person could see:
 * - `active`: `active=true` (inactive roles are never listed anyway);
 * - `specialty`: the kept NUCC taxonomy codes (`specialty=http://nucc.org/provider-taxonomy|101YP2500X,…`);
 * - `near`: `location.near=lat|lng|km|km`, only when the person requires in-person sessions (with video
 *   acceptable, a therapist far away may still fit);
 * - `address-state`: `location.address-state=CA` from the person's state. Not sent unless listed:
 *   telehealth needs a licence in the person's state, not an office there, so only a directory whose
 *   clinicians all have an office in the states they are licensed in should use it.
 */
export type FhirSearchParameter = 'active' | 'specialty' | 'near' | 'address-state';

/** What `mapRecord` receives besides the record: the resources of one PractitionerRole. */
export interface FhirRoleContext {
  /** The PractitionerRole the record is made from. */
  role: FhirResource;
  /** Its Practitioner. */
  practitioner: FhirResource;
  /** Its Locations that the Bundle holds. */
  locations: FhirResource[];
  /** Its HealthcareServices that the Bundle holds. */
  services: FhirResource[];
  /** Its Organization, when the Bundle holds it. */
  organization?: FhirResource;
  /** The insurance networks it takes part in (Plan-Net `network-reference`), when the Bundle holds them. */
  networks: FhirResource[];
  /**
   * The values (`valueCodeableConcept`, `valueString`, … or the sub-extensions of a complex one) of
   * every extension with this URL on the role, the practitioner, its services and its locations.
   */
  extensionValues(url: string): unknown[];
}

/**
 * A site's own mapping, called for each record after the built-in one: change `record` in place or
 * return a new one, e.g. to read concerns from an extension or a HealthcareService's specialty.
 * If it throws, that record is left out and reported as a problem; the others are kept.
 */
export type FhirRecordMapper = (record: TherapistInput, context: FhirRoleContext) => TherapistInput | void;

export interface FhirSourceOptions extends HttpSourceOptions {
  /**
   * Base URL of a FHIR R4 server (absolute or relative to the page), e.g.
   * `https://fhir.example-plan.com/r4`: each search asks `GET [server]/PractitionerRole` with
   * `_include` of its Practitioner, Location, Organization, HealthcareService and network, and
   * follows the Bundle's `next` links. Give `server` or `bundle`.
   */
  server?: string | URL;
  /**
   * A FHIR Bundle of PractitionerRoles and the resources they refer to: its URL (fetched once and
   * reused) or the Bundle itself. Give `server` or `bundle`.
   */
  bundle?: string | URL | object;
  /**
   * NUCC provider taxonomy codes of the roles to keep (in `PractitionerRole.specialty` or `code`);
   * the others are skipped and counted. Default: the codes of `BEHAVIOURAL_HEALTH_TAXONOMY`.
   * `'all'` keeps every role. Codes not in `BEHAVIOURAL_HEALTH_TAXONOMY` keep their licence type
   * from the qualification's text or code.
   */
  taxonomies?: readonly string[] | 'all';
  /**
   * Search parameters sent to a `server` (see `FhirSearchParameter`). Default
   * `['active', 'specialty', 'near']`; `[]` sends none (the engine applies every constraint anyway).
   */
  searchParameters?: readonly FhirSearchParameter[];
  /**
   * Roles asked per page (`_count`): a whole number from 1 to 1,000; default 100, also for anything
   * not a finite number (with a console warning).
   */
  pageSize?: number;
  /**
   * Most pages read per search (the first and the `next` links after it): 1 to 100; default 20, also
   * for anything not a finite number. When more remain, the records read so far are used and a
   * warning says so. `next` links to another origin are never followed.
   */
  maxPages?: number;
  /** The site's own mapping from any field or extension (see `FhirRecordMapper`). */
  mapRecord?: FhirRecordMapper;
  /** Name used in messages; default the server's URL or the Bundle's file name. */
  label?: string;
}

/** What `fhirSource`'s `search` resolves to: the records, and the roles it left out by taxonomy. */
export interface FhirSearchResult extends SourceResult {
  records: TherapistInput[];
  /** PractitionerRoles left out: not behavioural health by their taxonomy, or inactive. Not errors. */
  skipped: number;
}
