import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { findJsonFault } from '../src/config/json-error.js';
import { csvRows } from '../src/read/csv.js';
import { csvParser } from './csv-oracle.js';
import { detectEncoding } from '../src/read/decode.js';
import { TallyError } from '../src/read/errors.js';
import { Utf8Check } from '../src/read/utf8.js';
import { findHeader, MAX_HEADER_COLUMNS } from '../src/recognise/header.js';
import type { RawSheet } from '../src/read/types.js';
import { analyseFixtures, cli, ROOT } from './helpers.js';

/** tally in-process, as test/fixtures-golden.test.ts runs it: the exit code and both streams. */
async function tally(argv: string[], stdin: Uint8Array = new Uint8Array()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run({
    argv, cwd: ROOT, env: { NO_COLOR: '1', TALLY_WORKERS: '0' },
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) },
    stdin: async () => stdin,
  });
  return { code, out, err };
}

const failures = (out: string): { code: string; file: string; message: string; hint: string }[] =>
  (JSON.parse(out) as { failures: { code: string; file: string; message: string; hint: string }[] }).failures;

const sheetOf = (rows: (string | null)[][]): RawSheet => ({ file: 'f.csv', sheet: undefined, rows, merges: [], hiddenRows: new Set(), hiddenColumns: new Set() });

describe('blank and ragged rows', () => {
  it('100,000 blank lines after a table give its figures, quickly', async () => {
    const started = performance.now();
    const a = await analyseFixtures(['hostile/blank-lines.csv']);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(a.failures).toEqual([]);
    expect(a.diagnostics).toEqual([]);
    expect(a.summary?.organizations.total).toBe(5);
    expect(a.summary?.members.end).toBe(1351);
  });
  it('rows of every length (a title, blank lines, a remarks column filled in some rows only) give the same figures as the even file', async () => {
    const ragged = await analyseFixtures(['hostile/ragged-rows.csv']);
    const even = await analyseFixtures(['encodings/utf8.csv']);
    expect(ragged.diagnostics).toEqual([]);
    expect(ragged.summary?.members).toEqual(even.summary?.members);
    expect(ragged.summary?.organizations).toEqual(even.summary?.organizations);
    expect(ragged.summary?.indicators).toEqual(even.summary?.indicators);
    expect(ragged.rows.counted).toBe(5);
  });
  it('the parser builds no error object for a row of another length (csv-parse counts each one it builds)', async () => {
    const parser = csvParser(',');
    const records: string[][] = [];
    parser.on('readable', () => {
      for (let r = parser.read() as string[] | null; r !== null; r = parser.read() as string[] | null) records.push(r);
    });
    const done = new Promise((resolve) => parser.on('end', resolve));
    parser.end('a,b,c\n\nd\n"e,f",g,h,i\n');
    await done;
    expect(records).toEqual([['a', 'b', 'c'], [''], ['d'], ['e,f', 'g', 'h', 'i']]);
    // Were the fix lost (a csv-parse upgrade), this would count the three rows whose length differs.
    expect(parser.info.invalid_field_length).toBe(0);
  });
});

