// Reading records as a site does, both ways: parseTherapists (zod loaded) and validateTherapists
// (zod loaded only when needed) must agree on every input, and neither may change the input.
import { expect } from '@open-wc/testing';
import {
  findField,
  parseTherapists,
  RECORD_FIELDS,
  validateTherapists,
  type DataProblem,
  type ParseOptions,
  type ParseResult,
} from '../../src/engine/index.js';

/** The result of reading `input`, after checking both entry points give it and the input is untouched. */
export async function read(input: unknown, options?: ParseOptions): Promise<ParseResult> {
  const before = JSON.stringify(input);
  const lazily = await validateTherapists(input, options);
  const result = parseTherapists(input, options);
  expect(lazily).to.deep.equal(result);
  expect(JSON.stringify(input)).to.equal(before);
  return result;
}

/** Problems as one line each, `severity path: message`, for exact comparisons. */
export const lines = (problems: DataProblem[]) =>
  problems.map(({ severity, path, message }) => `${severity} ${path}: ${message}`);

/** The fix a problem with a field gives: its documented description, found by its path (`licenses`, `jurisdiction`). */
export function fixFor(...path: string[]): string {
  let fields = RECORD_FIELDS;
  let description = '';
  for (const name of path) {
    const spec = findField(fields, name)!;
    description = spec.description;
    fields = spec.fields ?? [];
  }
  return `write it as docs/records.md describes: ${description}`;
}

/** The smallest valid record in the format's own names; tests add what they are about. */
export const minimal = (overrides: Record<string, unknown> = {}) => ({
  id: 'th-1',
  name: 'Dr. Ana Ruiz',
  licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }],
  formats: ['telehealth'],
  ...overrides,
});

/** One row of a clinic's spreadsheet export, as a CSV reader or JSON export gives it: headers as written. */
export const spreadsheetRow = (overrides: Record<string, unknown> = {}) => ({
  'Therapist ID': 'th-1',
  'Full Name': 'Dr. Ana Ruiz',
  License: 'LMFT:US-CA:12345',
  'Session Format': 'in-person; telehealth',
  City: 'Oakland',
  State: 'CA',
  Zip: '94612',
  Latitude: '37.8044',
  Longitude: '-122.2712',
  ...overrides,
});
