import { describe, expect, it } from 'vitest';
import { analyseFixtures, cli, notesOf } from './helpers.js';

/** A Biểu 1's "Cùng kỳ năm trước" column as the previous period of the change columns (issue 19). */

describe('"Cùng kỳ năm trước" of Biểu 1 as the previous period', () => {
  it('two forms with the column: 2023 beside 2024, each unit matched with its own form, known figures', async () => {
    const a = await analyseFixtures(['official-forms/previous']);
    expect(a.diagnostics).toEqual([]);
    const c = a.formComparison!;
    expect(c.previousPeriods).toEqual(['2023']);
    // Sở Y tế 117 + 5 + (1 + 2) − (2 + 1 + 1 + 1) = 120; Sở Tư pháp 28 + 1 + 1 − 1 = 29.
    expect(c.previous.members).toMatchObject({ start: 145, admitted: 6, transferredIn: 4, transferredOut: 1, deceased: 3, expelled: 1, removed: 1, end: 149 });
    expect(c.previous.organizations.total).toBe(2);
    expect(a.summary!.members).toMatchObject({ start: 149, end: 152 });
    expect(c.change.members).toMatchObject({ start: 4, admitted: 2, end: 3 });
    expect(c.change.units).toMatchObject({ matched: { byCode: 0, byName: 2 }, appearedCount: 0, disappearedCount: 0 });
    expect(notesOf(a).join('\n')).toContain('cột "Cùng kỳ năm trước" (C) là kỳ trước (2023)');
    expect(notesOf(a, 'en').join('\n')).toContain('the previous period (2023) read from the "Cùng kỳ năm trước" column of 2 form(s)');
  });

  it('prints the change columns, exit 0', () => {
    const r = cli(['report', 'fixtures/official-forms/previous']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('TỔNG HỢP BÁO CÁO — Kỳ 2024 so với 2023 (2 tệp)');
    expect(r.stdout).toMatch(/Cuối kỳ\s+│\s+149 │\s+152 │\s+\+3 │/);
    const j = JSON.parse(cli(['report', 'fixtures/official-forms/previous', '--format', 'json']).stdout) as { previous: { members: { end: number } }; change: { members: { end: number } } };
    expect([j.previous.members.end, j.change.members.end]).toEqual([149, 3]);
  });

  it('a form without the column is listed as come, as a unit missing from --previous is: never a partial total unsaid', async () => {
    const a = await analyseFixtures(['official-forms/previous-partial']);
    const c = a.formComparison!;
    expect(c.previous.members).toMatchObject({ start: 117, end: 120 });
    expect(c.previous.organizations.total).toBe(1);
    expect(c.change.units.appearedCount).toBe(1);
    expect(c.change.units.appeared.map((u) => u.name)).toEqual(['Chi bộ Sở Tư pháp']);
    expect(notesOf(a).join('\n')).toContain('kỳ trước (2023) lấy từ cột "Cùng kỳ năm trước" của 1 biểu; 1 tổ chức không có số liệu kỳ trước');
    const r = cli(['report', 'fixtures/official-forms/previous-partial']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Có ở kỳ 2024, không có ở kỳ 2023 (1):\n  - Chi bộ Sở Tư pháp');
  });

  it('a folder mixing a unit table with forms: the table\'s units are listed as come', async () => {
    const c = (await analyseFixtures(['official-forms/mixed'])).formComparison!;
    expect(c.previous.members.start).toBe(145);
    expect(c.change.units.appeared.map((u) => u.name)).toEqual(['Đảng bộ Sở Tài chính', 'Chi bộ Sở Nội vụ']);
  });

  it('--previous wins over the column, and --verbose says so', () => {
    const r = cli(['report', 'fixtures/official-forms/previous', '--previous', 'fixtures/official-forms/mixed/bao-cao-don-vi-2024.csv', '--verbose', '--format', 'json']);
    expect(r.stderr).toContain('--previous được dùng làm kỳ trước; cột "Cùng kỳ năm trước" của 2 biểu không được dùng');
    // The previous side is the table's 80 + 25 members at the start, not the forms' 145.
    expect((JSON.parse(r.stdout) as { previous: { members: { start: number } } }).previous.members.start).toBe(105);
  });

  it('checks the previous column\'s own sums: TL028 at its cell, exit 1', async () => {
    const a = await analyseFixtures(['official-forms/bieu-1-previous-wrong.xlsx']);
    expect(a.diagnostics.map((d) => `${d.code}@${d.location.cell ?? ''}`)).toEqual(['TL028@C24']);
    expect(a.diagnostics[0]?.args).toMatchObject({ value: 122, expected: 120 });
    const r = cli(['check', 'fixtures/official-forms/bieu-1-previous-wrong.xlsx']);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('C24: lỗi TL028 Biểu 1: ô C24 ("D. Đảng viên trong danh sách cuối kỳ báo cáo") ghi 122, nhưng A + B − C = C8 (117) + C9 (8) − C15 (5) = 120.');
  });

  it('check runs no comparison', async () => {
    expect((await analyseFixtures(['official-forms/previous'], { rollup: false })).formComparison).toBeUndefined();
  });
});
