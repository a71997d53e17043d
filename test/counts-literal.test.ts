import { describe, expect, it } from 'vitest';
import type { CountColumn } from '../src/recognise/columns.js';
import type { Summed } from '../src/recognise/layout.js';
import { countsLiteral } from '../src/recognise/walk/counts-literal.js';

/** The counts as readFigures sets them one by one (the general way the literal must equal). */
function oneByOne(summed: readonly Summed[], firstIndicator: number, values: Float64Array): Partial<Record<CountColumn, number>> {
  const counts: Partial<Record<CountColumn, number>> = {};
  for (let i = 0; i < firstIndicator; i++) {
    const s = summed[i] as Summed;
    const value = values[i] as number;
    if (s.part && s.id) counts[s.id] = (counts[s.id] ?? 0) + value;
    else if (s.id) counts[s.id] = value;
  }
  return counts;
}

const count = (id: CountColumn, col: number): Summed => ({ key: id, col, id, label: id });
const part = (id: CountColumn, col: number): Summed => ({ key: `part:${col}`, col, id, part: true, label: `p${col}` });
const indicator = (col: number): Summed => ({ key: `indicator:${col}`, col, label: `i${col}` });

describe('countsLiteral', () => {
  it('makes the same counts, keys in the same order, as setting them one by one, parts added up', () => {
    const summed = [count('membersStart', 1), count('members', 2), part('transferredIn', 3), count('women', 4), part('transferredIn', 5), part('admitted', 6), indicator(7)];
    const values = new Float64Array([12, 30, 2, 0, 5, 1, 7.5]);
    const made = countsLiteral(summed, 6)?.(values);
    expect(made).toEqual(oneByOne(summed, 6, values));
    expect(Object.entries(made ?? {})).toEqual(Object.entries(oneByOne(summed, 6, values)));
    expect(made).toEqual({ membersStart: 12, members: 30, transferredIn: 7, women: 0, admitted: 1 });
    // One function per table, made once.
    expect(countsLiteral(summed, 6)).toBe(countsLiteral(summed, 6));
  });
  it('gives an empty object for a table with no count column, and none where a column does not fit', () => {
    expect(countsLiteral([indicator(1)], 0)?.(new Float64Array([3]))).toEqual({});
    expect(countsLiteral([indicator(1), count('members', 2)], 1)).toBeUndefined();
    expect(countsLiteral([{ key: 'x', col: 1, id: 'members; process.exit()' as CountColumn, label: 'x' }], 1)).toBeUndefined();
  });
});
