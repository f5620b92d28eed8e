// What a person tells the quiz: the answers the ranking reads. What it gives back is in types.ts.
import type { AgeGroup, SessionFormat } from './schema.js';

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
  /** The therapist's own faith background (`jewish`, `secular`, ...); a therapist stating any of them fits. */
  therapistFaith?: Preference<string[]>;
  /** The therapist's own cultural or ethnic background (`black`, `latino`, ...); any fits. */
  therapistCulture?: Preference<string[]>;
  /** Identity communities the therapist belongs to (`lgbtq`, `trans`, ...); any fits. */
  therapistIdentity?: Preference<string[]>;
}

/**
 * How the person would like therapy to feel, on the four Cooper–Norcross (C-NIP) dimensions; a
 * dimension left out is "no preference". Scored for agreement with the therapist's own
 * description, never a requirement.
 */
export interface TherapyStylePreference {
  /** Who leads the sessions: the therapist, or the person (`client`). */
  lead?: 'therapist' | 'client';
  /** Gentle, or emotionally intense. */
  intensity?: 'gentle' | 'intense';
  /** Focus on the past, or on the present. */
  focus?: 'past' | 'present';
  /** Warm support, or focused challenge. */
  approach?: 'support' | 'challenge';
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
  /**
   * The partners' own preferences, used only when `seeking` is `couple`: one object for one
   * partner, or a list with an entry per partner in the order they were asked (`{}` for a partner
   * who stated nothing, so partner 2 stays partner 2). The engine reads the first `MAX_PARTNERS`;
   * `partnersOf(answers)` gives either shape as a list.
   */
  partnerPreferences?: PersonalPreferences | PersonalPreferences[];
  /** Acceptable formats: `in-person`, `telehealth` or both. */
  formats?: Preference<SessionFormat[]>;
  location?: LocationAnswer;
  /** Highest fee per session the person can pay, in `currency`. */
  budget?: Preference<{ max: number; currency: string }>;
  /** Insurance plans the person has; a therapist taking any of them fits. */
  insurance?: Preference<string[]>;
  slidingScale?: Preference<true>;
  /** How the person would like therapy to feel (the optional style step). */
  therapyStyle?: TherapyStylePreference;
  acceptingNewClients?: Preference<true>;
  freeConsultation?: Preference<true>;
}
