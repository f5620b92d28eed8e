// What a valid record says of its clinical standing, in words: a licence that is not clinical or
// not recognised, a non-clinical role a certification, the name or the bio mentions, an office
// without coordinates. records.ts decides quickly whether a record has any of these; this module,
// loaded with the slow path (the normaliser and zod), writes the messages.
import { licenceKind, nonClinicalMention } from './clinical.js';
import type { ReadProblem } from './normalize.js';
import type { ParseOptions } from './records.js';
import type { Therapist } from './schema.js';

/**
 * Checks of meaning on a valid record: clinical licences only, roles a bio mentions, coordinates.
 * Called only for a record that records.ts's `needsClinicalNote` flags, which must name the same
 * cases.
 */
export function clinicalNotes(t: Therapist, options: ParseOptions, report: (problem: ReadProblem) => void): void {
  t.licenses.forEach((licence, i) => {
    const kind = licenceKind(licence.type, options.licenseTypes);
    if (kind === 'non-clinical')
      report({
        severity: 'error',
        path: `licenses.${i}.type`,
        message: `"${licence.type}" is not a clinical licence (${nonClinicalMention(licence.type)}): only licensed clinicians are listed`,
        fix: 'remove this listing, or give the clinical licence the therapist holds (LMFT, LCSW, LPC, psychologist…)',
      });
    else if (kind === 'unknown')
      report({
        severity: 'warning',
        path: `licenses.${i}.type`,
        message: `"${licence.type}" is not a licence type this widget recognises; it is shown as written`,
        fix: 'check the spelling, or add the type with the licenseTypes option if it is a clinical licence',
      });
  });
  t.certifications?.forEach((cert, i) => {
    const mention = nonClinicalMention(`${cert.body} ${cert.name}`);
    if (!mention) return;
    const coach = /coach/i.test(mention);
    report({
      severity: coach ? 'warning' : 'error',
      path: `certifications.${i}`,
      message: coach
        ? `"${cert.name}" (${cert.body}) is a coaching credential, not a clinical one; it is shown as written`
        : `"${cert.name}" (${cert.body}) is a non-clinical role (${mention}): surrogate partners, bodyworkers and tantra practitioners are not sex therapists`,
      fix: coach
        ? 'check that the listing is for the clinical licence, not coaching'
        : 'remove this listing: sex therapy is talk therapy and never involves physical contact',
    });
  });
  for (const field of ['name', 'bio'] as const) {
    const mention = t[field] && nonClinicalMention(t[field]);
    if (mention)
      report({
        severity: 'warning',
        path: field,
        message: `mentions "${mention}"; the listing is kept for a person to review`,
        fix: 'read it: sex therapy is talk therapy, and a listing offering physical contact must be removed',
      });
  }
  if (t.formats.includes('in-person') && (!t.location || t.location.lat === undefined))
    report({
      severity: 'warning',
      path: 'location',
      message: t.location
        ? 'has no coordinates: in-person distance is unknown, so a search with a distance limit leaves this office out'
        : 'is missing although sessions are in person: distance is unknown',
      fix: "add location.lat and location.lng (the office's latitude and longitude)",
    });
}
