import type { CountColumn } from '../columns.js';
import type { Summed } from '../layout.js';

type Counts = Partial<Record<CountColumn, number>>;
/** A row's counts from its figures (`RowView.values`), when every count cell of the row holds a count. */
export type CountsOf = (values: Float64Array) => Counts;

const made = new WeakMap<readonly Summed[], CountsOf | null>();

/**
 * The counts of a row whose count cells are all filled, made as one object literal of the table's own columns: the
 * same object, keys in the same order, as setting them one by one in `summed` order (readFigures, the general
 * way), which on a million rows costs a store through a megamorphic cache for every key of every row.
 * Undefined when the table's columns do not fit (never for a table tally lays out itself; see layout.ts).
 */
export function countsLiteral(summed: readonly Summed[], firstIndicator: number): CountsOf | undefined {
  let f = made.get(summed);
  if (f === undefined) {
    f = compile(summed, firstIndicator);
    made.set(summed, f);
  }
  return f ?? undefined;
}

function compile(summed: readonly Summed[], firstIndicator: number): CountsOf | null {
  // The value each key ends with, in the order the keys are first set: a part adds to what its count has so far.
  const values = new Map<string, string>();
  for (let i = 0; i < firstIndicator; i++) {
    const s = summed[i];
    // Column ids are tally's own identifiers (columns.ts); anything else is not written into code.
    if (s?.id === undefined || !/^[A-Za-z][A-Za-z0-9]*$/.test(s.id)) return null;
    values.set(s.id, s.part ? `${values.get(s.id) ?? '0'} + v[${i}]` : `v[${i}]`);
  }
  for (let i = firstIndicator; i < summed.length; i++) if (summed[i]?.id !== undefined) return null;
  const body = `return { ${[...values].map(([id, value]) => `${id}: ${value}`).join(', ')} };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code is made of column ids checked above
  return new Function('v', body) as CountsOf;
}
