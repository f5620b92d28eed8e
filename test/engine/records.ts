// Hand-made therapist records for the engine tests: valid by default, each test overrides a field.
import { parseTherapists, type Therapist, type TherapistInput } from '../../src/engine/index.js';

/** Portland, Oregon: the person's location in most tests. */
export const PORTLAND = { lat: 45.5152, lng: -122.6784 };
/** About 4 km east of downtown Portland. */
export const PORTLAND_EAST = { lat: 45.5152, lng: -122.63 };
/** Seattle: about 234 km north of Portland. */
export const SEATTLE = { lat: 47.6062, lng: -122.3321 };

export function record(id: string, overrides: Partial<TherapistInput> = {}): TherapistInput {
  return {
    id,
    name: `Therapist ${id}`,
    gender: 'woman',
    licenses: [{ type: 'LMFT', jurisdiction: 'US-OR' }],
    concerns: ['low-desire'],
    clientTypes: ['individual', 'couple'],
    ageGroups: ['adult'],
    languages: ['en'],
    modalities: ['cbt'],
    communities: [],
    formats: ['in-person', 'telehealth'],
    location: { city: 'Portland', region: 'US-OR', country: 'US', ...PORTLAND },
    telehealthJurisdictions: ['US-OR'],
    fees: { currency: 'USD', min: 120, max: 160, slidingScale: false },
    insurance: [],
    acceptingNewClients: true,
    freeConsultation: false,
    collaboratesWithMedical: false,
    ...overrides,
  };
}

/** Validates records and fails loudly if a fixture is itself invalid. */
export function directory(...records: TherapistInput[]): Therapist[] {
  const { therapists, problems } = parseTherapists(records);
  if (problems.length) throw new Error(`invalid fixture: ${JSON.stringify(problems)}`);
  return therapists;
}

export const ids = (matches: { therapist: Therapist }[]) => matches.map((m) => m.therapist.id);
