// Fuzzing <therapist-match> in a real browser (seeded: see test/fuzz.ts): random and hostile
// attribute strings, property values, presets, directories and stored snapshots. Whatever it is
// given, the widget shows a usable state (a quiz step, results whose count agrees with the cards,
// or an error with Retry) before and after walking to the results and starting over; it renders
// no link but web, email and telephone ones; no prototype changes.
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { arraySource, type TherapistMatch } from '../../src/index.js';
import type { TherapistSource } from '../../src/sources/types.js';
import { readSnapshot, serializeSnapshot } from '../../src/state/stored-answers.js';
import { generateTherapists } from '../../demo/sample/generate.js';
import {
  anyAnswers,
  arm,
  attributeText,
  edgeNumber,
  fuzz,
  hostileObject,
  prototypeSnapshot,
  withTraps,
} from '../fuzz.js';
import {
  expectUsable,
  LINK_SCHEMES,
  quizOf,
  renderedLinks,
  resultsOf,
  settle,
  onFirstStep,
  stepHeading,
  toResults,
  warningsDuring,
} from './therapist-match-helpers.js';

const records = generateTherapists(40, 5);
/** The widget reports failing sources in the console; the fuzz makes many on purpose. */
const quiet = { errors: true };
const plainSource = arraySource(records);

/** Links a directory might hold, hostile ones included. */
const link = fc.constantFrom(
  'https://example.org/ok',
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  'mailto:a@example.org',
  'tel:+15550100',
  'file:///etc/passwd',
);
/** Where the directory comes from: the records (with some links replaced), a failing source, none, junk. */
const sourceRecipe = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.nat({ max: records.length - 1 }),
          fc.constantFrom('website', 'bookingUrl', 'photoUrl', 'email', 'phone'),
          link,
        ),
        { maxLength: 6 },
      )
      .map((patches) => ({ kind: 'records' as const, patches })),
  },
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'rejects' as const }, { kind: 'throws' as const }) },
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'none' as const }) },
  { weight: 1, arbitrary: hostileObject.map((junk) => ({ kind: 'junk' as const, junk })) },
);

function sourceOf(recipe: unknown): unknown {
  const r = recipe as { kind: string; patches?: [number, string, string][]; junk?: unknown };
  switch (r.kind) {
    case 'records': {
      if (!r.patches!.length) return plainSource;
      const patched = records.map((record) => ({ ...record }));
      for (const [k, field, value] of r.patches!) (patched[k] as Record<string, unknown>)[field] = value;
      return arraySource(patched);
    }
    case 'rejects':
      return { label: 'a failing source', search: () => Promise.reject(new Error('down')) } as TherapistSource;
    case 'throws':
      return {
        label: 'a broken source',
        search: () => {
          throw new TypeError('bug');
        },
      } as TherapistSource;
    case 'none':
      return undefined;
    default:
      return arm(r.junk);
  }
}

/** The documented meaning of `limit` on the element: 1 to 100, else 20. */
function shownLimit(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !(n >= 1)) return 20;
  return Math.min(Math.floor(n), 100);
}

/** Mounts `widget`, checks it is usable, walks to the results, checks again, starts over. */
async function exercise(widget: TherapistMatch, limit: number): Promise<void> {
  const el = await fixture<TherapistMatch>(widget);
  await settle(el);
  expectUsable(el);
  await toResults(el);
  expectUsable(el, limit);
  for (const href of renderedLinks(el.shadowRoot!))
    expect(LINK_SCHEMES, href).to.include(new URL(href, document.baseURI).protocol);
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="start-over"]')!.click();
  await settle(el);
  expect(onFirstStep(el), 'Start over leads to the first step').to.equal(true);
  el.remove();
}

