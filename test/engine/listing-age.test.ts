// Listing age (issue 14.4): a weighted criterion; listings older than `staleAfterMonths` (default 12)
// rank lower and say they may be out of date, and are never left out.
import { expect } from '@open-wc/testing';
import { DEFAULT_WEIGHTS, rankTherapists, type MatchReason, type RankResult } from '../../src/engine/index.js';
import { directory, ids, record } from './records.js';
import { indexTherapists } from '../../src/engine/therapist-index.js';
import { dateParts } from '../../src/engine/dates.js';
import type { Therapist } from '../../src/engine/schema.js';

/** The date `months` average months before today, as a record states it (`YYYY-MM-DD`). */
export function monthsAgo(months: number): string {
  return new Date(Date.now() - months * 30.436875 * 86_400_000).toISOString().slice(0, 10);
}

const list = directory(
  record('a-unstated'),
  record('b-stale', { lastVerified: monthsAgo(18) }),
  record('c-fresh', { lastVerified: monthsAgo(1.5) }),
);
const individual = { seeking: 'individual' as const };
const age = (result: RankResult, id: string): MatchReason =>
  result.matches.find((m) => m.therapist.id === id)!.reasons.find((r) => r.criterion === 'listingAge')!;

describe('rankTherapists: listing age', () => {
  it('ranks fresh listings first, marks old ones, and leaves none out', () => {
    const result = rankTherapists(list, individual);
    expect(result.matched).to.equal(3);
    expect(ids(result.matches)).to.deep.equal(['c-fresh', 'b-stale', 'a-unstated']);
    expect(age(result, 'c-fresh')).to.deep.include({ status: 'met', importance: 'preferred' });
    expect(age(result, 'c-fresh').details).to.deep.equal({ months: 1, stale: false });
    // 18 months: past the 12-month mark, half way to none at 24.
    expect(age(result, 'b-stale').status).to.equal('partly-met');
    expect(age(result, 'b-stale').details).to.deep.equal({ months: 18, stale: true });
    expect(age(result, 'a-unstated')).to.deep.include({ status: 'not-met', details: { stated: false } });
    const total = DEFAULT_WEIGHTS.clientType + DEFAULT_WEIGHTS.listingAge;
    expect(age(result, 'c-fresh').contribution).to.be.closeTo(DEFAULT_WEIGHTS.listingAge / total, 1e-9);
    expect(age(result, 'b-stale').contribution).to.be.closeTo((0.5 * DEFAULT_WEIGHTS.listingAge) / total, 0.01);
  });

  it('takes the age from staleAfterMonths; anything but a number above 0 is 12', () => {
    const lenient = rankTherapists(list, individual, { staleAfterMonths: 24 });
    expect(age(lenient, 'b-stale')).to.deep.include({ status: 'met', details: { months: 18, stale: false } });
    for (const staleAfterMonths of [0, -3, NaN, Infinity, '24' as unknown as number])
      expect(age(rankTherapists(list, individual, { staleAfterMonths }), 'b-stale').details?.stale).to.equal(true);
  });

  it('still marks old listings with a weight of 0, without changing the order', () => {
    const result = rankTherapists(list, individual, { weights: { listingAge: 0 } });
    expect(ids(result.matches)).to.deep.equal(['a-unstated', 'b-stale', 'c-fresh']);
    expect(age(result, 'b-stale')).to.deep.include({ contribution: 0, details: { months: 18, stale: true } });
  });

  it('counts a date stated as a year or a month to its end', () => {
    const year = new Date().getUTCFullYear() - 1;
    const result = rankTherapists(
      directory(record('year', { lastVerified: String(year) }), record('january', { lastVerified: `${year}-01` })),
      individual,
    );
    // Dec 31 of last year is under 12 months ago; the end of January of last year is not.
    expect(age(result, 'year').details?.stale).to.equal(false);
    expect(age(result, 'january').details?.stale).to.equal(true);
  });

  it('is not scored when no listing says when it was verified', () => {
    const result = rankTherapists(directory(record('x'), record('y')), individual);
    expect(result.matches[0].reasons.some((r) => r.criterion === 'listingAge')).to.equal(false);
    expect(result.matches[0].score).to.equal(1);
  });
});

describe('listing age: the dates the index reads', () => {
  it('reads a YYYY-MM-DD date digit by digit as the date pattern reads it, and a month or year to its end', () => {
    const values: string[] = [];
    for (const year of ['0999', '1000', '2000', '2023', '2024', '2100', '20a4', '２０２４'])
      for (let month = 0; month <= 13; month++)
        for (const day of [0, 1, 28, 29, 30, 31, 32])
          values.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    values.push('2024-1--01', '2024-01-1x', '2024/01/01', '2024-01-0 ', '2024-02', '2024', '2024-01-31T10:00Z');
    const index = indexTherapists(values.map((lastVerified, k) => record(`r${k}`, { lastVerified }) as Therapist));
    const expected = values.map((value) => {
      const date = dateParts(value);
      if (!date) return NaN;
      return date.day ? Date.UTC(date.year, date.month! - 1, date.day) : Date.UTC(date.year, date.month ?? 12, 0);
    });
    expect([...index.verified]).to.deep.equal(expected);
    expect(index.verified[values.indexOf('2024-02-29')]).to.equal(Date.UTC(2024, 1, 29));
    expect(Number.isNaN(index.verified[values.indexOf('2023-02-29')])).to.equal(true);
    expect(index.verified[values.indexOf('2024-02')]).to.equal(Date.UTC(2024, 1, 29));
  });

  it('reads the date of every record, repeated or not, beyond the dates a build remembers', () => {
    // 5,000 distinct days (more than a build remembers), each written by two records apart, and
    // the same day written with a time.
    const values: string[] = [];
    for (let k = 0; k < 5000; k++) values.push(new Date(Date.UTC(2012, 0, 1 + k)).toISOString().slice(0, 10));
    values.push(...values, '2012-01-01T23:59Z', '2012-01-01');
    const index = indexTherapists(values.map((lastVerified, k) => record(`r${k}`, { lastVerified }) as Therapist));
    const expected = values.map((value) => {
      const date = dateParts(value)!;
      return Date.UTC(date.year, date.month! - 1, date.day);
    });
    expect([...index.verified]).to.deep.equal(expected);
    expect(index.verified[4999]).to.equal(Date.UTC(2025, 8, 8));
    expect(index.verified[9999]).to.equal(Date.UTC(2025, 8, 8));
  });
});
