// The engine runs on a server: `therapist-match/engine` imports in plain Node, without a DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexTherapists, parseTherapists, rankTherapists } from 'therapist-match/engine';
import { generateTherapists } from '../../demo/sample/generate.js';

test('parses and ranks the sample directory in Node', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const { therapists, problems } = parseTherapists(generateTherapists(50));
  assert.equal(problems.length, 0, JSON.stringify(problems.slice(0, 3)));
  assert.equal(therapists.length, 50);
  const result = rankTherapists(therapists, { seeking: 'individual', concerns: { primary: 'low-desire' } });
  assert.ok(result.matches.length > 0);
  assert.ok(result.matches[0].therapist.concerns.includes('low-desire'));
  assert.equal(result.matches[0].reasons[0].criterion, 'clientType');
});

test('ranks a couple on a server with a reusable index, explaining exclusions', () => {
  const { therapists } = parseTherapists(generateTherapists(2000));
  const index = indexTherapists(therapists);
  const answers = {
    seeking: 'couple',
    concerns: { primary: 'desire-discrepancy' },
    formats: { value: ['telehealth'], importance: 'required' },
    location: { jurisdiction: 'US-OR' },
  };
  const result = rankTherapists(index, answers, { limit: 5 });
  assert.equal(result.matches.length, 5);
  assert.ok(result.matches.every((m) => m.telehealthEligible === true));
  const unlicensed = result.exclusions.find((e) => e.criterion === 'telehealthJurisdiction');
  assert.deepEqual(unlicensed?.details, { jurisdiction: 'US-OR' });
  assert.ok(unlicensed.count > 500);
  // Each record left out is counted once, under its first failing requirement: the counts add up.
  const left = result.exclusions.reduce((sum, e) => sum + e.count, 0);
  assert.equal(result.matched + left, result.total);
  assert.deepEqual(rankTherapists(therapists, answers, { limit: 5 }), result);
});
