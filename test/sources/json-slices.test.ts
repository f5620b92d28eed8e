// Large directory files are read without blocking the page, with exactly the result of reading them
// in one go: the body in chunks, the bytes decoded in slices, the JSON parsed piece by piece. Seeded
// property tests compare each with the one-go version (fast-check prints a failing seed to replay).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { decodeBytes, jsonOf, ResponseBody } from '../../src/sources/http.js';
import { decodeBytesInSlices, parseJsonBytesInSlices } from '../../src/sources/body-slices.js';
import { jsonSource, type SourceResult } from '../../src/sources/index.js';
import { failOnUnhandledRejections, signal } from './helpers.js';

const SEED = 20261124;
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Small pieces, and no size below which the body is left whole: every split is exercised. */
const TINY = { pieceBytes: 40, wholeBytes: 0 };
/** A piece for every record: every boundary between records is a boundary between pieces. */
const EACH = { pieceBytes: 1, wholeBytes: 0 };

/** A record-like object: keys and strings with quotes, backslashes, brackets and any Unicode. */
const tricky = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('"', '\\', '\\"', '{[', ']}', '},{', '\u2028', '😀', '\u0000', '\\u0041'),
);
const record = fc.dictionary(tricky, fc.oneof(fc.jsonValue(), tricky), { minKeys: 1, maxKeys: 6 });
/** How a file may be laid out: compact, pretty, or with odd whitespace. */
const layout = fc.constantFrom<(value: unknown) => string>(
  (value) => JSON.stringify(value),
  (value) => JSON.stringify(value, null, 2),
  (value) => ` \r\n\t${JSON.stringify(value, null, '\t')}\n `,
);

