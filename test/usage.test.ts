import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { cli, ROOT } from './helpers.js';

/** tally in-process: the exit code and both streams. */
async function tally(argv: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run({
    argv, cwd, env: { NO_COLOR: '1', TALLY_WORKERS: '0', ...env },
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}

const empty = mkdtempSync(join(tmpdir(), 'tally-empty-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('usage mistakes are said in the user\'s language, with the closest option and the way to the help (exit 2)', () => {
  const CASES: [args: string[], vi: string, en: string][] = [
    [['fixtures/khoi-2023.csv', '--formt', 'json'], 'sai cách dùng: Không có tùy chọn --formt (có phải --format?).', 'usage: There is no option --formt (did you mean --format?).'],
    [['fixtures/khoi-2023.csv', '--period'], 'sai cách dùng: Tùy chọn --period cần một giá trị: --period <label>.', 'usage: Option --period needs a value: --period <label>.'],
    [[], 'sai cách dùng: Chưa có tệp hay thư mục báo cáo nào để đọc', 'usage: No report file or folder to read'],
    [['fixtures/khoi-2023.csv', '--decimals', '9'], 'sai cách dùng: Giá trị "9" của --decimals không dùng được: cần một số nguyên từ 0 đến 6.', 'usage: --decimals cannot take "9": expected a whole number from 0 to 6.'],
    [['fixtures/khoi-2023.csv', '-f', 'pdf'], 'sai cách dùng: Giá trị "pdf" của --format không dùng được: chọn một trong: table, json, text, md, csv, xlsx, docx.', 'usage: --format cannot take "pdf": choose one of: table, json, text, md, csv, xlsx, docx.'],
    [['fixtures/khoi-2023.csv', '--delimiter', 'x'], 'sai cách dùng: Giá trị "x" của --delimiter không dùng được: chỉ nhận "," ";" "tab" hoặc "|".', 'usage: --delimiter cannot take "x": it takes only "," ";" "tab" or "|".'],
  ];
  for (const [args, vi, en] of CASES) {
    it(`tally ${args.join(' ')}`, async () => {
      const v = await tally(args);
      expect(v.code).toBe(2);
      expect(v.err).toContain(vi);
      expect(v.err).toContain('cách sửa: Xem `tally --help` để biết mọi tùy chọn, mỗi tùy chọn có một ví dụ.');
      expect(v.err).not.toMatch(/error:|Did you mean|argument missing/);
      // With --lang before the mistake (after "--period" it would be taken for the period).
      const e = await tally(['--lang', 'en', ...args]);
      {
        expect(e.code).toBe(2);
        expect(e.err).toContain(en);
        expect(e.err).toContain('fix: See `tally --help` for every option, each with an example.');
      }
    });
  }
  it('--period with no value, in English when --lang en comes first', async () => {
    const e = await tally(['--lang', 'en', 'fixtures/khoi-2023.csv', '--period']);
    expect(e.code).toBe(2);
    expect(e.err).toContain('usage: Option --period needs a value: --period <label>.');
  });
  it('an option whose value was left out does not take the next option for it ("--period --lang en")', async () => {
    const r = await tally(['fixtures/khoi-2023.csv', '--period', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: --period cannot take "--lang": its value is missing, the next option was taken for it.');
    const v = await tally(['fixtures/khoi-2023.csv', '--config', '--strict']);
    expect(v.err).toContain('sai cách dùng: Giá trị "--strict" của --config không dùng được: thiếu giá trị, tùy chọn kế tiếp bị lấy làm giá trị.');
  });
  it('--delimiter takes , ; tab | (by name too) and reads the file with it', async () => {
    for (const d of [',', 'comma']) expect((await tally(['fixtures/khoi-2023.csv', '--delimiter', d, '--quiet'])).code).toBe(0);
    const semicolon = await tally(['fixtures/encodings/windows-1258-semicolon.csv', '--delimiter', ';', '--format', 'json']);
    expect(semicolon.code).not.toBe(2);
    // Taken (a comma file split on them has no table: that is said, not the option).
    for (const d of ['tab', '\t', '|']) {
      const r = await tally(['fixtures/khoi-2023.csv', '--delimiter', d]);
      expect(r.err).toContain('Không tìm thấy bảng báo cáo');
      expect(r.err).not.toContain('sai cách dùng');
    }
  });
  it('TALLY_WORKERS must be a whole number, 0 or more', async () => {
    for (const bad of ['abc', '-1', '1.5', '2x']) {
      const r = await tally(['fixtures/khoi-2023.csv'], { TALLY_WORKERS: bad });
      expect(r.code, bad).toBe(2);
      expect(r.err).toContain(`sai cách dùng: TALLY_WORKERS phải là một số nguyên từ 0 trở lên (số luồng đọc tệp; 0 là đọc lần lượt), nhưng đang là "${bad}".`);
    }
    expect((await tally(['fixtures/khoi-2023.csv', '--quiet'], { TALLY_WORKERS: '2' })).code).toBe(0);
  });
  it('top-level --help lists the options of report, and each has an example', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    const [options, examples] = r.stdout.split('Examples:');
    expect(options).toContain('Options of report (the default command');
    for (const option of ['--format', '--rounding', '--decimals', '--period', '--scale', '--encoding', '--delimiter', '--max-rows', '--config', '--strict', '--force', '--lang', '--verbose', '--output']) {
      expect(options, option).toContain(option);
      expect(examples, option).toContain(option === '--output' ? '-o ' : option);
    }
  });
});

describe('nothing read is a failure, not a check that passed (exit 2)', () => {
  it('a path that does not exist', async () => {
    const r = await tally(['check', 'fixtures/no-such-file.csv']);
    expect(r.code).toBe(2);
    expect(r.out).toContain('không đọc được: Không tìm thấy "fixtures/no-such-file.csv".');
    expect(r.out).toContain('Không đọc được tệp nào: 1 đầu vào không đọc được (xem trên).');
    expect(r.out).not.toContain('Đã kiểm tra 0 tệp');
    const en = await tally(['fixtures/no-such-file.csv', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('No file was read: 1 input(s) could not be read (see above).');
  });
  it('a folder with no spreadsheet in it, named the same way as any path', async () => {
    const r = await tally(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`không đọc được: Thư mục "${empty}" không có tệp .xlsx hay .csv nào.`);
    expect(r.out).toContain('Không đọc được tệp nào: 1 đầu vào không đọc được (xem trên).');
  });
  it('a file is shown relative to the working folder whether it or its folder was named', async () => {
    const byFile = await tally(['check', './fixtures/rules/balance.csv', '--format', 'json']);
    const byAbsolute = await tally(['check', join(ROOT, 'fixtures/rules/balance.csv'), '--format', 'json']);
    const byFolder = await tally(['check', 'fixtures/rules/', '--format', 'json']);
    const first = (out: string): string | undefined => (JSON.parse(out) as { diagnostics: { code: string; location: { file: string } }[] })
      .diagnostics.find((d) => d.code === 'TL021' && d.location.file.endsWith('balance.csv'))?.location.file;
    expect(first(byFile.out)).toBe('fixtures/rules/balance.csv');
    expect(first(byAbsolute.out)).toBe('fixtures/rules/balance.csv');
    expect(first(byFolder.out)).toBe('fixtures/rules/balance.csv');
  });
  it('--period over a title of another year is a warning naming both years (TL035)', async () => {
    const r = await tally(['check', 'fixtures/rules/period-overridden.csv', '--period', '2024']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('fixtures/rules/period-overridden.csv A1: cảnh báo TL035 --period 2024 được dùng, nhưng tiêu đề báo cáo ghi kỳ 2023');
  });
});
