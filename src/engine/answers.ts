// What a person tells the quiz, and what the engine gives back: the contract between the quiz,
// the ranking and the results.
import type { AgeGroup, SessionFormat, Therapist } from './schema.js';

/** How much a preference matters to the person who stated it. */
export type Importance = 'required' | 'preferred' | 'none';

/** A stated wish with its importance. `none` (or leaving it out) means "no preference". */
export interface Preference<T> {
  value: T;
  importance: Importance;
}

/**
 * Identity and comfort preferences. In a couple each partner states their own: a requirement from
 * either is a requirement, preferences of both are scored, and contradictions are reported.
 */
export interface PersonalPreferences {
  /** Therapist genders this person would be comfortable with (`woman`, `man`, `non-binary`). */
  therapistGender?: Preference<string[]>;
  /** BCP 47 tags; a therapist speaking any of them fits. */
  languages?: Preference<string[]>;
  /** Community ids the therapist should affirm and know (`lgbtq`, `kink`, ...); all should fit. */
  communities?: Preference<string[]>;
  /** Modality ids (`cbt`, `sensate-focus`, ...); any fits. */
  modalities?: Preference<string[]>;
}

export interface LocationAnswer {
  /** Where the person is, for in-person distance. */
  lat?: number;
  lng?: number;
  /** Farthest acceptable distance for in-person sessions, in kilometres. */
  maxDistanceKm?: number;
  /** ISO 3166-2 code where the person lives: telehealth is only possible with a licence there. */
  jurisdiction?: string;
  /** What the person typed, for display only. */
  label?: string;
}

export interface MatchAnswers {
  /** Who is seeking help. */
  seeking: 'individual' | 'couple';
  ageGroup?: AgeGroup;
  /** Concern ids from the vocabulary; `primary` counts most. Empty when "not sure yet". */
  concerns?: { primary?: string; others?: string[] };
  /** The person's own preferences (the first partner's, for a couple). */
  preferences?: PersonalPreferences;
  /** The other partner's own preferences. Used only when `seeking` is `couple`. */
  partnerPreferences?: PersonalPreferences;
  /** Acceptable formats: `in-person`, `telehealth` or both. */
  formats?: Preference<SessionFormat[]>;
  location?: LocationAnswer;
  /** Highest fee per session the person can pay, in `currency`. */
  budget?: Preference<{ max: number; currency: string }>;
  /** Insurance plans the person has; a therapist taking any of them fits. */
  insurance?: Preference<string[]>;
  slidingScale?: Preference<true>;
  acceptingNewClients?: Preference<true>;
  freeConsultation?: Preference<true>;
}

/** Keys of the criteria the engine scores, used in reasons, exclusions and relaxations. */
export type CriterionKey =
  | 'clientType'
  | 'ageGroup'
  | 'primaryConcern'
  | 'otherConcerns'
  | 'therapistGender'
  | 'languages'
  | 'communities'
  | 'modalities'
  | 'formats'
  | 'distance'
  | 'telehealthJurisdiction'
  | 'budget'
  | 'insurance'
  | 'slidingScale'
  | 'acceptingNewClients'
  | 'freeConsultation'
  | 'medicalCollaboration';

export type ReasonStatus = 'met' | 'partly-met' | 'not-met' | 'unused';

/** Why a therapist is ranked where they are, one criterion at a time. */
export interface MatchReason {
  criterion: CriterionKey;
  status: ReasonStatus;
  /** Who stated it, for couples. */
  who?: 'you' | 'partner' | 'both';
  importance: Importance;
  /** Share of the score this criterion contributed, 0..1 of the total weight. */
  contribution: number;
  /** Machine-readable facts for the message (e.g. `{ km: 12 }`, `{ matched: ['es'] }`). */
  details?: Record<string, string | number | boolean | string[]>;
}

export interface Match {
  therapist: Therapist;
  /** 0..1, higher fits better. */
  score: number;
  reasons: MatchReason[];
  /** Great-circle distance when both locations are known. */
  distanceKm?: number;
  /** True when the therapist can see this person by video (licensed in their jurisdiction). */
  telehealthEligible?: boolean;
}

export interface Exclusion {
  criterion: CriterionKey;
  count: number;
  details?: Record<string, string | number>;
}

export interface Relaxation {
  criterion: CriterionKey;
  /** Matches the ranking would gain by relaxing only this criterion. */
  additional: number;
  /** What to change in the answers: a patch applied by the quiz when the person accepts. */
  change: Partial<MatchAnswers>;
}

/** Partners whose wishes cannot both be met by one therapist (one wants a woman, the other a man). */
export interface PreferenceConflict {
  criterion: CriterionKey;
  you: string[];
  partner: string[];
  /**
   * `required` when both partners require their wish: then no therapist can match until one of
   * them relaxes it. `preferred` when at least one only prefers it: one wish will go unmet.
   */
  importance?: 'required' | 'preferred';
}

export interface RankResult {
  matches: Match[];
  /** Records considered, before exclusions. */
  total: number;
  /** How many passed every requirement (may exceed `matches.length` when `limit` cut the list). */
  matched: number;
  exclusions: Exclusion[];
  relaxations: Relaxation[];
  conflicts: PreferenceConflict[];
}
