// English words for what a data source receives, in the root's privacy line. They load with the
// matching engine and the results view (see components/results/results-text.ts): the person's
// answers reach a source only once those are here, so the line says it before anything is sent.
import type { Catalogue } from './localize.js';

export const privacyEn = {
  'quiz.privacySearch':
    'To search, this site’s directory receives who is coming, the session format, your area and availability needs; nothing else.',
  'quiz.privacyShared':
    'To search, this site’s directory receives who is coming, the session format, your area, availability needs and the answers this site chose to share.',
} satisfies Catalogue;

export type PrivacyMessageKey = keyof typeof privacyEn;
