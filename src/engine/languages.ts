// Language names people write in directories ("English", "Español", "ASL") read as BCP 47 tags.
// Names come from the platform (Intl.DisplayNames), built once on first use.
import { LANGUAGE_NAMES, LANGUAGE_CODES, tagOf } from './language-tags.js';

export { LANGUAGE_CODES, LANGUAGE_NAMES } from './language-tags.js';

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
  // One DisplayNames per locale (making one costs far more than asking it): English and Spanish
  // name every code, each language names itself.
  const made = new Map<string, Intl.DisplayNames | null>();
  const add = (locale: string, code: string) => {
    let inLocale = made.get(locale);
    if (inLocale === undefined) {
      try {
        inLocale = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
      } catch {
        inLocale = null; // A runtime without this locale's data: English and the code still work.
      }
      made.set(locale, inLocale);
    }
    try {
      const name = inLocale?.of(code);
      if (name && !names!.has(key(name))) names!.set(key(name), code);
    } catch {
      // A code this runtime does not know: the lists above still name it.
    }
  };
  for (const code of LANGUAGE_CODES) {
    add('en', code);
    add('es', code);
    add(code, code);
  }
  return names;
}

const tags = new Map<string, string | undefined>();

/**
 * The BCP 47 tag for a language written as a tag (`en`, `ES-mx`, `en_US`) or a name in English,
 * Spanish or itself (`English`, `Español`, `ASL`); undefined when neither, when the tag names
 * no language (`xx`), or for anything but text.
 */
export function languageTag(value: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (tags.has(value)) return tags.get(value);
  const text = value.trim();
  const tag = namesToTags().get(key(text)) ?? tagOf(text);
  // Directories repeat a few languages: remember them (within reason).
  if (tags.size < 10_000) tags.set(value, tag);
  return tag;
}
