// Language names people write in directories ("English", "Español", "ASL") read as BCP 47 tags.
// Names come from the platform (Intl.DisplayNames), built once on first use.

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

const key = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

let names: Map<string, string> | undefined;

function namesToTags(): Map<string, string> {
  if (names) return names;
  names = new Map(Object.entries(LANGUAGE_NAMES));
  const add = (locale: string, code: string) => {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
      if (name && !names!.has(key(name))) names!.set(key(name), code);
    } catch {
      // A runtime without this locale's data: English and the code still work.
    }
  };
  for (const code of LANGUAGE_CODES) {
    add('en', code);
    add('es', code);
    add(code, code);
  }
  return names;
}

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
function tagOf(text: string): string | undefined {
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

const tags = new Map<string, string | undefined>();

/**
 * The BCP 47 tag for a language written as a tag (`en`, `ES-mx`, `en_US`) or a name in English,
 * Spanish or itself (`English`, `Español`, `ASL`); undefined when neither, or when the tag names
 * no language (`xx`).
 */
export function languageTag(value: string): string | undefined {
  if (tags.has(value)) return tags.get(value);
  const text = value.trim();
  const tag = namesToTags().get(key(text)) ?? tagOf(text);
  // Directories repeat a few languages: remember them (within reason).
  if (tags.size < 10_000) tags.set(value, tag);
  return tag;
}
