import { describe, expect, it } from 'vitest';
import { SheetFacts } from '../src/check/facts.js';
import type { CellValue, RawSheet } from '../src/read/types.js';
import { ROW_KINDS } from '../src/recognise/rows/index.js';
import type { RowKind } from '../src/recognise/rows/kind.js';
import { classifySheet, SHEET_KINDS } from '../src/recognise/sheet-kinds/index.js';
import { recogniseSheet } from '../src/recognise/sheet.js';
import type { UnitRow } from '../src/recognise/table.js';

const sheet = (rows: CellValue[][]): RawSheet => ({ file: 't.xlsx', sheet: 'S', rows, merges: [], hiddenRows: new Set(), hiddenColumns: new Set() });

const HEADER: CellValue[] = ['STT', 'Tên tổ chức cơ sở đảng', 'Loại hình', 'Tổng số đảng viên', 'Kết nạp'];
const TITLE: CellValue[][] = [['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH'], ['BÁO CÁO KẾT QUẢ NĂM 2023']];
const UNIT = (n: number, name: string, members = 10): CellValue[] => [n, name, 'Chi bộ cơ sở', members, 1];

/**
 * The row kind that takes row `at` (1-based, as the sheet shows it) of a table, and the reason that row was skipped
 * for; 'unit' when no kind takes it and it is counted. Each kind's test is watched for the target row.
 */
function whoTakes(rows: CellValue[][], at: number): { kind: string; reason: string } {
  let taker = 'unit';
  const saved = ROW_KINDS.map((k) => k.test);
  ROW_KINDS.forEach((k, i) => {
    const test = saved[i] as RowKind['test'];
    (k as { test: RowKind['test'] }).test = (v, ctx) => {
      const yes = test(v, ctx);
      if (yes && v.r === at - 1) taker = k.name;
      return yes;
    };
  });
  try {
    const units: UnitRow[] = [];
    const facts = new SheetFacts('t.xlsx', 'S');
    const { result } = recogniseSheet(sheet(rows), { scale: 'current' }, { row: (u) => units.push(u), fact: facts.fact });
    const skipped = result?.skipped.find((s) => s.row === at);
    const counted = units.some((u) => u.source.row === at);
    return { kind: taker, reason: skipped?.reason ?? (counted ? 'unit' : 'none') };
  } finally {
    ROW_KINDS.forEach((k, i) => {
      (k as { test: RowKind['test'] }).test = saved[i] as RowKind['test'];
    });
  }
}

