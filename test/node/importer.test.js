// The importer against a real PostgreSQL: `therapist-match import FILE --database URL` as a person
// runs it (the bin, a child process), and importDirectory: problems printed, idempotent upserts by
// id, a record that fails validation never replacing the good one stored, --dry-run writing nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDirectory, postgresStore } from 'therapist-match/server';
import { generateTherapists } from '../../demo/sample/generate.js';
import { testDatabase } from '../tools/postgres-test.mjs';

const folder = mkdtempSync(join(tmpdir(), 'therapist-match-import-'));
const file = (name, content) => {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const cli = (...args) => {
  const result = spawnSync(process.execPath, ['dist/server/bin.js', ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
};
const records = generateTherapists(40, 5);

test('--dry-run reads and checks the file, prints each problem with its line, and needs no database', () => {
  const csv = file(
    'directory.csv',
    'id,name,licenses,formats,clientTypes\n' +
      'a-1,Dr. Ana Ruiz,LMFT:US-CA:1,telehealth,individual\n' +
      'a-2,,LMFT:US-CA:2,telehealth,individual\n' +
      'a-3,Sam Lee,LMFT:US-OR:3,telehealth,couple\n',
  );
  const { code, out, err } = cli('import', csv, '--dry-run');
  assert.equal(code, 0, err);
  assert.match(out, /3 records, 2 valid \(\d+ with warnings\), 1 dropped for errors; dry run, nothing written/);
  assert.match(err, /^error: line 3, id "a-2", name: /m);
});

test('usage errors exit 2 and say what to give', () => {
  const none = cli('import');
  assert.equal(none.code, 2);
  assert.match(none.err, /Name the directory file to import/);
  const noDatabase = spawnSync(process.execPath, ['dist/server/bin.js', 'import', 'x.json'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  assert.equal(noDatabase.status, 2);
  assert.match(noDatabase.stderr, /Give --database URL \(or set DATABASE_URL\), or --dry-run/);
  assert.match(cli('export').err, /Unknown command "export"/);
  assert.match(cli('import', 'a.json', '--batch-size', '0', '--dry-run').err, /--batch-size must be a whole number/);
  const missing = cli('import', join(folder, 'nothing-here.json'), '--dry-run');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /import failed: ENOENT/);
});

const db = await testDatabase();

if (!db.skip) {
  after(async () => {
    await db.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('an import writes every valid record in batches; running it again changes nothing', async () => {
    const path = file('first.json', records);
    const first = cli('import', path, '--database', db.url, '--batch-size', '7');
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /applied migrations 1/);
    assert.match(first.out, /7 of 40 records written/);
    assert.match(first.out, /40 records, 40 valid .*; 40 inserted, 0 updated, 0 unchanged/);
    const again = cli('import', path, '--database', db.url);
    assert.match(again.out, /0 inserted, 0 updated, 40 unchanged/);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM therapists');
    assert.equal(rows[0].n, 40);
  });

  test('a record that fails validation never replaces the good one stored under its id', async () => {
    const store = postgresStore(db.pool, { endPoolOnClose: false });
    const good = await store.get(records[3].id);
    assert.equal(good.name, records[3].name);
    const edited = structuredClone(records);
    edited[3].licenses = []; // no clinical licence: an error, the record is dropped
    edited[4].name = 'Dr. Renamed Person'; // a valid change
    const report = await importDirectory({ file: file('second.json', edited), pool: db.pool });
    assert.equal(report.dropped, 1);
    assert.ok(report.problems.some((p) => p.severity === 'error' && p.id === records[3].id));
    assert.deepEqual([report.inserted, report.updated, report.unchanged], [0, 1, 38]);
    assert.deepEqual(await store.get(records[3].id), good);
    assert.equal((await store.get(records[4].id)).name, 'Dr. Renamed Person');
  });

  test('--dry-run against a database writes nothing', async () => {
    const changed = structuredClone(records).map((r) => ({ ...r, name: `${r.name} Jr.` }));
    const { code, out } = cli('import', file('third.json', changed), '--database', db.url, '--dry-run');
    assert.equal(code, 0);
    assert.match(out, /dry run, nothing written/);
    const { rows } = await db.pool.query(
      "SELECT count(*)::int AS n FROM therapist_records WHERE record->>'name' LIKE '% Jr.'",
    );
    assert.equal(rows[0].n, 0);
  });
}
