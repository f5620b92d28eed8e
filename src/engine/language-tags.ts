// Language tags as records hold them: the codes a directory is likely to list and a tag's usual
// case. Small, because the widget checks every record's tags with it; names live in languages.ts.

/** Languages a directory is likely to list, with the sign languages of the Americas and Europe. */
export const LANGUAGE_CODES: readonly string[] = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'sv',
  'no',
  'nb',
  'da',
  'fi',
  'is',
  'pl',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'el',
  'ru',
  'uk',
  'be',
  'sr',
  'hr',
  'bs',
  'sl',
  'sq',
  'mk',
  'lt',
  'lv',
  'et',
  'ga',
  'cy',
  'ca',
  'eu',
  'gl',
  'tr',
  'he',
  'yi',
  'ar',
  'fa',
  'ps',
  'ur',
  'hi',
  'bn',
  'pa',
  'gu',
  'mr',
  'ta',
  'te',
  'kn',
  'ml',
  'si',
  'ne',
  'zh',
  'yue',
  'ja',
  'ko',
  'vi',
  'th',
  'lo',
  'km',
  'my',
  'ms',
  'id',
  'tl',
  'fil',
  'am',
  'ti',
  'so',
  'sw',
  'yo',
  'ig',
  'ha',
  'zu',
  'xh',
  'af',
  'ht',
  'hy',
  'ka',
  'az',
  'kk',
  'uz',
  'mn',
  'haw',
  'sm',
  'to',
  'mi',
  'nv',
  'ase',
  'bfi',
  'fsl',
  'ssp',
  'mfs',
  'asf',
  'gsg',
  'csl',
  'jsl',
  'sgn',
];

/** Names Intl does not give, or gives differently: name → tag. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  asl: 'ase',
  bsl: 'bfi',
  auslan: 'asf',
  mandarin: 'zh',
  'mandarin chinese': 'zh',
  cantonese: 'yue',
  farsi: 'fa',
  tagalog: 'tl',
  castellano: 'es',
  castilian: 'es',
  'brazilian portuguese': 'pt-BR',
  'haitian creole': 'ht',
  creole: 'ht',
  'sign language': 'sgn',
};

const TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Withdrawn ISO 639 codes still found in old data, and the codes that replaced them. */
const WITHDRAWN: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi', mo: 'ro' };

let englishNames: Intl.DisplayNames | null | undefined;

/** True for a language subtag our lists or the platform's English names know (`xx` is none). */
function isKnownLanguage(language: string): boolean {
  if (LANGUAGE_CODES.includes(language) || Object.values(LANGUAGE_NAMES).includes(language)) return true;
  if (englishNames === undefined)
    try {
      englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    } catch {
      englishNames = null;
    }
  // A runtime without language names cannot tell: a well-formed tag is taken at its word.
  return englishNames === null || englishNames.of(language) !== undefined;
}

/**
 * A well-formed tag in its usual case (`ES-mx` → `es-MX`, `zh-hant` → `zh-Hant`). Only the case
 * changes (and withdrawn codes such as `iw`): the platform's canonical forms differ between engines
 * (Node reads `tl` as `fil`, browsers do not), and a directory must read the same everywhere.
 */
export function tagOf(text: string): string | undefined {
  const tag = text.replace(/_/g, '-');
  if (!TAG.test(tag)) return undefined;
  const [first, ...rest] = tag.split('-');
  const language = WITHDRAWN[first.toLowerCase()] ?? first.toLowerCase();
  if (!isKnownLanguage(language)) return undefined;
  const subtags = rest.map((subtag) =>
    subtag.length === 4 && /^[A-Za-z]+$/.test(subtag)
      ? subtag[0].toUpperCase() + subtag.slice(1).toLowerCase()
      : subtag.length === 2
        ? subtag.toUpperCase()
        : subtag.toLowerCase(),
  );
  return [language, ...subtags].join('-');
}
