import { describe, expect, it } from 'vitest';
import { analyseFixtures, cli, notesOf } from './helpers.js';

/** `--unit NAME`: the reporting unit of one official form whose title block names none (issue 19). */

describe('--unit on report and check', () => {
  it('names the unit of a form that only its file name named, and the note says what the form said', async () => {
    const a = await analyseFixtures(['official-forms/bieu-1-khoi-2023.xlsx'], { unit: 'Đảng bộ Sở Xây dựng', keepUnits: true });
    expect(a.units?.map((u) => u.name)).toEqual(['Đảng bộ Sở Xây dựng']);
    // Named a committee, it is counted as one (the file's name said no type).
    expect(a.summary!.organizations.byType.dang_bo_co_so).toBe(1);
    expect(a.unitForms).toEqual(['fixtures/official-forms/bieu-1-khoi-2023.xlsx [Biểu 1]']);
    expect(notesOf(a).join('\n')).toContain('tên lấy từ --unit (biểu ghi "bieu-1-khoi-2023")');
    expect(notesOf(a, 'en').join('\n')).toContain('named from --unit (the form says "bieu-1-khoi-2023")');
    // The previous period the form states is the same unit's.
    expect(a.formComparison?.change.units.matched.byName).toBe(1);
  });

  it('report and check with one form: exit 0', () => {
    const r = cli(['report', 'fixtures/official-forms/bieu-1-khoi-2023.xlsx', '--unit', 'Đảng bộ Sở Xây dựng', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(cli(['check', 'fixtures/official-forms/bieu-1-khoi-2023.xlsx', '--unit', 'Đảng bộ Sở Xây dựng']).status).toBe(0);
  });

  it('is refused for a folder of several forms (exit 2), in a sentence naming them and the way out, on report and check', () => {
    for (const command of ['report', 'check']) {
      const r = cli([command, 'fixtures/official-forms/previous', '--unit', 'Đảng bộ Sở Xây dựng']);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--unit "Đảng bộ Sở Xây dựng" là tên đơn vị báo cáo của một biểu, nhưng các đầu vào có 2 biểu thống kê chính thức (fixtures/official-forms/previous/bieu-1-so-tu-phap.xlsx [Biểu 1], fixtures/official-forms/previous/bieu-1-so-y-te.xlsx [Biểu 1]): mọi biểu sẽ mang cùng một tên đơn vị.');
      expect(r.stderr).toContain('Chạy tally cho từng biểu với --unit của biểu đó');
    }
    const en = cli(['report', 'fixtures/official-forms/previous', '--unit', 'X', '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('the inputs hold 2 official forms');
  });

  it('a folder of one form beside a unit table takes it: only the form is named', async () => {
    const a = await analyseFixtures(['official-forms/mixed-duplicate'], { unit: 'Đảng bộ Sở Xây dựng', keepUnits: true });
    expect(a.units?.map((u) => u.name)).toEqual(['Đảng bộ Sở Tài chính', 'Chi bộ Sở Nội vụ', 'Đảng bộ Sở Y tế', 'Đảng bộ Sở Xây dựng']);
    // Named otherwise, the form is no longer the table's Sở Y tế twice (TL020 goes).
    expect(a.diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('says so when no form took it', async () => {
    const a = await analyseFixtures(['official-forms/mixed/bao-cao-don-vi-2024.csv'], { unit: 'X' });
    expect(notesOf(a).join('\n')).toContain('--unit "X" không được dùng: không có biểu thống kê chính thức nào trong các đầu vào');
  });
});
