// The record format's plain rules: limits, allowed values and patterns, without zod. Both the fast
// path (accept.ts) and zod's schema (schema.ts) are written from these, so neither imports the other
// for them; the widget's cards and place lookup use them too.

/** Longest text accepted in any short field; bios get their own, larger limit. */
export const MAX_TEXT = 300;
export const MAX_BIO = 5000;
export const MAX_LIST = 100;

export const CLIENT_TYPES = ['individual', 'couple', 'family', 'group'] as const;
export const AGE_GROUPS = ['adolescent', 'adult', 'older-adult'] as const;
export const FORMATS = ['in-person', 'telehealth'] as const;
export const GENDERS = ['woman', 'man', 'non-binary'] as const;

/** True for an absolute URL whose scheme is one of `schemes`. */
export function hasScheme(value: string, schemes: readonly string[]): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const WEB = ['https:', 'http:'] as const;
/** Schemes a contact link may use: the web, email and telephone. */
export const CONTACT = [...WEB, 'mailto:', 'tel:'] as const;
/** ISO 3166-2 subdivision (`US-CA`, `CA-ON`) or a bare ISO 3166-1 country (`NZ`). */
export const JURISDICTION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
/** BCP 47 language tag, loosely checked (`en`, `es-MX`, `ase`). */
export const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const COUNTRY = /^[A-Z]{2}$/;
export const CURRENCY = /^[A-Z]{3}$/;
export const PHONE = /^\+?[0-9 ().-]{5,30}$/;

/** zod's practical email pattern (`z.regexes.email`), copied so the fast path needs no zod. */
export const EMAIL =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
