// The Plan-Net extensions that say how and to whom a clinician is available: `newpatients` (on a
// role, service or location) and a HealthcareService's `delivery-method`.
import { codings, extensions, objects, PLAN_NET, text, type FhirResource } from './resources.js';

/** Plan-Net `newpatients`: `newpt` (or `yes`) is accepting; `nopt`, `no`, `existptonly`, `existptfam` are not. */
export function acceptingNewPatients(resources: (Record<string, unknown> | undefined)[]): boolean | undefined {
  for (const resource of resources)
    for (const extension of extensions(resource, `${PLAN_NET}newpatients`))
      for (const accepting of extensions(extension, 'acceptingPatients'))
        for (const { code } of codings(accepting.valueCodeableConcept)) {
          if (code === 'newpt' || code === 'yes') return true;
          if (code === 'nopt' || code === 'no' || code === 'existptonly' || code === 'existptfam') return false;
        }
  return undefined;
}

const VIRTUAL_WORDS = /tele|virtual|video|online/i;

/** True when a HealthcareService is delivered virtually: Plan-Net `delivery-method` `virtual`, or its type says so. */
export function isVirtual(service: FhirResource): boolean {
  for (const method of extensions(service, `${PLAN_NET}delivery-method`))
    for (const type of extensions(method, 'type'))
      if (codings(type.valueCodeableConcept).some((coding) => coding.code === 'virtual')) return true;
  return [...objects(service.type), ...objects(service.category)].some(
    (concept) =>
      VIRTUAL_WORDS.test(text(concept.text) ?? '') ||
      codings(concept).some((c) => VIRTUAL_WORDS.test(`${c.code ?? ''} ${c.display ?? ''}`)),
  );
}

/** True when a HealthcareService says it is delivered in person (`delivery-method` `physical`). */
export function isPhysical(service: FhirResource): boolean {
  return extensions(service, `${PLAN_NET}delivery-method`).some((method) =>
    extensions(method, 'type').some((type) =>
      codings(type.valueCodeableConcept).some((coding) => coding.code === 'physical'),
    ),
  );
}
