import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFixtures, cli, ROOT, notesOf } from './helpers.js';
import { zipEntries } from '../src/read/detect.js';
import { streamXlsx } from '../src/read/xlsx-stream.js';

describe('workbooks made by LibreOffice', () => {
  it('reads every report sheet, skips the instructions sheet, and checks the "Tổng hợp" sheet instead of adding it', async () => {
    const a = await analyseFixtures(['workbooks/multi-sheet.xlsx']);
    expect(a.summary!.organizations.total).toBe(5);
    expect(a.summary!.members.end).toBe(713);
    expect(a.diagnostics.filter((d) => d.code !== 'TL040')).toEqual([]);
    expect(a.rows.skipped.filter((s) => s.reason === 'totals-sheet')).toHaveLength(5);
    expect(notesOf(a, 'en').some((n) => n.includes('[Hướng dẫn]') && n.includes('no report table'))).toBe(true);
  });
  it('reports a totals sheet that disagrees with the detail sheets (TL032)', async () => {
    const a = await analyseFixtures(['workbooks/multi-sheet-mismatch.xlsx']);
    const d = a.diagnostics.find((x) => x.code === 'TL032');
    expect(d?.location).toMatchObject({ sheet: 'Tổng hợp', column: 'Tổng số đảng viên' });
    expect(d?.args).toMatchObject({ value: 721, expected: 713 });
    expect(a.summary!.members.end).toBe(713);
  });
  it('reads rich text, numbers stored as text, "-" for zero, cached formulas, dates as years, merged text cells and hidden rows and columns', async () => {
    const a = await analyseFixtures(['workbooks/cells.xlsx']);
    const s = a.summary!;
    expect(a.diagnostics).toEqual([]);
    expect(s.organizations.total).toBe(4);
    expect(s.members.end).toBe(1182 + 312 + 42 + 16);
    expect(s.members.admitted).toBe(0 + 12 + 2 + 1);
    expect(s.periods).toEqual(['2023']);
    expect(s.indicators).toEqual([{ name: 'Số cuộc học tập', total: 40 }]);
    // "Cơ quan hành chính" is merged down over the first two units.
    expect(s.organizations.bySector).toContainEqual({ sector: 'Cơ quan hành chính', count: 2 });
    expect(notesOf(a).join('\n')).toContain('1 dòng bị ẩn vẫn được đọc');
    expect(notesOf(a).join('\n')).toContain('cột ẩn "Số cuộc học tập" vẫn được đọc');
  });
});

describe('a workbook with a data validation over whole columns (A:Z)', () => {
  it('reads quickly, since the validation is not loaded (it would expand 27 million cells)', async () => {
    const started = Date.now();
    const a = await analyseFixtures(['workbooks/whole-column-validation.xlsx']);
    expect(a.summary!.members.end).toBe(1552);
    expect(Date.now() - started).toBeLessThan(8000);
  }, 30_000);
});

describe('Vietnamese text cut by exceljs\'s 16 KB chunks', () => {
  const names = async (file: string, stream: boolean): Promise<string[]> => {
    const { Rollup } = await import('../src/rollup/summary.js');
    const seen: string[] = [];
    const add = Rollup.prototype.add;
    const before = process.env.TALLY_STREAM_XLSX_BYTES;
    Rollup.prototype.add = function (row) {
      seen.push(row.name);
      add.call(this, row);
    };
    if (stream) process.env.TALLY_STREAM_XLSX_BYTES = '0';
    try {
      await analyseFixtures([file]);
    } finally {
      Rollup.prototype.add = add;
      if (before === undefined) delete process.env.TALLY_STREAM_XLSX_BYTES;
      else process.env.TALLY_STREAM_XLSX_BYTES = before;
    }
    return seen;
  };
  const expected = readFileSync(join(ROOT, 'fixtures/src/workbooks/long-names.csv'), 'utf8').trim().split('\n').slice(1)
    .map((l) => /"([^"]+)"/.exec(l)?.[1] ?? '');

  for (const file of ['workbooks/long-names.xlsx', 'workbooks/inline-strings.xlsx']) {
    for (const stream of [false, true]) {
      it(`${file} (${stream ? 'streamed' : 'loaded whole'}): all 600 names come back intact`, async () => {
        const got = await names(file, stream);
        expect(got.filter((n) => n.includes('\ufffd'))).toEqual([]);
        expect(got).toEqual(expected);
      });
    }
  }
});

