import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseTerm } from '../src/analyse/term.js';
import { DEFAULT_THRESHOLDS } from '../src/check/rule.js';
import { loadConfig } from '../src/config/config.js';
import { evaluateTargets, type TargetSpec } from '../src/rollup/targets.js';
import { Rollup, type Summary } from '../src/rollup/summary.js';
import { parseTerm } from '../src/rollup/term.js';
import { cli, ROOT } from './helpers.js';
import { docxParagraphs, loadWorkbook, zipText } from './outputs.js';

const OPTIONS = { cwd: ROOT, scale: 'current', decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter', thresholds: DEFAULT_THRESHOLDS, workers: 0 } as const;
const FILES = ['fixtures/term/bao-cao-2021.csv', 'fixtures/term/bao-cao-2022.xlsx', 'fixtures/term/bao-cao-2023.csv'];
const CONFIG = ['--config', 'fixtures/term/tally.config.json'];
interface Expected {
  term: { periods: string[]; notRead: string[]; admittedOfStart: unknown; membersGrowth: number };
  targets: { label: string; actual: number; met: boolean; byPeriod: Record<string, number>; decidingPeriod: string | null }[];
  targetsMet: { count: number; of: number };
}
const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'fixtures/term/expected.json'), 'utf8')) as Expected;
const tmp = mkdtempSync(join(tmpdir(), 'tally-term-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the targets of a term (fixtures/term)', () => {
  it('reads three years of the term 2020–2025 as a series and judges the seven targets: 6/7 met, the members\' 95% missed in 2022', async () => {
    const config = await loadConfig(ROOT, 'fixtures/term/tally.config.json');
    if (!config.term || !config.targets) throw new Error('the fixture config has a term and targets');
    const t = await analyseTerm(FILES, config.term, config.targets, OPTIONS);
    expect(t.analysis.diagnostics).toEqual([]);
    expect(t.series.map((p) => p.period)).toEqual(['2021', '2022', '2023']);
    expect(t.analysis.summary?.periods).toEqual(['2023']);
    const r = t.targets;
    expect(r.term).toMatchObject({ periods: EXPECTED.term.periods, notRead: ['2024', '2025'], admittedOfStart: { count: 84, of: 720, percent: 11.67 }, membersGrowth: 76 });
    expect(r.targetsMet).toEqual({ count: 6, of: 7 });
    expect(r.targets.filter((x) => !x.met).map((x) => x.label)).toEqual(['95% trở lên đảng viên hoàn thành tốt nhiệm vụ']);
    for (const [i, e] of EXPECTED.targets.entries()) {
      const got = r.targets[i];
      expect({ label: got?.label, actual: got?.actual, met: got?.met, byPeriod: got?.byPeriod, decidingPeriod: got?.decidingPeriod })
        .toEqual({ label: e.label, actual: e.actual, met: e.met, byPeriod: e.byPeriod, decidingPeriod: e.decidingPeriod });
    }
    expect(r.targets[6]?.byPeriod).toEqual({ 2021: 43.05, 2022: 44.44, 2023: 46.36 });
    expect(r.targets[1]?.missedIn).toEqual(['2022']);
  });

  it('prints the "CHỈ TIÊU NHIỆM KỲ" section with ✔/✘ and "Đạt 6/7 chỉ tiêu", and says which years are not read yet', () => {
    const r = cli([...FILES, ...CONFIG]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('CHỈ TIÊU NHIỆM KỲ 2020–2025 — ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH');
    expect(r.stdout).toMatch(/│ {2}2 │ 95% trở lên đảng viên hoàn thành tốt nhiệm {3}│ ≥ 95% mỗi năm {6}│ {4}94,66% \(2022\) │ {2}✘ {2}│/);
    expect(r.stdout.match(/✔/g)).toHaveLength(6);
    expect(r.stdout).toContain('Đạt 6/7 chỉ tiêu');
    expect(r.stdout).toContain('chưa đọc 2024, 2025 (sơ kết giữa nhiệm kỳ)');
    expect(r.stdout).toContain('TỔNG HỢP BÁO CÁO QUA CÁC KỲ — 2021, 2022, 2023, số liệu mới nhất: 2023 (3 tệp)');
    // --by-period with a term is the same run: the targets are not dropped.
    expect(cli([...FILES, ...CONFIG, '--by-period']).stdout).toBe(r.stdout);
  });

  it('says the verdict in the paragraph, naming the missed target with its year and value', () => {
    const r = cli([...FILES, ...CONFIG, '--format', 'text']);
    expect(r.stdout).toContain('Qua các năm 2021, 2022, 2023 của nhiệm kỳ 2020–2025, Đảng bộ Khối các cơ quan tỉnh hoàn thành 6/7 chỉ tiêu (chưa có số liệu năm 2024, 2025); chưa đạt: 95% trở lên đảng viên hoàn thành tốt nhiệm vụ (năm 2022: 94,66%).');
    const en = cli([...FILES, ...CONFIG, '--format', 'text', '--lang', 'en']);
    expect(en.stdout).toContain('met 6/7 targets (2024, 2025 not read yet); not met: 95% trở lên đảng viên hoàn thành tốt nhiệm vụ (2022: 94.66%).');
  });

  it('adds term, targets (config order) and targetsMet to the JSON, and every period under series', () => {
    const j = JSON.parse(cli([...FILES, ...CONFIG, '--format', 'json']).stdout) as Expected & { series: { period: string; members: { end: number } }[]; members: { end: number } };
    expect(j.term).toMatchObject({ from: 2020, to: 2025, periods: ['2021', '2022', '2023'], admittedOfStart: { count: 84, of: 720, percent: 11.67 }, membersGrowth: 76 });
    expect(j.targets.map((t) => t.met)).toEqual([true, false, true, true, true, true, true]);
    expect(j.targets[2]).toMatchObject({ metric: 'term.admittedOfStart.percent', over: 'term', actual: 11.67, byPeriod: { 2021: 3.47, 2022: 7.36, 2023: 11.67 } });
    expect(j.targetsMet).toEqual({ count: 6, of: 7 });
    expect(j.series.map((p) => [p.period, p.members.end])).toEqual([['2021', 734], ['2022', 765], ['2023', 796]]);
    expect(j.members.end).toBe(796);
  });

  it('takes the term from --term when the config has none; a period outside it is refused, its file named (exit 2)', () => {
    const r = cli(['fixtures/periods', '--term', '2015-2022']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"fixtures/periods/khoi-2023.csv" là báo cáo kỳ 2023, ngoài nhiệm kỳ 2015–2022');
    const bad = cli(['fixtures/periods', '--term', '2025-2020']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected two years, the congress year first: 2020-2025');
    expect(parseTerm('2020–2025')).toEqual({ from: 2020, to: 2025 });
  });

  it('the config\'s term with no report of its years (an old year looked at again) is left aside, said with --verbose; --term refuses it', () => {
    const r = cli(['fixtures/years/streak/bc-2018.csv', ...CONFIG, '--verbose']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('TỔNG HỢP BÁO CÁO — Kỳ 2018 (1 tệp)');
    expect(r.stdout).not.toContain('CHỈ TIÊU NHIỆM KỲ');
    expect(r.stderr).toContain('không có báo cáo nào của nhiệm kỳ 2020–2025 (tally.config.json) trong các tệp đọc (kỳ 2018): bỏ qua nhiệm kỳ và các chỉ tiêu');
    expect(cli(['fixtures/years/streak/bc-2018.csv', '--term', '2020-2025']).status).toBe(2);
    expect(cli(['fixtures/years/streak/bc-2018.csv', 'fixtures/years/streak/bc-2021.csv', ...CONFIG]).status).toBe(2);
  });

  it('without a term, reports of two periods are still refused (TL033)', () => {
    const r = cli(['fixtures/periods']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('TL033');
  });

  it('writes the targets on the workbook\'s "Chỉ tiêu" sheet', async () => {
    const out = join(tmp, 'nhiem-ky.xlsx');
    expect(cli([...FILES, ...CONFIG, '-o', out]).status).toBe(0);
    const ws = (await loadWorkbook(readFileSync(out))).getWorksheet('Chỉ tiêu');
    const text = JSON.stringify(ws?.getSheetValues());
    expect(text).toContain('"95% trở lên đảng viên hoàn thành tốt nhiệm vụ"');
    expect(text).toContain('"Không đạt"');
    expect(text).toContain('"Đạt 6/7 chỉ tiêu"');
    // A column per period read, the threshold with how it is judged.
    expect(text).toContain('"2021","2022","2023","Thực hiện","Mục tiêu","Kết quả"');
    expect(text).toContain('"95% trở lên đảng viên hoàn thành tốt nhiệm vụ",0.9681,0.9466,0.9732,0.9466,"≥ 95% mỗi năm","Không đạt"');
  });

  it('puts the targets in the Word appendix: a table after the summary\'s, and the sentence in its paragraph', () => {
    const out = join(tmp, 'nhiem-ky.docx');
    expect(cli([...FILES, ...CONFIG, '-o', out]).status).toBe(0);
    const lines = docxParagraphs(zipText(readFileSync(out), 'word/document.xml'));
    const at = lines.findIndex((l) => /^Bảng \d+\. Kết quả thực hiện các chỉ tiêu nhiệm kỳ 2020–2025$/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      'TT | Chỉ tiêu | Yêu cầu | Thực hiện | Đạt',
      '1 | 90% trở lên các chi bộ, đảng bộ đạt hoàn thành tốt nhiệm vụ | ≥ 90% mỗi năm | 94,44% (2021) | ✔',
      '2 | 95% trở lên đảng viên hoàn thành tốt nhiệm vụ | ≥ 95% mỗi năm | 94,66% (2022) | ✘',
    ]);
    expect(lines[at + 9]).toMatch(/^ \| Đạt 6\/7 chỉ tiêu\. Đã đọc 2021, 2022, 2023; chưa đọc 2024, 2025/);
    expect(lines.at(-1)).toContain('Đảng bộ Khối các cơ quan tỉnh hoàn thành 6/7 chỉ tiêu (chưa có số liệu năm 2024, 2025); chưa đạt: 95% trở lên đảng viên hoàn thành tốt nhiệm vụ (năm 2022: 94,66%).');
  });
});

describe('targets in the config', () => {
  const CASES: [file: string, words: string][] = [
    ['unknown-metric.json', '"targets[1].metric" phải là một chỉ số tally biết: "organizations.total"'],
    ['term-over.json', '"targets[0].over" phải là một trong "latest", "each-year", "term" ("term" dành cho chỉ số term.…'],
    ['term-order.json', '"term.to" phải là một năm (số nguyên, ví dụ 2025), không trước "from", nhưng đang ghi 2020; "targets[0].op" phải là một trong ">=", "<=", ">", "<", "=", nhưng đang ghi "≥"; khóa "targets[0].unit" không có'],
  ];
  for (const [file, words] of CASES) {
    it(`${file}: a config error naming the key and what it takes (exit 2)`, () => {
      const r = cli(['fixtures/term/bao-cao-2021.csv', '--config', `fixtures/term/config/${file}`]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(words);
    });
  }
  it('lists the known metrics, the term\'s and the indicator form among them', () => {
    const r = cli(['fixtures/term/bao-cao-2021.csv', '--config', 'fixtures/term/config/unknown-metric.json', '--lang', 'en']);
    for (const m of ['"memberRatings.goodOrBetter.percent"', '"members.womenShare.percent"', '"term.membersGrowth"', '"indicators:<']) expect(r.stderr).toContain(m);
  });
});

describe('judging a target', () => {
  const summary = (good: number, rated: number, women: boolean): Summary => {
    const r = new Rollup({ decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter' }).result();
    return { ...r, memberRatings: { ...r.memberRatings, rated, goodOrBetter: { count: good, of: rated, percent: Math.round((good / rated) * 10000) / 100 } },
      members: { ...r.members, womenShare: women ? { count: 1, of: 2, percent: 50 } : null } };
  };
  const target = (over: TargetSpec['over'], metric = 'memberRatings.goodOrBetter.percent'): TargetSpec => ({ label: 'x', metric, op: '>=', value: 95, over });
  it('compares a share exactly: 18.999/20.000 prints as 95,00% but is below 95%', () => {
    const r = evaluateTargets([target('latest')], [{ period: '2023', summary: summary(18_999, 20_000, true) }], undefined, 2, 'half-up');
    expect(r.targets[0]).toMatchObject({ actual: 95, met: false, judged: true });
  });
  it('each-year: met only if met in every period; the deciding period is the first that misses, else the closest', () => {
    const series = [{ period: '2021', summary: summary(99, 100, true) }, { period: '2022', summary: summary(96, 100, true) }];
    expect(evaluateTargets([target('each-year')], series, undefined, 2, 'half-up').targets[0]).toMatchObject({ met: true, actual: 96, decidingPeriod: '2022' });
    const missed = [...series, { period: '2023', summary: summary(90, 100, true) }];
    expect(evaluateTargets([target('each-year')], missed, undefined, 2, 'half-up').targets[0]).toMatchObject({ met: false, actual: 90, decidingPeriod: '2023', missedIn: ['2023'] });
  });
  it('a figure the inputs do not give (no "Nữ" column) is not judged and not met', () => {
    const r = evaluateTargets([{ label: 'nữ', metric: 'members.womenShare.percent', op: '>=', value: 45, over: 'latest' }], [{ period: '2023', summary: summary(1, 1, false) }], undefined, 2, 'half-up');
    expect(r.targets[0]).toMatchObject({ actual: null, met: false, judged: false });
    expect(r.targetsMet).toEqual({ count: 0, of: 1 });
  });
});
