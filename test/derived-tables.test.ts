import { describe, expect, it } from 'vitest';
import { describe as words } from '../src/check/catalogue.js';
import type { Diagnostic } from '../src/check/diagnostic.js';
import { SheetFacts } from '../src/check/facts.js';
import type { CellValue } from '../src/read/types.js';
import { recogniseSheet } from '../src/recognise/sheet.js';
import type { UnitRow } from '../src/recognise/table.js';
import { analyseFixtures, cli, notesOf } from './helpers.js';

/**
 * Sheets laid out another way than one row per unit, read as the table of units they stand for (issue 13): units
 * as columns (fixtures/units-as-columns/) and a unit's own form of label/value rows (fixtures/own-form/). Every
 * message names the cell of the sheet, never one of the table tally built.
 */
const say = (d: Diagnostic | undefined): string | undefined => (d ? words(d.code, d.args, 'vi').message : undefined);
const at = (a: Awaited<ReturnType<typeof analyseFixtures>>): string[] => a.diagnostics.map((d) => `${d.code}@${d.location.cell ?? '-'}:${d.location.row}`);

describe('units as columns', () => {
  it('checks the total column against the units like a total row, naming its cell', async () => {
    const a = await analyseFixtures(['units-as-columns/total-disagrees.csv']);
    expect(at(a)).toEqual(['TL030@I3:3']);
    expect(say(a.diagnostics[0])).toBe('Cột "Tổng cộng", dòng Tổng số đảng viên: ghi 83, nhưng cộng các cột đơn vị được 82.');
    const d = a.diagnostics[0];
    expect(d && words(d.code, d.args, 'en').message).toBe('Column "Tổng cộng", row Tổng số đảng viên: says 83, but the units\' columns add up to 82.');
    const s = a.summary;
    expect(s?.organizations.total).toBe(6);
    expect(s?.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 3, HTNV: 1, KHTNV: 1 });
    expect([s?.members.end, s?.members.admitted, s?.members.women]).toEqual([82, 4, 38]);
    expect(notesOf(a)).toContain('fixtures/units-as-columns/total-disagrees.csv: bảng đơn vị theo cột (tên 6 đơn vị ở dòng 2, chỉ tiêu theo dòng đến dòng 6), đọc mỗi cột là một tổ chức');
    expect(notesOf(a, 'en')).toContain('fixtures/units-as-columns/total-disagrees.csv: units as columns (6 units named in row 2, figures as rows down to row 6), each column read as one organisation');
  });

  it('reads member ratings under a heading row, and names an unreadable cell and a unit that does not balance', async () => {
    const a = await analyseFixtures(['units-as-columns/ratings-under-heading.csv']);
    // E6: the third unit's end is "?"; D6: Tipharco ends at 34 where 31 + 2 = 33. Row rules name the figure's cell.
    expect(at(a)).toEqual(['TL010@E6:6', 'TL021@D6:6']);
    expect(say(a.diagnostics[0])).toBe('Ô E6 (Tổng số đảng viên) phải là số, nhưng có "?".');
    const s = a.summary;
    // The unit with no member count is not counted (TL010 says why); the two others are.
    expect(s?.organizations.total).toBe(2);
    expect(s?.memberRatings.ratings).toEqual({ HTXSNV: 19, HTTNV: 110, HTNV: 8, KHTNV: 0 });
    expect([s?.members.start, s?.members.admitted, s?.members.end]).toEqual([129, 8, 138]);
  });

  it('exits 1 on the total column that disagrees, with the cell in the message', () => {
    const r = cli(['report', 'fixtures/units-as-columns/total-disagrees.csv']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('fixtures/units-as-columns/total-disagrees.csv I3: lỗi TL030');
  });

  it('reads a workbook with a merged title, an "ĐVT" column and the total column last as SUM formulas', async () => {
    const a = await analyseFixtures(['units-as-columns/merged-title-total-last.xlsx']);
    expect(at(a)).toEqual([]);
    const s = a.summary;
    expect(s?.organizations.byType).toMatchObject({ dang_bo_co_so: 2, chi_bo_co_so: 2 });
    expect(s?.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 2, HTNV: 1, KHTNV: 0 });
    expect(s?.members).toMatchObject({ start: 208, admitted: 11, end: 219, probationary: 16, women: 84 });
    expect(s?.memberRatings.ratings).toEqual({ HTXSNV: 29, HTTNV: 176, HTNV: 14, KHTNV: 0 });
  });

  it('reads a hidden unit column and a hidden figure row, and says so; a unit row knows its cells', () => {
    const rows: CellValue[][] = [
      ['BÁO CÁO NĂM 2023'],
      ['STT', 'Chỉ tiêu', 'Chi bộ A', 'Chi bộ B', 'Chi bộ C', 'Tổng cộng'],
      [1, 'Tổng số đảng viên', 10, 12, 8, 30],
      [2, 'Kết nạp', 1, 0, 2, 3],
      [3, 'Đảng viên nữ', 4, 5, 'bốn', 9],
    ];
    const units: UnitRow[] = [];
    const facts = new SheetFacts('t.xlsx', 'S');
    const sheet = { file: 't.xlsx', sheet: 'S', rows, merges: [], hiddenRows: new Set([3]), hiddenColumns: new Set([3]) };
    const { decision } = recogniseSheet(sheet, { scale: 'current' }, { row: (u) => units.push(u), fact: facts.fact });
    expect(decision.kind).toBe('units-as-columns');
    expect(units.map((u) => [u.name, u.counts.members, u.counts.admitted])).toEqual([['Chi bộ A', 10, 1], ['Chi bộ B', 12, 0], ['Chi bộ C', 8, 2]]);
    // Each unit's row is its name's row; its members' cell is in its own column, row 3.
    expect(units.map((u) => [u.source.row, u.source.cells?.[u.columns.members ?? -1]])).toEqual([[2, [2, 2]], [2, [2, 3]], [2, [2, 4]]]);
    expect(facts.notes.map((n) => [n.code, n.args])).toEqual(expect.arrayContaining([['hidden-rows-read', { count: 1 }], ['hidden-column-read', { label: 'Kết nạp' }]]));
    // "bốn" is no figure: said at its cell (E5), and the women's total over it is not judged.
    expect(facts.diagnostics.map((d) => `${d.code}@${d.location.cell ?? ''}`)).toEqual(['TL010@E5']);
  });

  it('keeps refusing a table whose columns are types, not units', async () => {
    const a = await analyseFixtures(['units-as-columns/types-as-columns-refused.csv']);
    expect(a.failures.map((f) => f.code)).toEqual(['indicator-rows']);
    expect(cli(['report', 'fixtures/units-as-columns/types-as-columns-refused.csv']).status).toBe(2);
  });
});

