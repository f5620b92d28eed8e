// `npm run bench`: parse+validate, rank, Orama and a plain reference on 1,000 / 10,000 / 100,000
// generated records, for a couple with several required and preferred answers. Prints a markdown table.
import { create, insertMultiple, search } from '@orama/orama';
import { indexTherapists, parseTherapists, rankTherapists } from 'therapist-match/engine';
import { generateTherapists } from '../../demo/sample/generate.js';
import { referenceRank } from './reference.js';

const SIZES = (process.env.TM_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.TM_BENCH_RUNS ?? 15);

/** A couple in San Francisco: several requirements, several preferences. */
export const answers = {
  seeking: 'couple',
  ageGroup: 'adult',
  concerns: { primary: 'desire-discrepancy', others: ['communication-about-sex', 'erectile-concerns'] },
  preferences: {
    therapistGender: { value: ['woman', 'non-binary'], importance: 'required' },
    languages: { value: ['es'], importance: 'preferred' },
    modalities: { value: ['sensate-focus', 'cbt'], importance: 'preferred' },
  },
  partnerPreferences: {
    therapistGender: { value: ['woman'], importance: 'preferred' },
    communities: { value: ['lgbtq'], importance: 'preferred' },
  },
  formats: { value: ['in-person', 'telehealth'], importance: 'required' },
  location: { lat: 37.7749, lng: -122.4194, maxDistanceKm: 40, jurisdiction: 'US-CA' },
  budget: { value: { max: 180, currency: 'USD' }, importance: 'preferred' },
  acceptingNewClients: { value: true, importance: 'required' },
  freeConsultation: { value: true, importance: 'preferred' },
};

function time(fn, runs = RUNS, warmup = 2) {
  for (let k = 0; k < warmup; k++) fn();
  const samples = [];
  let result;
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1), result };
}

async function timeAsync(fn, runs = RUNS, warmup = 2) {
  for (let k = 0; k < warmup; k++) await fn();
  const samples = [];
  let result;
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    result = await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1), result };
}

/** Orama: the same requirements as where-filters; ordering by BM25 relevance to the concerns. */
async function buildOrama(therapists) {
  const db = create({
    schema: {
      id: 'string',
      concerns: 'string',
      clientTypes: 'enum[]',
      ageGroups: 'enum[]',
      gender: 'enum',
      formats: 'enum[]',
      telehealth: 'enum[]',
      accepting: 'boolean',
      location: 'geopoint',
    },
  });
  await insertMultiple(
    db,
    therapists.map((t) => ({
      id: t.id,
      concerns: (t.concerns ?? []).join(' '),
      clientTypes: t.clientTypes ?? ['individual'],
      ageGroups: t.ageGroups ?? ['adult'],
      gender: t.gender ?? '',
      formats: t.formats,
      telehealth: t.telehealthJurisdictions?.length ? t.telehealthJurisdictions : t.licenses.map((l) => l.jurisdiction),
      accepting: t.acceptingNewClients !== false,
      location: { lat: t.location?.lat ?? 0, lon: t.location?.lng ?? 0 },
    })),
    1000,
  );
  return db;
}

function oramaQuery(db) {
  const { lat, lng, maxDistanceKm, jurisdiction } = answers.location;
  return search(db, {
    term: [answers.concerns.primary, ...answers.concerns.others].join(' '),
    properties: ['concerns'],
    threshold: 1,
    limit: 20,
    where: {
      clientTypes: { containsAll: ['couple'] },
      ageGroups: { containsAll: ['adult'] },
      gender: { in: answers.preferences.therapistGender.value },
      accepting: true,
      or: [
        {
          formats: { containsAll: ['in-person'] },
          location: { radius: { coordinates: { lat, lon: lng }, value: maxDistanceKm, unit: 'km', inside: true } },
        },
        { formats: { containsAll: ['telehealth'] }, telehealth: { containsAll: [jurisdiction] } },
      ],
    },
  });
}

const ms = (t) => `${t.median.toFixed(2)} (${t.min.toFixed(2)}–${t.max.toFixed(2)})`;

const rows = [];
const checks = [];
for (const size of SIZES) {
  const raw = generateTherapists(size, 20261123);
  const parse = time(() => parseTherapists(raw), size >= 100000 ? 5 : 9, 1);
  const { therapists, problems } = parse.result;
  if (problems.length) throw new Error(`generated data did not validate: ${JSON.stringify(problems[0])}`);
  const indexBuild = time(() => indexTherapists(therapists), size >= 100000 ? 5 : 9, 1);
  const index = indexBuild.result;
  const rank = time(() => rankTherapists(index, answers, { limit: 20 }));
  const reference = time(() => referenceRank(therapists, answers, 20), size >= 100000 ? 7 : RUNS, 1);
  const oramaBuildStart = performance.now();
  const db = await buildOrama(therapists);
  const oramaBuild = performance.now() - oramaBuildStart;
  const orama = await timeAsync(() => oramaQuery(db));

  const engineIds = rank.result.matches.map((m) => m.therapist.id);
  const referenceIds = reference.result.matches.map((m) => m.therapist.id);
  const agrees =
    JSON.stringify(engineIds) === JSON.stringify(referenceIds) && rank.result.matched === reference.result.matched;
  checks.push(
    `${size}: engine matched ${rank.result.matched}, reference ${reference.result.matched}, Orama ${orama.result.count}; ` +
      `top 20 ${agrees ? 'identical to the reference' : 'DIFFERENT from the reference'}`,
  );
  if (!agrees) process.exitCode = 1;
  const fastest = Math.min(reference.median, orama.median);
  rows.push(
    `| ${size.toLocaleString('en')} | ${ms(parse)} | ${ms(indexBuild)} | **${ms(rank)}** | ${ms(reference)} | ` +
      `${oramaBuild.toFixed(0)} | ${ms(orama)} | ${(fastest / rank.median).toFixed(1)}× |`,
  );
}

console.log(
  `Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs; times in ms, median (min–max)\n`,
);
console.log(
  '| records | parse + validate | index build (once) | rank, top 20 with reasons | reference (score all, sort) | Orama index build | Orama search | rank speed-up vs fastest other |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log('');
for (const check of checks) console.log(check);