/** Rows in context → the kind that takes the target row and the reason it is skipped for ('unit': counted). */
const CASES: readonly [name: string, rows: CellValue[][], at: number, kind: string, reason: string][] = [
  ['text after the closing total', [HEADER, UNIT(1, 'Chi bộ A'), ['', 'Tổng cộng', '', 10, 1], ['', 'Danh sách các chi bộ mới thành lập']], 4, 'after-total', 'note'],
  ['an outline heading after the total is not yet notes', [HEADER, UNIT(1, 'Chi bộ A'), ['', 'Tổng cộng', '', 10, 1], ['', 'II. CHI BỘ MỚI']], 4, 'group-heading', 'group'],
  ['the title printed again mid-table', [...TITLE, HEADER, UNIT(1, 'Chi bộ A'), ['BÁO CÁO KẾT QUẢ NĂM 2023'], UNIT(2, 'Chi bộ B')], 5, 'title-repeated', 'title'],
  ['a signature line once units are read', [HEADER, UNIT(1, 'Chi bộ A'), ['', 'Người lập biểu']], 3, 'note', 'note'],
  ['a dateline', [HEADER, UNIT(1, 'Chi bộ A'), ['', 'Mỹ Tho, ngày 15 tháng 01 năm 2024']], 3, 'note', 'note'],
  ['a secretary\'s title only after a unit', [HEADER, UNIT(1, 'Chi bộ A'), ['', 'BÍ THƯ']], 3, 'note', 'note'],
  ['the numbering row under the header', [HEADER, ['(1)', '(2)', '(3)', '(4)', '(5)'], UNIT(1, 'Chi bộ A')], 2, 'numbering', 'numbering'],
  ['the header printed again on a page', [HEADER, UNIT(1, 'Chi bộ A'), HEADER, UNIT(2, 'Chi bộ B')], 3, 'repeated-header', 'repeated-header'],
  ['a page number', [HEADER, UNIT(1, 'Chi bộ A'), ['', 'Trang 2'], UNIT(2, 'Chi bộ B')], 3, 'page', 'page'],
  ['a comparison under the table', [HEADER, UNIT(1, 'Chi bộ A'), ['', 'So với cùng kỳ năm 2022', '', 2, 1]], 3, 'comparison', 'comparison'],
  ['the bloc\'s own line, named as the title names it', [...TITLE, HEADER, UNIT(1, 'Chi bộ A'), ['', 'Đảng bộ Khối Các cơ quan tỉnh', '', 10, 1]], 5, 'bloc-line', 'total'],
  ['"Σ" as the total', [HEADER, UNIT(1, 'Chi bộ A'), ['', 'Σ', '', 10, 1]], 3, 'bloc-line', 'total'],
  ['a grand total', [HEADER, UNIT(1, 'Chi bộ A'), UNIT(2, 'Chi bộ B'), ['', 'Tổng cộng', '', 20, 2]], 4, 'total', 'total'],
  ['a subtotal under a group', [HEADER, ['I', 'CHI BỘ CƠ SỞ'], UNIT(1, 'Chi bộ A'), ['', 'Cộng', '', 10, 1]], 4, 'total', 'subtotal'],
  ['a row of figures with no label that are the sums above (an unnamed =SUM row)', [HEADER, UNIT(1, 'Chi bộ A'), UNIT(2, 'Chi bộ B', 7), ['', '', '', 17, 2]], 4, 'unlabelled-total', 'total'],
  ['an unnamed row that is the sums of the second group, in a table of groups', [HEADER, ['', 'I. CHI BỘ CƠ SỞ'], UNIT(1, 'Chi bộ A'), UNIT(2, 'Chi bộ B', 7), ['', 'II. ĐẢNG BỘ CƠ SỞ'], UNIT(3, 'Đảng bộ C'), UNIT(4, 'Đảng bộ D', 5), ['', '', '', 15, 2]], 8, 'unlabelled-total', 'subtotal'],
  ['a total said in words in one cell', [HEADER, UNIT(1, 'Chi bộ A'), UNIT(2, 'Chi bộ B'), ['', 'Tổng số: 2 đơn vị, 20 đảng viên']], 4, 'summary-line', 'note'],
  ['a total without diacritics', [HEADER, UNIT(1, 'Chi bo A'), ['', 'Tong cong', '', 10, 1]], 3, 'total', 'total'],
  ['a group heading', [HEADER, ['', 'I. ĐẢNG BỘ CƠ SỞ'], UNIT(1, 'Đảng bộ Sở Tài chính')], 2, 'group-heading', 'group'],
  ['a group heading with its totals', [HEADER, ['I', 'ĐẢNG BỘ CƠ SỞ', '', 10, 1], UNIT(1, 'Đảng bộ Sở Tài chính')], 2, 'group-total', 'group'],
  ['a sector line in capitals with figures', [HEADER, ['', 'KHỐI DOANH NGHIỆP', '', 10, 1], UNIT(1, 'Chi bộ A')], 2, 'group-total', 'group'],
  ['a numbered section above "1.1"', [HEADER, [1, 'Khối Doanh nghiệp', '', 10, 1], ['1.1', 'Chi bộ A', 'Chi bộ cơ sở', 10, 1]], 2, 'section', 'group'],
  // Rows that look like one of the kinds and are units.
  ['an unnamed row whose members are not the sum above is a unit without a name (TL016)', [HEADER, UNIT(1, 'Chi bộ A'), UNIT(2, 'Chi bộ B', 7), ['', '', '', 18, 2]], 4, 'unit', 'invalid'],
  ['an unnamed row under a single unit is not its total', [HEADER, UNIT(1, 'Chi bộ A'), ['', '', '', 10, 1]], 3, 'unit', 'invalid'],
  ['a company with an STT is a unit, not a total', [HEADER, UNIT(1, 'Tổng công ty Cao su'), UNIT(2, 'Chi bộ B')], 2, 'unit', 'unit'],
  ['"Công ty …" is no "Cộng"', [HEADER, ['', 'Công ty Cấp nước', 'Chi bộ cơ sở', 10, 1]], 2, 'unit', 'unit'],
  ['"Trung tâm …" is no comparison', [HEADER, ['', 'Trung tâm Y tế', 'Chi bộ cơ sở', 10, 1]], 2, 'unit', 'unit'],
  ['a unit named "Đảng bộ Khối …" other than the bloc', [...TITLE, HEADER, UNIT(1, 'Chi bộ A'), ['', 'Đảng bộ Khối Văn phòng Tổng công ty', 'Đảng bộ cơ sở', 10, 1]], 5, 'unit', 'unit'],
  ['a numbered committee above "1.1" is a unit', [HEADER, [1, 'Đảng bộ Sở Y tế', 'Đảng bộ cơ sở', 10, 1], ['1.1', 'Chi bộ Khoa Nội', '', 10, 1]], 2, 'unit', 'unit'],
];

