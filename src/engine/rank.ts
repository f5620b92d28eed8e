// Ranking (walking skeleton): orders records by how many of the person's concerns they list.
// The full explainable, couple-aware engine replaces this.
import type { MatchAnswers, RankResult } from './answers.js';
import type { Therapist } from './schema.js';

export interface RankOptions {
  limit?: number;
}

export function rankTherapists(therapists: Therapist[], answers: MatchAnswers, options: RankOptions = {}): RankResult {
  const wanted = [answers.concerns?.primary, ...(answers.concerns?.others ?? [])].filter(Boolean);
  const matches = therapists
    .map((therapist) => {
      const hits = wanted.filter((c) => therapist.concerns?.includes(c as string)).length;
      return { therapist, score: wanted.length ? hits / wanted.length : 0, reasons: [] };
    })
    .sort((a, b) => b.score - a.score || a.therapist.id.localeCompare(b.therapist.id));
  return {
    matches: matches.slice(0, options.limit ?? 20),
    total: therapists.length,
    matched: matches.length,
    exclusions: [],
    relaxations: [],
    conflicts: [],
  };
}
