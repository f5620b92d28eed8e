// The small localisation helper: message lookup with `{name}` placeholders and plural forms,
// numbers, currency and distance through Intl.

/** A message: text with `{name}` placeholders, or plural forms chosen by the `count` value. */
export type Message = string | ({ [form in Intl.LDMLPluralRule]?: string } & { other: string });
export type Catalogue = Record<string, Message>;

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** Formats `message` with `values` for `lang` (its plural rules and number format made once). */
export function formatMessage(message: Message, lang: string, values: Record<string, string | number> = {}): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    let rules = plurals.get(lang);
    if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(lang)));
    text = message[rules.select(+(values.count ?? 0))] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (typeof value !== 'number') return value ?? whole;
    let format = numbers.get(lang);
    if (!format) numbers.set(lang, (format = new Intl.NumberFormat(lang)));
    return format.format(value);
  });
}
