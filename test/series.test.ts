import { describe, expect, it } from 'vitest';
import { analyseSeries, comparePeriods, type UnitBrief } from '../src/analyse/series.js';
import { DEFAULT_THRESHOLDS } from '../src/check/rule.js';
import { fixture, ROOT } from './helpers.js';

const OPTIONS = { cwd: ROOT, scale: 'current', decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter', thresholds: DEFAULT_THRESHOLDS, workers: 0 } as const;

describe('a series of periods', () => {
  it('folds one roll-up per period, in period order, with the files of each (fixtures/years/streak)', async () => {
    const s = await analyseSeries([fixture('years/streak')], OPTIONS);
    expect(s.periods.map((p) => p.period)).toEqual(['2018', '2019', '2020', '2021', '2022']);
    expect(s.periods.map((p) => p.summary.organizations.total)).toEqual([21, 21, 20, 21, 21]);
    expect(s.periods.map((p) => p.summary.members.end)).toEqual([649, 679, 695, 729, 759]);
    expect(s.periods.map((p) => p.summary.organizations.goodOrBetter.count)).toEqual([20, 20, 18, 20, 20]);
    expect(s.periods.map((p) => p.summary.memberRatings.goodOrBetter)).toContainEqual({ count: 654, of: 681, percent: 96.04 });
    expect(s.periods[4]?.files).toEqual(['fixtures/years/streak/Tong hop xep loai gui Khoi.xlsx']);
    expect(s.analysis.summary).toBeUndefined();
    expect(s.analysis.diagnostics).toEqual([]);
  });
  it('gives each unit row with its period to a consumer, without keeping the rows', async () => {
    const seen = new Map<string, number>();
    const briefs: UnitBrief[] = [];
    await analyseSeries([fixture('years/previous')], { ...OPTIONS, onUnit: (period, u) => {
      seen.set(period, (seen.get(period) ?? 0) + 1);
      if (u.code === 'CB04') briefs.push(u);
    } });
    expect(Object.fromEntries(seen)).toEqual({ 2022: 12, 2023: 13 });
    expect(briefs.map((b) => b.name)).toEqual(['Chi bộ Công ty TNHH MTV Xổ số kiến thiết', 'Chi bộ Công ty TNHH Một thành viên Xổ số kiến thiết tỉnh']);
  });
  it('leaves out the rows of a file that says no period, with TL036 at its first unit row', async () => {
    const s = await analyseSeries([fixture('years/previous/2023'), fixture('rules/period-missing.csv')], OPTIONS);
    expect(s.periods.map((p) => p.period)).toEqual(['2023']);
    const d = s.analysis.diagnostics.filter((x) => x.code === 'TL036');
    expect(d.map((x) => x.location)).toEqual([{ file: 'fixtures/rules/period-missing.csv', sheet: undefined, row: 2, column: 'Tên tổ chức cơ sở đảng', cell: 'B2' }]);
    expect(d[0]?.severity).toBe('error');
  });
  it('sorts periods by their leading year, then as text', () => {
    expect(['2023', '2020–2025', '2019', '2020'].sort(comparePeriods)).toEqual(['2019', '2020', '2020–2025', '2023']);
  });
});
