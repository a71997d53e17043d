import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../src/analyse/analyse.js';
import { blocFromTitles } from '../src/render/heading.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { analyse } from '../src/analyse/analyse.js';
import { DEFAULT_THRESHOLDS } from '../src/check/rule.js';
import { analyseFixtures, ROOT } from './helpers.js';

const OPTIONS = { cwd: ROOT, scale: 'current', decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter', thresholds: DEFAULT_THRESHOLDS, rollup: true } as const;
import { DOC, dumpWorkbook, expectGoldenText, loadWorkbook, zipNames, zipText } from './outputs.js';

const tmp = mkdtempSync(join(tmpdir(), 'tally-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function workbookOf(fixture: string, lang: 'vi' | 'en' = 'vi', extra: Partial<Parameters<typeof renderXlsx>[0]> = {}): Promise<{ a: Analysis; bytes: Buffer }> {
  const a = await analyseFixtures([fixture], { keepUnits: true, workers: 0 });
  if (!a.summary || !a.units) throw new Error('no summary');
  const bytes = await renderXlsx({ summary: a.summary, units: a.units, diagnostics: a.diagnostics, failures: a.failures, ...extra },
    { ...DOC, lang, bloc: blocFromTitles(a.rows.skipped), trusted: true });
  return { a, bytes };
}

/** The summary without what names the file it was read from (the unrated units' file and row). */
function figures(a: Analysis): unknown {
  const s = structuredClone(a.summary);
  if (s) s.organizations.unrated = s.organizations.unrated.map((u) => ({ ...u, file: '', sheet: null, row: 0 }));
  return s;
}

describe('the XLSX workbook', () => {
  it('has the structure of its golden file on the 2020 workbook (values, formats, merges, fonts, print layout)', async () => {
    const { bytes } = await workbookOf('khoi-2020.xlsx');
    expectGoldenText('khoi-2020.xlsx', dumpWorkbook(await loadWorkbook(bytes)));
  });

  it('has the structure of its golden file on the 2023 CSV, in English', async () => {
    const { bytes } = await workbookOf('khoi-2023.csv', 'en');
    expectGoldenText('khoi-2023-en.xlsx', dumpWorkbook(await loadWorkbook(bytes)));
  });

  it('stores counts as numbers with a thousands format, shares as fractions with a percent format and the x/y beside them', async () => {
    const { bytes } = await workbookOf('khoi-2020.xlsx');
    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tổ chức', 'Đảng viên', 'Chi tiết', 'Kiểm tra']);
    const ws = wb.getWorksheet('Tổng hợp');
    if (!ws) throw new Error('no sheet');
    const rows = ws.getSheetValues() as unknown[][];
    const good = rows.findIndex((r) => Array.isArray(r) && r[2] === 'Hoàn thành tốt nhiệm vụ trở lên');
    expect(ws.getCell(good, 3).value).toBe(99);
    expect(ws.getCell(good, 3).numFmt).toBe('#,##0');
    expect(ws.getCell(good, 4).value).toBe('99/107');
    expect(ws.getCell(good, 5).value).toBeCloseTo(0.9252, 10);
    expect(ws.getCell(good, 5).numFmt).toBe('0.00%');
    const end = rows.findIndex((r) => Array.isArray(r) && r[2] === 'Cuối kỳ');
    expect(ws.getCell(end, 3).value).toBe(5663);
    // Every cell written is in Times New Roman.
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((c) => expect(c.font?.name).toBe('Times New Roman')));
  });

  it('ends the unit sheet in SUM formulas that carry their results', async () => {
    const { bytes } = await workbookOf('khoi-2020.xlsx');
    const names = zipNames(bytes).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xml = names.map((n) => zipText(bytes, n)).find((x) => x.includes('SUM('));
    if (!xml) throw new Error('no SUM');
    // 18 count columns in this workbook, each total a formula with its value stored beside it.
    const sums = [...xml.matchAll(/<f>(SUM\([^<]*\))<\/f><v>([^<]*)<\/v>/g)];
    expect(sums.length).toBe(18);
    expect([...xml.matchAll(/<f>/g)].length).toBe(18);
    const wb = await loadWorkbook(bytes);
    const ws = wb.getWorksheet('Chi tiết');
    if (!ws) throw new Error('no sheet');
    const header = ws.getRow(6).values as unknown[];
    const membersCol = header.indexOf('Tổng số đảng viên');
    const total = ws.getCell(ws.rowCount, membersCol).value as { formula: string; result: number };
    expect(total.formula).toMatch(/^SUM\([A-Z]+8:[A-Z]+114\)$/);
    expect(total.result).toBe(5663);
  });

  it('has a "Chỉ tiêu" sheet only when there are targets', async () => {
    const targets = [
      { label: 'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên', actual: 92.52, value: 90, op: '>=', met: true, unit: '%' },
      { label: 'Kết nạp đảng viên mới', actual: 171, value: 200, op: '>=', met: false },
    ];
    const { bytes } = await workbookOf('khoi-2020.xlsx', 'vi', { targets });
    const ws = (await loadWorkbook(bytes)).getWorksheet('Chỉ tiêu');
    if (!ws) throw new Error('no Chỉ tiêu sheet');
    const text = JSON.stringify(ws.getSheetValues());
    expect(text).toContain('"≥ 90%"');
    expect(text).toContain('"Không đạt"');
    expect(text).toContain('"Đạt 1/2 chỉ tiêu"');
    const without = await loadWorkbook((await workbookOf('khoi-2020.xlsx')).bytes);
    expect(without.getWorksheet('Chỉ tiêu')).toBeUndefined();
  });

  it('is read back by tally to the same summary: the "Chi tiết" sheet is a unit table, the others are not', async () => {
    // committee-cells.csv: a committee's cells, written on a sheet of their own ("Trực thuộc").
    for (const fixture of ['khoi-2020.xlsx', 'khoi-2023.csv', 'workbooks/committee-cells.csv']) {
      const { a, bytes } = await workbookOf(fixture);
      const file = join(tmp, `${fixture.replace(/\//g, '-')}.out.xlsx`);
      writeFileSync(file, bytes);
      const back = await analyse([file], { ...OPTIONS, workers: 0 });
      expect(back.rows.counted).toBe(a.rows.counted);
      expect(figures(back)).toEqual(figures(a));
      expect(back.diagnostics.map((d) => d.code)).toEqual(a.diagnostics.map((d) => d.code));
      expect(back.failures).toEqual([]);
    }
  });

  it('writes text from the inputs that looks like a formula as text, never as a formula', async () => {
    const { bytes } = await workbookOf('outputs/formula-text.csv');
    const wb = await loadWorkbook(bytes);
    const ws = wb.getWorksheet('Chi tiết');
    if (!ws) throw new Error('no sheet');
    const values = JSON.stringify(ws.getSheetValues());
    expect(values).toContain(JSON.stringify('=HYPERLINK("http://x","y")'));
    expect(values).toContain(JSON.stringify("=cmd|' /C calc'!A0"));
    for (const n of zipNames(bytes).filter((x) => x.startsWith('xl/worksheets/sheet'))) {
      // The only formulas in the workbook are the SUM totals tally writes.
      for (const m of zipText(bytes, n).matchAll(/<f>([^<]*)<\/f>/g)) expect(m[1]).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
    }
  });

  it('opened by LibreOffice shows the totals as numbers, the SUM cells with their values and formula-like names as text', () => {
    const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0) throw new Error('LibreOffice (soffice) is needed for this test');
    return (async () => {
      writeFileSync(join(tmp, 'k2020.xlsx'), (await workbookOf('khoi-2020.xlsx')).bytes);
      writeFileSync(join(tmp, 'formula.xlsx'), (await workbookOf('outputs/formula-text.csv')).bytes);
      const out = join(tmp, 'csv');
      // One process for both files; every sheet to its own CSV, cell values as stored (not as shown).
      const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(tmp, 'lo-profile')}`, '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, join(tmp, 'k2020.xlsx'), join(tmp, 'formula.xlsx')], { encoding: 'utf8', timeout: 90_000 });
      expect(r.status).toBe(0);
      const detail = readFileSync(join(out, 'k2020-Chi tiết.csv'), 'utf8').trim().split('\n');
      const total = detail.at(-1)?.split(',') ?? [];
      expect(total).toContain('Tổng cộng');
      for (const v of ['5490', '171', '5663', '931', '4378']) expect(total).toContain(v);
      const summary = readFileSync(join(out, 'k2020-Tổng hợp.csv'), 'utf8');
      expect(summary).toContain('1,Tổ chức cơ sở đảng,107,,');
      expect(summary).toContain("Hoàn thành tốt nhiệm vụ trở lên,99,99/107,92.52%");
      const names = readFileSync(join(out, 'formula-Chi tiết.csv'), 'utf8');
      expect(names).toContain('"=HYPERLINK(""http://x"",""y"")"');
      expect(names).toContain("=cmd|' /C calc'!A0");
      expect(readdirSync(out).length).toBeGreaterThanOrEqual(10);
    })();
  }, 120_000);
});
