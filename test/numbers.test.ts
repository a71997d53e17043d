import { describe, expect, it } from 'vitest';
import { formatNumber, parseCount } from '../src/recognise/numbers.js';

const value = (v: Parameters<typeof parseCount>[0]): number | string => {
  const p = parseCount(v);
  return p.kind === 'value' ? p.value : p.kind === 'bad' ? `bad:${p.problem}` : p.kind;
};

describe('parseCount', () => {
  it('reads numbers and whole numbers written as text the Vietnamese way', () => {
    expect(value(4288)).toBe(4288);
    expect(value('4.288')).toBe(4288);
    expect(value('4 288')).toBe(4288);
    expect(value('1.234.567')).toBe(1234567);
    expect(value(' 42 ')).toBe(42);
    expect(value('4\u00a0288')).toBe(4288);
  });
  it('reads what a careful reader takes for a number: "không", a unit after the figure, full-width digits', () => {
    expect(value('không')).toBe(0);
    expect(value('0 (không)')).toBe(0);
    expect(value('15 người')).toBe(15);
    expect(value('12 đ/c')).toBe(12);
    expect(value('1.234 người')).toBe(1234);
    expect(value('１２')).toBe(12);
    expect(value('(5)')).toBe('bad:not-a-number');
    expect(value('abc người')).toBe('bad:not-a-number');
  });
  it('reads an English-locale thousands comma as a thousands separator', () => {
    expect(value('4,288')).toBe(4288);
  });
  it('treats blank and dashes as blank, and X or dots as not applicable', () => {
    expect(value(null)).toBe('blank');
    expect(value('')).toBe('blank');
    expect(value('-')).toBe('blank');
    expect(value('–')).toBe('blank');
    expect(value('X')).toBe('na');
    expect(value('....')).toBe('na');
    expect(value('…')).toBe('na');
  });
  it('rejects fractions, negatives, text and formula errors', () => {
    expect(value('12,5')).toBe('bad:not-whole');
    expect(value(12.5)).toBe('bad:not-whole');
    expect(value('-3')).toBe('bad:negative');
    expect(value('11a')).toBe('bad:not-a-number');
    expect(value('=SUM(A1:A3)')).toBe('bad:not-a-number');
    expect(value({ error: '#REF!' })).toBe('bad:cell-error');
    expect(parseCount(new Date(Date.UTC(2025, 0, 2)))).toEqual({ kind: 'bad', problem: 'not-a-number', shown: '2025-01-02' });
  });
  it('accepts floating noise from formulas as whole numbers', () => {
    expect(value(12.000000000001)).toBe(12);
  });
});

describe('formatNumber', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(5663)).toBe('5.663');
    expect(formatNumber(21208)).toBe('21.208');
    expect(formatNumber(92.52, 2)).toBe('92,52');
    expect(formatNumber(1234567.5, 1)).toBe('1.234.567,5');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('countOf (the row walk\'s fast path)', () => {
  it('agrees with parseCount on every kind of cell', async () => {
    const { countOf, BLANK_CELL, NA_CELL, BAD_CELL } = await import('../src/recognise/numbers.js');
    expect(countOf(4288)).toBe(4288);
    expect(countOf('4288')).toBe(4288);
    expect(countOf('4.288')).toBe(4288);
    expect(countOf(-0)).toBe(0);
    expect(Object.is(countOf(-0), 0)).toBe(true);
    expect(countOf(null)).toBe(BLANK_CELL);
    expect(countOf('-')).toBe(BLANK_CELL);
    expect(countOf('X')).toBe(NA_CELL);
    expect(countOf('11a')).toBe(BAD_CELL);
    expect(countOf(12.5)).toBe(BAD_CELL);
    expect(countOf(-3)).toBe(BAD_CELL);
    expect(countOf({ error: '#REF!' })).toBe(BAD_CELL);
  });
});

describe('amounts with a fraction', () => {
  it('are read in both locales, thousands and decimal marks told apart', async () => {
    const { decimalOf } = await import('../src/recognise/numbers.js');
    expect(['2.340,75', '2,340.75', '0,6', '12.5', '1 120,05', '15'].map((t) => decimalOf(t))).toEqual([2340.75, 2340.75, 0.6, 12.5, 1120.05, undefined]);
  });
  it('say how many decimals they are written with; grouped thousands have none', async () => {
    const { writtenDecimals } = await import('../src/recognise/numbers.js');
    expect(['747,78', '45,00', '2,340.75', '4.288', '1,234', '12', '0,6'].map((t) => writtenDecimals(t))).toEqual([2, 2, 2, 0, 0, 0, 1]);
    expect([142.83, 144, 0.1 + 0.2].map((n) => writtenDecimals(n))).toEqual([2, 0, 6]);
  });
  it('add up exactly: 0,1 + 0,2 is 0,3, and 98,64 + 45,6 + 12,3 + 30,21 + 4,8 is 191,55', async () => {
    const { ExactSum } = await import('../src/rollup/exact-sum.js');
    const a = new ExactSum();
    a.add(0.1);
    a.add(0.2);
    expect(a.total).toBe(0.3);
    const b = new ExactSum();
    for (const v of [98.64, 45.6, 12.3, 30.21, 4.8]) b.add(v);
    expect(b.total).toBe(191.55);
    const c = new ExactSum();
    for (const v of [3, 1.5, 0.125]) c.add(v);
    expect(c.total).toBe(4.625);
  });
});
