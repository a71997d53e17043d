import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE, ROOT, analyseFixtures } from './helpers.js';
import { bomb, cell, makeZip, SHEET_HEAD, SHEET_TAIL, workbookParts } from './zip.js';

const dir = mkdtempSync(join(tmpdir(), 'tally-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The built CLI in a child process, with its peak memory: the exit code, both streams and the peak resident set
 * in MB (what `/usr/bin/time -f %M` says), so that a bomb is shown to be refused without inflating it.
 */
export function measured(args: readonly string[]): { status: number; stdout: string; stderr: string; peakMb: number; ms: number } {
  const main = pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href;
  const script = `process.argv = [process.argv[0], 'tally', ...JSON.parse(process.env.TALLY_ARGS)];
const { main } = await import(${JSON.stringify(main)});
const code = await main(process);
process.stderr.write('\\nPEAK ' + process.resourceUsage().maxRSS + '\\n');
process.exitCode = code;`;
  const started = performance.now();
  const r = spawnSync(NODE, ['--input-type=module', '-e', script], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', TALLY_ARGS: JSON.stringify(args), TALLY_WORKERS: '0' },
  });
  const ms = performance.now() - started;
  const peak = /\nPEAK (\d+)\n/.exec(r.stderr);
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.replace(/\nPEAK \d+\n/, ''), peakMb: Number(peak?.[1] ?? NaN) / 1024, ms };
}

