// Orama (3.1.x) as the benchmark's peer (rank.bench.js, first-visit.js): one document per record,
// every field a requirement can test; every requirement goes into `where`, wrapped in `and` (an
// object with an `or` key ignores its sibling keys), and its hits are scored and cut to the top
// 20 by the same scorer as the reference (reference.js).
import { create, insertMultiple, search } from '@orama/orama';
import { compileReference, topK } from './reference.js';

export async function buildOrama(therapists) {
  const db = create({
    schema: {
      clientTypes: 'enum[]',
      ageGroups: 'enum[]',
      gender: 'enum',
      formats: 'enum[]',
      telehealth: 'enum[]',
      accepting: 'boolean',
      location: 'geopoint',
    },
  });
  const docs = new Array(therapists.length);
  for (let i = 0; i < therapists.length; i++) {
    const t = therapists[i];
    const listed = t.telehealthJurisdictions?.length
      ? t.telehealthJurisdictions
      : t.licenses.map((l) => l.jurisdiction);
    docs[i] = {
      id: String(i),
      clientTypes: t.clientTypes ?? ['individual'],
      ageGroups: t.ageGroups ?? ['adult'],
      gender: (t.gender ?? '').toLowerCase(),
      formats: t.formats,
      telehealth: listed.map((j) => j.toLowerCase()),
      accepting: t.acceptingNewClients !== false,
      location: { lat: t.location?.lat ?? 90, lon: t.location?.lng ?? 0 },
    };
  }
  await insertMultiple(db, docs, 1000);
  return db;
}

/** Every requirement of `answers` as one Orama `where`, each clause its own element of `and`. */
function oramaWhere(answers) {
  const and = [{ clientTypes: { containsAll: [answers.seeking === 'couple' ? 'couple' : 'individual'] } }];
  if (answers.ageGroup) and.push({ ageGroups: { containsAll: [answers.ageGroup] } });
  for (const who of ['preferences', 'partnerPreferences']) {
    if (who === 'partnerPreferences' && answers.seeking !== 'couple') continue;
    for (const [criterion, p] of Object.entries(answers[who] ?? {})) {
      if (p.importance !== 'required') continue;
      if (criterion !== 'therapistGender') throw new Error(`the Orama query cannot require ${criterion}`);
      and.push({ gender: { in: p.value.map((v) => v.toLowerCase()) } });
    }
  }
  if (answers.acceptingNewClients?.importance === 'required') and.push({ accepting: true });
  const { lat, lng, maxDistanceKm, jurisdiction } = answers.location ?? {};
  const required = answers.formats?.importance === 'required' ? answers.formats.value : ['in-person', 'telehealth'];
  const either = [];
  // In person only once the person's place is known (as the engine).
  if (required.includes('in-person') && Number.isFinite(lat)) {
    const inPerson = [{ formats: { containsAll: ['in-person'] } }];
    if (Number.isFinite(lat) && Number.isFinite(maxDistanceKm))
      inPerson.push({
        location: { radius: { coordinates: { lat, lon: lng }, value: maxDistanceKm * 1000, unit: 'm', inside: true } },
      });
    either.push({ and: inPerson });
  }
  if (required.includes('telehealth')) {
    const tele = [{ formats: { containsAll: ['telehealth'] } }];
    if (jurisdiction) tele.push({ telehealth: { containsAll: [jurisdiction.toLowerCase()] } });
    either.push({ and: tele });
  }
  and.push({ or: either });
  return { and };
}

/** Orama's filter, then the reference's scorer on its hits: the same top 20 as the engine. */
export async function oramaRank(db, therapists, answers, limit = 20) {
  const hits = await search(db, { where: oramaWhere(answers), limit: therapists.length });
  const candidates = hits.hits.map((hit) => therapists[Number(hit.id)]);
  const ranked = topK(compileReference(answers), candidates, limit);
  return { ...ranked, count: hits.count };
}