describe('a reader that stops early never waits for ever', () => {
  it('40,000 blank lines and no table (the parser held back, then dropped): no-table at once, not a hang', async () => {
    // Found by the fuzz test: the feeder waited for a 'drain' that a destroyed parser never gives (exit 13 from node).
    for (const text of ['\n'.repeat(40_000), `${'\r\n'.repeat(40_000)}Tên tổ chức,Tổng số đảng viên\nChi bộ A,5\n`]) {
      const started = performance.now();
      const r = await tally(['check', '-', '--format', 'json'], Buffer.from(text));
      expect(r.code).toBe(2);
      expect(failures(r.out).map((f) => f.code)).toEqual(['no-table']);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });
});

describe('wide rows in the header', () => {
  it('a header of 20,000 columns is refused as too-large, naming the count and the limit, in well under a second', async () => {
    const started = performance.now();
    const r = await tally(['check', 'fixtures/hostile/wide-header.csv', '--format', 'json']);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.code).toBe(2);
    const [f] = failures(r.out);
    expect(f?.code).toBe('too-large');
    expect(f?.file).toBe('fixtures/hostile/wide-header.csv');
    expect(f?.message).toContain('20.000 cột có chữ trong 3 dòng đầu, trong khi tally đọc tối đa 1.000 cột');
    const en = await tally(['fixtures/hostile/wide-header.csv', '--lang', 'en']);
    expect(en.err).toContain('"fixtures/hostile/wide-header.csv" is too large to read (20,000 columns with text in the first 3 rows, where tally reads at most 1,000)');
    expect(en.err).toContain('delete the extra columns to the right of the table');
  });
  it('reads a header of exactly 1,000 columns over two rows, and blank cells beyond it do not count', () => {
    const parents = Array.from({ length: MAX_HEADER_COLUMNS }, (_, c) => (c === 2 ? 'Biến động' : c % 7 === 3 ? `Nhóm ${c}` : ''));
    const leaves = Array.from({ length: MAX_HEADER_COLUMNS }, (_, c) => (c === 0 ? 'Tên tổ chức cơ sở đảng' : c === 1 ? 'Tổng số đảng viên' : c === 2 ? 'Kết nạp' : `Cột ${c}`));
    const data = ['Chi bộ A', '5', ...Array.from({ length: MAX_HEADER_COLUMNS - 2 }, () => '1'), ...Array.from({ length: 19_000 }, () => '')];
    const started = performance.now();
    const h = findHeader(sheetOf([parents, leaves, data]));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(h?.columns).toHaveLength(MAX_HEADER_COLUMNS);
    expect(h?.columns.slice(0, 2).map((c) => c.meaning)).toEqual([{ kind: 'canonical', id: 'name' }, { kind: 'canonical', id: 'members' }]);
    expect(() => findHeader(sheetOf([[...leaves, 'one more'], data]))).toThrow(TallyError);
  });
});