describe('parseJsonBytesInSlices', () => {
  failOnUnhandledRejections();

  it('gives what JSON.parse gives for an array of records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 2, maxLength: 40 }), layout, async (records, write) => {
        const text = write(records);
        const parsed = await parseJsonBytesInSlices(utf8(text), TINY);
        expect(parsed, 'split').not.to.equal(undefined);
        expect(parsed!.value).to.deep.equal(JSON.parse(text));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('gives what JSON.parse gives for records inside an object, whatever else it holds', async () => {
    const other = fc.dictionary(tricky, fc.jsonValue(), { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 2, maxLength: 30 }),
        other,
        other,
        layout,
        async (records, before, after, write) => {
          const text = write({ ...before, therapists: records, ...after });
          const parsed = await parseJsonBytesInSlices(utf8(text), TINY);
          expect(parsed?.value ?? JSON.parse(text)).to.deep.equal(JSON.parse(text));
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('keeps JSON.parse’s answer for repeated keys and a key named __proto__', async () => {
    const records = JSON.stringify([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    for (const text of [
      `{"therapists": ${records}, "therapists": [1]}`,
      `{"therapists": [1], "therapists": ${records}}`,
      `{"__proto__": ${records}, "total": 3}`,
      `{"x": "tm-array-", "therapists": ${records}}`,
    ]) {
      const parsed = await parseJsonBytesInSlices(utf8(text), TINY);
      const expected = JSON.parse(text) as Record<string, unknown>;
      expect(parsed?.value ?? expected, text).to.deep.equal(expected);
      if (parsed) expect(Object.getPrototypeOf(parsed.value), text).to.equal(Object.prototype);
    }
  });

  it('never answers for text JSON.parse rejects, so the caller reports JSON.parse’s own error', async () => {
    const good = JSON.stringify([{ id: 'a', name: 'x"y' }, { id: 'b' }, { id: 'c', list: [1, 2] }]);
    for (const text of [
      good.slice(0, -1),
      `${good} x`,
      `${good}]`,
      good.replace('},{', '},,{'),
      good.replace('[{', '[,{'),
      good.replace(/}]$/, '},]'),
      good.replace('"a"', 'a'),
      good.replace('x\\"y', 'x\\y'),
      `\uFEFF${good}`,
      '[{"a":1},{"b":2}',
      good.replace('},{', '}.5,{'),
      good.replace('},{', '}e5,{'),
      good.replace('},{', '} null,{'),
      good.replace(/]$/, '}'),
    ])
      for (const options of [TINY, EACH])
        expect(await parseJsonBytesInSlices(utf8(text), options), text).to.equal(undefined);
    // A byte that is not UTF-8 inside a string: the caller decodes it as Windows-1252 instead.
    const bytes = utf8(good);
    bytes[good.indexOf('x')] = 0xe9;
    expect(await parseJsonBytesInSlices(bytes, EACH)).to.equal(undefined);
  });

  it('answers JSON.parse’s result or nothing, whatever one byte is changed to', async () => {
    const text = JSON.stringify({ total: 3, therapists: [{ id: 'a', n: [1, { b: '}' }] }, { id: '\\' }, { id: 'c' }] });
    await fc.assert(
      fc.asyncProperty(
        fc.nat(text.length - 1),
        fc.integer({ min: 0, max: 127 }),
        fc.boolean(),
        async (at, byte, each) => {
          const bytes = utf8(text);
          bytes[at] = byte;
          const changed = new TextDecoder().decode(bytes);
          let expected: unknown;
          try {
            expected = JSON.parse(changed);
          } catch {
            expected = undefined;
          }
          const parsed = await parseJsonBytesInSlices(bytes, each ? EACH : TINY);
          if (parsed) expect(parsed.value).to.deep.equal(expected);
          else if (expected === undefined) expect(parsed).to.equal(undefined);
        },
      ),
      { seed: SEED, numRuns: 600 },
    );
  });
});

describe('decodeBytesInSlices', () => {
  it('decodes exactly as decodeBytes, with multi-byte characters split between slices', async () => {
    const encodings: ((text: string) => Uint8Array)[] = [
      (text) => utf8(text),
      (text) => utf8(`\uFEFF${text}`),
      (text) => {
        const bytes = new Uint8Array(2 + text.length * 2);
        bytes.set([0xff, 0xfe]);
        for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
        return bytes;
      },
      // Not UTF-8: read as Windows-1252, a guess.
      (text) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff).map((b, i) => (i % 7 === 3 ? 0xe9 : b)),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1 }),
        fc.nat(encodings.length - 1),
        fc.integer({ min: 1, max: 9 }),
        async (text, which, slice) => {
          const bytes = encodings[which](text);
          expect(await decodeBytesInSlices(bytes, undefined, slice)).to.deep.equal(decodeBytes(bytes));
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('a large JSON directory over HTTP', () => {
  failOnUnhandledRejections();

  it('reads a 1 MB file of records, bare or wrapped, as JSON.parse does', async () => {
    for (const url of ['/test-api/big?count=3000', '/test-api/big?count=3000&wrapped=1']) {
      const expected = (await (await fetch(url)).json()) as unknown[] | { therapists: unknown[] };
      const { records } = (await jsonSource(url).search({}, { signal: signal() })) as SourceResult;
      expect(records).to.deep.equal(Array.isArray(expected) ? expected : expected.therapists);
    }
  });

  it('gives the page a turn while it parses: a timer set when parsing starts fires before it ends', async () => {
    const records = Array.from({ length: 10_000 }, (_, i) => ({
      id: `t-${i}`,
      name: `Name ${i}`,
      notes: 'x'.repeat(300),
    }));
    const body = new ResponseBody(utf8(JSON.stringify(records)));
    let timerFired = 0;
    setTimeout(() => (timerFired = performance.now()), 0);
    const parsed = await jsonOf(body, new Response(''), 'big.json');
    const ended = performance.now();
    expect(parsed).to.deep.equal(records);
    expect(timerFired, 'the timer never fired during parsing').to.be.greaterThan(0);
    expect(timerFired).to.be.below(ended);
  });
});
