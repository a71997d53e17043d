import { describe, expect, it } from 'vitest';
import { analyseFixtures, cli } from './helpers.js';

/** A unit sent both as a row of a unit table and as its official form: TL020, and never counted twice (issue 19). */

describe('a unit in a table that also sends its Biểu 1', () => {
  it('is TL020 (exit 1) and, even with --force, counted once as first read: the table\'s row, and says so', async () => {
    const a = await analyseFixtures(['official-forms/mixed-duplicate']);
    expect(a.diagnostics.map((d) => `${d.code}@${d.location.cell ?? ''}`)).toEqual(['TL020@A2']);
    // 80 + 25 + 120 (the table's Sở Y tế), not + 120 again from its form.
    expect(a.summary!.organizations.total).toBe(3);
    expect(a.summary!.members).toMatchObject({ start: 225, end: 230 });
    expect(a.rows.counted).toBe(3);
    // The form's previous period is the unit's, matched by name with the row that is counted.
    expect(a.formComparison?.change.units).toMatchObject({ matched: { byCode: 0, byName: 1 }, appearedCount: 2, disappearedCount: 0 });
    const r = cli(['report', 'fixtures/official-forms/mixed-duplicate', '--force']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Một bên là biểu thống kê của đơn vị: chỉ tính một lần, theo fixtures/official-forms/mixed-duplicate/bao-cao-don-vi-2024.csv:5 (đọc trước), không tính dòng này, kể cả với --force.');
    expect(r.stdout).toMatch(/Cuối kỳ\s+│\s+120 │\s+230 │/);
  });

  it('the form read first is the one counted, the table\'s row not', async () => {
    const a = await analyseFixtures(['official-forms/mixed-duplicate/bieu-1-so-y-te.xlsx', 'official-forms/mixed-duplicate/bao-cao-don-vi-2024.csv']);
    expect(a.diagnostics.map((d) => `${d.code}@${d.location.file.split('/').at(-1) ?? ''}`)).toEqual(['TL020@bao-cao-don-vi-2024.csv']);
    expect(a.summary!.members.start).toBe(225);
    const en = cli(['check', 'fixtures/official-forms/mixed-duplicate/bieu-1-so-y-te.xlsx', 'fixtures/official-forms/mixed-duplicate/bao-cao-don-vi-2024.csv', '--lang', 'en']);
    expect(en.status).toBe(1);
    expect(en.stdout + en.stderr).toContain('One of them is the unit\'s statistical form: counted once, as fixtures/official-forms/mixed-duplicate/bieu-1-so-y-te.xlsx [Biểu 1]:2 (read first), not this one, even with --force.');
  });

  it('two rows of unit tables keep today\'s TL020 alone (both counted under --force)', async () => {
    const a = await analyseFixtures(['per-unit-duplicate']);
    expect(a.diagnostics.find((d) => d.code === 'TL020')?.args.once).toBeUndefined();
  });
});
