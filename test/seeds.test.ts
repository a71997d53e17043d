import { describe, expect, it } from 'vitest';
import { SummarySchema } from '../src/rollup/summary-schema.js';
import { analyseFixtures, cli } from './helpers.js';

describe('khoi-2020.xlsx reproduces seed 004 (year 2020)', () => {
  it('rolls up to 99/107 good or better, 20/99 excellent, 8/107 completed, 5.663 members, 171 admitted, 931 excellent members', async () => {
    const a = await analyseFixtures(['khoi-2020.xlsx']);
    const s = a.summary!;
    expect(s.organizations.total).toBe(107);
    expect(s.organizations.ratings).toEqual({ HTXSNV: 20, HTTNV: 79, HTNV: 8, KHTNV: 0 });
    expect(s.organizations.goodOrBetter).toEqual({ count: 99, of: 107, percent: 92.52 });
    expect(s.organizations.excellent).toEqual({ count: 20, of: 99, percent: 20.2 });
    expect(s.organizations.completed).toEqual({ count: 8, of: 107, percent: 7.48 });
    expect(s.organizations.notCompleted).toEqual({ count: 0, of: 107, percent: 0 });
    expect(s.members.end).toBe(5663);
    expect(s.members.admitted).toBe(171);
    expect(s.memberRatings.ratings.HTXSNV).toBe(931);
    expect(s.periods).toEqual(['2020']);
    // Movements balance: start + in − out = end.
    const m = s.members;
    expect(m.start! + m.admitted! + m.transferredIn! - m.transferredOut! - m.deceased! - m.expelled! - m.removed! - m.resigned!).toBe(m.end);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('truncates 8/107 to 7,47% with --rounding truncate, as the article printed it', async () => {
    const a = await analyseFixtures(['khoi-2020.xlsx'], { rounding: 'truncate' });
    expect(a.summary!.organizations.completed.percent).toBe(7.47);
  });
  it('the official layout (title block, merged two-row header, numbering row, groups, subtotals, signature) gives the same figures', async () => {
    const plain = await analyseFixtures(['khoi-2020.xlsx']);
    const official = await analyseFixtures(['khoi-2020-official.xlsx']);
    const strip = (s: typeof plain.summary): unknown => ({ ...s, organizations: { ...s!.organizations, bySector: undefined } });
    expect(strip(official.summary)).toEqual(strip(plain.summary));
    expect(official.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const reasons = official.rows.skipped.map((r) => `${r.row}:${r.reason}`);
    expect(reasons).toEqual(expect.arrayContaining(['6:numbering', '7:group', '53:subtotal', '54:group', '117:subtotal', '118:total', '120:note']));
    expect(official.rows.counted).toBe(107);
    expect(official.rows.read).toBe(official.rows.counted + official.rows.skipped.length);
  });
});

describe('khoi-2023.csv reproduces seed 002 (year 2023)', () => {
  it('has 88 organisations = 39 ĐBCS + 49 CBCS, 4.288 members, 333 admitted, 353 sessions and 21.208 participations', async () => {
    const s = (await analyseFixtures(['khoi-2023.csv'])).summary!;
    expect(s.organizations.total).toBe(88);
    expect(s.organizations.byType).toEqual({ dang_bo_co_so: 39, chi_bo_co_so: 49, unknown: 0 });
    expect(s.members.end).toBe(4288);
    expect(s.members.admitted).toBe(333);
    expect(s.indicators).toEqual([{ name: 'Số cuộc học tập nghị quyết', total: 353 }, { name: 'Lượt người tham gia học tập', total: 21208 }]);
  });
});

describe('the CLI on the seed fixtures', () => {
  it('prints the bloc summary table with Vietnamese number formats (exit 0)', () => {
    const r = cli(['fixtures/khoi-2020.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('99/107 (92,52%)');
    expect(r.stdout).toContain('20/99 (20,20%)');
    expect(r.stdout).toContain('8/107 (7,48%)');
    expect(r.stdout).toContain('5.663');
    expect(r.stdout).toContain('171');
    expect(r.stdout).toContain('931');
    // The one warning is the organisations' quota (20 HTXSNV of 99, at most 19), said of the file.
    const problems = r.stderr.split('\n').filter((l) => / (lỗi|cảnh báo) TL\d{3} /.test(l));
    expect(problems).toEqual(['fixtures/khoi-2020.xlsx: cảnh báo TL040 20 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, vượt 20% của 99 tổ chức hoàn thành tốt nhiệm vụ trở lên (tối đa 19).']);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('--rounding truncate prints 7,47%', () => {
    expect(cli(['fixtures/khoi-2020.xlsx', '--rounding', 'truncate']).stdout).toContain('8/107 (7,47%)');
  });
  it('--format json gives the figures at the documented keys, and it is the library\'s summary', async () => {
    const r = cli(['report', 'fixtures/khoi-2020.xlsx', '--format', 'json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schema).toBe('tally.summary/1');
    expect(j.organizations.goodOrBetter).toEqual({ count: 99, of: 107, percent: 92.52 });
    expect(j.organizations.excellent.percent).toBe(20.2);
    expect(j.organizations.byType.dang_bo_co_so + j.organizations.byType.chi_bo_co_so).toBe(107);
    expect(j.members.end).toBe(5663);
    expect(j.memberRatings.ratings.HTXSNV).toBe(931);
    expect(j.rows.counted).toBe(107);
    expect(j.diagnostics.map((d: { code: string }) => d.code)).toEqual(['TL040']);
    const lib = (await analyseFixtures(['khoi-2020.xlsx'])).summary;
    expect(SummarySchema.parse(j)).toEqual(lib);
  });
  it('--format json on the CSV gives the 2023 figures and indicators', () => {
    const j = JSON.parse(cli(['fixtures/khoi-2023.csv', '--format', 'json']).stdout);
    expect(j.organizations.total).toBe(88);
    expect(j.members.end).toBe(4288);
    expect(j.indicators.map((i: { total: number }) => i.total)).toEqual([353, 21208]);
  });
  it('--format text writes the report paragraph', () => {
    const r = cli(['fixtures/khoi-2020.xlsx', '--format', 'text']);
    expect(r.stdout).toContain('Có 99/107 cơ sở đảng đạt hoàn thành tốt nhiệm vụ (đạt 92,52%), trong đó có 20 cơ sở đảng đạt hoàn thành xuất sắc nhiệm vụ (đạt 20,20%); có 8/107 cơ sở đảng hoàn thành nhiệm vụ (đạt 7,48%)');
    expect(r.stdout).toContain('Kết nạp 171 đảng viên mới');
  });
  it('--lang en prints English labels and English number marks', () => {
    const r = cli(['fixtures/khoi-2020.xlsx', '--lang', 'en']);
    expect(r.stdout).toContain('Good or better');
    expect(r.stdout).toContain('99/107 (92.52%)');
    expect(r.stdout).toContain('5,663');
  });
  it('--decimals 1 prints one decimal', () => {
    expect(cli(['fixtures/khoi-2020.xlsx', '--decimals', '1']).stdout).toContain('99/107 (92,5%)');
  });
});
