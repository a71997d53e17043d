import { describe, expect, it } from 'vitest';
import { recogniseSheet, type SheetResult } from '../src/recognise/sheet.js';
import { SheetFacts } from '../src/check/facts.js';
import { describeNote } from '../src/check/notes.js';
import type { Diagnostic } from '../src/check/diagnostic.js';
import type { CellValue, MergeRange, RawSheet } from '../src/read/types.js';
import type { UnitRow } from '../src/recognise/table.js';

const sheet = (rows: CellValue[][], merges: MergeRange[] = []): RawSheet => ({
  file: 't.xlsx', sheet: 'S', rows, merges, hiddenRows: new Set(), hiddenColumns: new Set(),
});
type Read = SheetResult & { readonly diagnostics: readonly Diagnostic[]; readonly notes: readonly string[] };
const read = (s: RawSheet): { units: UnitRow[]; codes: string[]; cells: (string | undefined)[]; result: Read | undefined } => {
  const units: UnitRow[] = [];
  const facts = new SheetFacts(s.file, s.sheet);
  const { result: walked } = recogniseSheet(s, { scale: 'current' }, { row: (u) => units.push(u), fact: facts.fact });
  const d = facts.diagnostics;
  const result = walked && { ...walked, diagnostics: d, notes: facts.notes.map((n) => describeNote(n, 'vi')) };
  return { units, codes: d.map((x) => x.code), cells: d.map((x) => x.location.cell), result };
};

describe('follow-on errors are not reported', () => {
  it('a total under a column with an unreadable cell is not checked (the cell has its own error)', () => {
    const r = read(sheet([
      ['Tên đơn vị', 'Tổng số đảng viên', 'Kết nạp'],
      ['Chi bộ A', 10, 1],
      ['Chi bộ B', { error: '#REF!' }, 2],
      ['Tổng cộng', 25, 4],
    ]));
    // Members: B3 is #REF!, so the total's 25 cannot be checked; admitted: 1 + 2 ≠ 4 is still reported.
    expect(r.codes).toEqual(['TL015', 'TL030']);
    expect(r.cells).toEqual(['B3', 'C4']);
  });
  it('with no name column, TL002 is said once and the total row still agrees with the rows above it', () => {
    const r = read(sheet([
      ['STT', 'Tổng số đảng viên', 'Kết nạp'],
      [1, 10, 1],
      [2, 15, 2],
      ['Tổng cộng', 25, 3],
    ]));
    expect(r.codes).toEqual(['TL002']);
  });
});

describe('a unit\'s name in the title block', () => {
  it('is not taken from the bloc\'s name or the report title: with no unit named there, TL002 asks for the column', () => {
    const r = read(sheet([
      ['ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH'], ['BÁO CÁO KẾT QUẢ NĂM 2023'],
      ['STT', 'Tổng số đảng viên', 'Kết nạp'], [1, 30, 4],
    ]));
    expect(r.codes).toEqual(['TL002']);
    expect(r.units).toEqual([]);
  });
  it('names the unit of a sheet with no name column when one stands under the bloc', () => {
    const r = read(sheet([
      ['ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH'], ['Đảng bộ Công ty Cổ phần Vật tư'], ['BÁO CÁO KẾT QUẢ NĂM 2023'],
      ['STT', 'Tổng số đảng viên', 'Kết nạp'], [1, 120, 12],
    ]));
    expect(r.codes).toEqual([]);
    expect(r.units.map((u) => [u.name, u.type, u.counts.members])).toEqual([['Đảng bộ Công ty Cổ phần Vật tư', 'dang_bo_co_so', 120]]);
  });
});

describe('columns', () => {
  it('a text column of rating levels under a header tally does not know is the rating column', () => {
    const r = read(sheet([
      ['Tên đơn vị', 'Tổng số đảng viên', 'Đánh giá cuối năm'],
      ['Chi bộ A', 10, 'Hoàn thành tốt nhiệm vụ'], ['Chi bộ B', 12, 'HTXSNV'], ['Chi bộ C', 9, 'Chưa xếp loại'],
    ]));
    expect(r.codes).toEqual([]);
    expect(r.units.map((u) => u.rating)).toEqual(['HTTNV', 'HTXSNV', 'unrated']);
    expect(r.result?.notes).toContain('cột "Đánh giá cuối năm" có các mức xếp loại, đọc là cột xếp loại tổ chức');
  });
  it('a "Số TCCSĐ" column is a count, not the name; a name column holding only numbers is not the name', () => {
    const r = read(sheet([
      ['Khối', 'Số TCCSĐ', 'Tổng số đảng viên'],
      ['Khối doanh nghiệp', 12, 340],
    ]));
    expect(r.codes).toEqual(['TL002']);
    const n = read(sheet([
      ['Tên đơn vị', 'Đơn vị', 'Tổng số đảng viên'],
      ['Chi bộ A', 3, 10],
    ]));
    // "Tên đơn vị" is the name; the second name-like column holds numbers and is a duplicate only by its header.
    expect(n.units.map((u) => u.name)).toEqual(['Chi bộ A']);
  });
  it('quotes a percentage cell holding a fraction (0,45 shown as 45%) as the percentage it shows', () => {
    const r = read(sheet([
      ['Tên đơn vị', 'Tổng số đảng viên', 'Đảng viên nữ', 'Tỷ lệ %'],
      ['Chi bộ A', 20, 10, 0.45],
    ]));
    expect(r.codes).toEqual(['TL031']);
    expect(r.result?.diagnostics[0]?.args).toMatchObject({ value: '45,00', expected: '50,00' });
  });
});
