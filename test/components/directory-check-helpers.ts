// Helpers for the directory checker tests: files as an admin has them, picking them through the
// real file input, and reading what the admin sees (status, counts, problem rows, preview cards).
import { waitUntil } from '@open-wc/testing';

/** The checker as the tests see it: an element with an open shadow root. */
export type Checker = HTMLElement & { updateComplete: Promise<boolean> };

const BOM = '\uFEFF';

/**
 * A spreadsheet export as a clinic has it: a BOM, semicolons (a European Excel), labels instead of
 * ids, yes/no, decimal commas, a year-only date, an office without coordinates, an unknown column,
 * a hostile `__proto__.bookingUrl` header, a surrogate-partner listing, a record without a name and
 * a licence in a place that is no jurisdiction.
 */
export const SPREADSHEET_CSV =
  BOM +
  [
    'Listing ID;Full Name;Pronouns;Licence;Certification;Concerns;Clients;Languages;Session formats;City;State;Zip;Latitude;Longitude;Session fee;Fee currency;Sliding scale;Accepting New Clients;Free consultation;Last verified;Internal notes;__proto__.bookingUrl',
    'ck-001;Marisol Quillfeather;she/her;LMFT:US-CA;AASECT:Certified Sex Therapist;"Desire discrepancy; Low desire";individual|couple;English|Spanish;in person|telehealth;Oakland;CA;94612;37,8044;-122,2712;120;USD;yes;no;yes;2025-06;call back in May;https://attacker.example/book',
    'ck-002;Benedict Okafor;he/him;LCSW:US-OR;;"Erectile concerns; performance-anxiety";individual;English;in person;Portland;OR;97205;;;95;USD;no;yes;no;2025;;',
    'ck-003;Rosa Delacroix;she/her;Sexual Surrogate:US-CA;IPSA:Surrogate Partner;Sexual inexperience;individual;English;in person;Los Angeles;CA;90012;34,05;-118,24;200;USD;no;yes;no;2025-01-10;;',
    'ck-004;;they/them;LPC:US-TX;;Body image;individual;English;telehealth;;;;;;90;USD;yes;yes;yes;2024-11-02;;',
    'ck-005;Wren Alderbrook;they/them;Psychologist:CA-ON;AASECT:Certified Sex Therapist;"Gender identity; Unicorn therapy";individual;Klingon|English;telehealth;Toronto;ON;;;;150;CAD;maybe;yes;no;last spring;;',
    'ck-006;Tomasz Greenhollow;he/him;LMFT:US-WA;;Desire discrepancy|Communication about sex;couple;English|Polish;telehealth;Seattle;WA;98101;47,6062;-122,3321;140;USD;no;Yes;Y;2026-02-14;;',
    'ck-007;Imani Rosewater;she/her;PsyD:Narnia;AASECT:Certified Sex Therapist;Sexual trauma;individual;English;telehealth;;;;;;160;USD;yes;yes;no;2025-09;;',
  ].join('\r\n') +
  '\r\n';

/** A valid JSON record. */
export function jsonRecord(id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name,
    licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }],
    formats: ['telehealth'],
    clientTypes: ['individual', 'couple'],
    concerns: ['desire-discrepancy'],
    languages: ['en'],
    ...extra,
  };
}

/** A system's JSON export: three good records and one without any licence. */
export const JSON_EXPORT = JSON.stringify(
  {
    therapists: [
      jsonRecord('js-1', 'Ada Fernhill'),
      jsonRecord('js-2', 'Bruno Castellane'),
      { ...jsonRecord('js-3', 'Celia Moorcroft'), licenses: [] },
      jsonRecord('js-4', 'Dmitri Ashdown'),
    ],
  },
  null,
  2,
);

/** `text` as UTF-16LE bytes with a byte-order mark, as Excel's "Unicode Text" saves. */
export function utf16le(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(2 + text.length * 2));
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i] = unit & 0xff;
    bytes[3 + 2 * i] = unit >> 8;
  }
  return bytes;
}

/** The first bytes of a PNG image. */
export const PNG_BYTES: Uint8Array<ArrayBuffer> = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48,
]);
/** The first bytes of an .xlsx workbook (a zip archive). */
export const XLSX_BYTES: Uint8Array<ArrayBuffer> = new Uint8Array([
  0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0,
]);

export const fileOf = (parts: BlobPart | BlobPart[], name: string, type = '') =>
  new File(Array.isArray(parts) ? parts : [parts], name, { type });

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The live status line. */
export const status = (el: Element) => text($(el, '[role="status"]'));

/** Puts `file` into the real `<input type="file">`, as the browser does when a person picks it. */
export async function pick(el: Checker, file: File): Promise<string> {
  await el.updateComplete;
  const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete; // the previous outcome is gone
  return settled(el);
}

/** Waits until the checker shows an outcome (checked, or could not be checked); returns the status. */
export async function settled(el: Checker): Promise<string> {
  await waitUntil(() => /^Checked |could not be checked/.test(status(el)), 'the checker never finished', {
    timeout: 8000,
  });
  await el.updateComplete;
  for (const card of $$(el, 'tm-match-card')) await (card as Checker).updateComplete;
  return status(el);
}

/** The counts as labelled on the page: `{ 'Kept': '4', … }`. */
export function counts(el: Element): Record<string, string> {
  return Object.fromEntries(
    $$(el, '[part="counts"] > div').map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]),
  );
}

/** The problem table's header cells. */
export const headers = (el: Element) => $$(el, 'table thead th').map(text);

/** The problem table's rows as cell texts: severity, where, id, field, problem, fix. */
export const rows = (el: Element) => $$<HTMLTableRowElement>(el, 'table tbody tr').map((tr) => [...tr.cells].map(text));

/** Names on the preview cards, read from each card's own shadow root. */
export const cardNames = (el: Element) =>
  $$(el, 'tm-match-card').map((card) => text(card.shadowRoot!.querySelector('h3')));

/**
 * Clicks the download button (or runs `trigger`, e.g. a key press) and captures what is saved: the Blob's text (read through its
 * object URL before it is revoked), the file name, and whether the URL was revoked afterwards.
 */
export async function download(
  el: Element,
  trigger: () => unknown = () => $<HTMLButtonElement>(el, 'button[part~="download"]')!.click(),
): Promise<{ name: string; json: string; revoked: boolean; type: string }> {
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  const revokedUrls: string[] = [];
  let blob: Blob | undefined;
  let read: Promise<string> | undefined;
  let href = '';
  let name = '';
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return create.call(URL, object);
  };
  URL.revokeObjectURL = (url: string) => {
    revokedUrls.push(url);
    revoke.call(URL, url);
  };
  // No real download in the test browser: read the link's target instead, before it is revoked.
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    href = this.href;
    name = this.download;
    read = fetch(this.href).then((response) => response.text());
  };
  try {
    await trigger();
    await waitUntil(() => revokedUrls.includes(href), 'the object URL was never revoked', { timeout: 2000 });
  } finally {
    URL.createObjectURL = create;
    URL.revokeObjectURL = revoke;
    HTMLAnchorElement.prototype.click = click;
  }
  if (!read || !blob) throw new Error('nothing was downloaded');
  const json = await read;
  return { name, json, revoked: revokedUrls.includes(href), type: blob.type };
}
