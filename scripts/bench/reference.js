// A plain reference ranker for the benchmark: the engine's rules written the obvious way, straight
// on the record objects, every record scored in full with its reasons, then one full sort.
import { DEFAULT_WEIGHTS, defaultVocabulary } from 'therapist-match/engine';

// Great-circle distance written out here, so a bug in the engine's geometry cannot hide behind an
// identical bug in the reference.
const RAD = Math.PI / 180;
function distanceKm(lat1, lng1, lat2, lng2) {
  const a =
    Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 +
    Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lng2 - lng1) * RAD) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(Math.min(1, a)));
}

const lang = (tag) => tag.split('-')[0].toLowerCase();
const ofList = (value) => (Array.isArray(value) ? value : []);
const PERSONAL = {
  therapistGender: {
    values: (t) => (t.gender ? [t.gender.toLowerCase()] : []),
    norm: (v) => v.toLowerCase(),
    all: false,
  },
  languages: { values: (t) => ofList(t.languages).map(lang), norm: lang, all: false },
  communities: { values: (t) => ofList(t.communities), norm: (v) => v, all: true },
  modalities: { values: (t) => ofList(t.modalities), norm: (v) => v, all: false },
};

function setFit(have, wanted, norm, all) {
  const own = new Set(have);
  const unique = [...new Set(wanted.map(norm))];
  const hits = unique.filter((v) => own.has(v)).length;
  return all ? hits / unique.length : hits > 0 ? 1 : 0;
}

/** Ranks like `rankTherapists` for a person or couple; returns the top `limit` with reasons. */
export function referenceRank(therapists, answers, limit = 20, weights = DEFAULT_WEIGHTS) {
  const couple = answers.seeking === 'couple';
  const loc = answers.location ?? {};
  const formats = answers.formats?.importance && answers.formats.importance !== 'none' ? answers.formats : undefined;
  const hardIn = formats?.importance === 'required' ? formats.value.includes('in-person') : true;
  const hardTele = formats?.importance === 'required' ? formats.value.includes('telehealth') : true;
  const physicianFirst = new Set(defaultVocabulary.concerns.filter((c) => c.physicianFirst).map((c) => c.id));
  const concerns = [answers.concerns?.primary, ...(answers.concerns?.others ?? [])].filter(Boolean);
  const scored = [];
  for (const t of therapists) {
    const reasons = [];
    let ok = true;
    const add = (criterion, importance, weight, fit, who) => {
      if (importance === 'required' && !(fit > 0 && (criterion !== 'communities' || fit >= 1))) ok = false;
      reasons.push({ criterion, importance, weight, fit, who });
    };
    add(
      'clientType',
      'required',
      weights.clientType,
      (t.clientTypes ?? ['individual']).includes(couple ? 'couple' : 'individual') ? 1 : 0,
    );
    if (answers.ageGroup)
      add('ageGroup', 'required', weights.ageGroup, (t.ageGroups ?? ['adult']).includes(answers.ageGroup) ? 1 : 0);
    const own = ofList(t.concerns);
    if (answers.concerns?.primary)
      add('primaryConcern', 'preferred', weights.primaryConcern, own.includes(answers.concerns.primary) ? 1 : 0);
    const others = (answers.concerns?.others ?? []).filter((c) => c !== answers.concerns?.primary);
    if (others.length)
      add(
        'otherConcerns',
        'preferred',
        weights.otherConcerns,
        others.filter((c) => own.includes(c)).length / others.length,
      );
    for (const [criterion, { values, norm, all }] of Object.entries(PERSONAL)) {
      const stated = [
        ['you', answers.preferences?.[criterion]],
        ['partner', couple ? answers.partnerPreferences?.[criterion] : undefined],
      ].filter(([, p]) => p && p.importance !== 'none' && p.value?.length);
      const preferredCount = stated.filter(([, p]) => p.importance === 'preferred').length;
      for (const [who, p] of stated)
        add(
          criterion,
          p.importance,
          p.importance === 'required' ? weights[criterion] : weights[criterion] / preferredCount,
          setFit(values(t), p.value, norm, all),
          who,
        );
    }
    if (answers.budget && answers.budget.importance !== 'none') {
      const fees = t.fees;
      const fit =
        !fees || fees.currency !== answers.budget.value.currency
          ? 0
          : fees.min <= answers.budget.value.max
            ? 1
            : fees.slidingScale
              ? 0.5
              : 0;
      add('budget', answers.budget.importance, weights.budget, fit);
    }
    for (const [criterion, has] of [
      ['slidingScale', t.fees?.slidingScale === true],
      ['acceptingNewClients', t.acceptingNewClients !== false],
      ['freeConsultation', t.freeConsultation === true],
    ])
      if (answers[criterion] && answers[criterion].importance !== 'none')
        add(criterion, answers[criterion].importance, weights[criterion], has ? 1 : 0);
    if (concerns.some((c) => physicianFirst.has(c)))
      add('medicalCollaboration', 'preferred', weights.medicalCollaboration, t.collaboratesWithMedical ? 1 : 0);
    // Formats, distance and telehealth licences.
    const hasPoint = Number.isFinite(loc.lat) && Number.isFinite(loc.lng);
    const inPerson = t.formats.includes('in-person');
    const km = hasPoint && inPerson && t.location ? distanceKm(loc.lat, loc.lng, t.location.lat, t.location.lng) : NaN;
    const within = !Number.isFinite(loc.maxDistanceKm) || km <= loc.maxDistanceKm;
    const jurisdictions = ofList(t.telehealthJurisdictions).length
      ? t.telehealthJurisdictions
      : t.licenses.map((l) => l.jurisdiction);
    const licensed = !loc.jurisdiction || jurisdictions.includes(loc.jurisdiction);
    const inPersonOk = inPerson && within;
    const teleOk = t.formats.includes('telehealth') && licensed;
    if (!((hardIn && inPersonOk) || (hardTele && teleOk))) ok = false;
    if (formats)
      add(
        'formats',
        formats.importance,
        weights.formats,
        (formats.value.includes('in-person') && inPersonOk) || (formats.value.includes('telehealth') && teleOk) ? 1 : 0,
      );
    if (hasPoint) {
      const scale = Number.isFinite(loc.maxDistanceKm) ? Math.max(loc.maxDistanceKm, 1) : 50;
      add(
        'distance',
        'preferred',
        weights.distance,
        inPersonOk && !Number.isNaN(km) ? Math.max(0, 1 - km / (2 * scale)) : 0,
      );
    }
    const total = reasons.reduce((s, r) => s + r.weight, 0);
    const score = Math.round((reasons.reduce((s, r) => s + r.weight * r.fit, 0) / total) * 1e9) / 1e9;
    for (const r of reasons) r.contribution = (r.weight * r.fit) / total;
    scored.push({ therapist: t, ok, score, reasons, distanceKm: km });
  }
  const matches = scored.filter((m) => m.ok);
  matches.sort((a, b) => b.score - a.score || (a.therapist.id < b.therapist.id ? -1 : 1));
  return { matched: matches.length, matches: matches.slice(0, limit) };
}
