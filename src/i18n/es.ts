// Spanish, loaded on demand: pages in other languages never download it.
import type { Catalogue } from './localize.js';
import { quizEs } from './quiz.es.js';
import { privacyEs } from './privacy.es.js';
import { regionsEs } from './regions.es.js';
import { resultsEs } from './results.es.js';
import { quizStepsEs } from './steps.es.js';

export const es: Catalogue = { ...quizEs, ...quizStepsEs, ...resultsEs, ...regionsEs, ...privacyEs };
