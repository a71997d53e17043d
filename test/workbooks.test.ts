import { describe, expect, it } from 'vitest';
import { analyseFixtures } from './helpers.js';

describe('workbooks made by LibreOffice', () => {
  it('reads every report sheet, skips the instructions sheet, and checks the "Tổng hợp" sheet instead of adding it', async () => {
    const a = await analyseFixtures(['workbooks/multi-sheet.xlsx']);
    expect(a.summary!.organizations.total).toBe(5);
    expect(a.summary!.members.end).toBe(713);
    expect(a.diagnostics.filter((d) => d.code !== 'TL040')).toEqual([]);
    expect(a.rows.skipped.filter((s) => s.reason === 'totals-sheet')).toHaveLength(5);
    expect(a.notes.some((n) => n.includes('[Hướng dẫn]') && n.includes('no report table'))).toBe(true);
  });
  it('reports a totals sheet that disagrees with the detail sheets (TL032)', async () => {
    const a = await analyseFixtures(['workbooks/multi-sheet-mismatch.xlsx']);
    const d = a.diagnostics.find((x) => x.code === 'TL032');
    expect(d?.location).toMatchObject({ sheet: 'Tổng hợp', column: 'Tổng số đảng viên' });
    expect(d?.args).toMatchObject({ value: 721, expected: 713 });
    expect(a.summary!.members.end).toBe(713);
  });
  it('reads rich text, numbers stored as text, "-" for zero, cached formulas, dates as years, merged text cells and hidden rows and columns', async () => {
    const a = await analyseFixtures(['workbooks/cells.xlsx']);
    const s = a.summary!;
    expect(a.diagnostics).toEqual([]);
    expect(s.organizations.total).toBe(4);
    expect(s.members.end).toBe(1182 + 312 + 42 + 16);
    expect(s.members.admitted).toBe(0 + 12 + 2 + 1);
    expect(s.periods).toEqual(['2023']);
    expect(s.indicators).toEqual([{ name: 'Số cuộc học tập', total: 40 }]);
    // "Cơ quan hành chính" is merged down over the first two units.
    expect(s.organizations.bySector).toContainEqual({ sector: 'Cơ quan hành chính', count: 2 });
    expect(a.notes.join('\n')).toContain('1 dòng bị ẩn vẫn được đọc');
    expect(a.notes.join('\n')).toContain('cột ẩn "Số cuộc học tập" vẫn được đọc');
  });
});

describe('a workbook with a data validation over whole columns (A:Z)', () => {
  it('reads quickly, since the validation is not loaded (it would expand 27 million cells)', async () => {
    const started = Date.now();
    const a = await analyseFixtures(['workbooks/whole-column-validation.xlsx']);
    expect(a.summary!.members.end).toBe(1552);
    expect(Date.now() - started).toBeLessThan(8000);
  }, 30_000);
});
