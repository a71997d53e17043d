import { describe, expect, it } from 'vitest';
import { matches, type ListFilter } from '../src/cli/list.js';
import type { UnitRow } from '../src/recognise/table.js';
import { RATING_LEVELS } from '../src/recognise/vocabulary.js';
import { analyseFixtures, cli } from './helpers.js';

/** The summary of the fixtures and, for each filter, the rows `tally list` would list. */
async function listed(names: readonly string[], filters: readonly ListFilter[]) {
  const rows: UnitRow[] = [];
  const a = await analyseFixtures(names, { onRow: (r) => rows.push(r) });
  return { summary: a.summary!, lists: filters.map((f) => rows.filter((r) => matches(r, f))) };
}

describe('tally list: the units behind a figure', () => {
  it('lists as many units of each rating as the summary counts, on khoi-2020.xlsx (8 HTNV, as the seed says)', async () => {
    const { summary, lists } = await listed(['khoi-2020.xlsx'], [...RATING_LEVELS.map((rating) => ({ rating })), { unrated: true }, { type: 'chi_bo_co_so' as const }]);
    RATING_LEVELS.forEach((level, i) => expect(lists[i]?.length, level).toBe(summary.organizations.ratings[level]));
    expect(summary.organizations.ratings.HTNV).toBe(8);
    expect(lists[4]?.length).toBe(summary.organizations.unrated.length);
    expect(lists[5]?.length).toBe(summary.organizations.byType.chi_bo_co_so);
  });

  it('counts the cells apart, as the summary does: --type CBTT lists the chi bộ trực thuộc, and the default leaves them out', async () => {
    const { summary, lists } = await listed(['years/tree/parent-codes'], [{}, { type: 'chi_bo_truc_thuoc' }, { type: 'chi_bo_truc_thuoc', rating: 'HTXSNV' }, { type: 'all' }]);
    expect(lists[0]?.length).toBe(summary.organizations.total);
    expect(lists[1]?.length).toBe(16);
    expect(lists[2]?.length).toBe(summary.organizations.subordinate.ratings.HTXSNV);
    expect(lists[3]?.length).toBe(24);
  });

  it('picks by sector and by period, folding the words', async () => {
    const { lists } = await listed(['years/streak/xep-loai-2020.xlsx'], [{ sector: 'DOANH NGHIEP NHA NUOC' }, { period: '2020' }, { period: '2019' }]);
    expect(lists[0]?.length).toBeGreaterThan(0);
    expect(lists[0]?.every((r) => r.sector?.toLowerCase() === 'doanh nghiệp nhà nước')).toBe(true);
    expect(lists[1]?.length).toBe(20);
    expect(lists[2]?.length).toBe(0);
  });

  it('picks by group heading and lists the unrated units the summary lists', async () => {
    const { lists } = await listed(['years/streak/bc-2018.csv'], [{ group: 'Đảng bộ cơ sở' }, { group: 'chi bo co so' }]);
    expect(lists.map((l) => l.length)).toEqual([7, 14]);
    const unrated = await listed(['ticks/flat-marks.csv'], [{ unrated: true }]);
    expect(unrated.lists[0]?.map((r) => [r.name, r.source.row])).toEqual(unrated.summary.organizations.unrated.map((u) => [u.name, u.row]));
    expect(unrated.lists[0]).toHaveLength(1);
  });

  it('prints each unit with its file, sheet and row, in the table, JSON, CSV and Markdown', () => {
    const table = cli(['list', 'fixtures/khoi-2020.xlsx', '--rating', 'HTNV', '-q']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/│ +1 │ DB08 │ Đảng bộ Sở Y tế +│ ĐBCS +│ HTNV +│ +56 │ fixtures\/khoi-2020\.xlsx │ Báo cáo │ +12 │/);
    expect(table.stdout).toContain('8 tổ chức: HTNV, tổ chức cơ sở đảng');
    const json = JSON.parse(cli(['list', 'fixtures/khoi-2020.xlsx', '--rating', 'hoàn thành nhiệm vụ', '-f', 'json']).stdout) as { schema: string; count: number; filter: unknown; units: { code: string; file: string; sheet: string; row: number }[] };
    expect(json).toMatchObject({ schema: 'tally.list/1', count: 8, filter: { rating: 'HTNV' } });
    expect(json.units[7]).toMatchObject({ code: 'CB61', file: 'fixtures/khoi-2020.xlsx', sheet: 'Báo cáo', row: 110 });
    const csv = cli(['list', 'fixtures/khoi-2020.xlsx', '--rating', 'HTNV', '-f', 'csv']).stdout;
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(9);
    expect(csv).toContain('DB08,Đảng bộ Sở Y tế,dang_bo_co_so,,');
    expect(cli(['list', 'fixtures/khoi-2020.xlsx', '--rating', 'HTNV', '-f', 'md', '--lang', 'en']).stdout).toContain('**8 organisation(s): HTNV, grassroots organisations**');
  });

  it('refuses a rating or a type it does not know (exit 2)', () => {
    const r = cli(['list', 'fixtures/khoi-2020.xlsx', '--rating', 'Khá']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('sai cách dùng: Giá trị "Khá" của --rating không dùng được: cần một mức xếp loại: HTXSNV, HTTNV, HTNV hoặc KHTNV (viết kiểu nào cũng được; --unrated cho tổ chức chưa xếp loại).\n    cách sửa: Xem `tally --help` để biết mọi tùy chọn, mỗi tùy chọn có một ví dụ.\n');
    expect(cli(['list', 'fixtures/khoi-2020.xlsx', '--type', 'Tổ đảng']).status).toBe(2);
  });
});
