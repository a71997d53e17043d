import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { outputFormat, writeAtomically } from '../src/cli/write-output.js';
import { TallyError } from '../src/read/errors.js';
import { renderCsv } from '../src/render/markdown.js';
import { analyseFixtures, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'tally-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function tally(argv: string[], cwd = tmp): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv, cwd, env: { NO_COLOR: '1', TALLY_WORKERS: '0' },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
}

const F2020 = join(ROOT, 'fixtures', 'khoi-2020.xlsx');
const F2023 = join(ROOT, 'fixtures', 'khoi-2023.csv');

describe('tally report -o FILE', () => {
  it('takes the format from the extension, and --format over it', () => {
    expect(outputFormat('a/tong-hop.XLSX', undefined)).toBe('xlsx');
    expect(outputFormat('phu-luc.docx', undefined)).toBe('docx');
    expect(outputFormat('x.txt', undefined)).toBe('text');
    expect(outputFormat('x.txt', 'csv')).toBe('csv');
    expect(() => outputFormat('x.pdf', undefined)).toThrow(TallyError);
    expect(() => outputFormat('x', undefined)).toThrow(TallyError);
  });

  it('writes exactly what --format prints, for csv, md, json and text, and says in one line what it wrote where', async () => {
    for (const [ext, format] of [['csv', 'csv'], ['md', 'md'], ['json', 'json'], ['txt', 'text']] as const) {
      const printed = await tally([F2023, '--format', format]);
      const written = await tally([F2023, '-o', `out.${ext}`]);
      expect(written.code).toBe(printed.code);
      expect(written.stdout).toBe('');
      expect(readFileSync(join(tmp, `out.${ext}`), 'utf8')).toBe(printed.stdout);
      expect(written.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^Đã ghi .* \\(88 tổ chức\\) vào "out\\.${ext}" \\(\\d+ KB\\)\\.$`));
    }
    const en = await tally([F2023, '-o', 'out.xlsx', '--lang', 'en']);
    expect(en.stderr).toMatch(/^Wrote the Excel workbook \(88 organisations\) to "out\.xlsx" \(\d+ KB\)\.\n$/);
    expect(readFileSync(join(tmp, 'out.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('--format xlsx or docx without -o is refused with a sentence (exit 2)', async () => {
    const r = await tally([F2023, '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cần thêm -o TỆP.xlsx');
    expect(r.stdout).toBe('');
  });

  it('never writes onto an input of the run: by name, through a symlink, a hard link, or an earlier output inside an input folder', async () => {
    const dir = join(tmp, 'reports');
    mkdirSync(dir, { recursive: true });
    const input = join(dir, 'khoi-2023.csv');
    copyFileSync(F2023, input);
    const before = readFileSync(input);
    symlinkSync(input, join(tmp, 'link.csv'));
    linkSync(input, join(tmp, 'hard.csv'));
    for (const [inputs, out] of [[[input], input], [[input], 'link.csv'], [[input], 'hard.csv'], [['link.csv'], input], [['reports'], 'reports/khoi-2023.csv']] as const) {
      const r = await tally([...inputs, '-o', out, '--format', 'csv']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('đây là tệp đầu vào của lần chạy này');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(input).equals(before)).toBe(true);
    }
    // An earlier output in the folder of reports was read as an input: it is not overwritten either.
    writeFileSync(join(dir, 'tong-hop.csv'), 'earlier');
    const r = await tally(['reports', '-o', 'reports/tong-hop.csv', '--force']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'tong-hop.csv'), 'utf8')).toBe('earlier');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('overwrites an earlier output that is not an input', async () => {
    writeFileSync(join(tmp, 'again.csv'), 'an earlier run');
    const r = await tally([F2020, '-o', 'again.csv']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(tmp, 'again.csv'), 'utf8')).toContain('organizations,total,107');
  });

  it('a failed write leaves nothing behind: no temporary file, the target untouched', async () => {
    const folder = join(tmp, 'is-a-folder.xlsx');
    mkdirSync(folder, { recursive: true });
    await expect(writeAtomically(folder, 'x', 'is-a-folder.xlsx')).rejects.toThrow(TallyError);
    expect(readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const r = await tally([F2023, '-o', join(tmp, 'no-such-folder', 'out.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không ghi: Không ghi được');
    expect(r.stderr).toContain('thư mục không tồn tại');
    expect(existsSync(join(tmp, 'no-such-folder'))).toBe(false);
  });

  it('writes nothing when the data have errors, unless --force', async () => {
    const bad = join(ROOT, 'fixtures', 'rules', 'not-a-number.csv');
    const r = await tally([bad, '-o', 'bad.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không ghi tệp "bad.xlsx".');
    expect(existsSync(join(tmp, 'bad.xlsx'))).toBe(false);
    const forced = await tally([bad, '-o', 'bad.docx', '--force']);
    expect(forced.code).toBe(1);
    expect(existsSync(join(tmp, 'bad.docx'))).toBe(true);
  });
});

describe('CSV output', () => {
  it('neutralises text that a spreadsheet would run as a formula with a leading quote', async () => {
    const a = await analyseFixtures(['outputs/formula-text.csv']);
    if (!a.summary) throw new Error('no summary');
    const csv = renderCsv(a.summary);
    expect(csv).toContain("organizations.bySector,'=cmd|' /C calc'!A0,1,,");
    expect(csv).toContain("organizations.bySector,'+Doanh nghiệp,1,,");
    expect(csv).toContain("organizations.bySector,'-2+3,1,,");
    for (const line of csv.replace(/^\ufeff/, '').split('\r\n')) for (const field of line.split(',')) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });
});
