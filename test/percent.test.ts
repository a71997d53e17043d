import { describe, expect, it } from 'vitest';
import { distribute, percent } from '../src/rollup/percent.js';
import { analyseFixtures, notesOf } from './helpers.js';

describe('percent', () => {
  it('reproduces the seed: 99/107 is 92,52% and 20/99 is 20,20%', () => {
    expect(percent(99, 107, 2, 'half-up')).toBe(92.52);
    expect(percent(20, 99, 2, 'half-up')).toBe(20.2);
  });
  it('rounds 8/107 half-up to 7,48% and truncates it to 7,47% as the article did', () => {
    expect(percent(8, 107, 2, 'half-up')).toBe(7.48);
    expect(percent(8, 107, 2, 'truncate')).toBe(7.47);
  });
  it('rounds exact halves up without floating-point drift', () => {
    expect(percent(1, 8, 1, 'half-up')).toBe(12.5);
    expect(percent(1, 8, 0, 'half-up')).toBe(13);
    expect(percent(1, 200, 2, 'half-up')).toBe(0.5);
    expect(percent(1, 3, 2, 'half-up')).toBe(33.33);
    expect(percent(2, 3, 2, 'half-up')).toBe(66.67);
  });
  it('gives null for an empty base', () => {
    expect(percent(0, 0, 2, 'half-up')).toBeNull();
  });
});

describe('distribute (largest remainder)', () => {
  it('makes the shares add up to exactly 100', () => {
    const shares = distribute([1, 1, 1], 2) as number[];
    expect(shares).toEqual([33.34, 33.33, 33.33]);
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 100)).toBe(10000);
    const seed = distribute([20, 79, 8, 0], 2) as number[];
    expect(Math.round(seed.reduce((a, b) => a + b, 0) * 100)).toBe(10000);
  });
});

describe('a share whose part tally cannot name', () => {
  it('is not checked, and verbose output says so in the user\'s language', async () => {
    const a = await analyseFixtures(['percent/unknown-part.csv']);
    expect(a.diagnostics.map((d) => d.code)).toEqual([]);
    expect(notesOf(a, 'en')).toContain('fixtures/percent/unknown-part.csv: column "Tỷ lệ đảng viên trẻ (%)" is a percentage of a figure tally does not know: not checked');
    expect(a.summary?.members.end).toBe(29);
  });
});
