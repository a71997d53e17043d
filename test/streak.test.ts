import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'fixtures/years/expected.json'), 'utf8')) as { streak: { answers: Record<string, Record<string, unknown>> } };
const STREAK = ['streak', 'fixtures/years/streak/', '--rating', 'HTXSNV'];

describe('tally streak: organisations at a rating N years running', () => {
  for (const years of ['5', '4']) {
    it(`gives the answer of fixtures/years/expected.json for --years ${years}, item by item`, () => {
      const r = cli([...STREAK, '--years', years, '--format', 'json']);
      expect(r.status).toBe(0);
      const got = JSON.parse(r.stdout) as Record<string, unknown>;
      for (const [k, v] of Object.entries(EXPECTED.streak.answers[years] ?? {})) expect(got[k], k).toEqual(v);
      expect(got.trusted).toBe(true);
    });
  }
  it('says how many of each group, lists them with their committee, and which years were read from which files', () => {
    const r = cli([...STREAK, '--years', '5']);
    expect(r.stdout.split('\n')[0]).toBe('2 tổ chức cơ sở đảng và 5 chi bộ trực thuộc đảng ủy cơ sở "Hoàn thành xuất sắc nhiệm vụ" 05 năm liền (2018 – 2022):');
    expect(r.stdout).toMatch(/│ DB01\.03 │ Chi bộ Điện lực Thạch Hà\s+│ Chi bộ trực thuộc │ DB01 Đảng bộ Công ty Điện lực tỉnh\s+│ 2018, 2019, 2020, 2021, 2022 │/);
    expect(r.stdout).toContain('Các kỳ đã đọc: 2018 (fixtures/years/streak/bc-2018.csv); 2019 (fixtures/years/streak/bc-2019.csv); 2020 (fixtures/years/streak/xep-loai-2020.xlsx)');
    const en = cli([...STREAK, '--years', '5', '--lang', 'en', '--format', 'text']).stdout;
    expect(en).toContain('2 grassroots organisation(s) and 5 subordinate cell(s) rated "Excellent (HTXSNV)" 5 years running (2018–2022):');
    expect(en).toContain('- DB02.02 Chi bộ Phòng Quản lý ngân sách (under DB02 Đảng bộ Sở Tài chính)');
  });
  it('breaks the streak of a unit missing from one year (CB02 is not in the 2020 report)', () => {
    const got = JSON.parse(cli([...STREAK, '--years', '2', '--format', 'json']).stdout) as { items: { code: string }[] };
    expect(got.items.map((i) => i.code)).toContain('CB02');
    const five = JSON.parse(cli([...STREAK, '--years', '5', '--format', 'json']).stdout) as { items: { code: string }[] };
    expect(five.items.map((i) => i.code)).not.toContain('CB02');
  });
  it('counts a rating at least the one asked: HTTNV includes HTXSNV', () => {
    const got = JSON.parse(cli([...STREAK, '--years', '5', '--rating', 'HTTNV', '--format', 'json']).stdout) as { items: { code: string }[]; counts: { organizations: number } };
    expect(got.items.map((i) => i.code)).toEqual(expect.arrayContaining(['DB01', 'DB02', 'DB01.03', 'CB03']));
    expect(got.items.map((i) => i.code)).not.toContain('CB14');
  });
  it('writes Markdown and CSV', () => {
    expect(cli([...STREAK, '--years', '5', '--format', 'md']).stdout).toContain('| DB05.01 | Chi bộ Khoa Điều dưỡng | Chi bộ trực thuộc | DB05 Đảng bộ Trường Cao đẳng Y tế | 2018, 2019, 2020, 2021, 2022 |');
    expect(cli([...STREAK, '--years', '5', '--format', 'csv']).stdout).toContain('DB03,"Đảng bộ Sở Văn hóa, Thể thao và Du lịch",dang_bo_co_so,,,2018 2019 2020 2021 2022');
  });
  it('refuses more years than periods read, naming them (exit 2)', () => {
    const r = cli([...STREAK, '--years', '6']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Cần 6 kỳ để xét 6 năm liền, nhưng các báo cáo đưa vào chỉ có 5 kỳ: 2018, 2019, 2020, 2021, 2022.');
  });
  it('refuses a run of years with one missing, naming it (exit 2)', () => {
    const r = cli(['streak', 'fixtures/years/streak/bc-2018.csv', 'fixtures/years/streak/bc-2019.csv', 'fixtures/years/streak/bc-2021.csv', '--years', '3', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('The last 3 periods read (2018, 2019, 2021) do not follow each other: 2020 is missing');
  });
  it('refuses more periods than a streak can read (32 years given), naming them, instead of failing inside (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-streak-'));
    for (let y = 1990; y < 2022; y++) {
      writeFileSync(join(dir, `bc-${y}.csv`), `"BÁO CÁO XẾP LOẠI NĂM ${y}"\nMã đơn vị,Tên tổ chức cơ sở đảng,Loại hình,Tổng số đảng viên,Xếp loại tổ chức\nDB01,Đảng bộ A,Đảng bộ cơ sở,30,HTXSNV\n`);
    }
    const r = cli(['streak', dir, '--years', '5', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('tally streak reads at most 31 periods at a time, but the reports given hold 32: 1990, 1991,');
    expect(r.stderr).not.toContain('internal');
    expect(r.stdout).toBe('');
  });
  it('leaves out a file of no period with TL036 at its first row, and exits 1', () => {
    const r = cli([...STREAK, 'fixtures/rules/period-missing.csv', '--years', '5']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('fixtures/rules/period-missing.csv B2: lỗi TL036');
  });
});
