// validateTherapists never blocks the page: a large directory is checked in slices with a turn for
// the browser between them, and the result is exactly parseTherapists', whatever the input.
import { expect } from '@open-wc/testing';
import { parseTherapists, validateTherapists } from '../../src/engine/index.js';
import { checkRecords, RecordCheck } from '../../src/engine/records.js';
import { generateTherapists } from '../../demo/sample/generate.js';

/** A directory that needs every path: clean records, forgiving reads, errors, duplicates, a hostile one. */
function mixedDirectory(count: number): unknown[] {
  const records: unknown[] = generateTherapists(count, 20261124);
  for (let i = 0; i < records.length; i += 37)
    (records[i] as Record<string, unknown>).languages = ['English', 'Español'];
  for (let i = 5; i < records.length; i += 53) delete (records[i] as Record<string, unknown>).licenses;
  for (let i = 11; i < records.length; i += 97) (records[i] as Record<string, unknown>).id = 'sample-000001';
  records.splice(
    400,
    0,
    new Proxy(
      {},
      {
        get() {
          throw new Error('hostile');
        },
      },
    ),
  );
  return records;
}

describe('validateTherapists in slices', () => {
  it('validating 10,000 records gives the page a turn: a timer set when it starts fires before it ends', async () => {
    // Records the fast path accepts: no chunk to load, so nothing but the slices can let the timer in.
    const records = parseTherapists(generateTherapists(10_400))
      .therapists.filter((record) => checkRecords([record]) !== undefined)
      .slice(0, 10_000);
    let timerFired = 0;
    setTimeout(() => (timerFired = performance.now()), 0);
    const result = await validateTherapists(records);
    const ended = performance.now();
    expect(result.therapists).to.have.length(10_000);
    expect(timerFired, 'the timer never fired during validation').to.be.greaterThan(0);
    expect(timerFired).to.be.below(ended);
  });

  it('gives exactly what parseTherapists gives, with the slow path loaded mid-way', async () => {
    const records = mixedDirectory(3000);
    const lines = records.map((_, i) => i * 2 + 2);
    const expected = parseTherapists(records, { lines });
    expect(expected.problems.length).to.be.greaterThan(100);
    expect(await validateTherapists(records, { lines })).to.deep.equal(expected);
  });

  it('stops and resumes anywhere without changing the result', () => {
    const records = mixedDirectory(300);
    const slow = (async () => {
      const [{ normalizeRecord, keepsGender }, { validateRecord }, { clinicalNotes }] = await Promise.all([
        import('../../src/engine/normalize.js'),
        import('../../src/engine/schema.js'),
        import('../../src/engine/clinical-notes.js'),
      ]);
      return { normalize: normalizeRecord, validate: validateRecord, keepsGender, clinical: clinicalNotes };
    })();
    return slow.then((path) => {
      const check = new RecordCheck(records);
      let runs = 0;
      // The slice is over at once: one record per run, every run.
      while (check.run(path, () => true) !== 'done') runs++;
      expect(runs).to.equal(records.length - 1);
      expect(check.result).to.deep.equal(parseTherapists(records));
    });
  });

  it('never throws for input whose length cannot be read', async () => {
    const records = new Proxy([], {
      get(target, key) {
        if (key === 'length') throw new Error('hostile');
        return Reflect.get(target, key);
      },
    });
    const result = await validateTherapists(records);
    expect(result.therapists).to.deep.equal([]);
    expect(result.problems).to.have.length(1);
    expect(result.problems[0]).to.include({ severity: 'error', index: -1 });
    expect(parseTherapists(records)).to.deep.equal(result);
  });
});
