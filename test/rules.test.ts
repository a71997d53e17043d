import { describe, expect, it } from 'vitest';
import type { AnalyseOptions } from '../src/analyse/analyse.js';
import { analysePrevious } from '../src/analyse/previous.js';
import { analyseSeries } from '../src/analyse/series.js';
import { DEFAULT_THRESHOLDS } from '../src/check/rule.js';
import { analyseFixtures, cli, codesOf, fixture, ROOT } from './helpers.js';

/** One bad fixture per rule: the code it must raise, and the cell it must point at. */
/** `at`: the file the first diagnostic is in, when it is not the input (a roster unit with no report is at its roster row). */
const CASES: readonly [fixture: string, codes: string[], cell: string | undefined, options?: Partial<AnalyseOptions> & { readonly at?: string }][] = [
  ['rules/missing-column.csv', ['TL002'], undefined],
  ['rules/no-data-rows.csv', ['TL005'], undefined],
  ['hostile/damaged-styles.xlsx', ['TL006', 'TL040'], undefined],
  ['rules/duplicate-column.csv', ['TL003'], 'C1'],
  ['rules/unknown-column.csv', ['TL004'], 'D1'],
  ['rules/formula-text.csv', ['TL007'], 'F1'],
  ['rules/unnamed-column.csv', ['TL008'], 'F1'],
  ['rules/not-a-number.csv', ['TL010'], 'H3'],
  ['rules/not-whole.csv', ['TL011'], 'H3'],
  ['rules/negative.csv', ['TL012'], 'G3'],
  ['rules/unknown-rating.csv', ['TL013'], 'J3'],
  ['rules/unknown-type.csv', ['TL014'], 'C3'],
  ['rules/cell-error.xlsx', ['TL015'], 'C2'],
  ['rules/formula-without-result.xlsx', ['TL019'], 'E3'],
  ['rules/missing-name.csv', ['TL016'], 'B3'],
  ['rules/missing-members.csv', ['TL017'], 'H3'],
  ['rules/old-scale.csv', ['TL018'], 'J2'],
  ['rules/duplicate-code.csv', ['TL020'], 'A4'],
  ['rules/balance.csv', ['TL021'], 'H2'],
  ['rules/ratings-exceed-members.csv', ['TL022'], 'K4'],
  ['rules/parts-exceed-members.csv', ['TL023'], 'I4'],
  ['rules/subset-exceeds-whole.csv', ['TL024'], 'E3'],
  ['rules/parts-mismatch.csv', ['TL025'], 'E4'],
  ['official-forms/bieu-1-subset-wrong.xlsx', ['TL026'], 'B19'],
  ['official-forms/bieu-1-parts-wrong.xlsx', ['TL027', 'TL028'], 'B9'],
  ['official-forms/bieu-1-balance-wrong.xlsx', ['TL028', 'TL021'], 'B24'],
  ['rules/total-mismatch.csv', ['TL030'], 'H5'],
  ['rules/percent-mismatch.csv', ['TL031'], 'D3'],
  ['rules/cells-sum-mismatch.csv', ['TL034'], 'C5'],
  ['rules/mixed-periods.csv', ['TL033'], 'C4'],
  ['rules/period-overridden.csv', ['TL035'], 'A1', { period: '2024' }],
  ['workbooks/multi-sheet-mismatch.xlsx', ['TL032'], undefined],
  ['rules/excellent-quota-organisations.csv', ['TL040'], undefined],
  ['rules/member-quota.csv', ['TL041'], 'K2'],
  ['rules/admitted-probationary.csv', ['TL042'], 'F2'],
  ['rules/too-few-full-members.csv', ['TL043'], 'H4'],
  ['rules/rating-inconsistent.csv', ['TL044'], 'N2'],
  ['rules/rated-exceeds-eligible.csv', ['TL045'], 'C2'],
  ['rules/unknown-parent.csv', ['TL050'], 'D5'],
  ['rules/parent-cycle.csv', ['TL051'], 'D5'],
  ['rules/cell-without-parent.csv', ['TL052'], 'C5'],
  ['rules/parent-not-committee.csv', ['TL053'], 'D5'],
  ['rules/not-on-roster.csv', ['TL060', 'TL061'], 'A5', { roster: 'fixtures/rules/roster-units.csv', at: 'fixtures/rules/roster-units.csv' }],
  ['rules/not-on-roster.csv', ['TL061', 'TL060'], 'B5', { roster: 'fixtures/rules/roster-units.csv' }],
];

/** Codes of a run of several periods (a series, --by-period, a streak): each read beside a good year. */
const SERIES_CASES: readonly [fixture: string, codes: string[], cell: string][] = [
  ['rules/period-missing.csv', ['TL036'], 'B2'],
];

