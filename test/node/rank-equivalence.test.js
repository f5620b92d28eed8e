// The engine's ranking equals a plain reference's (scripts/bench/reference.js: filter, score the
// survivors, keep the top k) on generated directories: the same count, the same records excluded
// under each requirement and the same top 20, ids and scores. And the speed-ups change nothing: an index built in idle slices ranks exactly as one built
// at once, the exact distances computed only when too few match still give a distance
// relaxation that adds what it says, and the counts behind exclusions and suggestions add up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRelaxation, indexTherapists, parseTherapists, rankTherapists } from 'therapist-match/engine';
import { indexWhenIdle } from '../../dist/engine/idle.js';
import { generateTherapists, createRandom } from '../../demo/sample/generate.js';
import { QUERIES } from '../../scripts/bench/queries.js';
import { referenceRank } from '../../scripts/bench/reference.js';

const directory = (size, seed) => {
  const { therapists, problems } = parseTherapists(generateTherapists(size, seed));
  assert.equal(problems.length, 0);
  return therapists;
};

const CITIES = [
  { lat: 37.7749, lng: -122.4194, jurisdiction: 'US-CA' },
  { lat: 45.5152, lng: -122.6784, jurisdiction: 'US-OR' },
  { lat: 40.7411, lng: -74.0018, jurisdiction: 'US-NY' },
  { lat: 43.6426, lng: -79.3871, jurisdiction: 'CA-ON' },
];
const pick = (random, list) => list[Math.floor(random() * list.length)];
const some = (random, list) => list.filter(() => random() < 0.3);
const importance = (random) => pick(random, ['required', 'preferred', 'preferred', 'none']);
const wish = (random, values) => ({ value: values, importance: importance(random) });

/**
 * A partner's own wishes: often the same as the person's (so everyone's wish is scored once), else
 * a gender and languages of their own, or nothing at all.
 */
function randomPartner(random, mine) {
  const kind = pick(random, ['same', 'own', 'own', 'nothing']);
  if (kind === 'nothing') return {};
  if (kind === 'same') return structuredClone(mine);
  return {
    therapistGender: {
      value: some(random, ['woman', 'man', 'non-binary']).concat('man'),
      importance: importance(random),
    },
    ...(random() < 0.5 ? { languages: { value: ['es', 'fr'], importance: importance(random) } } : {}),
    ...(random() < 0.5 ? { therapistIdentity: wish(random, some(random, ['lgbtq', 'polyamorous'])) } : {}),
  };
}

/**
 * Random answer sets of the kinds the reference knows (no insurance), therapy style and the
 * therapist's background included; couples with 1 to 4 partners.
 */
function randomAnswers(random) {
  const couple = random() < 0.4;
  const city = pick(random, CITIES);
  const formats = pick(random, [['in-person'], ['telehealth'], ['in-person', 'telehealth']]);
  const preferences = {
    therapistGender: wish(random, some(random, ['woman', 'man', 'non-binary']).concat('woman')),
    languages: { value: ['es'], importance: pick(random, ['preferred', 'none']) },
    modalities: { value: ['cbt', 'sensate-focus'], importance: pick(random, ['preferred', 'none']) },
    communities: { value: ['lgbtq'], importance: pick(random, ['preferred', 'none']) },
    therapistFaith: wish(random, some(random, ['jewish', 'muslim', 'secular', 'catholic'])),
    therapistCulture: wish(random, some(random, ['black', 'latino', 'south-asian', 'east-asian'])),
    therapistIdentity: wish(random, some(random, ['lgbtq', 'trans', 'disabled'])),
  };
  const partners = Array.from({ length: 1 + Math.floor(random() * random() * 4) }, () =>
    randomPartner(random, preferences),
  );
  return {
    seeking: couple ? 'couple' : 'individual',
    ageGroup: pick(random, ['adult', 'adult', 'older-adult', 'adolescent']),
    concerns: { primary: 'desire-discrepancy', others: some(random, ['low-desire', 'pain-with-sex', 'body-image']) },
    preferences,
    // One partner as one object (the shape before lists) or a list; several always a list.
    ...(couple ? { partnerPreferences: partners.length > 1 || random() < 0.5 ? partners : partners[0] } : {}),
    therapyStyle: Object.fromEntries(
      [
        ['lead', ['therapist', 'client']],
        ['intensity', ['gentle', 'intense']],
        ['focus', ['past', 'present']],
        ['approach', ['support', 'challenge']],
      ]
        .filter(() => random() < 0.5)
        .map(([dimension, poles]) => [dimension, pick(random, poles)]),
    ),
    formats: { value: formats, importance: pick(random, ['required', 'preferred']) },
    location: {
      ...(random() < 0.8 ? { lat: city.lat, lng: city.lng } : {}),
      ...(random() < 0.7 ? { maxDistanceKm: pick(random, [5, 25, 50, 200]) } : {}),
      jurisdiction: city.jurisdiction,
    },
    budget: {
      value: { max: pick(random, [90, 150, 250]), currency: 'USD' },
      importance: pick(random, ['preferred', 'none']),
    },
    acceptingNewClients: { value: true, importance: importance(random) },
    freeConsultation: { value: true, importance: pick(random, ['preferred', 'none']) },
    slidingScale: { value: true, importance: pick(random, ['preferred', 'none']) },
  };
}

