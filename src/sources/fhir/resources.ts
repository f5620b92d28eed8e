// Reading FHIR R4 JSON that may be anything: safe accessors, a Bundle's resources indexed by
// reference, extensions by URL, and codings by system. Never trusts a key or a type.

/** A FHIR resource as JSON: an object with a `resourceType`. Everything else is unchecked. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [element: string]: unknown;
}

/** The Da Vinci PDex Plan-Net extensions' base URL. */
export const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/';

/** A plain object (not an array, not null), or undefined. */
export function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Trimmed non-empty text, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The objects of a FHIR list (a repeating element), skipping anything that is not an object. */
export function objects(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const found: Record<string, unknown>[] = [];
  for (const item of list) {
    const o = obj(item);
    if (o) found.push(o);
  }
  return found;
}

/** `value` as a resource when it is an object with a text `resourceType`. */
export function asResource(value: unknown): FhirResource | undefined {
  const o = obj(value);
  return o && typeof o.resourceType === 'string' ? (o as FhirResource) : undefined;
}

/** The extensions of an element (or sub-extensions of an extension) whose `url` is `url`. */
export function extensions(element: unknown, url: string): Record<string, unknown>[] {
  return objects(obj(element)?.extension).filter((extension) => extension.url === url);
}

/** The codings of a CodeableConcept, with its text as a last coding-less entry. */
export function codings(concept: unknown): { system?: string; code?: string; display?: string }[] {
  return objects(obj(concept)?.coding).map((coding) => ({
    system: text(coding.system),
    code: text(coding.code),
    display: text(coding.display),
  }));
}

/** The codes of a CodeableConcept (or a list of them) in `system`. */
export function codesIn(concepts: unknown, system: string): string[] {
  const codes: string[] = [];
  for (const concept of objects(concepts))
    for (const coding of codings(concept)) if (coding.system === system && coding.code) codes.push(coding.code);
  return codes;
}

/** A resource's key in a Bundle: `Type/id`. */
const keyOf = (type: string, id: string) => `${type}/${id}`;

/**
 * A Bundle's resources by reference: `Type/id`, the entry's `fullUrl`, and for a resource's
 * `contained` resources `#id`. A Map, so no key from the data reaches an object's prototype.
 */
export class ResourceIndex {
  private readonly byKey = new Map<string, FhirResource>();

  add(resource: FhirResource, fullUrl?: string): void {
    const id = text(resource.id);
    if (id) this.byKey.set(keyOf(resource.resourceType, id), resource);
    if (fullUrl) this.byKey.set(fullUrl, resource);
  }

  /**
   * The resource a Reference points to, if it is in the Bundle (or contained in `from`) and of
   * one of the `types`: relative (`Practitioner/1`), absolute (`https://x/fhir/Practitioner/1`),
   * versioned (`…/_history/2`) or contained (`#p1`).
   */
  resolve(reference: unknown, types: readonly string[], from?: FhirResource): FhirResource | undefined {
    const ref = text(obj(reference)?.reference);
    if (!ref) return undefined;
    let found: FhirResource | undefined;
    if (ref.startsWith('#')) {
      found = objects(from?.contained)
        .map(asResource)
        .find((resource) => resource && text(resource.id) === ref.slice(1));
    } else {
      found = this.byKey.get(ref);
      if (!found) {
        const match = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]*)?$/.exec(ref);
        if (match) found = this.byKey.get(keyOf(match[1], match[2]));
      }
    }
    return found && types.includes(found.resourceType) ? found : undefined;
  }
}

/** The `reference` text of a Reference, for messages (or its display, or "a reference"). */
export function describeReference(reference: unknown): string {
  const o = obj(reference);
  const ref = text(o?.reference) ?? text(o?.display);
  return ref ? JSON.stringify(ref.length > 120 ? `${ref.slice(0, 120)}…` : ref) : 'a reference without a target';
}
