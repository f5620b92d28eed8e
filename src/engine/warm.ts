// The ranking's code made ready while the page is idle. A page's first ranking otherwise runs in
// V8's interpreter and compiles the engine's functions as it goes: 6-9 ms at 1,000 records and
// 50-60 ms at 100,000 in a fresh Node process, against 1 ms and 5 ms once the code is optimised
// (docs/performance.md, "A visitor's first ranking"). The widget calls this once the engine has
// loaded and the directory's index is built, while the person still answers, so the ranking for
// their answers (on the last step, or at "Show my matches") runs optimised code.
import type { MatchAnswers } from './answers.js';
import type { Therapist } from './schema.js';
import { inIdleSlices } from './idle.js';
import { rankTherapists } from './rank.js';

/** Rankings run to warm up, and the records of the directory each ranks (its first ones). */
const ROUNDS = 40;
const SAMPLE = 400;

let warming: Promise<void> | undefined;

/**
 * Ranks the first records of `therapists` a few dozen times in idle slices, with four built-in
 * sets of answers (one person, a couple with a partner's wishes, telehealth in one jurisdiction,
 * in person near a listing), so that V8 compiles and optimises the ranking's code before a person
 * waits for it. Once per page: later calls return the first call's promise. Results are dropped;
 * nothing is stored, sent or emitted. Never rejects: a ranking that throws ends the warm-up.
 */
export function warmWhenIdle(therapists: readonly Therapist[]): Promise<void> {
  if (warming) return warming;
  const sample = therapists.slice(0, SAMPLE);
  const answers = answerSets(sample);
  let round = 0;
  return (warming = inIdleSlices(() => {
    rankTherapists(sample, answers[round++ % answers.length]!, { limit: 20 });
    return round >= ROUNDS;
  }));
}

/** The warm-up's answers, placed where the sample's listings are so that distances are computed. */
function answerSets(sample: readonly Therapist[]): MatchAnswers[] {
  const near = sample.find((t) => t.location?.lat !== undefined)?.location;
  const place = { lat: near?.lat ?? 0, lng: near?.lng ?? 0, maxDistanceKm: 40 };
  const jurisdiction = sample[0]?.licenses[0]?.jurisdiction ?? 'US-NY';
  const wish = <T>(value: T, importance: 'required' | 'preferred' = 'preferred') => ({ value, importance });
  return [
    {
      seeking: 'individual',
      ageGroup: 'adult',
      concerns: { primary: 'low-desire', others: ['body-image'] },
      preferences: { therapistGender: wish(['woman']), languages: wish(['es']) },
      formats: wish(['in-person', 'telehealth']),
      location: { ...place, jurisdiction },
      budget: wish({ max: 160, currency: 'USD' }),
      acceptingNewClients: wish(true, 'required'),
    },
    {
      seeking: 'couple',
      ageGroup: 'adult',
      concerns: { primary: 'desire-discrepancy', others: ['erectile-concerns'] },
      preferences: { therapistGender: wish(['woman', 'non-binary'], 'required'), modalities: wish(['cbt']) },
      partnerPreferences: { communities: wish(['lgbtq']), therapistIdentity: wish(['lgbtq']) },
      therapyStyle: { lead: 'therapist', focus: 'present' },
      formats: wish(['in-person', 'telehealth'], 'required'),
      location: { ...place, jurisdiction },
      freeConsultation: wish(true),
    },
    {
      seeking: 'individual',
      concerns: { primary: 'sexual-trauma' },
      preferences: { therapistFaith: wish(['jewish']) },
      therapyStyle: { intensity: 'gentle' },
      formats: wish(['telehealth'], 'required'),
      location: { jurisdiction },
      slidingScale: wish(true),
      insurance: wish(['aetna']),
    },
    {
      seeking: 'individual',
      ageGroup: 'older-adult',
      concerns: { primary: 'erectile-concerns' },
      formats: wish(['in-person'], 'required'),
      location: { ...place, maxDistanceKm: 50 },
    },
  ];
}
