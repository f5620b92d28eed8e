// A plain reference ranker for the benchmark, written the way a competent engineer would without an
// index: the engine's rules straight on the record objects, requirements first (a record that fails
// one is counted under it and dropped before anything is scored), the survivors scored, the best
// `limit` kept in a binary heap, and reasons built for those alone. The same scorer ranks Orama's
// filtered hits.
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
// Self-described words compare by their letters and digits alone: "LGBTQ+" is lgbtq.
const word = (value) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const PERSONAL = {
  therapistGender: { values: (t) => (t.gender ? [t.gender.toLowerCase()] : []), norm: (v) => v.toLowerCase() },
  languages: { values: (t) => ofList(t.languages).map(lang), norm: lang },
  communities: { values: (t) => ofList(t.communities), norm: (v) => v, all: true },
  modalities: { values: (t) => ofList(t.modalities), norm: (v) => v },
  therapistFaith: { values: (t) => ofList(t.faith).map(word), norm: word },
  therapistCulture: { values: (t) => ofList(t.culturalBackground).map(word), norm: word },
  therapistIdentity: { values: (t) => ofList(t.identities).map(word), norm: word },
};
const STYLE_POLES = {
  lead: ['therapist', 'client'],
  intensity: ['gentle', 'intense'],
  focus: ['past', 'present'],
  approach: ['support', 'challenge'],
};
/** The requirements an exclusion is counted under only when the format group passed. */
const AFTER_PLACE = new Set(['budget', 'insurance', 'slidingScale', 'acceptingNewClients', 'freeConsultation']);
const physicianFirst = new Set(defaultVocabulary.concerns.filter((c) => c.physicianFirst).map((c) => c.id));

/**
 * Compiles `answers` once into terms: `{ criterion, importance, weight, who, fit(t) }`. Requirements
 * pass at a fit above 0 (communities, which asks for all: at 1).
 */
