// A small FHIR R4 server over the Plan-Net-style fixtures, shared by the browser tests (through
// test-server.mjs) and the Node tests (node:http): a PractitionerRole searchset with _include,
// filtering by the search parameters fhirSource sends, paged with `next` links; an OperationOutcome
// error; and the hostile cases (a next link to another site, a next link back to itself).
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../sources/fixtures/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const DATASETS = { 'plan-net': 'fhir-plan-net.json', missing: 'fhir-missing-references.json' };

/** Every request URL (path and query) each key's searches asked, for the privacy tests. */
const requests = new Map();

const outcome = (code, diagnostics) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics }],
});

/** The resources a role refers to, as `Type/id`, for the `_include`s asked. */
function included(role, includes) {
  const refs = [];
  const add = (reference) => reference?.reference && refs.push(reference.reference);
  if (includes.includes('PractitionerRole:practitioner')) add(role.practitioner);
  if (includes.includes('PractitionerRole:organization')) add(role.organization);
  if (includes.includes('PractitionerRole:location')) (role.location ?? []).forEach(add);
  if (includes.includes('PractitionerRole:service')) (role.healthcareService ?? []).forEach(add);
  if (includes.includes('PractitionerRole:network'))
    for (const extension of role.extension ?? [])
      if (extension.url.endsWith('/network-reference')) add(extension.valueReference);
  return refs;
}

/** Roles that match the search parameters this server supports (others are ignored, as FHIR allows). */
function matches(role, params, byKey) {
  if (params.get('active') === 'true' && role.active === false) return false;
  const specialty = params.get('specialty');
  if (specialty) {
    const wanted = new Set(specialty.split(',').map((token) => token.split('|').pop()));
    if (!(role.specialty ?? []).some((concept) => concept.coding?.some((c) => wanted.has(c.code)))) return false;
  }
  const state = params.get('location.address-state');
  if (state) {
    const states = (role.location ?? []).map((ref) => byKey.get(ref.reference)?.address?.state);
    if (!states.includes(state)) return false;
  }
  return true;
}

/**
 * The answer to `path` (after `/fhir/`: `<key>/<dataset>/PractitionerRole`, `<key>/requests`) with
 * the query string `search`; `origin` is what comes before `/fhir/` in the URL, for absolute links. Returns `{ status, body }`.
 */
export function fhirAnswer(path, search, origin) {
  const [key, dataset, type] = path.split('/');
  if (dataset === 'requests') return { status: 200, body: requests.get(key) ?? [] };
  if (!requests.has(key)) requests.set(key, []);
  requests.get(key).push(`/${path}${search ? `?${search}` : ''}`);
  if (dataset === 'outcome')
    return {
      status: 400,
      body: outcome('not-supported', "Unknown search parameter 'location.near' for PractitionerRole"),
    };
  if (dataset === 'outcome-ok') return { status: 200, body: outcome('too-costly', 'Search too broad: narrow it') };
  if (dataset === 'not-fhir') return { status: 200, body: { therapists: [] } };
  // A server that answers after 2.5 s (the callers wait `delayMs` before answering).
  if (dataset === 'slow') return { status: 200, body: { resourceType: 'Bundle', type: 'searchset' }, delayMs: 2500 };
  const file = DATASETS[dataset] ?? (dataset === 'elsewhere' || dataset === 'loop' ? DATASETS['plan-net'] : undefined);
  if (!file || type !== 'PractitionerRole')
    return { status: 404, body: outcome('not-found', `No resource type ${type} in ${dataset}`) };
  const params = new URLSearchParams(search);
  const all = read(file)
    .entry.map((entry) => entry.resource)
    .filter((r) => r && typeof r === 'object');
  const byKey = new Map(all.filter((r) => r.resourceType).map((r) => [`${r.resourceType}/${r.id}`, r]));
  const roles = all.filter((r) => r.resourceType === 'PractitionerRole' && matches(r, params, byKey));
  const count = Math.max(1, Number(params.get('_count') ?? 100));
  const offset = Number(params.get('_offset') ?? 0);
  const page = roles.slice(offset, offset + count);
  const includes = params.getAll('_include');
  const refs = new Set(page.flatMap((role) => included(role, includes)));
  const root = `${origin}/fhir/${key}/${dataset}`;
  const entry = [
    ...page.map((role) => ({
      fullUrl: `${root}/PractitionerRole/${role.id}`,
      resource: role,
      search: { mode: 'match' },
    })),
    ...[...refs]
      .filter((ref) => byKey.has(ref))
      .map((ref) => ({ fullUrl: `${root}/${ref}`, resource: byKey.get(ref), search: { mode: 'include' } })),
  ];
  const self = `${root}/PractitionerRole`;
  const link = [{ relation: 'self', url: `${self}?${params}` }];
  if (offset + count < roles.length) {
    const next = new URLSearchParams(params);
    next.set('_offset', String(offset + count));
    const url =
      dataset === 'elsewhere'
        ? `https://elsewhere.example.net/fhir/PractitionerRole?${next}`
        : dataset === 'loop'
          ? `${self}?${params}`
          : `${self}?${next}`;
    link.push({ relation: 'next', url });
  }
  return { status: 200, body: { resourceType: 'Bundle', type: 'searchset', total: roles.length, link, entry } };
}
