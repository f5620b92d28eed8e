// The small localisation helper: message lookup with `{name}` placeholders and plural forms,
// numbers, currency and distance through Intl.

/** A message: text with `{name}` placeholders, or plural forms chosen by the `count` value. */
export type Message = string | ({ [form in Intl.LDMLPluralRule]?: string } & { other: string });
export type Catalogue = Record<string, Message>;

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/**
 * The languages the widget ships (English, Spanish), alone or with a region, write every whole
 * number below 1,000 as plain ASCII digits, as `Intl.NumberFormat` does (checked against the
 * platform, with every other language and region, in test/i18n/plain-digits.test.ts). The page's
 * first `Intl.NumberFormat` costs 20–50 ms (the platform loads its number data), which "Step 1 of
 * 4" need not pay before the quiz is on screen. (Most other two-letter languages would qualify too;
 * listing them costs the main file about 40 bytes.)
 */
const PLAIN_DIGITS = /^e[ns](-[A-Z]{2})?$/;

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
    // 0 to 999, whole (and not -0): as the platform would write them, for these languages.
    if (value % 1 === 0 && 1 / value > 0 && value < 1000 && PLAIN_DIGITS.test(lang)) return `${value}`;
    let format = numbers.get(lang);
    if (!format) numbers.set(lang, (format = new Intl.NumberFormat(lang)));
    return format.format(value);
  });
}