export function compileReference(answers, weights = DEFAULT_WEIGHTS) {
  const couple = answers.seeking === 'couple';
  const loc = answers.location ?? {};
  const formats = answers.formats?.importance && answers.formats.importance !== 'none' ? answers.formats : undefined;
  const hardIn = formats?.importance === 'required' ? formats.value.includes('in-person') : true;
  const hardTele = formats?.importance === 'required' ? formats.value.includes('telehealth') : true;
  const hasPoint = Number.isFinite(loc.lat) && Number.isFinite(loc.lng);
  // A distance limit means nothing without a point.
  const maxKm = hasPoint && Number.isFinite(loc.maxDistanceKm) ? loc.maxDistanceKm : Infinity;
  // Closeness scores when a point is known, unless only video sessions are acceptable.
  const scoreDistance = hasPoint && (formats?.importance !== 'required' || formats.value.includes('in-person'));
  const jurisdiction = loc.jurisdiction?.toLowerCase();
  const terms = [];
  const add = (criterion, importance, weight, fit, who) => terms.push({ criterion, importance, weight, fit, who });
  const clientType = couple ? 'couple' : 'individual';
  add('clientType', 'required', weights.clientType, (t) =>
    (t.clientTypes ?? ['individual']).includes(clientType) ? 1 : 0,
  );
  if (answers.ageGroup)
    add('ageGroup', 'required', weights.ageGroup, (t) =>
      (t.ageGroups ?? ['adult']).includes(answers.ageGroup) ? 1 : 0,
    );
  const primary = answers.concerns?.primary;
  if (primary)
    add('primaryConcern', 'preferred', weights.primaryConcern, (t) => (ofList(t.concerns).includes(primary) ? 1 : 0));
  const others = (answers.concerns?.others ?? []).filter((c) => c !== primary);
  if (others.length)
    add('otherConcerns', 'preferred', weights.otherConcerns, (t) => {
      const own = ofList(t.concerns);
      return others.filter((c) => own.includes(c)).length / others.length;
    });
  // Each person's own wishes: yours, then each partner's (one object or a list of them, at most 10).
  const partners = couple ? [].concat(answers.partnerPreferences ?? []).slice(0, 10) : [];
  // Partners who stated nothing after the last who did are not counted.
  const states = (p) => Object.values(p ?? {}).some((w) => w && w.importance !== 'none' && w.value?.length);
  while (partners.length && !states(partners.at(-1))) partners.pop();
  for (const [criterion, { values, norm, all }] of Object.entries(PERSONAL)) {
    const wishes = [answers.preferences, ...partners]
      .map((p) => p?.[criterion])
      .map((p) => (p && p.importance !== 'none' && p.value?.length ? p : undefined));
    const set = (p) => [...new Set(p.value.map(norm))].sort().join('\n');
    const [mine] = wishes;
    // Everyone wishing the same, equally: one wish of everyone's, scored once.
    const stated =
      mine && partners.length && wishes.every((p) => p && p.importance === mine.importance && set(p) === set(mine))
        ? [[partners.length > 1 ? 'all' : 'both', mine]]
        : wishes.map((p, k) => [k ? 'partner' : 'you', p]).filter(([, p]) => p);
    const preferredCount = stated.filter(([, p]) => p.importance === 'preferred').length;
    for (const [who, p] of stated) {
      const unique = [...new Set(p.value.map(norm))];
      add(
        criterion,
        p.importance,
        p.importance === 'required' ? weights[criterion] : weights[criterion] / preferredCount,
        (t) => {
          const own = values(t);
          const hits = unique.filter((v) => own.includes(v)).length;
          return all ? hits / unique.length : hits > 0 ? 1 : 0;
        },
        who,
      );
    }
  }
  // Therapy style: per dimension asked, the same pole 1, balanced 0.5, else (unstated too) 0; averaged.
  const style = Object.entries(STYLE_POLES).filter(([d, poles]) => poles.includes(answers.therapyStyle?.[d]));
  if (style.length)
    add('therapyStyle', 'preferred', weights.therapyStyle, (t) => {
      let sum = 0;
      for (const [d] of style) {
        const stated = t.therapyStyle?.[d];
        sum += stated === answers.therapyStyle[d] ? 1 : stated === 'balanced' ? 0.5 : 0;
      }
      return sum / style.length;
    });
  if (answers.budget && answers.budget.importance !== 'none') {
    const { max, currency } = answers.budget.value;
    add('budget', answers.budget.importance, weights.budget, (t) => {
      const fees = t.fees;
      if (!fees || fees.currency !== currency) return 0;
      return fees.min <= max ? 1 : fees.slidingScale ? 0.5 : 0;
    });
  }
  for (const [criterion, has] of [
    ['slidingScale', (t) => t.fees?.slidingScale === true],
    // Only a listing that says it accepts: not saying is not accepting.
    ['acceptingNewClients', (t) => t.acceptingNewClients === true],
    ['freeConsultation', (t) => t.freeConsultation === true],
  ])
    if (answers[criterion] && answers[criterion].importance !== 'none')
      add(criterion, answers[criterion].importance, weights[criterion], (t) => (has(t) ? 1 : 0));
  const concerns = [primary, ...(answers.concerns?.others ?? [])].filter(Boolean);
  if (concerns.some((c) => physicianFirst.has(c)))
    add('medicalCollaboration', 'preferred', weights.medicalCollaboration, (t) => (t.collaboratesWithMedical ? 1 : 0));
  // Listing age: the engine scores it once any listing states lastVerified, as every generated one
  // does. Full fit within 12 months of the last verification (a month or a year counts to its end),
  // none at 24 months; unstated is none.
  const now = Date.now();
  add('listingAge', 'preferred', weights.listingAge, (t) => {
    if (typeof t.lastVerified !== 'string') return 0;
    const [y, m, d] = t.lastVerified.split(/[-T ]/).map(Number);
    const at = d ? Date.UTC(y, m - 1, d) : Date.UTC(y, m || 12, 0);
    const months = (now - at) / (30.436875 * 86_400_000);
    return Math.min(1, Math.max(0, 2 - months / 12));
  });

  /** The format group of one record: in person within the limit, by video where licensed. */
  const place = (t) => {
    const inPerson = t.formats.includes('in-person');
    const km = hasPoint && inPerson && t.location ? distanceKm(loc.lat, loc.lng, t.location.lat, t.location.lng) : NaN;
    // An office is within reach only once the person's place is known.
    const inPersonOk = inPerson && hasPoint && (maxKm === Infinity || km <= maxKm);
    let licensed = !jurisdiction;
    if (!licensed) {
      const listed = ofList(t.telehealthJurisdictions);
      const own = listed.length ? listed : t.licenses.map((l) => l.jurisdiction);
      licensed = own.some((j) => j.toLowerCase() === jurisdiction);
    }
    return { km, inPersonOk, teleOk: t.formats.includes('telehealth') && licensed };
  };
  const formatsFit = (p) =>
    (formats.value.includes('in-person') && p.inPersonOk) || (formats.value.includes('telehealth') && p.teleOk) ? 1 : 0;
  const scale = maxKm === Infinity ? 50 : Math.max(maxKm, 1);
  const distanceFit = (p) => (p.inPersonOk && !Number.isNaN(p.km) ? Math.max(0, 1 - p.km / (2 * scale)) : 0);
  let total = terms.reduce((s, term) => s + term.weight, 0);
  if (formats) total += weights.formats;
  if (scoreDistance) total += weights.distance;
  // An excluded record is counted under its first failing requirement in the engine's order of
  // criteria (docs/matching.md, "Exclusions"): who is seeking, age group, the personal wishes, then
  // the format group (format, distance, licence), then cost and availability. The terms were added
  // in that order; the format group goes between the two halves.
  const required = terms.filter((term) => term.importance === 'required');
  const beforePlace = required.filter((term) => !AFTER_PLACE.has(term.criterion));
  const afterPlace = required.filter((term) => AFTER_PLACE.has(term.criterion));
  const passes = (term, fit) => (term.criterion === 'communities' ? fit >= 1 : fit > 0);

  return {
    /**
     * The format group's facts of `t` when it meets every requirement, else the criterion that
     * excludes it (a string): the first it fails.
     */
    admit(t) {
      for (const term of beforePlace) if (!passes(term, term.fit(t))) return term.criterion;
      const p = place(t);
      if (!((hardIn && p.inPersonOk) || (hardTele && p.teleOk))) {
        const inPerson = hardIn && t.formats.includes('in-person');
        // Not seen in any acceptable format at all; else an office out of reach (or no place to
        // measure from) comes before a video session without the licence.
        if (!inPerson && !(hardTele && t.formats.includes('telehealth'))) return 'formats';
        return inPerson ? 'distance' : 'telehealthJurisdiction';
      }
      for (const term of afterPlace) if (!passes(term, term.fit(t))) return term.criterion;
      return p;
    },
    /** The score of an admitted record, rounded as the engine rounds it. */
    score(t, p) {
      let sum = 0;
      for (const term of terms) sum += term.weight * term.fit(t);
      if (formats) sum += weights.formats * formatsFit(p);
      if (scoreDistance) sum += weights.distance * distanceFit(p);
      return Math.round((sum / total) * 1e9) / 1e9;
    },
    /** One reason per criterion, for the records shown. */
    reasons(t, p) {
      const out = terms.map(({ criterion, importance, weight, fit, who }) => {
        const value = fit(t);
        return { criterion, importance, weight, fit: value, who, contribution: (weight * value) / total };
      });
      if (formats) {
        const value = formatsFit(p);
        out.push({
          criterion: 'formats',
          importance: formats.importance,
          fit: value,
          contribution: (weights.formats * value) / total,
        });
      }
      if (scoreDistance) {
        const value = distanceFit(p);
        out.push({
          criterion: 'distance',
          importance: 'preferred',
          fit: value,
          contribution: (weights.distance * value) / total,
        });
      }
      return out;
    },
  };
}

