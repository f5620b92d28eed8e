// Who may be listed: licensed clinicians. Recognises clinical licence types (US and international),
// rejects non-clinical roles, and flags bios that mention them for a person to review.

/**
 * Clinical licence types recognised as written (case, dots, spaces and hyphens never matter). A
 * site adds its own with the `licenseTypes` option of `parseTherapists`.
 */
export const CLINICAL_LICENSE_TYPES: readonly string[] = [
  // United States: marriage and family therapists, counsellors, social workers, psychologists, physicians, nurses.
  'LMFT',
  'LCMFT',
  'LMFTA',
  'AMFT',
  'MFT',
  'MFTC',
  'LPC',
  'LPCC',
  'LPC-MH',
  'LPCMH',
  'LCPC',
  'LMHC',
  'LCMHC',
  'LMHP',
  'LPCA',
  'APCC',
  'LAPC',
  'NCC',
  'LCADC',
  'LCSW',
  'LICSW',
  'LISW',
  'LISW-S',
  'LCSW-C',
  'LCSW-R',
  'LMSW',
  'CSW',
  'LSW',
  'ACSW',
  'ASW',
  'Psychologist',
  'Licensed Psychologist',
  'Clinical Psychologist',
  'Counselling Psychologist',
  'Counseling Psychologist',
  'PsyD',
  'PhD',
  'EdD',
  'LP',
  'LPA',
  'HSPP',
  'MD',
  'DO',
  'Psychiatrist',
  'Physician',
  'PMHNP',
  'PMHNP-BC',
  'APRN',
  'NP',
  'CNS',
  'LCAT',
  'LPCS',
  // Canada, UK, Ireland, Australia, New Zealand.
  'RP',
  'RCC',
  'CCC',
  'RSW',
  'RMFT',
  'C.Psych',
  'Registered Psychotherapist',
  'Registered Social Worker',
  'HCPC',
  'BACP',
  'UKCP',
  'COSRT',
  'BPS',
  'IACP',
  'CORU',
  'AHPRA',
  'PACFA',
  'ACA',
  'NZAC',
  // Spanish-speaking countries.
  'Psicólogo',
  'Psicóloga',
  'Psicólogo sanitario',
  'Psicóloga sanitaria',
  'Psicólogo clínico',
  'Psicóloga clínica',
  'Psiquiatra',
  'Médico',
  'Médica',
  'Trabajador social',
  'Trabajadora social',
];

/** Words that make a licence clinical whatever else it says ("Licensed Clinical Social Worker"). */
const CLINICAL_WORDS =
  /psycholog|psychiatr|psychotherap|counsel?l?or|counsel?ling|social work|marriage and family|family therap|mental health|physician|nurse practitioner|psic[oó]log|psiquiatr|psicoterap|trabajador[a]? social/i;

/**
 * Roles that are not clinical: listed never, as the field is clear (see docs/records.md). Words
 * that start alike are grouped (s…, e…): a bio is scanned faster, with the same matches.
 */
const NON_CLINICAL =
  /s(?:urrogate|ex\s*work|ubrogad)|\bipsa\b|body\s*-?\s*work|tantr(?:a|ic)|e(?:scort|rotic massage)|hands[\s-]*on|\bcoach(?:ing)?\b|masaje er[oó]tico|intimacy (?:practitioner|guide)/i;

const squash = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s.\-_/]+/g, '');

const NO_EXTRA: readonly string[] = [];
/** Per list of extra types: the recognised set, and each type's answer (directories repeat a few types). */
const recognised = new WeakMap<readonly string[], { set: Set<string>; kinds: Map<string, LicenceKind> }>();

export type LicenceKind = 'clinical' | 'non-clinical' | 'unknown';

/** What a licence (or certification) type says its holder is (`unknown` for anything but text). */
export function licenceKind(type: string, extra: readonly string[] = NO_EXTRA): LicenceKind {
  if (typeof type !== 'string') return 'unknown';
  if (extra !== NO_EXTRA && !recognised.has(extra) && !isTextList(extra)) extra = NO_EXTRA;
  let known = recognised.get(extra);
  if (!known)
    recognised.set(
      extra,
      (known = { set: new Set([...CLINICAL_LICENSE_TYPES, ...extra].map(squash)), kinds: new Map() }),
    );
  let kind = known.kinds.get(type);
  if (kind === undefined) {
    kind = classify(type, known.set);
    if (known.kinds.size < 10_000) known.kinds.set(type, kind);
  }
  return kind;
}

function isTextList(value: unknown): value is readonly string[] {
  try {
    return Array.isArray(value) && value.every((item) => typeof item === 'string');
  } catch {
    return false; // a Proxy that throws
  }
}

function classify(type: string, set: Set<string>): LicenceKind {
  if (NON_CLINICAL.test(type)) return 'non-clinical';
  if (set.has(squash(type))) return 'clinical';
  // "LMFT #12345", "LCSW (Oregon)": the type before a number or a note.
  const head = type.split(/[\s,(#]/)[0];
  if (head && set.has(squash(head))) return 'clinical';
  return CLINICAL_WORDS.test(type) ? 'clinical' : 'unknown';
}

/** The non-clinical role a text names (to quote it in a message), or undefined (also for anything but text). */
export function nonClinicalMention(text: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  return NON_CLINICAL.exec(text)?.[0];
}