describe('row kinds', () => {
  for (const [name, rows, at, kind, reason] of CASES) {
    it(`${kind}: ${name}`, () => {
      expect(whoTakes(rows, at)).toEqual({ kind, reason });
    });
  }
  it('every kind in the registry has a case, and every case names a kind there', () => {
    const names = ROW_KINDS.map((k) => k.name);
    const cased = new Set(CASES.map((c) => c[3]));
    expect(names.filter((n) => !cased.has(n))).toEqual([]);
    expect([...cased].filter((n) => n !== 'unit' && !names.includes(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });
});

/** Sheets → what the sheet kinds decide they are. */
const SHEETS: readonly [name: string, rows: CellValue[][], kind: string][] = [
  ['a table of units', [HEADER, UNIT(1, 'Chi bộ A')], 'unit-table'],
  ['a unit\'s own report named in its title', [['ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH'], ['Đảng bộ Công ty Cổ phần Vật tư'], ['STT', 'Tổng số đảng viên', 'Kết nạp'], [1, 120, 12]], 'unit-table'],
  ['a form with its figures as row labels', [['CHỈ TIÊU', 'Tổng số'], ['1. Kết nạp', 3], ['2. Chuyển đến', 1], ['3. Từ trần', 0], ['Tổng số đảng viên', 40]], 'indicator-form'],
  ['a list of members', [['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng'], [1, 'Nguyễn Văn A', 1980, '2010-05-19']], 'member-list'],
  ['a form counting by type', [['STT', 'Loại hình', 'Số TCCSĐ', 'Tổng số đảng viên'], [1, 'Doanh nghiệp nhà nước', 12, 340], [2, 'Đơn vị sự nghiệp', 5, 120]], 'category-form'],
  ['a list of documents', [['STT', 'Số văn bản', 'Trích yếu'], [1, '12-BC/ĐU', 'Báo cáo tổng kết']], 'no-table'],
  ['units as columns, a total column last', [['STT', 'Chỉ tiêu', 'Chi bộ A', 'Chi bộ B', 'Tổng cộng'], [1, 'Tổng số đảng viên', 10, 12, 22], [2, 'Kết nạp', 1, 0, 1]], 'units-as-columns'],
  ['units as columns without numbers or total', [['Nội dung', 'Đảng bộ Sở Y tế', 'Chi bộ Sở Tư pháp'], ['Số đảng viên', 78, 31], ['Xếp loại tổ chức', 'Tốt', 'Xuất sắc']], 'units-as-columns'],
  ['units as columns under a blank corner', [['', 'Chi bộ A', 'Chi bộ B'], ['Tổng số đảng viên', 10, 12], ['Kết nạp', 1, 0]], 'units-as-columns'],
  ['periods as columns are no units', [['Chi bộ Sở Tư pháp'], ['Chỉ tiêu', 'Năm 2022', 'Năm 2023'], ['Tổng số đảng viên', 29, 31], ['Kết nạp', 1, 2], ['Đảng viên dự bị', 2, 3]], 'indicator-form'],
  ['types as columns are no units', [['Chỉ tiêu', 'Tổng số', 'Đảng bộ cơ sở', 'Chi bộ cơ sở'], ['Tổng số đảng viên', 470, 310, 160], ['Kết nạp', 23, 15, 8], ['Đảng viên dự bị', 30, 20, 10]], 'indicator-form'],
  ['a unit\'s own form of label/value rows', [['CHI BỘ SỞ TƯ PHÁP'], ['BÁO CÁO NĂM 2023'], ['1. Số đảng viên đầu kỳ:', 29], ['2. Kết nạp:', 2], ['3. Số đảng viên cuối kỳ:', 31], ['4. Kết quả xếp loại:', 'Hoàn thành tốt nhiệm vụ']], 'own-form'],
  ['a unit\'s own "Nội dung | Số lượng" table', [['CHI BỘ SỞ TƯ PHÁP'], ['STT', 'Nội dung', 'Số lượng', 'Ghi chú'], [1, 'Tổng số đảng viên', 31, ''], [2, 'Kết nạp', 2, 'Đ/c A'], [3, 'Đảng viên nữ', 14, '']], 'own-form'],
  ['a form of label/value rows naming no unit', [['CHỈ TIÊU', 'Số lượng'], ['1. Kết nạp', 3], ['2. Chuyển đến', 1], ['3. Từ trần', 0], ['Tổng số đảng viên', 40]], 'indicator-form'],
  ['one unit\'s form with figures by part', [['ĐẢNG BỘ SỞ Y TẾ'], ['Chỉ tiêu', 'Tổng số', 'Nữ'], ['1. Đảng viên đầu kỳ', 84, 44], ['2. Kết nạp', 6, 4], ['3. Đảng viên cuối kỳ', 87, 47]], 'indicator-form'],
  ['an empty sheet', [], 'no-table'],
  ['an official Biểu 1 of one unit', [['ĐẢNG BỘ SỞ Y TẾ'], ['THỐNG KÊ TĂNG, GIẢM ĐẢNG VIÊN NĂM 2024'], ['Tiêu chí', 'Thực hiện', null], [null, 'Kỳ này', 'Cùng kỳ năm trước'],
    ['A - Tổng số đảng viên cuối kỳ trước chuyển sang', 75, 71], ['B - Đảng viên tăng trong kỳ', 4, 5], ['1. Kết nạp', 4, 5], ['C - Đảng viên giảm trong kỳ', 1, 1],
    ['1. Từ trần', 1, 1], ['D - Đảng viên trong danh sách cuối kỳ báo cáo', 78, 75]], 'official-form'],
];

describe('sheet kinds', () => {
  for (const [name, rows, kind] of SHEETS) {
    it(`${kind}: ${name}`, () => {
      expect(classifySheet(sheet(rows)).kind).toBe(kind);
    });
  }
  it('every kind in the registry has a case', () => {
    const cased = new Set(SHEETS.map((s) => s[2]));
    expect(SHEET_KINDS.map((k) => k.kind).filter((k) => !cased.has(k))).toEqual([]);
  });
});
