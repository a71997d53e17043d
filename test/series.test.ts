import { describe, expect, it } from 'vitest';
import { analyseSeries, comparePeriods, type UnitBrief } from '../src/analyse/series.js';
import { DEFAULT_THRESHOLDS } from '../src/check/rule.js';
import { cli, fixture, ROOT } from './helpers.js';

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

describe('--by-period: one column per period', () => {
  const BY = ['report', 'fixtures/years/streak/', '--by-period'];
  it('prints a column per period in period order, the latest named as the headline', () => {
    const r = cli(BY);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('TỔNG HỢP BÁO CÁO QUA CÁC KỲ — 2018, 2019, 2020, 2021, 2022, số liệu mới nhất: 2022 (5 tệp)');
    expect(r.stdout).toMatch(/│ Chỉ tiêu\s+│\s+2018 │\s+2019 │\s+2020 │\s+2021 │\s+2022 │/);
    expect(r.stdout).toMatch(/│ Tổ chức cơ sở đảng\s+│\s+21 │\s+21 │\s+20 │\s+21 │\s+21 │/);
    expect(r.stdout).toMatch(/Hoàn thành tốt nhiệm vụ trở lên\s+│\s+20\/21 \(95,24%\) │\s+20\/21 \(95,24%\) │\s+18\/20 \(90,00%\) │/);
    expect(r.stdout).toMatch(/│ Cuối kỳ\s+│\s+649 │\s+679 │\s+695 │\s+729 │\s+759 │/);
    expect(cli([...BY, '--lang', 'en']).stdout).toContain('BLOC SUMMARY BY PERIOD — 2018, 2019, 2020, 2021, 2022, latest: 2022 (5 file(s))');
  });
  it('keeps mixed periods the TL033 error without --by-period', () => {
    const r = cli(['report', 'fixtures/years/streak/']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('TL033');
    expect(r.stderr).toContain('--by-period');
  });
  it('gives the latest period as the JSON headline and every period under series', () => {
    const j = JSON.parse(cli([...BY, '--format', 'json']).stdout) as { periods: string[]; members: { end: number }; series: { period: string; files: string[]; organizations: { total: number }; members: { end: number } }[] };
    expect(j.periods).toEqual(['2022']);
    expect(j.members.end).toBe(759);
    expect(j.series.map((p) => [p.period, p.organizations.total, p.members.end])).toEqual([['2018', 21, 649], ['2019', 21, 679], ['2020', 20, 695], ['2021', 21, 729], ['2022', 21, 759]]);
    expect(j.series[2]?.files).toEqual(['fixtures/years/streak/xep-loai-2020.xlsx']);
  });
  it('says the series in the paragraph, and writes it as Markdown and CSV', () => {
    expect(cli([...BY, '--format', 'text']).stdout).toContain('Giai đoạn 2018–2022: số tổ chức cơ sở đảng 21 (2018), 21 (2019), 20 (2020), 21 (2021), 21 (2022)');
    expect(cli([...BY, '--format', 'text', '--lang', 'en']).stdout).toContain('Over 2018–2022: grassroots organisations 21 (2018), 21 (2019), 20 (2020), 21 (2021), 21 (2022)');
    expect(cli([...BY, '--format', 'md']).stdout).toContain('| Tổ chức cơ sở đảng | 21 | 21 | 20 | 21 | 21 |');
    expect(cli([...BY, '--format', 'csv']).stdout).toContain('Xếp loại tổ chức cơ sở đảng,Hoàn thành tốt nhiệm vụ trở lên,20,21,95.24,20,21,95.24,18,20,90,20,21,95.24,20,21,95.24');
  });
  it('refuses the workbook with a way out (exit 2)', () => {
    const r = cli([...BY, '-o', 'series.docx', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--by-period cannot be written as docx yet');
  });
});
