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

/**
 * The BCP 47 tag for a language written as a tag (`en`, `ES-mx`) or a name in English, Spanish or
 * itself (`English`, `Español`, `ASL`); undefined when neither.
 */
export function languageTag(value: string): string | undefined {
  const text = value.trim();
  const named = namesToTags().get(key(text));
  if (named) return named;
  if (!TAG.test(text)) return undefined;
  try {
    return Intl.getCanonicalLocales(text)[0];
  } catch {
    return undefined;
  }
}