describe('rules of a series of periods', () => {
  for (const [file, codes, cell] of SERIES_CASES) {
    it(`${codes[0]}: ${file} beside fixtures/periods raises ${codes.join(', ')} at ${cell}`, async () => {
      const s = await analyseSeries([fixture('periods'), fixture(file)], {
        cwd: ROOT, scale: 'current', decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter', thresholds: DEFAULT_THRESHOLDS, workers: 0,
      });
      expect([...new Set(s.analysis.diagnostics.map((d) => d.code))].sort()).toEqual(codes);
      const first = s.analysis.diagnostics.find((d) => d.code === codes[0]);
      expect(first?.location).toMatchObject({ file: `fixtures/${file}`, cell });
    });
  }
});

/** Codes of a member list read beside its committee's report: the folder, and the report the code points into. */
const MEMBER_LIST_CASES: readonly [folder: string, codes: string[], cell: string, report: string][] = [
  ['members/beside-differ', ['TL070'], 'I6', 'bao-cao-2022.csv'],
];

describe('rules of member lists beside reports', () => {
  for (const [folder, codes, cell, report] of MEMBER_LIST_CASES) {
    it(`${codes[0]}: ${folder} raises ${codes.join(', ')} at ${report} ${cell}`, async () => {
      const a = await analyseFixtures([folder], { workers: 0 });
      expect([...new Set(a.diagnostics.map((d) => d.code))].sort()).toEqual(codes);
      expect(a.diagnostics.find((d) => d.code === codes[0])?.location).toMatchObject({ file: `fixtures/${folder}/${report}`, cell });
    });
  }
});

/** Codes of --previous: the fixture given as the previous period of fixtures/periods/khoi-2023.csv. */
const PREVIOUS_CASES: readonly [fixture: string, codes: string[], cell: string][] = [
  ['rules/period-overridden.csv', ['TL037'], 'A3'],
];

describe('rules of a comparison with the previous period', () => {
  for (const [file, codes, cell] of PREVIOUS_CASES) {
    it(`${codes[0]}: ${file} as the previous period of 2023 raises ${codes.join(', ')} at ${cell}`, async () => {
      const { analysis } = await analysePrevious([fixture('periods/khoi-2023.csv')], [fixture(file)], {
        cwd: ROOT, scale: 'current', decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter', thresholds: DEFAULT_THRESHOLDS, workers: 0, rollup: true,
      });
      expect([...new Set(analysis.diagnostics.map((d) => d.code))].sort()).toEqual(codes);
      expect(analysis.diagnostics.find((d) => d.code === codes[0])?.location).toMatchObject({ file: `fixtures/${file}`, cell });
    });
  }
});

