import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../src/read/detect.js';
import { libraryDetail } from '../src/read/xlsx.js';
import { absoluteRels, crc32, relativeRels, relativeTarget, rezip } from './zip-parts.js';
import { analyseFixtures, cli, ROOT } from './helpers.js';

/** Workbooks written by scripts: relationship targets as absolute part names (issue 13). */
describe('absolute part names in relationships', () => {
  it('makes a target relative to the folder of the part that holds the relationship', () => {
    expect(relativeTarget('/xl/tables/table1.xml', ['xl', 'worksheets'])).toBe('../tables/table1.xml');
    expect(relativeTarget('/xl/worksheets/sheet1.xml', ['xl'])).toBe('worksheets/sheet1.xml');
    expect(relativeTarget('/xl/workbook.xml', [])).toBe('xl/workbook.xml');
    expect(relativeTarget('/docProps/core.xml', [])).toBe('docProps/core.xml');
  });
  it('rewrites internal absolute targets only, and says when nothing changes', () => {
    const xml = '<Relationships><Relationship Id="r1" Type="t" Target="/xl/tables/table1.xml"/>'
      + '<Relationship Id="r2" Type="h" Target="https://example.org/a" TargetMode="External"/>'
      + '<Relationship Id="r3" Type="c" Target="../comments1.xml"/></Relationships>';
    expect(relativeRels(xml, 'xl/worksheets/_rels/sheet1.xml.rels')).toBe(xml.replace('/xl/tables/table1.xml', '../tables/table1.xml'));
    expect(relativeRels('<Relationship Id="r3" Target="worksheets/sheet1.xml"/>', 'xl/_rels/workbook.xml.rels')).toBeUndefined();
    expect(relativeRels("<Relationship Id='a' Target='/xl/workbook.xml'/>", '_rels/.rels')).toBe("<Relationship Id='a' Target='xl/workbook.xml'/>");
  });
  it('writes a zip whose rewritten part, central directory and offsets a reader can follow', () => {
    const bytes = readFileSync(join(ROOT, 'fixtures/round2-more/abs-rels/all-absolute-table-on-sheet2.xlsx'));
    const entries = zipEntries(bytes)!;
    const replace = absoluteRels(bytes, entries);
    expect([...replace.keys()].sort()).toEqual(['_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/_rels/sheet2.xml.rels']);
    expect(replace.get('xl/worksheets/_rels/sheet2.xml.rels')!.toString()).toContain('Target="../tables/table1.xml"');
    const again = Buffer.concat(rezip(bytes, entries, { replace, order: (a, b) => a.name.localeCompare(b.name) }));
    const names = zipEntries(again)!.map((e) => e.name);
    expect(names).toEqual(entries.map((e) => e.name).sort((a, b) => a.localeCompare(b)));
    // Nothing absolute is left, and every other part is the same.
    expect(absoluteRels(again, zipEntries(again)!).size).toBe(0);
  });
  it('computes the CRC-32 of the zip format', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
  for (const stream of [false, true]) {
    it(`reads every sheet of a workbook with every target absolute and a table part${stream ? ' (streamed)' : ''}`, () => {
      const r = cli(['fixtures/round2-more/abs-rels/all-absolute-table-on-sheet2.xlsx', '--format', 'json'], undefined, stream ? { TALLY_STREAM_XLSX_BYTES: '0' } : {});
      expect(r.status).toBe(0);
      const j = JSON.parse(r.stdout) as { organizations: { total: number; goodOrBetter: { count: number; of: number } }; members: { end: number; admitted: number }; memberRatings: { ratings: Record<string, number> }; diagnostics: unknown[]; failures: unknown[] };
      expect(j.failures).toEqual([]);
      expect(j.diagnostics).toEqual([]);
      expect(j.organizations.total).toBe(10);
      expect(j.organizations.goodOrBetter).toMatchObject({ count: 8, of: 10 });
      expect(j.members).toMatchObject({ end: 470, admitted: 23 });
      expect(j.memberRatings.ratings).toEqual({ HTXSNV: 67, HTTNV: 370, HTNV: 28, KHTNV: 0 });
    });
  }
  it('reads the absolute table part of round two in-process too', async () => {
    const a = await analyseFixtures(['round2/abs-rels/table-part-absolute.xlsx']);
    expect(a.failures).toEqual([]);
    expect(a.summary!.members.end).toBe(82);
  });
  it('refuses a workbook whose table part is missing in words, never with a JavaScript error', () => {
    const r = cli(['check', 'fixtures/round2-more/abs-rels/missing-table-part.xlsx', '--format', 'json']);
    expect(r.status).toBe(2);
    const j = JSON.parse(r.stdout) as { failures: { code: string; message: string }[] };
    expect(j.failures.map((f) => f.code)).toEqual(['corrupt']);
    expect(j.failures[0]!.message).toContain('một phần của bảng tính không đọc được');
    expect(r.stdout + r.stderr).not.toMatch(/Cannot read|undefined|TypeError|properties of/);
  });
  it('keeps a library\'s words about the zip, and puts a JavaScript error into a sentence', () => {
    expect(libraryDetail(new Error('End of data reached (data length = 10, asked index = 40)'))).toBe('End of data reached (data length = 10, asked index = 40)');
    expect(libraryDetail(new TypeError("Cannot read properties of undefined (reading 'name')"))).toBe('một phần của bảng tính không đọc được / a part of the workbook could not be read');
    expect(libraryDetail('a string')).toBe('một phần của bảng tính không đọc được / a part of the workbook could not be read');
  });
});
