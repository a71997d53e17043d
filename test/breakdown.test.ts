import { describe, expect, it } from 'vitest';
import { Breakdown, breakdowns } from '../src/rollup/breakdown.js';
import type { UnitRow } from '../src/recognise/table.js';
import { analyseFixtures } from './helpers.js';

const OPTIONS = { decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter' } as const;

function unit(name: string, fields: Partial<UnitRow>, members: number): UnitRow {
  return { name, counts: { members }, indicators: [], source: { file: 'x.csv', sheet: undefined, row: 2 }, columns: {}, indicatorNames: [], ...fields };
}

describe('breakdown of the roll-up by a field', () => {
  it('gives each value of the field its own summary, adding up to the total, on the 2020 workbook', async () => {
    const a = await analyseFixtures(['khoi-2020.xlsx'], { keepUnits: true });
    const [byType, bySector] = breakdowns(a.units ?? [], ['type', 'sector'], OPTIONS);
    expect(byType?.total).toEqual(a.summary);
    expect(byType?.groups.map((g) => [g.key, g.summary.organizations.total, g.summary.members.end])).toEqual([['dang_bo_co_so', 45, 4054], ['chi_bo_co_so', 62, 1609]]);
    expect(bySector?.groups.map((g) => g.label)).toEqual(a.summary?.organizations.bySector.map((s) => s.sector));
    const sum = (f: (g: NonNullable<typeof bySector>['groups'][number]) => number): number => (bySector?.groups ?? []).reduce((n, g) => n + f(g), 0);
    expect(sum((g) => g.summary.organizations.ratings.HTXSNV)).toBe(20);
    expect(sum((g) => g.summary.memberRatings.ratings.HTXSNV)).toBe(931);
  });

  it('by parent, folds spellings of one parent together, keeps the first spelling, counts a committee\'s cells as the units of its part, and puts the units under the bloc first', () => {
    const b = new Breakdown('parent', OPTIONS);
    b.add(unit('Chi bộ A', { type: 'chi_bo_truc_thuoc', parent: 'Đảng bộ Sở Y tế' }, 5));
    b.add(unit('Chi bộ B', {}, 7));
    b.add(unit('Chi bộ C', { type: 'chi_bo_truc_thuoc', parent: 'DANG BO SO Y TE' }, 6));
    const r = b.result();
    expect(r.groups.map((g) => [g.key, g.label, g.summary.organizations.total, g.summary.members.end])).toEqual([['', '', 1, 7], ['dang bo so y te', 'Đảng bộ Sở Y tế', 2, 11]]);
    // The whole is the bloc's: the cells are subordinate rows there, their members in their committee's.
    expect([r.total.organizations.total, r.total.organizations.subordinate.chi_bo_truc_thuoc, r.total.members.end]).toEqual([1, 2, 7]);
  });

  it('by another field, counts cells as subordinate rows unless asked to count them as units', () => {
    const rows = [unit('Chi bộ A', { type: 'chi_bo_truc_thuoc', parent: 'DB01', sector: 'Y tế' }, 5), unit('Chi bộ B', { sector: 'Y tế' }, 7)];
    const plain = breakdowns(rows, ['sector'], OPTIONS)[0];
    expect(plain?.groups.map((g) => [g.summary.organizations.total, g.summary.members.end])).toEqual([[1, 7]]);
    const asUnits = new Breakdown('sector', OPTIONS, true);
    for (const r of rows) asUnits.add(r);
    expect(asUnits.result().groups.map((g) => [g.summary.organizations.total, g.summary.members.end])).toEqual([[2, 12]]);
  });

  it('orders groups as first met', () => {
    const b = new Breakdown('group', OPTIONS);
    for (const g of ['II. Chi bộ cơ sở', 'I. Đảng bộ cơ sở', 'II. Chi bộ cơ sở']) b.add(unit('x', { group: g }, 3));
    expect(b.result().groups.map((g) => [g.label, g.summary.organizations.total])).toEqual([['II. Chi bộ cơ sở', 2], ['I. Đảng bộ cơ sở', 1]]);
  });
});