describe('rules', () => {
  it('TL040 needs 5 organisations rated good or better: below that, 20% is less than one', async () => {
    // 2 HTXSNV of 5 good or better: over the 1 allowed.
    expect(await codesOf('rules/excellent-quota-organisations.csv')).toEqual(['TL040']);
    // 1 HTXSNV of 2 good or better: a small set (or a unit's own file) is not warned.
    const small = await analyseFixtures(['spellings/flat-headers-with-dates.csv']);
    expect(small.summary!.organizations.ratings).toMatchObject({ HTXSNV: 1, HTTNV: 1 });
    expect(small.diagnostics).toEqual([]);
  });
  it('raise nothing on a good report', async () => {
    expect(await codesOf('rules/good.csv')).toEqual([]);
    expect(await codesOf('rules/total-ok.csv')).toEqual([]);
  });
  for (const [file, codes, cell, options] of CASES) {
    it(`${codes[0]}: ${file} raises ${codes.join(', ')}${cell ? ` at ${cell}` : ''}`, async () => {
      const { at, ...analyseOptions } = options ?? {};
      const a = await analyseFixtures([file], analyseOptions);
      expect([...new Set(a.diagnostics.map((d) => d.code))].sort()).toEqual([...codes].sort());
      const first = a.diagnostics.find((d) => d.code === codes[0]);
      expect(first?.location.file).toBe(at ?? `fixtures/${file}`);
      if (cell) expect(first?.location.cell).toBe(cell);
    });
  }
  it('does not take units named "Công ty …" or "Tổng công ty …" for total rows ("Cộng", "Tổng cộng")', async () => {
    const a = await analyseFixtures(['rules/company-names.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.rows.counted).toBe(4);
    expect(a.rows.skipped.map((s) => s.reason)).toEqual(['header', 'total']);
  });
  it('counts "Phục hồi đảng tịch" among the increases of the membership balance', async () => {
    const a = await analyseFixtures(['rules/reinstated.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.summary!.members.reinstated).toBe(1);
  });
  it('adds up the parts of a count with no column of its own ("Chuyển đến" › "Tỉnh khác" | "Huyện khác"), and keeps a "Trong đó" subset apart', async () => {
    const a = await analyseFixtures(['rules/sub-columns.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.summary!.members.transferredIn).toBe(4);
    expect(a.summary!.members.admitted).toBe(3);
    // No column for the members' women: unknown, not 0.
    expect(a.summary!.members.women).toBeNull();
    expect(a.summary!.members.womenShare).toBeNull();
    expect(a.summary!.indicators).toEqual([{ name: 'Kết nạp › Trong đó: Nữ', total: 1 }]);
  });
  it('reads a flat "Trong đó: Nữ" after "Kết nạp" as the admitted women, and the one after the members as the members\' women', async () => {
    const a = await analyseFixtures(['rules/subset-exceeds-whole.csv']);
    expect(a.summary!.members.women).toBe(14);
    expect(a.summary!.members.admitted).toBe(3);
    expect(a.summary!.indicators).toEqual([{ name: 'Kết nạp › Trong đó: Nữ', total: 3 }]);
  });
  it('maps the pre-2018 scale when asked to', async () => {
    expect(await codesOf('rules/old-scale.csv', { scale: 'pre-2018' })).toEqual([]);
    const a = await analyseFixtures(['rules/old-scale.csv'], { scale: 'pre-2018' });
    expect(a.summary!.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 1, HTNV: 1, KHTNV: 0 });
  });
});

describe('duplicates and periods', () => {
  it('the same units in the reports of two years are not duplicates', async () => {
    const a = await analyseFixtures(['periods'], { rollup: false });
    expect(a.diagnostics).toEqual([]);
  });
  it('a roll-up of two years is refused (TL033), naming where each year starts; check, or one year alone, passes', async () => {
    const a = await analyseFixtures(['periods']);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['TL033']);
    expect(a.diagnostics[0]?.location).toMatchObject({ file: 'fixtures/periods/khoi-2023.csv', row: 2, cell: 'A2', column: 'Năm' });
    expect(a.diagnostics[0]?.args.value).toBe('2022 (fixtures/periods/khoi-2022.csv:2), 2023 (fixtures/periods/khoi-2023.csv:2)');
    expect(a.summary!.periods).toEqual(['2022', '2023']);
    const r = cli(['fixtures/periods']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('fixtures/periods/khoi-2023.csv A2: lỗi TL033 Các báo cáo thuộc 2 kỳ khác nhau');
    expect(r.stdout).toBe('');
    expect(cli(['check', 'fixtures/periods']).status).toBe(0);
    expect((await analyseFixtures(['periods/khoi-2023.csv'])).diagnostics).toEqual([]);
  });
});

describe('ratings written as marks in one column per level', () => {
  for (const file of ['marks-as-1-with-total.csv', 'marks-x-with-total.csv']) {
    it(`${file}: "1" or "x" under a level is the rating, and a "Cộng" row counting the marks does not make them counts`, async () => {
      const a = await analyseFixtures([`ticks/${file}`]);
      expect(a.diagnostics).toEqual([]);
      expect(a.summary!.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 2, HTNV: 1, KHTNV: 0 });
      expect(a.summary!.indicators).toEqual([]);
    });
  }
  it('plan and actual under one count ("Kết nạp › Chỉ tiêu | Thực hiện | Tỷ lệ (%)", LibreOffice): the actual counts, the plan is an indicator, the percentage is of the plan', async () => {
    const a = await analyseFixtures(['ticks/plan-actual-marks-merged.xlsx']);
    expect(a.diagnostics).toEqual([]);
    expect(a.summary!.members.admitted).toBe(11);
    expect(a.summary!.indicators).toEqual([{ name: 'Kết nạp đảng viên › Chỉ tiêu', total: 16 }]);
    expect(a.summary!.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 2, HTNV: 1, KHTNV: 0 });
    const csv = await analyseFixtures(['spellings/plan-and-actual.csv']);
    expect(csv.summary!.members.admitted).toBe(11);
    expect(csv.summary!.indicators).toEqual([{ name: 'Kết nạp đảng viên › Chỉ tiêu', total: 15 }]);
  });
  it('read "x" under a level as the unit\'s rating, in a flat header', async () => {
    const s = (await analyseFixtures(['ticks/flat-marks.csv'])).summary!;
    expect(s.organizations.ratings).toEqual({ HTXSNV: 0, HTTNV: 2, HTNV: 1, KHTNV: 0 });
    expect(s.organizations.unrated.map((u) => u.name)).toEqual(['Chi bộ Trạm Khuyến nông']);
    expect(s.memberRatings.rated).toBe(0);
  });
  it('read marks under a merged "Xếp loại tổ chức"', async () => {
    const s = (await analyseFixtures(['ticks/grouped-marks.csv'])).summary!;
    expect(s.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 1, HTNV: 1, KHTNV: 0 });
  });
  it('report two marks on one row as an unknown rating (TL013) at the second mark', async () => {
    const a = await analyseFixtures(['ticks/two-marks.csv']);
    expect(a.diagnostics.map((d) => [d.code, d.location.cell, d.args.value])).toEqual([['TL013', 'E3', 'HTTNV + HTNV']]);
  });
  it('take counts under "Xếp loại chi bộ trực thuộc" as indicators, not as the unit\'s rating', async () => {
    const s = (await analyseFixtures(['ticks/cell-rating-counts.csv'])).summary!;
    expect(s.organizations.rated).toBe(0);
    expect(s.organizations.unrated).toEqual([]);
    expect(s.indicators.map((i) => i.total)).toEqual([3, 8, 1, 0]);
  });
});
