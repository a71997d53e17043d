import { describe, expect, it } from 'vitest';
import { analyseFixtures, cli, notesOf } from './helpers.js';

/** The official statistical forms a unit fills in (issue 19), read as that unit's report: fixtures/official-forms/. */

describe('Biểu 1 "Tăng, giảm đảng viên"', () => {
  it('reads the 2021 edition as one unit from its "Kỳ này" column, named and dated by its title', async () => {
    const a = await analyseFixtures(['official-forms/bieu-1-2021-so-y-te.xlsx']);
    expect(a.diagnostics).toEqual([]);
    const s = a.summary!;
    expect(s.periods).toEqual(['2024']);
    expect(s.organizations.total).toBe(1);
    expect(s.organizations.byType.dang_bo_co_so).toBe(1);
    // "2. Chuyển đến" is blank over "a. 2" and "b. 1"; "Trong đó: Đảng viên dự bị" (1) under "Xóa tên" is not added.
    expect(s.members).toMatchObject({
      start: 120, admitted: 6, transferredIn: 3, reinstated: 1, deceased: 1, expelled: 0, removed: 2, resigned: 1, transferredOut: 5, end: 121,
    });
    expect(notesOf(a).join('\n')).toContain('Biểu số 1-BTCTW (mẫu 2021) "Tăng, giảm đảng viên", dòng 5–24: số liệu cột "Kỳ này" (B), đọc thành một dòng tổ chức, tên lấy từ tiêu đề');
  });

  it('reads the 2012 edition, its unit from "- Đơn vị báo cáo:", old spellings and its E and G rows left out', async () => {
    const a = await analyseFixtures(['official-forms/bieu-1-2012-so-tu-phap.xlsx']);
    expect(a.diagnostics).toEqual([]);
    const s = a.summary!;
    expect(s.periods).toEqual(['2024']);
    expect(s.organizations.byType.chi_bo_co_so).toBe(1);
    expect(s.members).toMatchObject({ start: 29, admitted: 2, transferredIn: 1, transferredOut: 1, removed: 0, end: 31 });
    expect(notesOf(a, 'en').join('\n')).toContain('Biểu số 1-TCTW (edition 2012) "Tăng, giảm đảng viên"');
    expect(notesOf(a, 'en').join('\n')).toContain('named from the "Đơn vị báo cáo" line');
  });

  it('names a unit after its file when the title names none (the bloc\'s own name is no unit)', async () => {
    const a = await analyseFixtures(['official-forms/bieu-1-khoi-2023.xlsx']);
    expect(notesOf(a, 'en').join('\n')).toContain('named from the file name');
    expect(a.summary!.members).toMatchObject({ start: 4190, admitted: 333, transferredIn: 23, transferredOut: 232, end: 4288 });
  });

  it('prints the table with exit 0', () => {
    const r = cli(['report', 'fixtures/official-forms/bieu-1-2021-so-y-te.xlsx']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cuối kỳ');
    expect(r.stdout).toContain('121');
  });
});

describe('the sums a Biểu 1 states', () => {
  it('TL026: a "Trong đó" row larger than its row, at the subset\'s cell', async () => {
    const a = await analyseFixtures(['official-forms/bieu-1-subset-wrong.xlsx']);
    expect(a.diagnostics.map((d) => `${d.code}@${d.location.cell ?? ''}`)).toEqual(['TL026@B19']);
    expect(a.diagnostics[0]?.args).toMatchObject({ value: 3, expected: 2, wholeCell: 'B18', whole: '3. Xóa tên' });
    // Never added: the removed stay 2.
    expect(a.summary!.members.removed).toBe(2);
  });

  it('TL027: rows that do not add up to the row they split, with each part\'s cell', async () => {
    const a = await analyseFixtures(['official-forms/bieu-1-parts-wrong.xlsx']);
    const parts = a.diagnostics.find((d) => d.code === 'TL027');
    expect(parts?.location.cell).toBe('B9');
    expect(parts?.args).toMatchObject({ value: 11, expected: 10 });
    expect(String(parts?.args.parts)).toContain('1. Kết nạp B10 (6) + 2. Chuyển đến B11 (3) + 3. Phục hồi đảng tịch B14 (1)');
    // D = A + B − C with B as written (11): 122, not the 121 written.
    expect(a.diagnostics.find((d) => d.code === 'TL028')?.args).toMatchObject({ value: 121, expected: 122 });
  });

  it('TL028: D that is not A + B − C, naming the four cells; exit 1', () => {
    const r = cli(['check', 'fixtures/official-forms/bieu-1-balance-wrong.xlsx']);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('B24: lỗi TL028 Biểu 1: ô B24 ("D. Đảng viên trong danh sách cuối kỳ báo cáo") ghi 123, nhưng A + B − C = B8 (120) + B9 (10) − B15 (9) = 121.');
  });

  it('says it in English', () => {
    const r = cli(['check', 'fixtures/official-forms/bieu-1-subset-wrong.xlsx', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('Form 1: cell B19 ("Trong đó: Đảng viên dự bị") says 3, more than the 2 of row "3. Xóa tên" (cell B18)');
  });
});

describe('a folder mixing a table of units with official forms', () => {
  it('rolls up to one summary: 2 units of the table and 2 Biểu 1 (2021 and 2012), known totals', async () => {
    const a = await analyseFixtures(['official-forms/mixed']);
    expect(a.diagnostics).toEqual([]);
    const s = a.summary!;
    expect(s.periods).toEqual(['2024']);
    expect(s.organizations.total).toBe(4);
    expect(s.organizations.byType).toMatchObject({ dang_bo_co_so: 2, chi_bo_co_so: 2 });
    // 80 + 25 + 120 + 29; 3 + 1 + 6 + 2; 1 + 0 + 3 + 1; 2 + 1 + 5 + 1; 82 + 25 + 121 + 31.
    expect(s.members).toMatchObject({ start: 254, admitted: 12, transferredIn: 5, transferredOut: 9, deceased: 1, reinstated: 1, removed: 2, resigned: 1, end: 259 });
  });

  it('a unit in the table that also sends its Biểu 1 is TL020 at the form\'s name cell (exit 1): never counted twice unseen', () => {
    const r = cli(['report', 'fixtures/official-forms/mixed-duplicate']);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('fixtures/official-forms/mixed-duplicate/bieu-1-so-y-te.xlsx [Biểu 1] A2: lỗi TL020 Tổ chức "Đảng bộ Sở Y Tế" xuất hiện hai lần');
    expect(r.stdout).not.toContain('TỔNG HỢP');
  });
});

describe('the members\' rating form (2012 Biểu 7B, and its rows under the 2018 levels as Biểu 6-BTCTW)', () => {
  it('reads the 2012 form: members, exempt, not rated and the four levels (old names) from "Tổng số"', async () => {
    const a = await analyseFixtures(['official-forms/bieu-7b-2012-so-tu-phap.xlsx']);
    expect(a.diagnostics).toEqual([]);
    const s = a.summary!;
    expect(s.members.end).toBe(31);
    expect(s.memberRatings).toMatchObject({ rated: 28, ratings: { HTXSNV: 4, HTTNV: 20, HTNV: 3, KHTNV: 1 }, exempt: 2, notRated: 1 });
    expect(notesOf(a).join('\n')).toContain('Biểu số 7B-TCTW (mẫu 2012) "Đánh giá chất lượng đảng viên", dòng 5–17: số liệu cột "Tổng số" (B)');
  });

  it('reads the 2018 level names; "Trong đó: … còn hạn chế" under HTNV is not added', async () => {
    const s = (await analyseFixtures(['official-forms/bieu-6-2021-so-y-te.xlsx'])).summary!;
    expect(s.memberRatings).toMatchObject({ rated: 114, ratings: { HTXSNV: 18, HTTNV: 80, HTNV: 14, KHTNV: 2 }, exempt: 5, notRated: 2 });
  });

  it('TL027: levels that do not add up to the rated, at the rated row\'s cell; exit 1', async () => {
    const a = await analyseFixtures(['official-forms/bieu-7b-levels-wrong.xlsx']);
    const d = a.diagnostics.find((x) => x.code === 'TL027');
    expect(d?.location.cell).toBe('B11');
    expect(d?.args).toMatchObject({ value: 28, expected: 29 });
    expect(cli(['check', 'fixtures/official-forms/bieu-7b-levels-wrong.xlsx']).status).toBe(1);
  });

  it('a bloc\'s own Biểu 7A (organisations by rating and type) stays refused', () => {
    const r = cli(['report', 'fixtures/unusable/bieu-7a.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('là biểu thống kê có các chỉ tiêu theo dòng');
  });
});

describe('Biểu 5 "Tổ chức đảng và đảng viên trong các loại hình cơ sở" of one grassroots organisation', () => {
  it('reads its type, sector, subordinate cells and members from the one row counting it', async () => {
    const a = await analyseFixtures(['official-forms/bieu-5-2021-so-y-te.xlsx']);
    expect(a.diagnostics).toEqual([]);
    const s = a.summary!;
    expect(s.organizations).toMatchObject({ total: 1, byType: { dang_bo_co_so: 1, chi_bo_co_so: 0 }, cells: 6 });
    expect(s.organizations.bySector.map((x) => x.sector)).toEqual(['Công lập']);
    expect(s.members.end).toBe(121);
    expect(notesOf(a).join('\n')).toContain('Biểu số 5-BTCTW (mẫu 2021) "Tổ chức đảng và đảng viên trong các loại hình cơ sở"');
  });

  it('TL027: "Tổng số" that is not "Đảng bộ cơ sở" + "Chi bộ cơ sở" in a row, at its cell; exit 1', async () => {
    const a = await analyseFixtures(['official-forms/bieu-5-parts-wrong.xlsx']);
    expect(a.diagnostics.map((d) => `${d.code}@${d.location.cell ?? ''}`)).toEqual(['TL027@B12', 'TL027@B21']);
    expect(String(a.diagnostics[0]?.args.parts)).toBe('Đảng bộ cơ sở C12 (1) + Chi bộ cơ sở D12 (0)');
    expect(cli(['check', 'fixtures/official-forms/bieu-5-parts-wrong.xlsx']).status).toBe(1);
  });

  it('a Biểu 5 counting several organisations by type, with no unit named, stays refused (category-rows)', () => {
    const r = cli(['report', 'fixtures/unusable/bieu-5-loai-hinh.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('là biểu tổng hợp theo loại hình hay nhóm');
  });
});

describe('a sheet that is none of the forms tally reads', () => {
  it('keeps its refusal (exit 2) and names the closest official form and what tally needs to read it', () => {
    const r = cli(['report', 'fixtures/own-form/one-unit-statistics-refused.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Biểu chính thức gần nhất: Biểu 1 "Tăng, giảm đảng viên" (tally đọc biểu này khi có đủ các dòng A, B, C, D và cột "Kỳ này").');
    const en = cli(['report', 'fixtures/unusable/bieu-5-loai-hinh.csv', '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('Closest official form: Biểu 5 "Tổ chức đảng và đảng viên trong các loại hình cơ sở"');
  });
});