/**
 * Ranks `candidates` (records admitted or not) with a compiled reference: filter, score, top-k
 * heap. `excluded` counts the records left out by the requirement that excluded each.
 */
export function topK(compiled, candidates, limit) {
  // A min-heap of the best `limit`, worst at the root: a lower score is worse; at the same score a
  // listing less open to new clients (accepting 2, not saying 1, not accepting 0), then the larger id.
  const heap = [];
  const worse = (a, b) =>
    a.score < b.score || (a.score === b.score && (a.open !== b.open ? a.open < b.open : a.id > b.id));
  let matched = 0;
  const excluded = new Map();
  for (const t of candidates) {
    const p = compiled.admit(t);
    if (typeof p === 'string') {
      excluded.set(p, (excluded.get(p) ?? 0) + 1);
      continue;
    }
    matched++;
    const entry = {
      score: compiled.score(t, p),
      id: String(t.id),
      open: t.acceptingNewClients === true ? 2 : t.acceptingNewClients === false ? 0 : 1,
      t,
      p,
    };
    if (heap.length < limit) {
      heap.push(entry);
      for (let k = heap.length - 1; k > 0;) {
        const parent = (k - 1) >> 1;
        if (!worse(heap[k], heap[parent])) break;
        [heap[k], heap[parent]] = [heap[parent], heap[k]];
        k = parent;
      }
    } else if (limit > 0 && worse(heap[0], entry)) {
      heap[0] = entry;
      for (let k = 0; ;) {
        const l = 2 * k + 1;
        let m = k;
        if (l < heap.length && worse(heap[l], heap[m])) m = l;
        if (l + 1 < heap.length && worse(heap[l + 1], heap[m])) m = l + 1;
        if (m === k) break;
        [heap[k], heap[m]] = [heap[m], heap[k]];
        k = m;
      }
    }
  }
  heap.sort((a, b) => (worse(a, b) ? 1 : -1));
  const matches = heap.map(({ t, p, score }) => ({
    therapist: t,
    score,
    distanceKm: p.km,
    reasons: compiled.reasons(t, p),
  }));
  return { matched, matches, excluded };
}

/**
 * Ranks like `rankTherapists` for a person or couple: the top `limit` with reasons, the count, and
 * how many records each requirement excluded.
 */
export function referenceRank(therapists, answers, limit = 20, weights = DEFAULT_WEIGHTS) {
  return topK(compileReference(answers, weights), therapists, limit);
}
