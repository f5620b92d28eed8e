// Seeded, reproducible fuzzing for the browser tests: every property runs from one seed the test
// runner hands out (fixed by default, `TM_FUZZ_SEED` to replay, `TM_FUZZ_RUNS` to run more), and a
// failure prints the seed and the path so it can be replayed exactly.
import fc from 'fast-check';
import { executeServerCommand } from '@web/test-runner-commands';

export interface FuzzSettings {
  seed: number;
  runs: number;
}

let settings: Promise<FuzzSettings> | undefined;

/** The seed and run factor from `test/tools/fuzz-settings.mjs`. */
export function fuzzSettings(): Promise<FuzzSettings> {
  settings ??= executeServerCommand<FuzzSettings, undefined>('tm-fuzz-settings').then((answer) => {
    if (!answer) throw new Error('the test runner has no tm-fuzz-settings command (see web-test-runner.config.mjs)');
    return answer;
  });
  return settings;
}

/** How many cases a property runs: `numRuns` times the factor, at least one. */
export async function runsFor(numRuns: number): Promise<number> {
  return Math.max(1, Math.round(numRuns * (await fuzzSettings()).runs));
}

/**
 * Runs `property` for `numRuns` cases (times `TM_FUZZ_RUNS`) from the shared seed. A failure
 * throws fast-check's report (the counterexample, `seed` and `path`) and how to replay it.
 */
export async function fuzz<Ts extends [unknown, ...unknown[]]>(
  property: fc.IRawProperty<Ts>,
  numRuns: number,
  parameters: fc.Parameters<Ts> = {},
): Promise<void> {
  const { seed } = await fuzzSettings();
  const details = await fc.check(property, { ...parameters, seed, numRuns: await runsFor(numRuns) });
  if (!details.failed) return;
  const report = property.isAsync() ? await fc.asyncDefaultReportMessage(details) : fc.defaultReportMessage(details);
  const error = details.errorInstance;
  throw new Error(
    `${report}\n\nThe error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` +
      `\n\nReplay this run: TM_FUZZ_SEED=${seed} npm test (or wtr --files with this test file); ` +
      `in code, fc.assert(property, { seed: ${seed}, path: ${JSON.stringify(details.counterexamplePath)} }).`,
  );
}

/** Throws when `Object.prototype` or `Array.prototype` gained, lost or changed a property. */
export function prototypeSnapshot(): () => void {
  const describe = (object: object) =>
    Object.getOwnPropertyNames(object)
      .sort()
      .map((key) => `${key}:${typeof Object.getOwnPropertyDescriptor(object, key)?.value}`)
      .join(',');
  const before = [describe(Object.prototype), describe(Array.prototype)];
  return () => {
    const after = [describe(Object.prototype), describe(Array.prototype)];
    if (after[0] !== before[0] || after[1] !== before[1]) throw new Error('a prototype changed');
  };
}

const trap = () => {
  throw new Error('hostile trap');
};

/**
 * Hostile values are generated as plain recipes (fast-check looks into and prints what it
 * generates, and a Proxy would throw there too) and built by `arm` inside the property.
 */
export interface TrapRecipe {
  '~trap': 'proxy' | 'revoked' | 'getter' | 'null-proto' | 'function';
  value?: unknown;
  key?: number;
}
const KINDS: TrapRecipe['~trap'][] = ['proxy', 'revoked', 'getter', 'null-proto', 'function'];

/** A value a hostile caller might pass where an object is expected (a recipe for `arm`). */
export const hostileObject: fc.Arbitrary<TrapRecipe> = fc.constantFrom(...KINDS).map((kind) => ({ '~trap': kind }));

/** `value`, sometimes with a getter that throws, or inside a Proxy that throws (a recipe for `arm`). */
export function withTraps<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | TrapRecipe> {
  return fc
    .tuple(value, fc.nat(), fc.constantFrom<TrapRecipe['~trap'] | 'none'>('none', 'none', 'none', 'getter', 'proxy'))
    .map(([v, key, kind]) =>
      kind === 'none' || typeof v !== 'object' || v === null ? v : { '~trap': kind, value: v, key },
    );
}

const isRecipe = (value: object): value is TrapRecipe => Object.hasOwn(value, '~trap');