describe('fuzz: <therapist-match> in the browser', () => {
  let prototypesUnchanged: () => void;
  beforeEach(() => (prototypesUnchanged = prototypeSnapshot()));
  afterEach(() => {
    // The widgets first: one still on the page could store its snapshot again once cleared.
    fixtureCleanup();
    sessionStorage.clear();
    prototypesUnchanged();
  });

  it('any attribute strings: a usable state before and after the results', async function () {
    this.timeout(120_000);
    const attributes = fc.record(
      {
        limit: attributeText,
        lang: attributeText,
        steps: attributeText,
        persist: attributeText,
        theme: attributeText,
        format: attributeText,
        'source-share': attributeText,
        'safety-note': attributeText,
        'share-answers': attributeText,
        src: fc.constantFrom('/demo/data/nope.json', 'javascript:alert(1)', 'data:application/json,[]', ''),
      },
      { requiredKeys: [] },
    );
    await fuzz(
      fc.asyncProperty(attributes, sourceRecipe, async (attrs, source) => {
        await warningsDuring(async () => {
          const widget = document.createElement('therapist-match');
          for (const [name, value] of Object.entries(attrs)) widget.setAttribute(name, value);
          widget.source = sourceOf(source) as TherapistSource;
          await exercise(widget, attrs.limit === undefined ? 20 : shownLimit(attrs.limit));
        }, quiet);
      }),
      30,
    );
  });

  it('any property values, presets and directories: a usable state before and after the results', async function () {
    this.timeout(120_000);
    const value = fc.oneof(fc.anything({ maxDepth: 1 }), hostileObject);
    const properties = fc.record(
      {
        preset: anyAnswers,
        strings: withTraps(
          fc.dictionary(
            fc.constantFrom('quiz.next', 'quiz.step.who', 'quiz.explainerTitle', 'results.retry', '__proto__'),
            fc.oneof(fc.string(), value, fc.record({ one: fc.string(), other: fc.string() })),
          ),
        ),
        vocabulary: fc.oneof(
          value,
          withTraps(fc.record({ concerns: fc.oneof(value, fc.array(value, { maxLength: 3 })) }, { requiredKeys: [] })),
        ),
        limit: edgeNumber,
        sourceShare: fc.oneof(fc.array(attributeText, { maxLength: 3 }), value),
        steps: fc.oneof(fc.array(attributeText, { maxLength: 3 }), value),
        safetyNote: value,
        lang: value,
        persist: value,
        theme: value,
        shareAnswers: value,
      },
      { requiredKeys: [] },
    );
    await fuzz(
      fc.asyncProperty(properties, sourceRecipe, async (recipe, source) => {
        const props = arm(recipe) as Record<string, unknown>;
        await warningsDuring(async () => {
          const widget = document.createElement('therapist-match');
          for (const [name, v] of Object.entries(props)) (widget as unknown as Record<string, unknown>)[name] = v;
          widget.source = sourceOf(source) as TherapistSource;
          await exercise(widget, shownLimit('limit' in props ? props.limit : undefined));
        }, quiet);
      }),
      30,
    );
  });

  it('any stored session snapshot: restored whole, or discarded and reported once; Start over works', async function () {
    this.timeout(120_000);
    const snapshot = fc.record({
      v: fc.constantFrom(1, 1, 1, 2),
      answers: anyAnswers,
      step: fc.constantFrom('who', 'concerns', 'comfort', 'partner', 'practical', 'nowhere'),
      view: fc.constantFrom('quiz', 'quiz', 'results', 'list'),
    });
    const stored = fc.oneof(
      { weight: 4, arbitrary: snapshot.map((s) => JSON.stringify(s)) },
      {
        weight: 2,
        arbitrary: fc
          .record({
            answers: fc.constantFrom({ seeking: 'couple' }, { seeking: 'individual', ageGroup: 'adult' }),
            step: fc.constantFrom('who', 'concerns', 'partner', 'practical'),
            view: fc.constantFrom('quiz', 'results'),
          })
          .map((s) => serializeSnapshot(s as never)),
      },
      { weight: 1, arbitrary: fc.oneof(fc.json(), fc.string({ maxLength: 12 })) },
    );
    await fuzz(
      fc.asyncProperty(stored, async (text) => {
        sessionStorage.setItem('therapist-match', text);
        const expected = readSnapshot(text);
        const reports: string[][] = [];
        await warningsDuring(async () => {
          const widget = document.createElement('therapist-match');
          widget.setAttribute('persist', 'session');
          widget.source = plainSource;
          widget.addEventListener('tm-snapshot-discarded', (event) => reports.push(event.detail.fields));
          const el = await fixture<TherapistMatch>(widget);
          await settle(el);
          expectUsable(el);
          if (expected.invalid) {
            expect(reports).to.deep.equal([expected.invalid]);
            expect(sessionStorage.getItem('therapist-match')).to.equal(null);
            expect(stepHeading(el)).to.match(/^Step 1 of \d: /);
          } else {
            expect(reports).to.deep.equal([]);
            expect(Boolean(resultsOf(el))).to.equal(expected.snapshot?.view === 'results');
            expect(Boolean(quizOf(el))).to.equal(expected.snapshot?.view !== 'results');
          }
          await toResults(el);
          expectUsable(el, 20);
          el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="start-over"]')!.click();
          await settle(el);
          expect(sessionStorage.getItem('therapist-match')).to.equal(null);
          expect(stepHeading(el)).to.match(/^Step 1 of \d: /);
          el.remove();
        }, quiet);
      }),
      40,
    );
  });
});
