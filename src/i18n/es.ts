// Spanish, loaded on demand: pages in other languages never download it.
import type { Catalogue } from './localize.js';
import { defaultVocabulary } from '../engine/vocabulary.js';
import { addSpanishLabels } from '../engine/vocabulary.es.js';
import { quizEs } from './quiz.es.js';
import { privacyEs } from './privacy.es.js';
import { regionsEs } from './regions.es.js';
import { resultsEs } from './results.es.js';
import { quizStepsEs } from './steps.es.js';

// The default concerns, communities and other terms in Spanish arrive with the messages.
addSpanishLabels(defaultVocabulary);

export const es: Catalogue = { ...quizEs, ...quizStepsEs, ...resultsEs, ...regionsEs, ...privacyEs };
