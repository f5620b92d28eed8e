// Words directories write for vocabulary ids and genders, beyond each term's id and labels: the
// normaliser reads them as the id (with a warning). Only words whose meaning is not in doubt.

/** Per vocabulary list: id → other words for it (case, spaces, hyphens and accents never matter). */
export const TERM_SYNONYMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  concerns: {
    'desire-discrepancy': ['mismatched desire', 'desire mismatch', 'libido differences', 'discrepancia de deseo'],
    'low-desire': ['low libido', 'low sex drive', 'hypoactive sexual desire', 'falta de deseo', 'bajo deseo'],
    'high-desire': [
      'compulsive sexual behavior',
      'compulsive sexual behaviour',
      'out of control sexual behavior',
      'out of control sexual behaviour',
      'hypersexuality',
    ],
    'erectile-concerns': ['erectile dysfunction', 'erection problems', 'erectile difficulties', 'disfunción eréctil'],
    'early-ejaculation': ['premature ejaculation', 'rapid ejaculation', 'eyaculación prematura'],
    'delayed-ejaculation': ['inhibited ejaculation'],
    'orgasm-difficulties': ['anorgasmia', 'orgasm problems', 'orgasmic difficulties'],
    'pain-with-sex': [
      'painful sex',
      'painful intercourse',
      'dyspareunia',
      'vaginismus',
      'vulvodynia',
      'genito-pelvic pain',
      'dispareunia',
      'vaginismo',
      'dolor sexual',
    ],
    'performance-anxiety': ['sexual performance anxiety'],
    'infidelity-recovery': ['infidelity', 'affair recovery', 'affairs', 'infidelidad'],
    'sexual-trauma': ['sexual abuse', 'sexual assault', 'abuso sexual'],
    'kink-and-alternative-sexualities': ['kink', 'bdsm', 'alternative sexualities'],
  },
  modalities: {
    cbt: [
      'cognitive behavioral therapy',
      'cognitive behavioral therapy (cbt)',
      'cognitive behavioural therapy (cbt)',
      'tcc',
    ],
    'emotion-focused': ['eft', 'emotionally focused therapy', 'emotionally focused couples therapy'],
    mindfulness: ['mindfulness-based therapy'],
    'trauma-informed': ['trauma-informed therapy', 'trauma-focused'],
    'solution-focused': ['solution-focused brief therapy', 'sfbt'],
  },
  communities: {
    lgbtq: ['lgbtq+', 'lgbt', 'lgbt+', 'lgbtqia', 'lgbtqia+', 'lgbtqi+', 'lgbtq2s+', 'queer', 'lgbtq+ affirming'],
    trans: ['transgender', 'non-binary', 'nonbinary', 'gender diverse', 'trans and nonbinary people'],
    kink: ['bdsm', 'kink-aware', 'kink-affirming'],
    polyamory: [
      'polyamorous',
      'consensual non-monogamy',
      'ethical non-monogamy',
      'cnm',
      'enm',
      'open relationships',
      'non-monogamy',
    ],
    disability: ['disabilities', 'disabled people'],
    bipoc: ['poc', 'people of color', 'people of colour', 'black, indigenous and people of color'],
    neurodivergent: ['neurodiversity', 'neurodiverse'],
  },
  clientTypes: {
    individual: ['individual', 'individuals', 'individual therapy', 'adults individually', 'individuales'],
    couple: ['couple', 'couples', 'partners', 'couples therapy', 'pareja', 'parejas'],
    family: ['family', 'families', 'familia', 'familias'],
    group: ['group', 'groups', 'grupo', 'grupos'],
  },
  formats: {
    'in-person': ['in person', 'in-person', 'office', 'in office', 'face to face', 'en persona', 'presencial'],
    telehealth: [
      'telehealth',
      'video',
      'online',
      'virtual',
      'remote',
      'teletherapy',
      'telesalud',
      'por video',
      'en línea',
    ],
  },
  ageGroups: {
    adolescent: ['adolescent', 'adolescents', 'teen', 'teens', 'teenagers', 'adolescentes'],
    adult: ['adult', 'adults', 'adultos'],
    'older-adult': ['older adult', 'older adults', 'seniors', 'elders', 'personas mayores', 'mayores'],
  },
};

/** Words for a therapist's gender, keyed as `fieldKey` reduces them, → the vocabulary's gender id. */
export const GENDER_WORDS: Readonly<Record<string, string>> = {
  woman: 'woman',
  female: 'woman',
  f: 'woman',
  w: 'woman',
  mujer: 'woman',
  femenino: 'woman',
  man: 'man',
  male: 'man',
  m: 'man',
  hombre: 'man',
  masculino: 'man',
  nonbinary: 'non-binary',
  nb: 'non-binary',
  enby: 'non-binary',
  nobinario: 'non-binary',
  nobinarie: 'non-binary',
};

/**
 * Words for a therapy style pole (keyed by `fieldKey`: case, spaces and hyphens removed), English
 * and Spanish, for spreadsheets that write "Therapist leads" rather than `therapist`.
 */
export const STYLE_WORDS: Readonly<Record<string, string>> = {
  therapistleads: 'therapist',
  directive: 'therapist',
  structured: 'therapist',
  dirigeelterapeuta: 'therapist',
  clientleads: 'client',
  clientled: 'client',
  nondirective: 'client',
  dirigeelcliente: 'client',
  both: 'balanced',
  mixed: 'balanced',
  flexible: 'balanced',
  equilibrado: 'balanced',
  suave: 'gentle',
  emotionallyintense: 'intense',
  intenso: 'intense',
  pasado: 'past',
  presente: 'present',
  warmsupport: 'support',
  supportive: 'support',
  apoyo: 'support',
  focusedchallenge: 'challenge',
  challenging: 'challenge',
  reto: 'challenge',
};