describe('formulas', () => {
  it('a formula whose cached result is 0 is a 0 (exceljs gives no result for it), not a formula left uncomputed', async () => {
    // KHTNV is a remainder formula, 0 for every unit; the workbook's other formulas have results (LibreOffice).
    const a = await analyseFixtures(['workbooks/formula-zero-results.xlsx']);
    expect(a.diagnostics).toEqual([]);
    expect(a.summary!.memberRatings.ratings).toEqual({ HTXSNV: 57, HTTNV: 312, HTNV: 13, KHTNV: 0 });
    expect(a.summary!.members).toMatchObject({ start: 399, end: 403, admitted: 15 });
    const streamed = cli(['fixtures/workbooks/formula-zero-results.xlsx', '--format', 'json'], undefined, { TALLY_STREAM_XLSX_BYTES: '0' });
    expect(JSON.parse(streamed.stdout).diagnostics).toEqual([]);
  });
  it('a workbook whose formulas have no results at all still says so (TL019)', async () => {
    const d = (await analyseFixtures(['rules/formula-without-result.xlsx'])).diagnostics;
    expect(d.map((x) => `${x.code}@${x.location.cell}`)).toEqual(['TL019@E3', 'TL019@E4', 'TL019@E5']);
  });
});

describe('large workbooks are streamed', () => {
  it('names every sheet and reads its strings, whatever the order of the parts in the zip (sheets before shared strings)', async () => {
    // exceljs writes sheets before the shared strings; its streaming reader then took a path that, one run in four,
    // lost the sheets' names and strings. Read ten times: the old path failed here almost always.
    const bytes = readFileSync(join(ROOT, 'fixtures/workbooks/multi-sheet-mismatch.xlsx'));
    const entries = zipEntries(bytes)!;
    const names = entries.map((e) => e.name);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
    for (let i = 0; i < 10; i++) {
      const seen: string[] = [];
      for await (const s of streamXlsx(bytes, entries, 'x.xlsx')) {
        const rows: unknown[][] = [];
        for await (const batch of s.rows) for (const r of batch) rows.push(r);
        seen.push(`${s.name}:${rows.length}:${String(rows[1]?.[1])}`);
      }
      expect(seen).toEqual(['Khối cơ quan:5:Mã đơn vị', 'Khối doanh nghiệp:4:Mã đơn vị', 'Tổng hợp:7:Mã đơn vị']);
    }
  });
  for (const file of ['khoi-2020-official.xlsx', 'workbooks/cells.xlsx', 'workbooks/multi-sheet-mismatch.xlsx']) {
    it(`${file} gives the same result streamed (merges, hidden rows, totals sheet read beside the stream)`, () => {
      const whole = cli([`fixtures/${file}`, '--format', 'json', '--verbose']);
      const streamed = cli([`fixtures/${file}`, '--format', 'json', '--verbose'], undefined, { TALLY_STREAM_XLSX_BYTES: '0' });
      expect(streamed.status).toBe(whole.status);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.stderr).toBe(whole.stderr);
    });
  }
});

