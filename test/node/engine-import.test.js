// The engine runs on a server: `therapist-match/engine` imports in plain Node, without a DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTherapists, rankTherapists } from 'therapist-match/engine';
import { generateTherapists } from '../../demo/sample/generate.js';

test('parses and ranks the sample directory in Node', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const { therapists, problems } = parseTherapists(generateTherapists(50));
  assert.equal(problems.length, 0, JSON.stringify(problems.slice(0, 3)));
  assert.equal(therapists.length, 50);
  const result = rankTherapists(therapists, { seeking: 'individual', concerns: { primary: 'low-desire' } });
  assert.ok(result.matches.length > 0);
  assert.ok(result.matches[0].therapist.concerns.includes('low-desire'));
});
