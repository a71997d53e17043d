import { describe, expect, it } from 'vitest';
import type { Analysis } from '../src/analyse/analyse.js';
import { CATALOGUE } from '../src/check/catalogue.js';
import { describeCodes, legendOf } from '../src/recognise/rating-codes.js';
import { analyseFixtures, cli, notesOf } from './helpers.js';

/**
 * More of issue 13's classes (fixtures/round2-more/, made by fixtures/src/round2-more/): the member quota only
 * where its base is in the file, official Biểu 1 columns, rating codes with and without a legend.
 */
const read = (name: string): Promise<Analysis> => analyseFixtures([`round2-more/${name}`], { workers: 0 });
const at = (a: Analysis): string[] => a.diagnostics.map((d) => `${d.code}@${d.location.cell ?? '-'}`);

describe('the member quota (TL041) only where the file gives its base', () => {
  it('is not judged on a table with HTXSNV, HTNV and KHTNV but no HTTNV column, and says so', async () => {
    const a = await read('quota/no-httnv-column.csv');
    // Sở Y tế's 30 HTXSNV would be "over 20% of 30" if the missing HTTNV were taken as 0.
    expect(at(a)).toEqual([]);
    expect(a.summary!.memberRatings.ratings.HTXSNV).toBe(45);
    expect(a.summary!.members.end).toBe(193);
    expect(notesOf(a)).toContain('fixtures/round2-more/quota/no-httnv-column.csv: có cột "ĐV HTXSNV" nhưng không có cột đảng viên HTTNV hay HTTNV trở lên: không xét tỷ lệ đảng viên xuất sắc (TL041)');
  });
  it('is judged against a flat "Số ĐV HTTNV trở lên", whose "Trong đó: HTXSNV" are the excellent, and HTTNV the rest', async () => {
    const a = await read('quota/tro-len-flat-en.csv');
    expect(at(a)).toEqual(['TL041@F5']);
    expect(a.diagnostics[0]!.args).toMatchObject({ name: 'Chi bộ Thanh tra tỉnh', value: 4, base: 14, expected: 2 });
    expect(a.summary!.memberRatings.ratings).toEqual({ HTXSNV: 11, HTTNV: 63, HTNV: 7, KHTNV: 1 });
    expect(notesOf(a)).toContain('fixtures/round2-more/quota/tro-len-flat-en.csv: không có cột đảng viên HTTNV: lấy "Số ĐV HTTNV trở lên" trừ "Trong đó: ĐV HTXSNV"');
  });
  it('takes "Số ĐV HTTNV trở lên › Tổng số" for the good or better, never for the members (round two)', async () => {
    const a = await analyseFixtures(['round2/quota/exceeded-tro-len.xlsx'], { workers: 0 });
    expect(at(a)).toEqual(['TL041@E8']);
    expect(a.summary!.memberRatings.ratings).toEqual({ HTXSNV: 12, HTTNV: 62, HTNV: 7, KHTNV: 1 });
    expect(a.summary!.members.end).toBe(82);
  });
  it('exits 0 on the quota fixtures with no false warning, and 1 with --strict on the true one', () => {
    expect(cli(['check', 'fixtures/round2-more/quota/no-httnv-column.csv', '--strict']).status).toBe(0);
    expect(cli(['check', 'fixtures/round2/quota/htxsnv-only.csv', '--strict']).status).toBe(0);
    const r = cli(['check', 'fixtures/round2-more/quota/tro-len-flat-en.csv', '--strict']);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('F5: cảnh báo TL041 "Chi bộ Thanh tra tỉnh": 4 đảng viên hoàn thành xuất sắc nhiệm vụ, vượt 20% của 14 đảng viên hoàn thành tốt nhiệm vụ trở lên (tối đa 2).');
  });
});

