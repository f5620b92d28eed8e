// What a ranking left out, once per ranking: how many records each requirement excluded, and the
// single requirements whose relaxing would bring in more matches (each as a change of the answers).
import type { MatchAnswers, PersonalPreferences, Preference } from './answers.js';
import type { Query } from './compile.js';
import { CRITERIA, PERSONAL } from './criteria.js';
import { position } from './explain.js';
import type { CriterionKey, Exclusion, Relaxation } from './types.js';

/** How many records each requirement excluded (each record under its first failing one), most first. */
export function exclusions(q: Query, failCounts: ArrayLike<number>): Exclusion[] {
  const out: Exclusion[] = [];
  for (let b = 0; b < CRITERIA.length; b++) {
    const count = failCounts[b];
    if (!count) continue;
    const criterion = CRITERIA[b];
    const details = exclusionDetails(q, criterion);
    out.push(details ? { criterion, count, details } : { criterion, count });
  }
  // Most first; in `CRITERIA` order already, which this (stable) insertion sort keeps among equal
  // counts. (`Array.prototype.sort` with a comparator cost more than the rest of this function.)
  for (let k = 1; k < out.length; k++) {
    const e = out[k];
    let j = k - 1;
    for (; j >= 0 && out[j].count < e.count; j--) out[j + 1] = out[j];
    out[j + 1] = e;
  }
  return out;
}

function exclusionDetails(q: Query, criterion: CriterionKey): Exclusion['details'] {
  const f = q.format;
  switch (criterion) {
    case 'telehealthJurisdiction':
      return { jurisdiction: f.jurisdiction };
    case 'distance':
      // Without the person's place, in-person-only listings wait for it rather than being "too far".
      return f.hasPoint ? { maxDistanceKm: f.maxKm } : { location: 'unknown' };
    case 'formats':
      return { formats: f.formatValues.join(',') };
  }
  // Each value once, in the order the requirements name them.
  const values: string[] = [];
  for (let k = 0; k < q.required.length; k++) {
    const t = q.required[k];
    if (t.criterion === criterion)
      for (let j = 0; j < t.values.length; j++) if (!values.includes(t.values[j])) values.push(t.values[j]);
  }
  return values.length ? { required: values.join(',') } : undefined;
}

/** Rounds a distance up to a limit a person would pick: 5 km steps, then 10, then 50. */
function niceKm(km: number): number {
  const step = km <= 25 ? 5 : km <= 100 ? 10 : 50;
  return Math.ceil(km / step) * step;
}

/** The single requirements whose relaxing would bring in more matches, most first. */
export function relaxations(
  q: Query,
  onlyFails: readonly number[],
  formatsOnly: number,
  farOnly: number[],
  missing: number,
): Relaxation[] {
  const answers = q.answers;
  const out: Relaxation[] = [];
  const soften = <T>(pref: Preference<T> | undefined) =>
    pref && pref.importance === 'required' ? { ...pref, importance: 'preferred' as const } : pref;
  CRITERIA.forEach((criterion, b) => {
    const additional = onlyFails[b];
    if (!additional) return;
    let change: Partial<MatchAnswers> | undefined;
    if ((PERSONAL as readonly string[]).includes(criterion)) {
      const key = criterion as (typeof PERSONAL)[number];
      const softened = (prefs: PersonalPreferences | undefined) => ({ ...prefs, [key]: soften(prefs?.[key]) });
      change = { preferences: softened(answers.preferences) };
      // Each partner's too, in the shape the answers gave (one object, or a list).
      const partners = answers.seeking === 'couple' ? answers.partnerPreferences : undefined;
      if (Array.isArray(partners)) {
        if (partners.some((p) => p[key])) change.partnerPreferences = partners.map((p) => (p[key] ? softened(p) : p));
      } else if (partners?.[key]) change.partnerPreferences = softened(partners);
    } else if (
      criterion === 'budget' ||
      criterion === 'insurance' ||
      criterion === 'slidingScale' ||
      criterion === 'acceptingNewClients' ||
      criterion === 'freeConsultation'
    ) {
      change = { [criterion]: soften(answers[criterion] as Preference<unknown>) } as Partial<MatchAnswers>;
    }
    // Who is seeking and the age group are facts, not wishes: never suggested.
    if (change) out.push({ criterion, additional, change });
  });
  if (formatsOnly)
    out.push({
      criterion: 'formats',
      additional: formatsOnly,
      change: { formats: { value: ['in-person', 'telehealth'], importance: 'required' } },
    });
  if (farOnly.length) {
    // The smallest round limit that brings in enough of the nearest to reach the minimum.
    farOnly.sort((a, b) => a - b);
    const target = niceKm(farOnly[Math.min(missing, farOnly.length) - 1]);
    let additional = 0;
    while (additional < farOnly.length && farOnly[additional] <= target) additional++;
    out.push({
      criterion: 'distance',
      additional,
      change: { location: { ...answers.location, maxDistanceKm: target } },
    });
  }
  return out.sort((a, b) => b.additional - a.additional || position(a.criterion) - position(b.criterion));
}
