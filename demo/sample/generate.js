// Seeded generator of a clearly fictional therapist directory: same seed, same file.
// Used by the demo (`npm start`), the tests and the benchmark.

const CONCERNS = [
  'desire-discrepancy',
  'low-desire',
  'high-desire',
  'erectile-concerns',
  'early-ejaculation',
  'delayed-ejaculation',
  'orgasm-difficulties',
  'pain-with-sex',
  'performance-anxiety',
  'sexual-inexperience',
  'body-image',
  'communication-about-sex',
  'infidelity-recovery',
  'sexual-orientation',
  'gender-identity',
  'kink-and-alternative-sexualities',
  'sexual-trauma',
  'sex-after-childbirth',
  'illness-disability-and-sex',
  'aging-and-sex',
  'sexual-shame',
  'differing-sexual-styles',
  'sexual-education-gaps',
];
const MODALITIES = [
  'cbt',
  'emotion-focused',
  'couples-communication',
  'mindfulness',
  'sensate-focus',
  'psychoeducation',
  'trauma-informed',
  'narrative',
  'solution-focused',
];
const COMMUNITIES = ['lgbtq', 'trans', 'kink', 'polyamory', 'disability', 'faith', 'bipoc', 'neurodivergent'];
const LANGUAGES = ['es', 'fr', 'zh', 'vi', 'ko', 'ar', 'pt', 'de', 'hi', 'tl', 'ase'];
const INSURERS = ['Aetna', 'Blue Shield', 'Cigna', 'Kaiser', 'UnitedHealthcare', 'Medicaid', 'OHIP'];
const LICENSES = ['LMFT', 'LCSW', 'LPC', 'PsyD', 'PhD, Licensed Psychologist', 'MD, Psychiatrist', 'LMHC', 'RP', 'RSW'];

/** Fictional places with real coordinates so distances make sense. */
export const CITIES = [
  { city: 'San Francisco', region: 'US-CA', postalCode: '94110', country: 'US', lat: 37.7599, lng: -122.4148 },
  { city: 'Oakland', region: 'US-CA', postalCode: '94612', country: 'US', lat: 37.8044, lng: -122.2712 },
  { city: 'Los Angeles', region: 'US-CA', postalCode: '90026', country: 'US', lat: 34.0775, lng: -118.2606 },
  { city: 'San Diego', region: 'US-CA', postalCode: '92104', country: 'US', lat: 32.7404, lng: -117.1292 },
  { city: 'Portland', region: 'US-OR', postalCode: '97214', country: 'US', lat: 45.5152, lng: -122.6784 },
  { city: 'Eugene', region: 'US-OR', postalCode: '97401', country: 'US', lat: 44.0521, lng: -123.0868 },
  { city: 'Seattle', region: 'US-WA', postalCode: '98122', country: 'US', lat: 47.6062, lng: -122.3321 },
  { city: 'New York', region: 'US-NY', postalCode: '10011', country: 'US', lat: 40.7411, lng: -74.0018 },
  { city: 'Brooklyn', region: 'US-NY', postalCode: '11215', country: 'US', lat: 40.6681, lng: -73.9806 },
  { city: 'Chicago', region: 'US-IL', postalCode: '60614', country: 'US', lat: 41.9214, lng: -87.6513 },
  { city: 'Austin', region: 'US-TX', postalCode: '78704', country: 'US', lat: 30.2433, lng: -97.7673 },
  { city: 'Houston', region: 'US-TX', postalCode: '77006', country: 'US', lat: 29.7411, lng: -95.3906 },
  { city: 'Miami', region: 'US-FL', postalCode: '33130', country: 'US', lat: 25.7663, lng: -80.2006 },
  { city: 'Denver', region: 'US-CO', postalCode: '80203', country: 'US', lat: 39.7312, lng: -104.9826 },
  { city: 'Boston', region: 'US-MA', postalCode: '02118', country: 'US', lat: 42.3388, lng: -71.0765 },
  { city: 'Toronto', region: 'CA-ON', postalCode: 'M5V 2T6', country: 'CA', lat: 43.6426, lng: -79.3871 },
  { city: 'Ottawa', region: 'CA-ON', postalCode: 'K1P 5J2', country: 'CA', lat: 45.4215, lng: -75.6972 },
  { city: 'Vancouver', region: 'CA-BC', postalCode: 'V6B 1A1', country: 'CA', lat: 49.2827, lng: -123.1207 },
];
const REGIONS = [...new Set(CITIES.map((c) => c.region))];