describe('official Biểu 1 columns in a unit table', () => {
  const MOVEMENTS = { start: 184, admitted: 11, transferredIn: 5, deceased: 1, expelled: 0, removed: 1, resigned: 1, transferredOut: 4, end: 193, probationary: 15 };
  it('reads the 2012 wording: A the start, B and C › Tổng số the movements\' totals, D › Tổng số the end, its "Trđó" the probationary', async () => {
    const a = await read('bieu1-columns/official-2012-wording.xlsx');
    expect(at(a)).toEqual([]);
    expect(a.summary!.members).toMatchObject(MOVEMENTS);
    // "E - Chênh lệch (chuyển đi - chuyển đến)" is a difference (negative here), never a count; "G - … có mặt" an indicator.
    expect(a.summary!.indicators).toEqual([{ name: 'G - Đảng viên có mặt đến cuối kỳ báo cáo', total: 192 }]);
    expect(notesOf(a)).toContain('fixtures/round2-more/bieu1-columns/official-2012-wording.xlsx [Biểu 1]: cột "E - Chênh lệch (chuyển đi - chuyển đến)" tính từ các cột khác (tổng của nhóm, số đã xếp loại, chênh lệch), không cộng thêm');
  });
  it('checks "B - Đảng viên tăng trong kỳ › Tổng số" against its kinds, with no "Chia ra" written (TL025, exit 1)', async () => {
    const a = await read('bieu1-columns/increase-total-wrong.csv');
    expect(at(a)).toEqual(['TL025@D6']);
    expect(a.diagnostics[0]!.args).toMatchObject({ name: 'Chi bộ Sở Tư pháp', value: 4, expected: 3 });
    expect(a.summary!.members).toMatchObject(MOVEMENTS);
    const r = cli(['check', 'fixtures/round2-more/bieu1-columns/increase-total-wrong.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('D6: lỗi TL025 "Chi bộ Sở Tư pháp": ô D6 (B - Đảng viên tăng trong kỳ › Tổng số) ghi 4, nhưng các cột chia ra (Kết nạp + Chuyển đến) cộng lại được 3.');
  });
  it('reads the 2021 wording: "B - Đảng viên tăng trong kỳ › Tổng số" is not the members (round two)', async () => {
    const a = await analyseFixtures(['round2/bieu1-columns/official-2021-wording.csv'], { workers: 0 });
    expect(at(a)).toEqual([]);
    expect(a.summary!.members).toMatchObject({ start: 79, admitted: 4, transferredIn: 2, reinstated: 1, end: 82, probationary: 6 });
  });
});

describe('rating codes, with a legend and without one', () => {
  it('reads the legend\'s pairs however it is written, and nothing that only looks like one', () => {
    expect(describeCodes(legendOf('Ghi chú: 1 - Hoàn thành xuất sắc nhiệm vụ; 2 - Hoàn thành tốt nhiệm vụ; 3 - Hoàn thành nhiệm vụ; 4 - Không hoàn thành nhiệm vụ.')!))
      .toBe('1 = HTXSNV, 2 = HTTNV, 3 = HTNV, 4 = KHTNV');
    expect(describeCodes(legendOf('(Xếp loại tổ chức: 1: HTXSNV; 2: HTTNV; 3: HTNV; 4: KHTNV)')!)).toBe('1 = HTXSNV, 2 = HTTNV, 3 = HTNV, 4 = KHTNV');
    expect(describeCodes(legendOf('Ghi chú: A: Không hoàn thành nhiệm vụ; B: Hoàn thành nhiệm vụ; C: Hoàn thành tốt nhiệm vụ; D: Hoàn thành xuất sắc nhiệm vụ')!))
      .toBe('A = KHTNV, B = HTNV, C = HTTNV, D = HTXSNV');
    expect(describeCodes(legendOf('(*) Ghi mức xếp loại: 1 = Hoàn thành xuất sắc nhiệm vụ, 2 = Hoàn thành tốt nhiệm vụ')!)).toBe('1 = HTXSNV, 2 = HTTNV');
    expect(describeCodes(legendOf('A. Hoàn thành tốt nhiệm vụ (HTTNV); B. Chưa xếp loại (mới thành lập)')!)).toBe('A = HTTNV, B = chưa xếp loại');
    // A dateline, a form's number, a title: no legend.
    expect(legendOf('Mỹ Tho, ngày 15 tháng 01 năm 2024')).toBeUndefined();
    expect(legendOf('Biểu số 1-BTCTW; Số 25-BC/ĐUK')).toBeUndefined();
    expect(legendOf('1 - Hoàn thành tốt nhiệm vụ')).toBeUndefined();
    // Two codes for one level, or digits mixed with letters: not a legend.
    expect(legendOf('1 - HTXSNV; 2 - HTXSNV')).toBeUndefined();
    expect(legendOf('1 - HTXSNV; B - HTTNV')).toBeUndefined();
  });
  it('reads letters by a legend above the table, where E is "not rated"', async () => {
    const a = await read('rating-codes/letters-legend-above-unrated.xlsx');
    expect(at(a)).toEqual([]);
    expect(a.summary!.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 3, HTNV: 1, KHTNV: 0 });
    expect(a.summary!.organizations.unrated.map((u) => u.name)).toEqual(['Chi bộ Sở Khoa học và Công nghệ']);
    expect(notesOf(a)).toContain('fixtures/round2-more/rating-codes/letters-legend-above-unrated.xlsx [Xếp loại]: cột "Mức xếp loại" ghi mã xếp loại, đọc theo chú thích ở ô A3: A = HTXSNV, B = HTTNV, C = HTNV, D = KHTNV, E = chưa xếp loại');
  });
  it('names the cell of a code the legend does not have (TL013, exit 1)', async () => {
    const a = await read('rating-codes/code-outside-legend.csv');
    expect(at(a)).toEqual(['TL013@E5']);
    expect(CATALOGUE.TL013.vi(a.diagnostics[0]!.args)).toBe('Ô E5: mã xếp loại "5" không có trong chú thích của bảng (1 = HTXSNV, 2 = HTTNV, 3 = HTNV, 4 = KHTNV).');
    expect(a.summary!.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 2, HTNV: 1, KHTNV: 1 });
    const r = cli(['check', 'fixtures/round2-more/rating-codes/code-outside-legend.csv', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('E5: error TL013 Cell E5: rating code "5" is not in the table\'s legend (1 = HTXSNV, 2 = HTTNV, 3 = HTNV, 4 = KHTNV).');
  });
  it('reads bare letters in the order of the levels, says so, and names a letter outside them', async () => {
    const a = await read('rating-codes/bare-letters-outside.csv');
    expect(at(a)).toEqual(['TL013@E5']);
    expect(CATALOGUE.TL013.vi(a.diagnostics[0]!.args)).toBe('Ô E5: mã xếp loại "F" không có trong thứ tự bốn mức (A = HTXSNV, B = HTTNV, C = HTNV, D = KHTNV).');
    expect(a.summary!.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 2, HTNV: 1, KHTNV: 0 });
    expect(notesOf(a, 'en')).toContain('fixtures/round2-more/rating-codes/bare-letters-outside.csv: column "Xếp loại" holds rating codes and the table has no legend: read in the order of the four levels, A = HTXSNV, B = HTTNV, C = HTNV, D = KHTNV (if that is wrong, write a legend of the codes right above the table)');
  });
  it('does not choose between two legends that disagree: every code is TL013 and the notes say why', async () => {
    const a = await read('rating-codes/legends-disagree.csv');
    expect(at(a)).toEqual(['TL013@D4', 'TL013@D5', 'TL013@D6', 'TL013@D7', 'TL013@D8']);
    expect(a.summary!.organizations.rated).toBe(0);
    expect(notesOf(a)).toContain('fixtures/round2-more/rating-codes/legends-disagree.csv: cột "Xếp loại" ghi mã xếp loại, nhưng chú thích ở ô A2 và ô A10 không khớp nhau: không đọc mã');
  });
  it('says when a legend under a table too long to look ahead comes after its codes were read another way (TL013, exit 1)', async () => {
    const a = await read('rating-codes/long-legend-below.csv');
    expect(at(a)).toEqual(['TL013@A484']);
    expect(CATALOGUE.TL013.vi(a.diagnostics[0]!.args)).toBe('Ô A484: chú thích mã xếp loại (1 = KHTNV, 2 = HTNV, 3 = HTTNV, 4 = HTXSNV) nằm dưới một bảng dài, sau khi các mã đã được đọc là 1 = HTXSNV, 2 = HTTNV, 3 = HTNV, 4 = KHTNV; các mức xếp loại đã đọc có thể sai.');
    expect(a.summary!.organizations.total).toBe(480);
    expect(cli(['check', 'fixtures/round2-more/rating-codes/long-legend-below.csv']).status).toBe(1);
  });
  it('takes no count in the total row\'s rating cell for a code', async () => {
    const a = await read('rating-codes/words-total-counts.csv');
    expect(at(a)).toEqual([]);
    expect(notesOf(a).filter((n) => n.includes('mã xếp loại'))).toEqual([]);
    expect(a.summary!.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 3, HTNV: 1, KHTNV: 0 });
  });
  it('reads the reversed legend of round two: the failing cell is not the excellent one', async () => {
    const a = await analyseFixtures(['round2/rating-codes/letters-legend-reversed.xlsx'], { workers: 0 });
    expect(at(a)).toEqual([]);
    expect(a.summary!.organizations.goodOrBetter).toMatchObject({ count: 4, of: 6 });
  });
  it('says with --verbose that bare 1–4 were read in the order of the levels (round two)', () => {
    const r = cli(['fixtures/round2/rating-codes/bare-codes.csv', '--verbose']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('cột "Xếp loại" ghi mã xếp loại mà bảng không có chú thích: đọc theo thứ tự bốn mức, 1 = HTXSNV, 2 = HTTNV, 3 = HTNV, 4 = KHTNV');
  });
});
