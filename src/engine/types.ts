// What the ranking gives back: matches with their reasons, exclusions, relaxations and conflicts.
import type { Importance, MatchAnswers } from './answers.js';
import type { Therapist } from './schema.js';

/** Keys of the criteria the engine scores, used in reasons, exclusions and relaxations. */
export type CriterionKey =
  | 'clientType'
  | 'ageGroup'
  | 'primaryConcern'
  | 'otherConcerns'
  | 'therapistGender'
  | 'languages'
  | 'communities'
  | 'therapistFaith'
  | 'therapistCulture'
  | 'therapistIdentity'
  | 'modalities'
  | 'therapyStyle'
  | 'formats'
  | 'distance'
  | 'telehealthJurisdiction'
  | 'budget'
  | 'insurance'
  | 'slidingScale'
  | 'acceptingNewClients'
  | 'freeConsultation'
  | 'medicalCollaboration'
  | 'listingAge';

export type ReasonStatus = 'met' | 'partly-met' | 'not-met' | 'unused';

/**
 * Why a therapist is ranked where they are, one criterion at a time. Treat it as read-only: a
 * reason that is the same for several matches of one ranking (a criterion nobody stated, a
 * requirement, or one whose fit and details are equal, such as two listings with the same wanted
 * languages or the same fee) is one object, its `details` included.
 */
export interface MatchReason {
  criterion: CriterionKey;
  status: ReasonStatus;
  /**
   * Who stated it, for couples: `you`, a `partner`, `both` (you and your one partner, the same
   * wish), or `all` (you and each of several partners, the same wish).
   */
  who?: 'you' | 'partner' | 'both' | 'all';
  /**
   * Which partner stated it, counting from 1 in `partnerPreferences`, when `who` is `partner` and
   * the answers list more than one partner.
   */
  partner?: number;
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
  /**
   * The licence that lets this therapist see this person, when the answers say enough: for video,
   * the one for the person's jurisdiction (or its whole country); in person, the one for the
   * office's region (or country). `index` is its position in `therapist.licenses`; `for` says
   * which format it covers. Video comes first unless the person wants only in-person sessions.
   */
  license?: { index: number; for: 'telehealth' | 'in-person' };
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

/**
 * Two people whose wishes cannot both be met by one therapist (one wants a woman, the other a man),
 * reported once per pair.
 */
export interface PreferenceConflict {
  criterion: CriterionKey;
  /** The first one's wish: yours, or with `between`, that of `between[0]`. */
  you: string[];
  /** The second one's wish: your partner's, or with `between`, that of `between[1]`. */
  partner: string[];
  /**
   * Who the two are, when the answers list more than one partner: 0 for you, `k` for partner `k`
   * (counting from 1). `[0, 2]` is you and partner 2; `[1, 2]` partners 1 and 2.
   */
  between?: [number, number];
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