const FIRST = [
  'Avery',
  'Rowan',
  'Jordan',
  'Marisol',
  'Priya',
  'Elena',
  'Tomás',
  'Noor',
  'Kai',
  'Imani',
  'Lucía',
  'Mateo',
  'Hana',
  'Oren',
  'Sasha',
  'Beatriz',
  'Dev',
  'Ines',
  'Malik',
  'Yuki',
  'Rafael',
  'Amara',
  'Quinn',
  'Soren',
  'Leila',
  'Camille',
  'Theo',
  'Wren',
  'Esperanza',
  'Jun',
];
// Surnames no clinic would mistake for a real colleague: this directory is fiction.
const LAST = [
  'Fernwhistle',
  'Quillmere',
  'Ashdown-Vale',
  'Brightwater',
  'Cobblestone',
  'Duskwood',
  'Emberlake',
  'Farrowind',
  'Glimmerton',
  'Hollowbrook',
  'Ivyreach',
  'Juniperhill',
  'Kestrelmoor',
  'Lanternfield',
  'Mossgrove',
  'Nettlecombe',
  'Orchardley',
  'Pebblecroft',
  'Quarrystone',
  'Rainsworth',
  'Silverbirch',
  'Thistledown',
  'Underhay',
  'Velvetmoss',
  'Willowmere',
];
const PRONOUNS = { woman: ['she/her'], man: ['he/him'], 'non-binary': ['they/them', 'she/they', 'he/they'] };

