import { describe, expect, it } from 'vitest';
import { analyseFixtures, cli } from './helpers.js';

/**
 * The 2012 Biểu 7A "Đánh giá chất lượng tổ chức cơ sở đảng" of a committee (issue 19): its organisations counted by
 * rating without their names. Its sums are checked; it is not rolled up (which organisations, of which type, with
 * how many members, reported again in the same folder or not: all unknown), and the refusal says so and the way out.
 */

const cells = async (name: string): Promise<string[]> =>
  (await analyseFixtures([`official-forms/${name}`])).diagnostics.map((d) => `${d.code}@${d.location.cell ?? ''}`);

describe('Biểu 7A', () => {
  it('is recognised and refused with a sentence naming the form, why and the way out; its sums hold (exit 2)', async () => {
    const a = await analyseFixtures(['official-forms/bieu-7a-2012-cong-an.xlsx']);
    expect(a.diagnostics).toEqual([]);
    expect(a.failures.map((f) => [f.code, f.args.closest])).toEqual([['indicator-rows', '7A']]);
    const r = cli(['report', 'fixtures/official-forms/bieu-7a-2012-cong-an.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Biểu chính thức gần nhất: Biểu 7A "Đánh giá chất lượng tổ chức cơ sở đảng" của một cấp ủy; tally kiểm tra các tổng của biểu');
    expect(r.stderr).toContain('Thay biểu này bằng kết quả xếp loại của từng tổ chức, mỗi tổ chức một dòng (tally template)');
    const en = cli(['check', 'fixtures/official-forms/bieu-7a-2012-cong-an.xlsx', '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stdout + en.stderr).toContain('it counts organisations by rating level without naming them');
  });

  it('the bloc\'s own 7A of 107 organisations is refused the same way', () => {
    const r = cli(['report', 'fixtures/unusable/bieu-7a.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Biểu 7A "Đánh giá chất lượng tổ chức cơ sở đảng"');
  });

  it('TL027: A that is not 1 + 2, at A\'s cell', async () => {
    expect(await cells('bieu-7a-total-wrong.xlsx')).toEqual(['TL027@B8']);
    const a = await analyseFixtures(['official-forms/bieu-7a-total-wrong.xlsx']);
    expect(a.diagnostics[0]?.args).toMatchObject({ form: '7A', value: 15, expected: 14 });
    expect(String(a.diagnostics[0]?.args.parts)).toBe('1. Số tổ chức cơ sở đảng được đánh giá chất lượng B9 (13) + 2. Số tổ chức cơ sở đảng chưa được đánh giá chất lượng B16 (1)');
  });

  it('TL027: the rated that are not the sum of the levels, at the rated row\'s cell', async () => {
    expect(await cells('bieu-7a-levels-wrong.xlsx')).toEqual(['TL027@B9']);
  });

  it('TL026: "Trong đó: … tiêu biểu" larger than "a) Trong sạch vững mạnh"', async () => {
    expect(await cells('bieu-7a-subset-wrong.xlsx')).toEqual(['TL026@B12']);
  });

  it('TL027: the subordinate cells rated that are not the sum of their levels', async () => {
    expect(await cells('bieu-7a-cells-wrong.xlsx')).toEqual(['TL027@B19']);
  });

  it('check: the error with its cell, and exit 2 (the form is also not read into a summary)', () => {
    const r = cli(['check', 'fixtures/official-forms/bieu-7a-total-wrong.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toContain('fixtures/official-forms/bieu-7a-total-wrong.xlsx [Biểu 7A] B8: lỗi TL027 Biểu 7A: ô B8 ("A. Số tổ chức cơ sở đảng có đến cuối năm (A = 1+2)") ghi 15, nhưng các dòng chia ra của nó');
  });
});
