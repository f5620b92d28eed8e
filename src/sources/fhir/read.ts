// From FHIR Bundles to records: index every resource, keep the behavioural health roles, map each
// one, run the site's hook, and report every problem with the role it concerns.
import type { DataProblem } from '../../engine/records.js';
import type { TherapistInput } from '../../engine/schema.js';
import { mapRole, nuccCodes } from './map.js';
import { asResource, obj, objects, ResourceIndex, text, type FhirResource } from './resources.js';
import { BEHAVIOURAL_HEALTH_TAXONOMY, type NuccTaxonomyEntry } from './taxonomy.js';
import type { FhirRecordMapper, FhirSearchResult } from './types.js';

/** How the roles are chosen and mapped. */
export interface ReadOptions {
  /** NUCC codes to keep, or undefined for every role. */
  keep?: ReadonlySet<string>;
  mapRecord?: FhirRecordMapper;
  label: string;
}

/** Every entry's resource of the Bundles, in order, with the Bundle problems found on the way. */
function entriesOf(bundles: readonly unknown[], label: string, problems: DataProblem[]) {
  const index = new ResourceIndex();
  const roles: FhirResource[] = [];
  let malformed = 0;
  for (const bundle of bundles)
    for (const entry of objects(obj(bundle)?.entry)) {
      const resource = asResource(entry.resource);
      if (!resource) {
        malformed++;
        continue;
      }
      index.add(resource, text(entry.fullUrl));
      if (resource.resourceType === 'PractitionerRole' && obj(entry.search)?.mode !== 'include') roles.push(resource);
    }
  if (malformed)
    problems.push({
      severity: 'warning',
      index: -1,
      path: 'entry',
      message: `${label}: ${malformed} Bundle ${malformed === 1 ? 'entry has' : 'entries have'} no resource (an object with a resourceType) and ${malformed === 1 ? 'was' : 'were'} ignored.`,
    });
  return { index, roles };
}

/** The taxonomy entries known for the codes, as a Map (so no code from the data reaches a prototype). */
const KNOWN: ReadonlyMap<string, NuccTaxonomyEntry> = new Map(Object.entries(BEHAVIOURAL_HEALTH_TAXONOMY));

/** Why a role is not listed, or undefined to list it. */
function skipReason(
  role: FhirResource,
  practitioner: unknown,
  keep: ReadonlySet<string> | undefined,
): string | undefined {
  if (role.active === false || obj(practitioner)?.active === false) return 'inactive';
  const end = text(obj(role.period)?.end);
  if (end && end.slice(0, 10) < new Date().toISOString().slice(0, 10)) return 'inactive';
  if (!keep) return undefined;
  const codes = [...nuccCodes(role.specialty), ...nuccCodes(role.code)];
  return codes.some((code) => keep.has(code)) ? undefined : 'not behavioural health';
}

/**
 * The records of the PractitionerRoles in `bundles` (one search's pages, or one Bundle file).
 * Roles outside the kept taxonomy, and inactive ones, are counted in `skipped`; a role that cannot
 * be read, or whose `mapRecord` throws, is an error problem (index -1, its id named) and the others
 * are kept.
 */
export function readBundles(bundles: readonly unknown[], options: ReadOptions): FhirSearchResult {
  const problems: DataProblem[] = [];
  const { index, roles } = entriesOf(bundles, options.label, problems);
  const records: TherapistInput[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const skippedBy = new Map<string, number>();
  for (const role of roles) {
    const reason = skipReason(role, index.resolve(role.practitioner, ['Practitioner'], role), options.keep);
    if (reason) {
      skippedBy.set(reason, (skippedBy.get(reason) ?? 0) + 1);
      continue;
    }
    const reading = mapRole(role, index, KNOWN, today);
    const id = text(role.id);
    const at = reading.record ? records.length : -1;
    const where = `PractitionerRole${id ? `/${id}` : ''}`;
    let record = reading.record;
    if (reading.record && options.mapRecord) {
      try {
        const mapped: unknown = options.mapRecord(reading.record, reading.context) ?? reading.record;
        if (mapped === null || typeof mapped !== 'object' || Array.isArray(mapped))
          throw new TypeError(
            `it returned ${mapped === null ? 'null' : Array.isArray(mapped) ? 'an array' : typeof mapped}, not the record`,
          );
        record = mapped as TherapistInput;
      } catch (error) {
        const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        reading.problems.push({
          severity: 'error',
          path: '',
          message: `mapRecord threw ${what}, so the role is left out`,
          fix: "This is a bug in the site's mapRecord option: make it handle this role.",
        });
        record = undefined;
      }
    }
    for (const problem of reading.problems)
      problems.push({
        severity: problem.severity,
        index: record ? at : -1,
        ...(id ? { id } : {}),
        path: problem.path,
        message: `${where}${problem.message.startsWith(':') ? '' : ' '}${problem.message}.`,
        ...(problem.fix ? { fix: problem.fix } : {}),
      });
    if (record) records.push(record);
  }
  let skipped = 0;
  for (const count of skippedBy.values()) skipped += count;
  if (skipped) {
    const parts = [...skippedBy].map(([reason, count]) => `${count} ${reason}`).join(', ');
    problems.push({
      severity: 'warning',
      index: -1,
      path: '',
      message: `${options.label}: ${skipped} of ${roles.length} PractitionerRoles skipped (${parts}); they are not errors.`,
      fix: 'To list other kinds of clinicians, add their NUCC taxonomy codes to the taxonomies option of fhirSource.',
    });
  }
  return { records, problems, skipped };
}