/** mulberry32: a tiny, fast, seeded PRNG. */
export function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Words as listings state them (the quiz's ids, and the same in other spellings).
const FAITHS = ['Jewish', 'christian', 'Muslim', 'secular', 'Buddhist', 'Catholic', 'spiritual'];
const CULTURES = ['Black', 'latino', 'South Asian', 'East Asian', 'white', 'Middle Eastern', 'Indigenous'];
const IDENTITIES = ['LGBTQ+', 'lgbtq', 'trans', 'disabled', 'neurodivergent', 'polyamorous'];
const STYLE = [
  ['lead', ['therapist', 'client', 'balanced']],
  ['intensity', ['gentle', 'intense', 'balanced']],
  ['focus', ['past', 'present', 'balanced']],
  ['approach', ['support', 'challenge', 'balanced']],
];

/**
 * Generates `count` fictional therapist records, deterministic for a given `seed`.
 * @param {number} count
 * @param {number} [seed]
 * @returns {Record<string, unknown>[]}
 */
export function generateTherapists(count, seed = 20261123) {
  const random = createRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const some = (list, min, max) => {
    const n = min + Math.floor(random() * (max - min + 1));
    const pool = [...list];
    const out = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
    return out;
  };
  // The therapist's own background and style come from a stream of their own, so adding them left
  // every other field of the sample as it was. About a third state each; none is inferred.
  const own = createRandom(seed ^ 0x5e1f);
  const ownSome = (list) => (own() < 0.35 ? [list[Math.floor(own() * list.length)]] : undefined);
  const records = [];
  for (let i = 0; i < count; i++) {
    const n = i + 1;
    const gender = i % 29 === 7 ? 'genderfluid' : pick(['woman', 'woman', 'man', 'non-binary']);
    const first = pick(FIRST);
    const last = pick(LAST);
    const home = pick(CITIES);
    // Every concern is covered: the first records cycle through the vocabulary.
    const concerns = [CONCERNS[i % CONCERNS.length], ...some(CONCERNS, 2, 7)].filter(
      (c, k, all) => all.indexOf(c) === k,
    );
    const couplesOnly = i % 17 === 3;
    const telehealthOnly = i % 11 === 5;
    const clientTypes = couplesOnly
      ? ['couple']
      : [
          'individual',
          ...(chance(0.65) ? ['couple'] : []),
          ...(chance(0.1) ? ['family'] : []),
          ...(chance(0.08) ? ['group'] : []),
        ];
    const ageGroups = ['adult', ...(chance(0.15) ? ['adolescent'] : []), ...(chance(0.35) ? ['older-adult'] : [])];
    const formats = telehealthOnly ? ['telehealth'] : chance(0.25) ? ['in-person'] : ['in-person', 'telehealth'];
    const country = home.country;
    const licensedRegions = [
      home.region,
      ...(chance(0.3)
        ? some(
            REGIONS.filter((r) => r.startsWith(country) && r !== home.region),
            1,
            3,
          )
        : []),
    ];
    const licenseType =
      country === 'CA'
        ? pick(['RP', 'RSW', 'PhD, Licensed Psychologist', 'MD, Psychiatrist'])
        : pick(LICENSES.slice(0, 7));
    const min = 80 + Math.floor(random() * 18) * 10;
    const record = {
      id: `sample-${String(n).padStart(6, '0')}`,
      name: `${pick(['', '', 'Dr. '])}${first} ${last}`.trim(),
      pronouns: pick(PRONOUNS[gender] ?? ['they/them']),
      gender,
      bio: `${first} is a fictional ${licenseType} in ${home.city} who works with ${clientTypes.includes('couple') ? 'individuals and partners' : 'individuals'} in talk therapy. Sessions are conversation, education and exercises to try at home. (Sample listing: this person does not exist.)`,
      licenses: licensedRegions.map((jurisdiction, k) => ({
        type: licenseType,
        jurisdiction,
        number: `SAMPLE-${(n * 7 + k * 13) % 100000}`,
        ...(k === 0 && chance(0.5) ? { verifyUrl: `https://licensing.example.org/verify/${n}` } : {}),
      })),
      certifications: chance(0.35)
        ? [
            {
              body: 'AASECT',
              name: 'Certified Sex Therapist',
              since: `${2008 + Math.floor(random() * 16)}-0${1 + Math.floor(random() * 9)}-15`,
              expires: `${2026 + Math.floor(random() * 3)}-06-30`,
            },
          ]
        : chance(0.2)
          ? [{ body: 'Sample Institute of Sexual Health', name: 'Sex Therapy Training Certificate' }]
          : [],
      concerns,
      clientTypes,
      ageGroups,
      languages: ['en', ...(chance(0.3) ? some(LANGUAGES, 1, 2) : [])],
      modalities: some(MODALITIES, 2, 5),
      communities: some(COMMUNITIES, 0, 4),
      formats,
      location: {
        ...home,
        lat: round(home.lat + (random() - 0.5) * 0.2),
        lng: round(home.lng + (random() - 0.5) * 0.2),
      },
      telehealthJurisdictions: formats.includes('telehealth') ? licensedRegions : [],
      fees: {
        currency: country === 'CA' ? 'CAD' : 'USD',
        min,
        max: min + 20 + Math.floor(random() * 8) * 10,
        slidingScale: chance(0.35),
      },
      insurance: chance(0.45)
        ? some(country === 'CA' ? ['OHIP', 'Sun Life', 'Manulife'] : INSURERS.slice(0, 6), 1, 3)
        : [],
      acceptingNewClients: !chance(0.18),
      freeConsultation: chance(0.5),
      collaboratesWithMedical: chance(0.4),
      bookingUrl: `https://booking.example.org/${first
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}-${n}`,
      email: `therapist${n}@example.org`,
      phone: `+1 555 01${String(n % 100).padStart(2, '0')}`,
      website: `https://example.org/therapists/${n}`,
      lastVerified: `2026-${String(1 + Math.floor(random() * 10)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    };
    if (chance(0.7)) record.photoUrl = `https://images.example.org/portraits/${n}.jpg`;
    const faith = ownSome(FAITHS);
    const culture = ownSome(CULTURES);
    const identities = ownSome(IDENTITIES);
    if (faith) record.faith = faith;
    if (culture) record.culturalBackground = culture;
    if (identities) record.identities = identities;
    if (own() < 0.5) {
      const style = {};
      for (const [dimension, poles] of STYLE) if (own() < 0.8) style[dimension] = poles[Math.floor(own() * 3)];
      record.therapyStyle = style;
    }
    records.push(record);
  }
  return records;
}

function round(value) {
  return Math.round(value * 10000) / 10000;
}