const HEADER_ROW = `<row r="1">${cell('Tên tổ chức cơ sở đảng')}${cell('Tổng số đảng viên')}</row>`;

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('zip bombs and sheets past the limits: refused as too-large while inflating, in bounded time and memory', () => {
  it('a 4 MB zip of 1.2 GB of sheet XML is refused in seconds under 300 MB, naming the limit and --max-rows', () => {
    const b = bomb(SHEET_HEAD + HEADER_ROW, '<row><c><v>1</v></c><c><v>2</v></c></row>'.repeat(20_000), 1500, SHEET_TAIL);
    expect(b.size).toBeGreaterThan(1_200_000_000);
    const file = write('bomb.xlsx', makeZip(workbookParts({ name: 'xl/worksheets/sheet1.xml', ...b })));
    const r = measured(['check', file, '--format', 'json']);
    expect(r.status).toBe(2);
    const [f] = (JSON.parse(r.stdout) as { failures: { code: string; message: string; hint: string }[] }).failures;
    expect(f?.code).toBe('too-large');
    expect(f?.message).toContain('trang "xl/worksheets/sheet1.xml" có hơn 120.000 dòng, giới hạn của tally');
    expect(f?.hint).toContain('--max-rows 1200000');
    expect(f?.hint).toContain('"maxRows" trong tally.config.json');
    expect(r.peakMb).toBeLessThan(300);
    expect(r.ms).toBeLessThan(15_000);
  });
  it('one part that inflates past the size limit (a single huge cell) is named with the size, in English too', () => {
    const b = bomb(`${SHEET_HEAD}${HEADER_ROW}<row r="2">${cell('Chi bộ A')}<c r="B2" t="inlineStr"><is><t>`, 'x'.repeat(1 << 20), 400, `</t></is></c></row>${SHEET_TAIL}`);
    const file = write('one-cell.xlsx', makeZip(workbookParts({ name: 'xl/worksheets/sheet1.xml', ...b })));
    const r = measured([file, '--lang', 'en', '--max-rows', '1000']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is too large to read (its part "xl/worksheets/sheet1.xml" inflates to more than 64 MB from a file of 1 MB)');
    expect(r.stderr).toContain('run again with --max-rows 10000');
    expect(r.peakMb).toBeLessThan(300);
  });
  it('shared strings past the limit, and a row wider than Excel allows, are refused too', () => {
    const strings = bomb('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>a</t></si>'.repeat(1000), 200, '</sst>');
    const sheet = { name: 'xl/worksheets/sheet1.xml', data: SHEET_HEAD + HEADER_ROW + SHEET_TAIL };
    const withStrings = write('strings.xlsx', makeZip([...workbookParts(sheet), { name: 'xl/sharedStrings.xml', ...strings }]));
    const s = measured(['check', withStrings, '--max-rows', '1000', '--format', 'json']);
    expect(s.status).toBe(2);
    expect(s.stdout).toContain('tệp có hơn 64.000 chuỗi dùng chung (giới hạn 64 cho mỗi dòng của 1.000 dòng)');
    const wide = write('wide.xlsx', makeZip(workbookParts({ name: 'xl/worksheets/sheet1.xml', data: `${SHEET_HEAD}<row>${'<c><v>1</v></c>'.repeat(16_385)}</row>${SHEET_TAIL}` })));
    const w = measured(['check', wide, '--format', 'json']);
    expect(w.status).toBe(2);
    expect(w.stdout).toContain('một dòng của \\"xl/worksheets/sheet1.xml\\" có hơn 16.384 ô, nhiều hơn Excel cho phép');
  });
  it('--max-rows raises the limit: a 130,000-row sheet is read with it (under 300 MB), refused without', () => {
    const rows: string[] = [HEADER_ROW];
    for (let i = 2; i <= 130_001; i++) rows.push(`<row r="${i}">${cell(`Chi bộ ${i}`, `A${i}`)}${cell(5, `B${i}`)}</row>`);
    const file = write('long.xlsx', makeZip(workbookParts({ name: 'xl/worksheets/sheet1.xml', data: SHEET_HEAD + rows.join('') + SHEET_TAIL })));
    expect(measured(['check', file]).status).toBe(2);
    const raised = measured([file, '--max-rows', '200000', '--format', 'json', '--quiet']);
    expect(raised.status).toBe(0);
    expect((JSON.parse(raised.stdout) as { members: { end: number } }).members.end).toBe(650_000);
    expect(raised.peakMb).toBeLessThan(300);
  }, 60_000);
  it('"maxRows" in tally.config.json sets the limit as --max-rows does', () => {
    const rows = [HEADER_ROW, ...Array.from({ length: 20 }, (_, i) => `<row>${cell(`Chi bộ ${i}`)}${cell(5)}</row>`)];
    const file = write('twenty.xlsx', makeZip(workbookParts({ name: 'xl/worksheets/sheet1.xml', data: SHEET_HEAD + rows.join('') + SHEET_TAIL })));
    const config = write('tally.config.json', Buffer.from('{ "maxRows": 10 }'));
    const r = measured(['check', file, '--config', config, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('sheet "xl/worksheets/sheet1.xml" has more than 10 rows, tally\'s limit');
    expect(measured(['check', file, '--config', config, '--max-rows', '21']).status).toBe(0);
  });
});

describe('odd but valid workbooks, and damaged parts tally does not need', () => {
  it('cells and rows without an r attribute take their places from their order (loaded and streamed)', async () => {
    const plain = await analyseFixtures(['khoi-2020.xlsx']);
    for (const env of [undefined, '0']) {
      if (env !== undefined) process.env.TALLY_STREAM_XLSX_BYTES = env;
      try {
        const a = await analyseFixtures(['hostile/no-cell-refs.xlsx']);
        expect(a.failures).toEqual([]);
        expect(a.summary?.members).toEqual(plain.summary?.members);
        expect(a.summary?.organizations).toEqual(plain.summary?.organizations);
        expect(a.diagnostics.map((d) => [d.code, d.location.cell])).toEqual(plain.diagnostics.map((d) => [d.code, d.location.cell]));
      } finally {
        delete process.env.TALLY_STREAM_XLSX_BYTES;
      }
    }
  });
  it('a cell without r after one with r follows it; a row without r follows the row before', async () => {
    const data = `${SHEET_HEAD}${HEADER_ROW}<row>${cell('Chi bộ A')}${cell(5)}</row><row r="5"><c r="A5" t="inlineStr"><is><t>Chi bộ B</t></is></c><c><v>7</v></c></row>${SHEET_TAIL}`;
    write('mixed.xlsx', makeZip(workbookParts({ name: 'xl/worksheets/sheet1.xml', data })));
    const { analyse } = await import('../src/analyse/analyse.js');
    const a = await analyse([join(dir, 'mixed.xlsx')], { cwd: dir, scale: 'current', decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter', rollup: true, keepUnits: true });
    expect(a.units?.map((u) => [u.name, u.source.row])).toEqual([['Chi bộ A', 2], ['Chi bộ B', 5]]);
    expect(a.summary?.members.end).toBe(12);
  });
  it('a damaged styles.xml is left out with a warning naming the part (TL006), the figures read as without it', async () => {
    const plain = await analyseFixtures(['khoi-2020.xlsx']);
    for (const env of [undefined, '0']) {
      if (env !== undefined) process.env.TALLY_STREAM_XLSX_BYTES = env;
      try {
        const a = await analyseFixtures(['hostile/damaged-styles.xlsx']);
        expect(a.failures).toEqual([]);
        expect(a.summary?.members).toEqual(plain.summary?.members);
        const d = a.diagnostics.find((x) => x.code === 'TL006');
        expect(d).toMatchObject({ severity: 'warning', location: { file: 'fixtures/hostile/damaged-styles.xlsx' }, args: { value: 'xl/styles.xml' } });
      } finally {
        delete process.env.TALLY_STREAM_XLSX_BYTES;
      }
    }
  });
});
