// Spanish names of the US states and Canadian provinces whose name differs from the English one
// (the others, such as Texas or Ontario, are written the same). Keys are `region.<ISO 3166-2>`, so
// a site can rename any place through `strings`.
import type { Catalogue } from './localize.js';

export const regionsEs: Catalogue = {
  'region.US-DC': 'Distrito de Columbia',
  'region.US-HI': 'Hawái',
  'region.US-LA': 'Luisiana',
  'region.US-MI': 'Míchigan',
  'region.US-MS': 'Misisipi',
  'region.US-MO': 'Misuri',
  'region.US-NH': 'Nuevo Hampshire',
  'region.US-NJ': 'Nueva Jersey',
  'region.US-NM': 'Nuevo México',
  'region.US-NY': 'Nueva York',
  'region.US-NC': 'Carolina del Norte',
  'region.US-ND': 'Dakota del Norte',
  'region.US-OR': 'Oregón',
  'region.US-PA': 'Pensilvania',
  'region.US-SC': 'Carolina del Sur',
  'region.US-SD': 'Dakota del Sur',
  'region.US-WV': 'Virginia Occidental',
  'region.CA-BC': 'Columbia Británica',
  'region.CA-NB': 'Nuevo Brunswick',
  'region.CA-NL': 'Terranova y Labrador',
  'region.CA-NS': 'Nueva Escocia',
  'region.CA-NT': 'Territorios del Noroeste',
  'region.CA-PE': 'Isla del Príncipe Eduardo',
  'region.CA-QC': 'Quebec',
};
