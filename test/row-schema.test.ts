import { describe, expect, it } from 'vitest';
import { UnitRowSchema } from '../src/recognise/row-schema.js';
import type { UnitRow } from '../src/recognise/table.js';
import { analyse } from '../src/analyse/analyse.js';
import { ROOT } from './helpers.js';

describe('the row schema', () => {
  it('holds for every row recognised from every fixture, good or bad', async () => {
    const rows: UnitRow[] = [];
    const { Rollup } = await import('../src/rollup/summary.js');
    const spy = Rollup.prototype.add;
    Rollup.prototype.add = function (row: UnitRow) {
      rows.push(row);
      return spy.call(this, row);
    };
    try {
      await analyse(['fixtures'], { cwd: ROOT, scale: 'current', decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter', rollup: true, workers: 0 });
    } finally {
      Rollup.prototype.add = spy;
    }
    expect(rows.length).toBeGreaterThan(300);
    for (const row of rows) {
      const { source, columns, indicatorNames, ...data } = row;
      const parsed = UnitRowSchema.safeParse(data);
      expect(parsed.success, `${source.file}:${source.row} ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(row.indicators.length).toBe(indicatorNames.length);
      expect(Object.keys(columns).length).toBeGreaterThan(1);
    }
  });
});
