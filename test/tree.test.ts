import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byTable } from '../src/render/by-field.js';
import { analyseFixtures, cli, ROOT } from './helpers.js';

interface ExpectedFigures {
  members: number; admitted: number; probationary: number; women: number; notRated: number; exempt: number;
  memberRatings: Record<'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV', number>;
}
interface ExpectedTree {
  committees: { code: string; name: string; rating: string; cells: number; cellsByRating: Record<string, number>; own: ExpectedFigures; fromCells: ExpectedFigures; agrees: boolean }[];
  byParent: { parent: string | null; units: number; ratings: Record<string, number>; members: number }[];
}
const EXPECTED = (JSON.parse(readFileSync(join(ROOT, 'fixtures/years/expected.json'), 'utf8')) as { tree: ExpectedTree }).tree;

/** The figures of expected.json under the names of the counts. */
const asCounts = (f: ExpectedFigures): Record<string, number> => ({
  members: f.members, admitted: f.admitted, probationary: f.probationary, women: f.women, membersNotRated: f.notRated, membersExempt: f.exempt,
  membersHTXSNV: f.memberRatings.HTXSNV, membersHTTNV: f.memberRatings.HTTNV, membersHTNV: f.memberRatings.HTNV, membersKHTNV: f.memberRatings.KHTNV,
});

describe('the tree: bloc › đảng bộ cơ sở › chi bộ trực thuộc, written two ways', () => {
  for (const layout of ['parent-codes', 'cells-listed']) {
    it(`${layout}: gives each committee's figures from its cells and its cells by rating, as expected.json says`, async () => {
      const a = await analyseFixtures([`years/tree/${layout}`], { by: 'parent' });
      const got = a.committees ?? [];
      expect(got.map((c) => c.name)).toEqual(EXPECTED.committees.map((c) => c.name));
      EXPECTED.committees.forEach((e, i) => {
        const c = got[i]!;
        expect(c.cells, e.name).toBe(e.cells);
        expect(c.cellRatings).toEqual({ ...e.cellsByRating, unrated: 0 });
        expect(c.own).toEqual(asCounts(e.own));
        expect(c.fromCells).toEqual(asCounts(e.fromCells));
        expect(c.agrees).toBe(e.agrees);
      });
    });

    it(`${layout}: warns once (TL034) where Đảng bộ Sở Xây dựng's row says 40 and its 4 cells add up to 39, with no TL020`, async () => {
      const a = await analyseFixtures([`years/tree/${layout}`]);
      expect(a.diagnostics.map((d) => [d.code, d.severity, d.location.cell, d.args.value, d.args.expected])).toEqual([
        ['TL034', 'warning', layout === 'parent-codes' ? 'F15' : 'D15', 40, 39],
      ]);
    });

    it(`${layout}: --by parent breaks the ratings and members down by committee, the bloc's own units first`, async () => {
      const a = await analyseFixtures([`years/tree/${layout}`], { by: 'parent' });
      const t = byTable(a.breakdown!, a.committees ?? [], 'vi');
      expect(t.lines.map((l) => [l.units, l.ratings, l.members])).toEqual(EXPECTED.byParent.map((e) => [e.units, e.ratings, e.members]));
      expect(t.lines[0]?.label).toBe('Trực thuộc trực tiếp Đảng ủy Khối');
      if (layout === 'parent-codes') expect(t.lines[3]?.label).toBe('DB03 Đảng bộ Sở Xây dựng');
      // The total is the bloc: every unit, but the members of the grassroots organisations only (a cell's are in its committee's).
      expect([t.total.units, t.total.members, t.total.goodOrBetter]).toEqual([24, 247, { count: 19, of: 24, percent: 79.17 }]);
    });
  }

  it('says a committee\'s cells name it as their parent when they are not listed under it', () => {
    const r = cli(['check', 'fixtures/years/tree/parent-codes', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('to-chuc-dang-2023.csv F15: warning TL034 "Đảng bộ Sở Xây dựng", column Tổng số đảng viên: says 40, but the 4 cells that name "DB03" as their parent add up to 39.');
  });

  it('does not warn about a part of a committee\'s cells when its row does not say how many it has (a 3-level tree)', async () => {
    const a = await analyseFixtures(['spellings/types-and-total-like-names.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.committees?.map((c) => [c.name, c.cells, c.complete])).toEqual([
      ['Tổng công ty Đầu tư Phát triển Hạ tầng', 1, false],
      ['Khối Văn phòng Tổng công ty', 1, false],
    ]);
  });

  it('--by prints both tables with a total row in every format, and a workbook or a Word file still writes', () => {
    const table = cli(['fixtures/years/tree/parent-codes', '--by', 'parent', '-q']);
    expect(table.stdout).toMatch(/│ DB03 Đảng bộ Sở Xây dựng +│ +4 │ +0 │ +2 │ +1 │ +1 │ +0 │ +2\/4 \(50,00%\) │/);
    expect(table.stdout).toMatch(/│ Tổng cộng +│ +247 │ +7 │ +20 │ +203 │ +16 │ +2 │/);
    const md = cli(['fixtures/years/tree/parent-codes', '--by', 'type', '-f', 'md', '--lang', 'en']).stdout;
    expect(md).toContain('| Total | 24 | 4 | 15 | 4 | 1 | 0 | 19/24 (79.17%) |');
    expect(md).toContain('| Chi bộ trực thuộc | 16 | 3 | 10 | 2 | 1 | 0 | 13/16 (81.25%) |');
    expect(cli(['fixtures/years/tree/parent-codes', '--by', 'parent', '-f', 'csv']).stdout).toContain('by.parent:DB02 Đảng bộ Bệnh viện Đa khoa tỉnh,units,5,,');
    expect(cli(['fixtures/years/tree/parent-codes', '--by', 'parent', '-f', 'text']).stdout).toContain('DB01 Đảng bộ Công ty Cổ phần Cấp nước: 3 tổ chức (1 HTXSNV, 2 HTTNV, 0 HTNV, 0 KHTNV), 35 đảng viên.');
    const json = JSON.parse(cli(['fixtures/years/tree/parent-codes', '--by', 'sector', '-f', 'json']).stdout) as { breakdown: { field: string; total: { units: number } }; committees: unknown[] };
    expect(json.breakdown).toMatchObject({ field: 'sector', total: { units: 24 } });
    expect(json.committees).toHaveLength(4);
    const dir = mkdtempSync(join(tmpdir(), 'tally-by-'));
    try {
      for (const out of ['by.xlsx', 'by.docx']) {
        const r = cli(['fixtures/years/tree/parent-codes', '--by', 'group', '-o', join(dir, out)]);
        expect(r.status).toBe(0);
        expect(r.stderr).toMatch(/Đã ghi/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