describe('UTF-8 with a fault is named as such, not as a legacy font', () => {
  it('one bad byte: the line and the byte, exit 2, in Vietnamese and English, with --encoding as a way out', async () => {
    const r = await tally(['fixtures/hostile/invalid-utf8.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"fixtures/hostile/invalid-utf8.csv" không phải văn bản UTF-8 hợp lệ ở dòng 4, byte thứ 453 (0xE1).');
    expect(r.err).toContain('--encoding windows-1258');
    expect(r.err).not.toContain('TCVN3');
    const en = await tally(['fixtures/hostile/invalid-utf8.csv', '--lang', 'en']);
    expect(en.err).toContain('"fixtures/hostile/invalid-utf8.csv" is not valid UTF-8 at line 4, byte 453 (0xE1).');
    const json = await tally(['check', 'fixtures/hostile/invalid-utf8.csv', '--format', 'json']);
    expect(failures(json.out).map((f) => f.code)).toEqual(['invalid-utf8']);
  });
  it('a file cut in the middle of its last character says so', async () => {
    const r = await tally(['fixtures/hostile/cut-utf8.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"fixtures/hostile/cut-utf8.csv" ends in the middle of a character at line 6, byte 748: the UTF-8 text is cut short.');
  });
  it('a bad byte far past the first 64 KB is found where it is, not read as "�"', async () => {
    const base = readFileSync(join(ROOT, 'fixtures/encodings/utf8.csv'), 'utf8');
    const row = 'x,,Chi bộ Phòng Tổ chức,Chi bộ cơ sở,5,0,0,5,2,Hoàn thành nhiệm vụ\n';
    const bytes = Buffer.concat([Buffer.from(base + row.repeat(2000)), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const lines = base.split('\n').length - 1 + 2000;
    const rows = csvRows((async function* () {
      for (let at = 0; at < bytes.length; at += 32 * 1024) yield bytes.subarray(at, at + 32 * 1024);
    })(), 'big.csv');
    const read = async (): Promise<number> => {
      let n = 0;
      for await (const row of rows) if (row) n++;
      return n;
    };
    const err = await read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TallyError);
    expect((err as TallyError).code).toBe('invalid-utf8');
    expect((err as TallyError).args).toMatchObject({ line: lines + 1, byte: bytes.length - 2, value: '0xC3' });
  });
  it('the running check agrees with a byte-by-byte reading whatever the pieces, and counts LF, CRLF and CR lines', () => {
    const text = Buffer.from('Đảng\r\nbộ\rSở\nTài chính ệ');
    for (let size = 1; size <= 7; size++) {
      const check = new Utf8Check();
      for (let at = 0; at < text.length; at += size) expect(check.push(text.subarray(at, at + size), false)).toBeUndefined();
      expect(check.push(new Uint8Array(0), true)).toBeUndefined();
    }
    const bad = Buffer.concat([Buffer.from('a\r\nb\rc\nd'), Buffer.from([0xed, 0xa0, 0x80])]);
    expect(new Utf8Check().push(bad, true)).toEqual({ line: 4, byte: 9, value: 0xed, cut: false });
  });
  it('still reads Windows-1258 from Excel, and still names TCVN3 and VNI', async () => {
    expect(detectEncoding(readFileSync(join(ROOT, 'fixtures/encodings/windows-1258-semicolon.csv')), 'f', undefined, true).encoding).toBe('windows-1258');
    expect(detectEncoding(readFileSync(join(ROOT, 'fixtures/hostile/invalid-utf8.csv')), 'f', undefined, true).encoding).toBe('utf-8');
    const w = await analyseFixtures(['encodings/windows-1258-caps-amounts.csv']);
    expect(w.summary?.members.end).toBe(1313);
    for (const [file, name] of [['tcvn3.csv', 'TCVN3 (ABC)'], ['vni.csv', 'VNI']] as const) {
      const r = await tally([`fixtures/legacy/${file}`]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`bảng mã cũ ${name}`);
    }
  });
  it('UTF-8 forced through --encoding windows-1258 is not called TCVN3', async () => {
    const r = await tally(['fixtures/hostile/invalid-utf8.csv', '--encoding', 'windows-1258']);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('TCVN3');
    expect(r.err).toContain('Không tìm thấy bảng báo cáo');
  });
});

describe('standard input', () => {
  it('a workbook piped to "-" is read as the workbook, with the same figures', async () => {
    const bytes = readFileSync(join(ROOT, 'fixtures/khoi-2020.xlsx'));
    const piped = await tally(['-', '--format', 'json'], bytes);
    const named = await tally(['fixtures/khoi-2020.xlsx', '--format', 'json']);
    expect(piped.code).toBe(named.code);
    const p = JSON.parse(piped.out) as Record<string, unknown>;
    delete p.files;
    const n = JSON.parse(named.out) as Record<string, unknown>;
    delete n.files;
    expect(JSON.stringify(p).replaceAll('fixtures/khoi-2020.xlsx', '-')).toBe(JSON.stringify(n).replaceAll('fixtures/khoi-2020.xlsx', '-'));
    expect((p.organizations as { total: number }).total).toBe(107);
  });
  it('a PDF or an .xls on standard input is named for what it is (exit 2)', async () => {
    const pdf = await tally(['-'], readFileSync(join(ROOT, 'fixtures/unusable/pdf-renamed.xlsx')));
    expect(pdf.code).toBe(2);
    expect(pdf.err).toContain('Đầu vào chuẩn (-) là một tệp PDF, không phải bảng tính CSV hay .xlsx.');
    const en = await tally(['-', '--lang', 'en'], readFileSync(join(ROOT, 'fixtures/unusable/pdf-renamed.xlsx')));
    expect(en.err).toContain('Standard input (-) is a PDF document, not a CSV or .xlsx spreadsheet.');
    const xls = await tally(['-', '--lang', 'en'], readFileSync(join(ROOT, 'fixtures/unusable/report.xls')));
    expect(xls.code).toBe(2);
    expect(xls.err).toContain('"-" is an Excel 97-2003 workbook (.xls)');
  });
  it('the built CLI reads `cat khoi-2020.xlsx | tally -`', () => {
    const r = cli(['-', '--format', 'json'], readFileSync(join(ROOT, 'fixtures/khoi-2020.xlsx')));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { members: { end: number } }).members.end).toBe(5663);
  });
});

describe('config files with mistakes', () => {
  const CASES: [file: string, vi: string, en: string][] = [
    ['not-json-decimal-comma.json', 'không phải JSON hợp lệ ở dòng 3, cột 29: số thập phân viết bằng dấu chấm (0.2), không phải dấu phẩy', 'not valid JSON at line 3, column 29: decimals are written with a point (0.2), not a comma'],
    ['not-json-trailing-comma.json', 'không phải JSON hợp lệ ở dòng 3, cột 24: dấu phẩy thừa trước } hoặc ]', 'not valid JSON at line 3, column 24: a comma before } or ]'],
    ['not-json-comment.json', 'không phải JSON hợp lệ ở dòng 1, cột 1: JSON không cho phép chú thích', 'not valid JSON at line 1, column 1: JSON allows no comments'],
    ['wrong-values.json', '"decimals" phải là một số nguyên từ 0 đến 6 (số chữ số thập phân của tỷ lệ phần trăm), nhưng đang ghi 2.5; "rounding" phải là một trong "half-up", "truncate", "largest-remainder", nhưng đang ghi "up"', '"quotas.minFullMembers" must be a whole number, 0 or more, but the file has -1'],
    ['unknown-key.json', 'khóa "decimal" không có trong cấu hình của tally (có phải "decimals"?)', '"decimal" is not a tally setting (did you mean "decimals"?)'],
    ['not-an-object.json', 'tệp phải là một đối tượng JSON { … }', 'the file must hold one JSON object { … }'],
  ];
  for (const [file, vi, en] of CASES) {
    it(`${file}: the key or the place, what is expected, in words, and the README section`, async () => {
      const path = `fixtures/hostile/config/${file}`;
      const r = await tally(['fixtures/encodings/utf8.csv', '--config', path]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Tệp cấu hình "${path}" không hợp lệ: `);
      expect(r.err).toContain(vi);
      expect(r.err).toContain('README.md, mục "Config"');
      expect(r.err).not.toMatch(/Unexpected|Invalid input|expected|JSON at position/);
      const e = await tally(['fixtures/encodings/utf8.csv', '--config', path, '--lang', 'en']);
      expect(e.err).toContain(`Config file "${path}" is invalid: `);
      expect(e.err).toContain(en);
      expect(e.err).toContain('README.md, section "Config"');
      expect(e.err).not.toMatch(/Unexpected|Invalid input|Unrecognized|JSON at position/);
    });
  }
  it('a config saved with a byte-order mark (Notepad) is read', async () => {
    const r = await tally(['fixtures/encodings/utf8.csv', '--config', 'fixtures/hostile/config/bom.json', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\d,\d%/);
    expect(r.out).not.toMatch(/\d,\d\d%/);
  });
  it('the README has the section the hint names', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/^## Config$/m);
  });
  it('finds the first syntax error as JSON.parse would, with its line and column', () => {
    const ok = ['{}', '[1, 2.5e3, -0, "a\\u00e9\\n"]', ' {"a": {"b": [true, false, null]}} '];
    for (const t of ok) expect(findJsonFault(t)).toBeUndefined();
    expect(findJsonFault('{"a": 1 "b": 2}')).toEqual({ line: 1, column: 9, why: 'missing-comma' });
    expect(findJsonFault('{"a" 1}')).toEqual({ line: 1, column: 6, why: 'missing-colon' });
    expect(findJsonFault('{\r\n"a": "x\n"}')).toEqual({ line: 2, column: 8, why: 'unclosed-string' });
    expect(findJsonFault('{"a": NaN}')).toEqual({ line: 1, column: 7, why: 'bad-value' });
    expect(findJsonFault('{} x')).toEqual({ line: 1, column: 4, why: 'after-end' });
    expect(findJsonFault('{"đ": "\\q"}')).toEqual({ line: 1, column: 8, why: 'bad-escape' });
    expect(findJsonFault('[1,]')).toEqual({ line: 1, column: 3, why: 'trailing-comma' });
    expect(findJsonFault('{"a": [')).toEqual({ line: 1, column: 8, why: 'end' });
  });
});

describe('nothing dropped silently', () => {
  it('one unit with an amount with a fraction: the amount is an indicator, a column of text beside it is named (TL004)', async () => {
    const a = await analyseFixtures(['hostile/one-unit-fraction.csv']);
    expect(a.summary?.indicators).toEqual([{ name: 'Kinh phí (triệu đồng)', total: 15.5 }]);
    expect(a.diagnostics.map((d) => [d.code, d.location.cell, d.args.value])).toEqual([['TL004', 'E1', 'Ghi nhận khác']]);
  });
  it('a row of figures with no label that are the sums above is a total, checked as "Tổng cộng" is', async () => {
    const good = await tally(['check', 'fixtures/hostile/unlabelled-total.csv', '--format', 'json']);
    expect(good.code).toBe(0);
    const j = JSON.parse(good.out) as { diagnostics: unknown[]; rows: { counted: number; skipped: { row: number; reason: string }[] } };
    expect(j.diagnostics).toEqual([]);
    expect(j.rows.counted).toBe(3);
    expect(j.rows.skipped).toContainEqual(expect.objectContaining({ row: 5, reason: 'total' }));
    const bad = await tally(['check', 'fixtures/hostile/unlabelled-total-mismatch.csv']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('fixtures/hostile/unlabelled-total-mismatch.csv E5: lỗi TL030 Dòng cộng không ghi tên (nhận ra vì số đảng viên bằng tổng các dòng trên), cột Kết nạp: ghi 4, nhưng cộng các dòng được 3.');
  });
  it('"Tổng số: 3 đơn vị, 66 đảng viên" in one cell is a note, not a unit without members (TL017)', async () => {
    const r = await tally(['check', 'fixtures/hostile/summary-line.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { diagnostics: unknown[]; rows: { skipped: { row: number; reason: string; text?: string }[] } };
    expect(j.diagnostics).toEqual([]);
    expect(j.rows.skipped).toContainEqual({ file: 'fixtures/hostile/summary-line.csv', row: 5, reason: 'note', text: 'Tổng số: 3 đơn vị, 66 đảng viên' });
  });
});

describe('outputs never carry formulas', () => {
  it('text that a spreadsheet would run: a leading \' in CSV, a backslash in Markdown, as it is in JSON, a warning per cell', async () => {
    const file = 'fixtures/outputs/formula-text.csv';
    const md = await tally([file, '--format', 'md']);
    expect(md.out).toContain('| &nbsp;&nbsp;\\+Doanh nghiệp | 1 |');
    expect(md.out).toContain('&nbsp;\\-2+3 | 1 |');
    expect(md.out).toContain('&nbsp;\\=cmd\\|\' /C calc\'!A0 | 1 |');
    expect(md.out).not.toMatch(/\| [=+\-@]/);
    const csv = await tally([file, '--format', 'csv']);
    expect(csv.out).toContain('organizations.bySector,\'+Doanh nghiệp,1,,');
    const json = JSON.parse((await tally([file, '--format', 'json'])).out) as { organizations: { bySector: { sector: string }[] }; diagnostics: { code: string; location: { cell: string } }[] };
    expect(json.organizations.bySector.map((b) => b.sector)).toEqual(['-2+3', '+Doanh nghiệp', '=cmd|\' /C calc\'!A0']);
    expect(json.diagnostics.map((d) => `${d.code} ${d.location.cell}`)).toEqual(['TL007 C2', 'TL007 E2', 'TL007 C3', 'TL007 E3', 'TL007 E4']);
  });
  it('a bullet ("- Chi bộ …") and a signed number are not formulas', async () => {
    const { looksLikeFormula } = await import('../src/recognise/formula-text.js');
    expect(['- Chi bộ Phòng Kế hoạch', '+ Chi bộ A', '-5', '+1,5%', 'Chi bộ A', ''].filter(looksLikeFormula)).toEqual([]);
    expect(['=A1', '@SUM(A1)', '+cmd', '-2+3', '\tx', '\rx', ' =1+1'].filter((t) => !looksLikeFormula(t))).toEqual([]);
  });
});
