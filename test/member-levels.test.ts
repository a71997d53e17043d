import { describe, expect, it } from 'vitest';
import { analyseFixtures, cli, notesOf } from './helpers.js';

describe('member ratings given in part (some of the four levels as columns)', () => {
  it('keeps the counts given, works out no share of an unknown number rated, and says which levels are missing', async () => {
    const a = await analyseFixtures(['round2/quota/htxsnv-only.csv']);
    const mr = a.summary?.memberRatings;
    expect(mr?.ratings).toEqual({ HTXSNV: 27, HTTNV: 0, HTNV: 0, KHTNV: 0 });
    expect(mr?.incomplete).toEqual({ missing: ['HTTNV', 'HTNV', 'KHTNV'] });
    expect([mr?.rated, mr?.goodOrBetter.percent, mr?.excellent.percent, mr?.distribution.HTXSNV]).toEqual([0, null, null, null]);
    expect(notesOf(a)).toContain('fixtures/round2/quota/htxsnv-only.csv: chỉ có cột xếp loại đảng viên Số ĐV hoàn thành xuất sắc nhiệm vụ, thiếu mức HTTNV, HTNV, KHTNV: không biết bao nhiêu đảng viên được xếp loại, nên không tính tỷ lệ xếp loại đảng viên');
  });

  it('prints the count given and the missing levels, never "27/27 (100,00%) good or better"', () => {
    const r = cli(['fixtures/round2/quota/htxsnv-only.csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('│   Hoàn thành xuất sắc nhiệm vụ            │                 27 │');
    expect(r.stdout).toContain('│ Báo cáo không ghi mức (không tính tỷ lệ)  │ HTTNV, HTNV, KHTNV │');
    expect(r.stdout).not.toMatch(/27\/27/);
    const text = cli(['fixtures/round2/quota/htxsnv-only.csv', '--format', 'text']).stdout;
    expect(text).toContain('Có 27 đảng viên hoàn thành xuất sắc nhiệm vụ. Kết nạp 11');
    expect(text).not.toContain('trở lên (đạt');
  });

  it('reads HTTNV worked out from "HTTNV trở lên" as given: all four levels, shares worked out', async () => {
    const a = await analyseFixtures(['round2/quota/exceeded-tro-len.xlsx']);
    expect(a.summary?.memberRatings.incomplete).toBeUndefined();
    expect(a.summary?.memberRatings.ratings).toEqual({ HTXSNV: 12, HTTNV: 62, HTNV: 7, KHTNV: 1 });
  });

  it('takes blank level columns beside columns of marks for marks no unit ticked, not for member counts given in part', async () => {
    const a = await analyseFixtures(['ticks/flat-marks.csv']);
    expect(a.summary?.memberRatings.incomplete).toBeUndefined();
    expect(a.summary?.organizations.ratings).toEqual({ HTXSNV: 0, HTTNV: 2, HTNV: 1, KHTNV: 0 });
  });
});
