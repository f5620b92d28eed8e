// Hostile input: keys that would reach a prototype, and text that hides, reorders or breaks what a
// person reads. Nothing reaches Object.prototype; every cleaned value is a warning; a name with
// nothing visible left is an error.
import { expect } from '@open-wc/testing';
import { parseTherapists, validateTherapists } from '../../src/engine/index.js';
import { lines, minimal, read } from './read.js';

const FORBIDDEN = 'is a name no record may use; it was ignored';

/** Plain data all the way down: ordinary prototypes, no inherited or forbidden keys. */
function expectPlain(value: unknown, path = 'record'): void {
  if (value === null || typeof value !== 'object') return;
  expect([Object.prototype, Array.prototype], path).to.include(Object.getPrototypeOf(value));
  for (const key in value) expect(Object.hasOwn(value, key), `${path}.${key} is inherited`).to.equal(true);
  for (const key of ['__proto__', 'constructor', 'prototype'])
    expect(Object.hasOwn(value, key), `${path}.${key}`).to.equal(false);
  for (const [key, item] of Object.entries(value)) expectPlain(item, `${path}.${key}`);
}

describe('hostile keys', () => {
  const snapshot = () => ({
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
  });

  afterEach(() => {
    // A failing test must not leave a polluted prototype for the next one.
    for (const key of ['bookingUrl', 'isAdmin', 'lat', 'lng', 'verifyUrl', 'polluted'])
      delete (Object.prototype as Record<string, unknown>)[key];
  });

  it('ignores __proto__, constructor and prototype keys at every depth, naming each one', async () => {
    const before = snapshot();
    const input = JSON.parse(`[{
      "id": "th-1",
      "name": "Dr. Ana Ruiz",
      "licenses": [{ "type": "LMFT", "jurisdiction": "US-CA",
                     "__proto__": { "verifyUrl": "https://evil.example/verify" } }],
      "formats": ["in-person"],
      "__proto__": { "bookingUrl": "https://evil.example/book", "isAdmin": true },
      "constructor": { "prototype": { "bookingUrl": "https://evil.example/book" } },
      "prototype": { "polluted": true },
      "location": { "city": "Oakland", "lat": 37.8, "lng": -122.27,
                    "__proto__": { "lat": 0, "lng": 0, "polluted": true } }
    }]`);
    const { therapists, problems } = await read(input);
    expect(lines(problems)).to.deep.equal([
      `warning licenses.0.__proto__: ${FORBIDDEN}`,
      `warning __proto__: ${FORBIDDEN}`,
      `warning constructor: ${FORBIDDEN}`,
      `warning prototype: ${FORBIDDEN}`,
      `warning location.__proto__: ${FORBIDDEN}`,
    ]);
    expect(problems.every((p) => p.fix === 'remove this field' && p.id === 'th-1')).to.equal(true);
    expect(therapists).to.deep.equal([
      {
        id: 'th-1',
        name: 'Dr. Ana Ruiz',
        licenses: [{ type: 'LMFT', jurisdiction: 'US-CA' }],
        formats: ['in-person'],
        location: { city: 'Oakland', lat: 37.8, lng: -122.27 },
      },
    ]);
    const [t] = therapists as unknown as Record<string, unknown>[];
    expectPlain(t);
    // Nothing a card reads comes from a prototype.
    expect(t.bookingUrl).to.equal(undefined);
    expect(t.isAdmin).to.equal(undefined);
    expect((t.licenses as Record<string, unknown>[])[0].verifyUrl).to.equal(undefined);
    expect(snapshot()).to.deep.equal(before);
    expect(({} as Record<string, unknown>).bookingUrl).to.equal(undefined);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('ignores the forbidden keys in any spelling a header could take', async () => {
    const before = snapshot();
    const keys = ['__PROTO__', ' __proto__ ', 'Constructor', 'PROTOTYPE', 'proto-type'];
    const record = minimal();
    for (const key of keys)
      Object.defineProperty(record, key, { value: { bookingUrl: 'https://evil.example' }, enumerable: true });
    const { therapists, problems } = await read([record]);
    expect(lines(problems)).to.deep.equal(keys.map((key) => `warning ${key}: ${FORBIDDEN}`));
    expect(therapists).to.deep.equal([minimal()]);
    expectPlain(therapists[0]);
    expect(snapshot()).to.deep.equal(before);
  });

  it('keeps a record whose prototype is not Object.prototype as plain data, without what it inherits', async () => {
    const inherited = Object.assign(Object.create({ bookingUrl: 'https://evil.example', polluted: true }), minimal());
    const bare = Object.assign(Object.create(null), minimal({ id: 'th-2' }));
    const { therapists, problems } = await read([inherited, bare]);
    expect(problems).to.deep.equal([]);
    expect(therapists).to.deep.equal([minimal(), minimal({ id: 'th-2' })]);
    expectPlain(therapists[0]);
    // A prototype-free record (a safe dictionary) may be kept as it is: it inherits nothing either.
    for (const key in therapists[1]) expect(Object.hasOwn(therapists[1], key), key).to.equal(true);
    expect((therapists[1] as unknown as Record<string, unknown>).bookingUrl).to.equal(undefined);
  });

  it('keeps only values it checked when a getter answers differently each time it is read', async () => {
    // A name to trim the first time (so the record is copied), one with a direction override the next.
    const record = (): Record<string, unknown> => {
      let reads = 0;
      return Object.defineProperty(minimal(), 'name', {
        enumerable: true,
        get: () => (reads++ % 2 ? 'Ana \u202Eziur' : '  Dr. Ana Ruiz  '),
      });
    };
    for (const result of [parseTherapists([record()]), await validateTherapists([record()])]) {
      expect(result.therapists).to.have.length(1);
      const { name } = result.therapists[0];
      expect(['Dr. Ana Ruiz', 'Ana ziur']).to.include(name);
      expect(Object.getOwnPropertyDescriptor(result.therapists[0], 'name')?.get).to.equal(undefined);
    }
  });

  it('reads only what each record holds when the page has added keys to Object.prototype', async () => {
    // A careless script on the page: one key anyone's for-in sees, one hidden from it.
    (Object.prototype as Record<string, unknown>).bookingUrl = 'https://evil.example/book';
    Object.defineProperty(Object.prototype, 'verifyUrl', {
      value: 'https://evil.example/verify',
      enumerable: false,
      configurable: true,
      writable: true,
    });
    const own = minimal({ id: 'th-2', bookingUrl: 'https://clinic.example/book' });
    // A field the format does not have beside the hidden inherited one: it is still named.
    const odd = minimal({ id: 'th-3' });
    (odd.licenses as unknown as Record<string, unknown>[])[0].office = 'Suite 4';
    const { therapists, problems } = await read([minimal(), own, odd]);
    expect(therapists.map((t) => t.id)).to.deep.equal(['th-1', 'th-2', 'th-3']);
    expect(problems.map((p) => `${p.id} ${p.path}`)).to.deep.equal(['th-3 licenses.0.office']);
    for (const t of therapists) {
      const licence = t.licenses[0] as unknown as Record<string, unknown>;
      expect(Object.hasOwn(licence, 'verifyUrl'), `${t.id} verifyUrl`).to.equal(false);
      expect(Object.hasOwn(t, 'bookingUrl'), `${t.id} bookingUrl`).to.equal(t.id === 'th-2');
    }
    expect(therapists[1].bookingUrl).to.equal('https://clinic.example/book');
    delete (Object.prototype as Record<string, unknown>).bookingUrl;
    // With only the hidden key left, the same records read the same.
    const again = await read([minimal(), own, odd]);
    expect(again.therapists).to.deep.equal(therapists);
    expect(again.problems.map((p) => `${p.id} ${p.path}`)).to.deep.equal(['th-3 licenses.0.office']);
  });
});

describe('text that hides or reorders what a person reads', () => {
  const CLEANED = 'had control or direction-changing characters; they were removed';

  it('strips control characters and NUL bytes with a warning, keeping the listing', async () => {
    const { therapists, problems } = await read([
      minimal({
        name: 'Dr.\u0000 Ana\u0007 Ruiz',
        bio: 'Talk therapy\u0008 for couples.\nSessions are online.\tBook below.',
        location: { city: 'Oak\u001Bland' },
      }),
    ]);
    expect(lines(problems)).to.deep.equal([
      `warning name: ${CLEANED}`,
      `warning bio: ${CLEANED}`,
      `warning location.city: ${CLEANED}`,
    ]);
    expect(problems[0].fix).to.equal('remove them from the source data');
    const [t] = therapists;
    expect(t.name).to.equal('Dr. Ana Ruiz');
    // A bio keeps its line breaks and tabs; one-line fields do not have them.
    expect(t.bio).to.equal('Talk therapy for couples.\nSessions are online.\tBook below.');
    expect(t.location).to.deep.equal({ city: 'Oakland' });
  });

  it('strips bidi overrides and isolates, which can make a name read as another', async () => {
    const { therapists, problems } = await read([minimal({ name: 'Ana \u202Ez\u00FAiR\u202C \u2066Dr\u2069' })]);
    expect(lines(problems)).to.deep.equal([`warning name: ${CLEANED}`]);
    expect(therapists[0].name).to.equal('Ana zúiR Dr');
  });

  it('drops lone surrogates, which no font can show, and keeps paired ones', async () => {
    const { therapists, problems } = await read([minimal({ name: 'Ana \uD800Ruiz\uDC00', pronouns: 'she/her 🌈' })]);
    expect(lines(problems)).to.deep.equal([`warning name: ${CLEANED}`]);
    expect(therapists[0].name).to.equal('Ana Ruiz');
    expect(therapists[0].pronouns).to.equal('she/her 🌈');
  });

  it('drops a listing whose name is empty once invisible and direction characters are gone', async () => {
    for (const [name, expected] of [
      ['\u200B\u200B', ['error name: has no visible characters']],
      ['\u00AD', ['error name: has no visible characters']],
      ['\u3164', ['error name: has no visible characters']],
      ['\u2060\u200D', ['error name: has no visible characters']],
      // Only spaces (a BOM counts as one): a blank cell, so the name is missing.
      [' \u00A0\u3000 ', ['error name: is missing']],
      ['\uFEFF', ['error name: is missing']],
      ['\u202E\u2066\u2069', [`warning name: ${CLEANED}`, 'error name: must not be empty']],
      ['\u0000\u0007', [`warning name: ${CLEANED}`, 'error name: must not be empty']],
    ] as const) {
      const { therapists, problems } = await read([minimal({ name })]);
      expect(therapists, JSON.stringify(name)).to.deep.equal([]);
      expect(lines(problems), JSON.stringify(name)).to.deep.equal(expected);
      const error = problems.at(-1)!;
      expect(error).to.include({ severity: 'error', index: 0, id: 'th-1', path: 'name' });
      expect(error.fix).to.equal(
        'write it as docs/records.md describes: Name as the therapist presents it, with no credentials appended.',
      );
    }
  });

  it('keeps joiners inside a name, where they shape letters and emoji', async () => {
    const name = 'Dr. Priya 👩\u200D⚕️ Nair';
    const { therapists, problems } = await read([minimal({ name })]);
    expect(problems).to.deep.equal([]);
    expect(therapists[0].name).to.equal(name);
  });
});
