// The small localisation helper: message lookup with `{name}` placeholders and plural forms,
// numbers, currency and distance through Intl.

/** A message: text with `{name}` placeholders, or plural forms chosen by the `count` value. */
export type Message = string | ({ [form in Intl.LDMLPluralRule]?: string } & { other: string });
export type Catalogue = Record<string, Message>;

/** Formats `message` with `values` for `lang`. */
export function formatMessage(message: Message, lang: string, values: Record<string, string | number> = {}): string {
  const text =
    typeof message === 'string'
      ? message
      : (message[new Intl.PluralRules(lang).select(Number(values.count ?? 0))] ?? message.other);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value;
  });
}