function assertSameRanking(engine, reference, label) {
  assert.equal(engine.matched, reference.matched, `${label}: matched`);
  assert.deepEqual(
    new Map(engine.exclusions.map((e) => [e.criterion, e.count])),
    reference.excluded,
    `${label}: exclusions by requirement`,
  );
  assert.deepEqual(
    engine.matches.map((m) => [String(m.therapist.id), m.score]),
    reference.matches.map((m) => [String(m.therapist.id), m.score]),
    `${label}: top ${reference.matches.length}`,
  );
}

test('ranks the benchmark queries as the plain reference does, at 1,000 and 10,000 records', () => {
  for (const size of [1000, 10000]) {
    const therapists = directory(size, 20261123);
    const index = indexTherapists(therapists);
    for (const [name, answers] of Object.entries(QUERIES)) {
      const engine = rankTherapists(index, answers, { limit: 20 });
      assert.ok(engine.matched > 0, `${name} at ${size}: some match`);
      assertSameRanking(engine, referenceRank(therapists, answers, 20), `${name} at ${size}`);
    }
  }
});

test('ranks 300 random answer sets as the plain reference does, on directories of several seeds', () => {
  const random = createRandom(12);
  let someMatched = 0;
  for (const seed of [1, 2, 3]) {
    const therapists = directory(1500, seed);
    const index = indexTherapists(therapists);
    for (let k = 0; k < 100; k++) {
      const answers = randomAnswers(random);
      const engine = rankTherapists(index, answers, { limit: 20 });
      if (engine.matched) someMatched++;
      assertSameRanking(
        engine,
        referenceRank(therapists, answers, 20),
        `seed ${seed}, set ${k}: ${JSON.stringify(answers)}`,
      );
    }
  }
  assert.ok(someMatched > 150, `most sets match someone (${someMatched})`);
});

test('an index built in idle slices ranks exactly as one built at once, and the ranker finishes one under way', async () => {
  const therapists = directory(5000, 7);
  const expected = Object.entries(QUERIES).map(([, answers]) => rankTherapists(indexTherapists(therapists), answers));
  // Left to finish in idle time (setTimeout slices in Node).
  const idle = therapists.slice();
  indexWhenIdle(idle);
  await new Promise((done) => setTimeout(done, 500));
  // Started, then ranked at once: the ranking finishes the build.
  const hurried = therapists.slice();
  indexWhenIdle(hurried);
  Object.values(QUERIES).forEach((answers, k) => {
    assert.deepEqual(rankTherapists(hurried, answers), expected[k]);
    assert.deepEqual(rankTherapists(idle, answers), expected[k]);
  });
});

test('a record whose field throws half-way is left out of an index built in slices, as at once', async () => {
  const therapists = directory(1200, 9);
  const hostile = therapists.map((t, i) =>
    i % 97 === 5
      ? Object.defineProperty({ ...t }, 'languages', {
          get: () => {
            throw new Error('no');
          },
        })
      : t,
  );
  const readable = hostile.filter((_, i) => i % 97 !== 5);
  indexWhenIdle(hostile);
  await new Promise((done) => setTimeout(done, 300));
  for (const answers of Object.values(QUERIES)) {
    const result = rankTherapists(hostile, answers);
    assert.equal(result.total, readable.length);
    assert.deepEqual(result, rankTherapists(indexTherapists(readable), answers));
  }
});

test('too few within the distance: the suggested limit adds the matches it says', () => {
  const therapists = directory(4000, 11);
  const index = indexTherapists(therapists);
  let suggested = 0;
  for (const city of CITIES)
    for (const maxDistanceKm of [0.5, 2, 5]) {
      const answers = {
        seeking: 'individual',
        concerns: { primary: 'low-desire' },
        formats: { value: ['in-person'], importance: 'required' },
        location: { lat: city.lat + 0.3, lng: city.lng + 0.3, maxDistanceKm },
      };
      const result = rankTherapists(index, answers, { minMatches: 5 });
      const distance = result.relaxations.find((r) => r.criterion === 'distance');
      if (result.matched >= 5) continue;
      assert.ok(distance, `${JSON.stringify(answers.location)}: a distance suggestion`);
      suggested++;
      const relaxed = rankTherapists(index, { ...answers, ...distance.change });
      assert.equal(relaxed.matched, result.matched + distance.additional);
      assert.ok(relaxed.matched >= 5);
    }
  assert.ok(suggested >= 3, `some cases need a wider limit (${suggested})`);
});

test('on generated directories, exclusions add up to what did not match and every suggestion adds what it says', () => {
  const random = createRandom(31);
  let suggestions = 0;
  for (const seed of [4, 5]) {
    const index = indexTherapists(directory(1200, seed));
    for (let k = 0; k < 60; k++) {
      const answers = randomAnswers(random);
      const result = rankTherapists(index, answers, { minMatches: Infinity, limit: 0 });
      const excluded = result.exclusions.reduce((sum, e) => sum + e.count, 0);
      assert.equal(result.matched + excluded, result.total, `set ${k}: counts add up`);
      for (const relaxation of result.relaxations) {
        const relaxed = rankTherapists(index, applyRelaxation(answers, relaxation), { limit: 0 });
        assert.equal(
          relaxed.matched,
          result.matched + relaxation.additional,
          `seed ${seed}, set ${k}, ${relaxation.criterion}: ${JSON.stringify(answers)}`,
        );
        suggestions++;
      }
    }
  }
  assert.ok(suggestions > 100, `suggestions checked: ${suggestions}`);
});