/** Builds the hostile values a recipe describes, everywhere inside `value`. */
export function arm(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(arm);
  if (!isRecipe(value)) {
    const copy = Object.getPrototypeOf(value) === null ? (Object.create(null) as object) : {};
    for (const key of Object.keys(value))
      Object.defineProperty(copy, key, {
        value: arm((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copy;
  }
  const inner = arm(value.value);
  const target = typeof inner === 'object' && inner !== null ? inner : {};
  const key = value.key ?? 0;
  switch (value['~trap']) {
    case 'proxy':
      return value.value === undefined
        ? new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap })
        : new Proxy(target, { get: (t, k) => (key % 2 ? trap() : Reflect.get(t, k)), ownKeys: trap });
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case 'getter': {
      const keys = Object.keys(target);
      const name = keys.length ? keys[key % keys.length] : 'seeking';
      return Object.defineProperty(target, name, { enumerable: true, configurable: true, get: trap });
    }
    case 'null-proto':
      return Object.assign(Object.create(null) as object, target);
    default:
      return () => target;
  }
}

/** Numbers at and beyond every edge. */
export const edgeNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 2.5, 1e10, 2 ** 31, 2 ** 32, -1e10, NaN, Infinity, -Infinity),
  fc.constantFrom(Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, '5', '', null, undefined, true),
  fc.integer({ min: -50, max: 200 }),
  fc.double(),
);

/** Attribute strings: numbers as text, tags, lists, odd characters, markup. */
export const attributeText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1e10', 'abc', 'NaN', 'Infinity', '3.7', '20', '1', '100', '101'),
  fc.constantFrom('en', 'es', 'es-MX', 'en_US', '!!', 'x', '<b>', 'javascript:alert(1)', 'session', 'dark', 'auto'),
  fc.constantFrom('who', 'who, practical', 'concerns,who', 'partner', 'bogus', '__proto__', 'constructor'),
  fc.string({ maxLength: 12 }),
);

// Answers: mostly the quiz's own shapes with odd values, sometimes with traps, sometimes anything.
const importance = fc.constantFrom('required', 'preferred', 'none', 'sometimes', undefined, 1);
const word = fc.oneof(
  fc.constantFrom('woman', 'man', 'es', 'en', 'lgbtq', 'cbt', 'Aetna', 'in-person', 'telehealth', 'low-desire'),
  fc.constantFrom('erectile-concerns', 'US-CA', '', '__proto__', 'constructor'),
  fc.string({ maxLength: 6 }),
);
const words = fc.oneof(fc.array(word, { maxLength: 4 }), word, fc.anything({ maxDepth: 1 }));
const pref = <T>(value: fc.Arbitrary<T>) =>
  fc.option(withTraps(fc.record({ value, importance }, { requiredKeys: [] })), { nil: undefined });
const personal = fc.option(
  withTraps(
    fc.record(
      { therapistGender: pref(words), languages: pref(words), communities: pref(words), modalities: pref(words) },
      { requiredKeys: [] },
    ),
  ),
  { nil: undefined },
);
const structuredAnswers = fc.record(
  {
    seeking: fc.constantFrom('individual', 'couple', 'other', 5),
    ageGroup: fc.constantFrom('adolescent', 'adult', 'older-adult', 'toddler', null),
    concerns: withTraps(fc.record({ primary: word, others: words }, { requiredKeys: [] })),
    preferences: personal,
    partnerPreferences: personal,
    formats: pref(words),
    location: withTraps(
      fc.record(
        {
          lat: edgeNumber,
          lng: edgeNumber,
          maxDistanceKm: edgeNumber,
          jurisdiction: fc.constantFrom('US-OR', 'US-CA', 'CA-ON', 'XX', '', 5),
          label: fc.string({ maxLength: 8 }),
        },
        { requiredKeys: [] },
      ),
    ),
    budget: pref(fc.record({ max: edgeNumber, currency: fc.constantFrom('USD', 'CAD', 'eur', 'x', 7) })),
    insurance: pref(words),
    slidingScale: pref(fc.constantFrom(true, false, 'yes')),
    acceptingNewClients: pref(fc.constantFrom(true, 1)),
    freeConsultation: pref(fc.constant(true)),
  },
  { requiredKeys: [] },
);
/** Answers (a recipe for `arm`): mostly the quiz's shapes with odd values, some traps, some anything. */
export const anyAnswers: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: withTraps(structuredAnswers) },
  { weight: 1, arbitrary: hostileObject },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);