describe('a unit\'s own form', () => {
  it('reads figures in the third column with "đ/c", items under a heading and a rating in words', async () => {
    const a = await analyseFixtures(['own-form/values-third-column.csv'], { keepUnits: true });
    expect(a.units?.map((u) => u.name)).toEqual(['Chi bộ Công Ty Cổ Phần Cấp Nước Bến Thành']);
    expect(at(a)).toEqual([]);
    const s = a.summary;
    expect(s?.organizations.total).toBe(1);
    expect(s?.organizations.byType.chi_bo_co_so).toBe(1);
    expect(s?.organizations.ratings.HTTNV).toBe(1);
    expect(s?.members).toMatchObject({ start: 22, admitted: 2, transferredOut: 1, end: 23, probationary: 2, women: 9 });
    expect(s?.memberRatings.ratings).toEqual({ HTXSNV: 3, HTTNV: 17, HTNV: 3, KHTNV: 0 });
    expect(notesOf(a)).toContain('fixtures/own-form/values-third-column.csv: biểu của một đơn vị (các dòng "chỉ tiêu: số liệu" 6–17), đọc thành một dòng tổ chức');
  });

  it('reads labels merged over three columns with the figure in the fourth, named by an "Đơn vị báo cáo:" row', async () => {
    const a = await analyseFixtures(['own-form/merged-labels.xlsx'], { keepUnits: true });
    expect(at(a)).toEqual([]);
    expect(a.units?.map((u) => u.name)).toEqual(['Chi bộ Công ty Cổ phần Dược phẩm Tipharco']);
    expect(a.summary?.members).toMatchObject({ start: 31, admitted: 2, end: 33, probationary: 2, women: 18 });
    expect(a.summary?.memberRatings.ratings).toEqual({ HTXSNV: 4, HTTNV: 27, HTNV: 2, KHTNV: 0 });
    expect(a.summary?.organizations.ratings.HTTNV).toBe(1);
  });

  it('names the unit by a "Chi bộ: | Sở …" row, and never takes a title line for a figure', async () => {
    const a = await analyseFixtures(['own-form/unit-named-by-kind-row.csv'], { keepUnits: true });
    expect(at(a)).toEqual([]);
    expect(a.units?.map((u) => [u.name, u.rating, u.source.row])).toEqual([['Chi bộ Sở Lao động - Thương binh và Xã hội', 'KHTNV', 4]]);
    // The period is the title's: "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM 2023" is a title, not a rating row.
    expect(a.summary?.periods).toEqual(['2023']);
    expect(a.summary?.members).toMatchObject({ start: 25, admitted: 1, transferredOut: 1, end: 25, probationary: 1, women: 12 });
  });

  it('reads a label and its figure written in one cell', async () => {
    const a = await analyseFixtures(['own-form/label-and-figure-in-one-cell.csv']);
    expect(at(a)).toEqual([]);
    const s = a.summary;
    expect(s?.organizations.ratings.HTXSNV).toBe(1);
    expect(s?.members).toMatchObject({ start: 30, admitted: 1, transferredIn: 0, transferredOut: 2, end: 29, probationary: 1, women: 15 });
  });

  it('names the cell of a figure it cannot read, never a silent 0', async () => {
    const a = await analyseFixtures(['own-form/unreadable-figure.csv']);
    expect(at(a)).toEqual(['TL010@B9:9']);
    expect(say(a.diagnostics[0])).toBe('Ô B9 (Đảng viên nữ) phải là số, nhưng có "năm".');
    const r = cli(['report', 'fixtures/own-form/unreadable-figure.csv']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('fixtures/own-form/unreadable-figure.csv B9: lỗi TL010');
  });

  it('reads a workbook of units\' forms with a summary of units as columns: the summary checked, not counted', async () => {
    const a = await analyseFixtures(['own-form/forms-and-summary.xlsx']);
    expect(a.diagnostics.map((d) => `${d.code}@${d.location.sheet ?? ''}`)).toEqual(['TL032@Tổng hợp']);
    expect(a.summary?.organizations.total).toBe(2);
    expect(a.summary?.members).toMatchObject({ start: 25, admitted: 1, end: 26, women: 14 });
    expect(a.summary?.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 1, HTNV: 0, KHTNV: 0 });
  });

  it('keeps refusing one unit\'s statistical form with several figures a row', async () => {
    const a = await analyseFixtures(['own-form/one-unit-statistics-refused.csv']);
    expect(a.failures.map((f) => f.code)).toEqual(['indicator-rows']);
  });
});