describe('a hand-made CSV with every kind of row', () => {
  it('skips the title, numbering (A B 1 2), group, subtotal, total, note and date rows, and takes sector and period from them', async () => {
    const a = await analyseFixtures(['workbooks/groups-sectors.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.rows.skipped.map((s) => `${s.row}:${s.reason}`)).toEqual([
      '1:title', '2:header', '3:numbering', '4:group', '7:subtotal', '8:group', '10:subtotal', '11:total', '12:note', '13:note',
    ]);
    expect(a.summary!.organizations.bySector).toEqual([{ sector: 'Khối doanh nghiệp', count: 2 }, { sector: 'Khối cơ quan', count: 1 }]);
    expect(a.summary!.periods).toEqual(['6 tháng đầu năm 2024']);
    expect(a.summary!.members.end).toBe(201);
  });
});

describe('group headings that carry their group\'s totals', () => {
  it('are groups, checked against the rows under them and never added ("II" | "CHI BỘ CƠ SỞ" | 51)', async () => {
    const a = await analyseFixtures(['workbooks/group-totals.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.rows.counted).toBe(4);
    expect(a.summary!.members.end).toBe(212);
    expect(a.summary!.organizations.byType).toEqual({ dang_bo_co_so: 2, chi_bo_co_so: 2, unknown: 0 });
    expect(a.rows.skipped.map((s) => `${s.row}:${s.reason}`)).toEqual(['1:header', '2:group', '5:group', '8:total']);
  });
});

describe('a committee with its cells listed under it', () => {
  it('rows that only look like cells (a blank STT, a stray dash) but do not add up to the committee are units of their own', async () => {
    const first = await analyseFixtures(['workbooks/units-stt-only-first.csv']);
    expect(first.diagnostics).toEqual([]);
    expect(first.summary!.organizations.total).toBe(5);
    expect(first.summary!.members.end).toBe(150);
    const dash = await analyseFixtures(['workbooks/units-stray-dash.csv']);
    expect(dash.diagnostics).toEqual([]);
    expect(dash.summary!.organizations.byType).toMatchObject({ dang_bo_co_so: 1, chi_bo_co_so: 3 });
    expect(dash.summary!.members.end).toBe(189);
  });
  it('"1 | Khối Doanh nghiệp | 205" over "1.1", "1.2" is a numbered section, not a committee with cells', async () => {
    const a = await analyseFixtures(['workbooks/numbered-sections.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.summary!.organizations.byType).toMatchObject({ dang_bo_co_so: 2, chi_bo_co_so: 3 });
    expect(a.summary!.organizations.ratings).toEqual({ HTXSNV: 1, HTTNV: 3, HTNV: 1, KHTNV: 0 });
    expect(a.summary!.members.end).toBe(255);
  });
  it('units named "Khối …" or "Đảng bộ Khối …" are units; only the bloc named in the title is a total line', async () => {
    const a = await analyseFixtures(['workbooks/units-named-khoi.csv']);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.summary!.organizations.total).toBe(5);
    expect(a.summary!.members.end).toBe(166);
  });
  for (const file of ['committee-cells-blank-stt.csv', 'committee-cells-indented.csv']) {
    it(`${file}: cells with no number under a numbered committee, "a) Chi bộ …", or indented, are its cells`, async () => {
      const a = await analyseFixtures([`workbooks/${file}`]);
      expect(a.diagnostics).toEqual([]);
      const s = a.summary!;
      expect(s.organizations.byType).toMatchObject({ dang_bo_co_so: 2, chi_bo_co_so: 1 });
      expect(s.organizations.subordinate).toMatchObject({ chi_bo_truc_thuoc: 5 });
      expect(s.members.end).toBe(214);
    });
  }
  it('a hidden unit is still counted, and a total that leaves it out says so (TL030 names the hidden rows)', async () => {
    const a = await analyseFixtures(['workbooks/committee-cells-hidden-unit.xlsx']);
    expect(a.summary!.organizations.byType).toMatchObject({ dang_bo_co_so: 2, chi_bo_co_so: 2 });
    expect(a.summary!.organizations.subordinate).toMatchObject({ chi_bo_truc_thuoc: 5 });
    expect(a.diagnostics.map((d) => [d.code, d.location.cell, d.args.hidden])).toEqual([['TL030', 'C14', 7]]);
    expect(cli(['check', 'fixtures/workbooks/committee-cells-hidden-unit.xlsx']).stdout).toContain('cộng các dòng được 129 (trong đó 7 ở các dòng bị ẩn, vẫn được tính)');
  });
  it('reads "1.1" and "- Chi bộ …" rows as the committee\'s cells: counted apart, not added, and the total row agrees', async () => {
    const a = await analyseFixtures(['workbooks/committee-cells.csv']);
    expect(a.diagnostics).toEqual([]);
    const s = a.summary!;
    expect(s.organizations.total).toBe(3);
    expect(s.organizations.byType).toMatchObject({ dang_bo_co_so: 2, chi_bo_co_so: 1 });
    expect(s.organizations.subordinate).toMatchObject({ chi_bo_truc_thuoc: 4 });
    expect(s.members).toMatchObject({ end: 102, admitted: 6 });
    expect(s.organizations.ratings).toEqual({ HTXSNV: 0, HTTNV: 3, HTNV: 0, KHTNV: 0 });
    expect(s.indicators).toEqual([{ name: 'Số cuộc học tập', total: 12 }]);
  });
});

describe('rows under the table that are not units', () => {
  it('"TOÀN ĐẢNG BỘ KHỐI" above all is the total; "A | KHỐI CƠ QUAN HÀNH CHÍNH | 100" heads its group with the group\'s totals', async () => {
    const a = await analyseFixtures(['workbooks/sector-lines-with-totals.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.rows.skipped.map((x) => `${x.row}:${x.reason}`)).toEqual(['1:header', '2:total', '3:group', '7:group']);
    expect(a.summary!.organizations.bySector).toEqual([{ sector: 'KHỐI CƠ QUAN HÀNH CHÍNH', count: 3 }, { sector: 'KHỐI DOANH NGHIỆP', count: 2 }]);
    expect(a.summary!.members).toMatchObject({ end: 190, admitted: 9 });
  });
  it('skips page numbers ("- 1 -", "Trang 2") and the header printed again on the next page', async () => {
    const a = await analyseFixtures(['workbooks/page-breaks.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.rows.skipped.map((x) => `${x.row}:${x.reason}`)).toEqual(['1:title', '2:header', '13:page', '24:page', '25:repeated-header', '46:total']);
    expect(a.summary!.organizations.total).toBe(40);
    expect(a.summary!.members.end).toBe(1317);
  });
  it('skips a two-row merged header repeated on each page of a long sheet whose table starts on row 35 (LibreOffice)', async () => {
    const a = await analyseFixtures(['workbooks/repeated-header.xlsx']);
    expect(a.diagnostics).toEqual([]);
    expect(a.rows.skipped.filter((x) => x.reason !== 'title').map((x) => `${x.row}:${x.reason}`)).toEqual([
      '35:header', '36:header', '37:numbering', '63:repeated-header', '64:repeated-header', '90:repeated-header', '91:repeated-header', '102:total',
    ]);
    const s = a.summary!;
    expect(s.organizations.total).toBe(60);
    expect(s.organizations.bySector).toEqual([]);
    expect(s.members.end).toBe(3627);
    expect(s.memberRatings.ratings).toEqual({ HTXSNV: 577, HTTNV: 2867, HTNV: 120, KHTNV: 3 });
    expect(s.organizations.ratings).toEqual({ HTXSNV: 9, HTTNV: 41, HTNV: 10, KHTNV: 0 });
  });
  it('reads the bloc\'s own line ("Đảng bộ Khối Các cơ quan tỉnh | 215 | 8") as its total, checked and not added', async () => {
    const a = await analyseFixtures(['workbooks/bloc-total-row.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.rows.skipped.map((x) => [x.row, x.reason])).toEqual([[1, 'title'], [2, 'title'], [3, 'title'], [4, 'header'], [5, 'total']]);
    expect(a.summary!.organizations.total).toBe(4);
    expect(a.summary!.members).toMatchObject({ end: 215, admitted: 8 });
  });
  it('skips "So với cùng kỳ năm 2022" and "Tỷ lệ tăng (%)" under the total as comparisons', async () => {
    const a = await analyseFixtures(['workbooks/comparison-row.csv']);
    expect(a.diagnostics).toEqual([]);
    expect(a.rows.counted).toBe(2);
    expect(a.rows.skipped.map((x) => [x.row, x.reason])).toEqual([[1, 'header'], [4, 'total'], [5, 'comparison'], [6, 'comparison']]);
    expect(a.summary!.members).toMatchObject({ end: 150, admitted: 16 });
  });
  it('an empty template: its signature block is not a unit, and TL005 says there are no data rows', async () => {
    const a = await analyseFixtures(['rules/no-data-rows.csv']);
    expect(a.diagnostics.map((d) => [d.code, d.location.row])).toEqual([['TL005', 2]]);
    expect(a.rows.skipped.map((x) => x.reason)).toEqual(['title', 'header', 'note', 'note']);
  });
});

describe('workbooks a bloc receives (LibreOffice, fixtures/workbooks/lo, sources in fixtures/src/workbooks)', () => {
  const CASES: [file: string, codes: string[], want: { orgs: number; dbcs: number; start: number; end: number; admitted: number; resigned?: number }][] = [
    // "Tổng hợp" of pasted figures, one row per sector, 5 more members than the sheets: checked (TL032), not added.
    ['totals-sheet-pasted-disagrees.xlsx', ['TL032'], { orgs: 12, dbcs: 3, start: 431, end: 443, admitted: 26 }],
    // A "Hướng dẫn" sheet with a sample row: not a unit.
    ['instructions-sheet-example.xlsx', [], { orgs: 14, dbcs: 4, start: 543, end: 548, admitted: 27 }],
    // Two small tables under "Tổng cộng" (by type, by rating): not units.
    ['second-tables-below.xlsx', [], { orgs: 9, dbcs: 3, start: 440, end: 433, admitted: 9 }],
    // The title and header printed again for page 2.
    ['title-repeated-midtable.xlsx', [], { orgs: 14, dbcs: 4, start: 543, end: 548, admitted: 27 }],
    // Three merged header rows, Biến động › Tăng | Giảm › … "Xin ra".
    ['official-three-row-header.xlsx', [], { orgs: 10, dbcs: 4, start: 539, end: 541, admitted: 18, resigned: 2 }],
    // Numbers as text, a date for the year, % cells, #DIV/0! in a percentage, "Tỷ lệ kết nạp" of the start; the
    // "Tổng cộng" that LibreOffice's SUM of text numbers left short is reported (TL030).
    ['text-numbers-percent-cells.xlsx', ['TL030'], { orgs: 9, dbcs: 3, start: 479, end: 490, admitted: 20 }],
    // A hidden VLOOKUP column with #N/A: noted, not an error.
    ['hidden-helper-column-na.xlsx', [], { orgs: 9, dbcs: 3, start: 477, end: 493, admitted: 24 }],
    // Headers with line breaks and non-breaking spaces, under a title merged across all but the last column.
    ['title-nearly-across.xlsx', [], { orgs: 9, dbcs: 3, start: 435, end: 452, admitted: 16 }],
  ];
  for (const [file, codes, want] of CASES) {
    it(file, async () => {
      const a = await analyseFixtures([`workbooks/lo/${file}`]);
      expect([...new Set(a.diagnostics.map((d) => d.code))]).toEqual(codes);
      const s = a.summary!;
      expect(s.organizations.total).toBe(want.orgs);
      expect(s.organizations.byType.dang_bo_co_so).toBe(want.dbcs);
      expect(s.members).toMatchObject({ start: want.start, end: want.end, admitted: want.admitted, ...(want.resigned !== undefined ? { resigned: want.resigned } : {}) });
      // Every one of these says its period in its title.
      expect(s.periods).toEqual(['2023']);
    });
  }
});

