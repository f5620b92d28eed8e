// What a valid record says of its clinical standing, in words: records.ts finds the facts
// (`clinicalFacts`: a licence that is not clinical or not recognised, a non-clinical role a
// certification, the name or the bio mentions, an office without coordinates); this module,
// loaded with the slow path (the normaliser and zod), writes their messages.
import { nonClinicalMention } from './clinical.js';
import type { ReadProblem } from './normalize.js';
import type { ClinicalFact } from './records.js';
import type { Therapist } from './schema.js';

/** Reports each of `facts` about record `t` (from `clinicalFacts`) as an error or a warning. */
export function clinicalNotes(
  t: Therapist,
  facts: readonly ClinicalFact[],
  report: (problem: ReadProblem) => void,
): void {
  for (const fact of facts) {
    if (fact.kind === 'licence') {
      const { type } = t.licenses[fact.index];
      const path = `licenses.${fact.index}.type`;
      if (fact.licence === 'non-clinical')
        report({
          severity: 'error',
          path,
          message: `"${type}" is not a clinical licence (${nonClinicalMention(type)}): only licensed clinicians are listed`,
          fix: 'remove this listing, or give the clinical licence the therapist holds (LMFT, LCSW, LPC, psychologist…)',
        });
      else
        report({
          severity: 'warning',
          path,
          message: `"${type}" is not a licence type this widget recognises; it is shown as written`,
          fix: 'check the spelling, or add the type with the licenseTypes option if it is a clinical licence',
        });
    } else if (fact.kind === 'certification') {
      const cert = t.certifications![fact.index];
      const { mention } = fact;
      const coach = /coach/i.test(mention);
      report({
        severity: coach ? 'warning' : 'error',
        path: `certifications.${fact.index}`,
        message: coach
          ? `"${cert.name}" (${cert.body}) is a coaching credential, not a clinical one; it is shown as written`
          : `"${cert.name}" (${cert.body}) is a non-clinical role (${mention}): surrogate partners, bodyworkers and tantra practitioners are not sex therapists`,
        fix: coach
          ? 'check that the listing is for the clinical licence, not coaching'
          : 'remove this listing: sex therapy is talk therapy and never involves physical contact',
      });
    } else if (fact.kind === 'mention')
      report({
        severity: 'warning',
        path: fact.field,
        message: `mentions "${fact.mention}"; the listing is kept for a person to review`,
        fix: 'read it: sex therapy is talk therapy, and a listing offering physical contact must be removed',
      });
    else
      report({
        severity: 'warning',
        path: 'location',
        message: t.location
          ? 'has no coordinates: in-person distance is unknown, so a search with a distance limit leaves this office out'
          : 'is missing although sessions are in person: distance is unknown',
        fix: "add location.lat and location.lng (the office's latitude and longitude)",
      });
  }
}
