// Spanish words for what a data source receives, in the root's privacy line.
import type { Catalogue } from './localize.js';
import type { PrivacyMessageKey } from './privacy.en.js';

export const privacyEs: Record<PrivacyMessageKey, Catalogue[string]> = {
  'quiz.privacySearch':
    'Para buscar, el directorio de este sitio recibe quién viene, el formato de las sesiones, tu zona y tus necesidades de disponibilidad; nada más.',
  'quiz.privacyShared':
    'Para buscar, el directorio de este sitio recibe quién viene, el formato de las sesiones, tu zona, tus necesidades de disponibilidad y las respuestas que este sitio decidió compartir.',
};
