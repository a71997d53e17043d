/**
 * tally's own XLSX reader against exceljs (the way tally read workbooks before, test/exceljs-oracle.ts): every
 * .xlsx of fixtures/ (LibreOffice-made, exceljs-made, Excel-made and hand-made ones) and a corpus of tricky
 * workbooks written here, read by both, must give the same sheet names and states, cells, merges, hidden rows and
 * hidden columns. Where exceljs is wrong the test says so and asserts tally's reading instead.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../src/read/detect.js';
import type { CellValue, RawSheet } from '../src/read/types.js';
import { openBook, readXlsx } from '../src/read/xlsx.js';
import { streamXlsx } from '../src/read/xlsx-stream.js';
import { loadOracle, oracleRead, originalParseSax } from './exceljs-oracle.js';
import { ROOT } from './helpers.js';
import { makeZip, type Part } from './zip.js';

/** Files exceljs cannot read at all, and why; tally's reading of them is tested elsewhere (see each). */
const NOT_READ_BY_EXCELJS: Record<string, string> = {
  // Its table part is named and absent: exceljs throws, tally refuses it as corrupt (zip-parts.test.ts).
  'round2-more/abs-rels/missing-table-part.xlsx': 'missing table part',
  // styles.xml is not well formed: tally reads without it and warns (TL006, hostile-xlsx.test.ts).
  'hostile/damaged-styles.xlsx': 'damaged styles.xml',
};

function xlsxFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) for (const f of xlsxFiles(join(dir, e.name), `${prefix}${e.name}/`)) out.push(f);
    else if (e.name.endsWith('.xlsx')) out.push(`${prefix}${e.name}`);
  }
  return out.sort();
}

/** A cell as compared: dates by their time, NaN as a word. */
function cellKey(v: CellValue | undefined): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return { date: v.getTime() };
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return v;
}

/**
 * A sheet as both readers must agree on it: trailing empty cells and rows left off (exceljs keeps a styled empty
 * cell's place), hidden rows where there are values, hidden columns within the widest row (exceljs knows no others).
 */
function shape(sheet: RawSheet): unknown {
  const rows = sheet.rows.map((row) => {
    const cells = row.map(cellKey);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    rows,
    merges: [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    hiddenRows: [...sheet.hiddenRows].filter((r) => (rows[r]?.length ?? 0) > 0).sort((a, b) => a - b),
    hiddenColumns: [...sheet.hiddenColumns].filter((c) => c < width).sort((a, b) => a - b),
  };
}

/** Both readings of a workbook: names and states of all sheets, and the visible sheets' contents. */
async function both(bytes: Buffer): Promise<{ ours: unknown; theirs: unknown }> {
  const entries = zipEntries(bytes);
  if (!entries) throw new Error('not a zip');
  const book = await openBook(bytes, entries, 'x.xlsx');
  const { sheets } = await readXlsx(bytes, 'x.xlsx', entries);
  const oracle = await oracleRead(bytes, entries);
  return {
    ours: { sheets: book.map.sheets.map((s) => [s.name, s.hidden]), contents: sheets.map((s) => [s.sheet, shape(s)]) },
    theirs: {
      sheets: oracle.map((s) => [s.name, s.state === 'hidden' || s.state === 'veryHidden']),
      contents: oracle.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden').map((s) => [s.name, shape(s.sheet)]),
    },
  };
}

/** The rows of every visible sheet, streamed, as `shape` shows them (the merged copies are kept when streamed). */
async function streamedRows(bytes: Buffer): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const s of streamXlsx(bytes, zipEntries(bytes) ?? [], 'x.xlsx')) {
    const rows: CellValue[][] = [];
    for await (const batch of s.rows) for (const r of batch) rows.push(r);
    if (!s.hidden) out.push([s.name, (shape({ file: '', sheet: s.name, rows, merges: s.merges, hiddenRows: s.hiddenRows, hiddenColumns: s.hiddenColumns }) as { rows: unknown }).rows]);
  }
  return out;
}

describe('every .xlsx fixture reads the same with tally\'s reader and with exceljs', () => {
  const files = xlsxFiles(join(ROOT, 'fixtures')).filter((f) => zipEntries(readFileSync(join(ROOT, 'fixtures', f)))?.some((e) => e.name === 'xl/workbook.xml'));
  it('finds the workbooks', () => expect(files.length).toBeGreaterThan(60));
  for (const f of files) {
    if (NOT_READ_BY_EXCELJS[f]) continue;
    it(f, async () => {
      const { ours, theirs } = await both(readFileSync(join(ROOT, 'fixtures', f)));
      expect(ours).toEqual(theirs);
    });
  }
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A hand-made workbook: its sheets' XML by name (and state), shared strings and styles, parts in the order given. */
function handMade(sheets: { name: string; xml: string; state?: string; part?: string }[], extra: { strings?: string; styles?: string; absolute?: boolean; reverse?: boolean; date1904?: boolean } = {}): Buffer {
  const target = (p: string): string => (extra.absolute ? `/xl/${p}` : p);
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(s.part ?? `worksheets/sheet${i + 1}.xml`)}"/>`);
  if (extra.strings) rels.push(`<Relationship Id="rS" Type="${REL}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`);
  if (extra.styles) rels.push(`<Relationship Id="rT" Type="${REL}/styles" Target="${target('styles.xml')}"/>`);
  const parts: Part[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>' },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook ${NS}>${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    ...sheets.map((s, i) => ({ name: `xl/${s.part ?? `worksheets/sheet${i + 1}.xml`}`, data: `<?xml version="1.0"?><worksheet ${NS}>${s.xml}</worksheet>` })),
  ];
  if (extra.strings) parts.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst ${NS}>${extra.strings}</sst>` });
  if (extra.styles) parts.push({ name: 'xl/styles.xml', data: `<?xml version="1.0"?><styleSheet ${NS}>${extra.styles}</styleSheet>` });
  return makeZip(extra.reverse ? parts.reverse() : parts);
}

const STYLES = '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[Red]#,##0&quot;đ&quot;"/></numFmts>'
  + '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs>';

/** Workbooks made by hand, each with something a reader can get wrong. */
const HAND_MADE: Record<string, () => Buffer> = {
  'shared strings with rich runs, phonetic runs, xml:space, entities and _x000D_': () => handMade([{ name: 'A &amp; B', xml:
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row></sheetData>' }], {
    strings: '<si><t xml:space="preserve">  Chi bộ &amp; Đảng  </t></si><si><r><rPr><b/></rPr><t>Đảng bộ </t></r><r><t>c&#x01A1; s&#7903;</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>'
      + '<si><t>dòng 1_x000D_\ndòng 2</t></si><si><t>&lt;b&gt; &quot;x&quot; &apos;y&apos;</t><rPh><t>no</t></rPh></si><si><t/></si>',
  }),
  'parts in reverse order, absolute targets': () => handMade([{ name: 'Báo cáo', xml:
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tên</t></is></c><c r="B1"><v>12.5</v></c></row></sheetData>' }, { name: 'Ẩn', state: 'veryHidden', xml: '<sheetData/>' }], { absolute: true, reverse: true }),
  'rows and cells without r, after ones with r': () => handMade([{ name: 'S', xml:
    '<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row></sheetData>' }]),
  // A cached 0 before any other result is a 0 only when read whole (streamed, it is not known yet: FormulaStats).
  'formulas: cached numbers (0 too), strings, booleans, errors, shared formulas': () => handMade([{ name: 'F', xml:
    '<sheetData><row r="1"><c r="B1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="C1" t="b"><f>TRUE()</f><v>1</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1"><f>1-1</f><v>0</v></c></row>'
      + '<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2*2</f><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row><row r="4"><c r="A4"><f t="shared" si="0"/><v>8</v></c></row>'
      + '<row r="5"><c r="A5" t="b"><v>0</v></c><c r="B5" t="e"><v>#N/A</v></c><c r="C5"><v>-1.5E-3</v></c></row></sheetData>' }]),
  'formulas whose every cached result is 0 (saved by LibreOffice without computing them): not computed': () => handMade([{ name: 'F', xml:
    '<sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1-A1</f><v>0</v></c><c r="C1" t="b"><f>A1=0</f><v>0</v></c></row><row r="2"><c r="B2"><f>SUM(B1)</f><v>0</v></c></row></sheetData>' }]),
  'dates by built-in and custom formats, percents and currency formats stay numbers': () => handMade([{ name: 'D', xml:
    '<sheetData><row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000.5</v></c><c r="C1" s="3"><v>0.25</v></c><c r="D1" s="4"><v>1000</v></c><c r="E1" s="5"><v>1</v></c><c r="F1" s="2"><f>A1+1</f><v>45001</v></c></row></sheetData>' }], { styles: STYLES }),
  'the 1904 date system': () => handMade([{ name: 'D', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData>' }], { styles: STYLES, date1904: true }),
  // Read from the bytes of `<v>` where they are plain digits (xlsx-bytes.ts), from the text otherwise.
  'numbers and shared-string indexes in every form, cells typed "n", dates from the bytes': () => handMade([{ name: 'N', xml:
    '<sheetData><row r="1">' + ['1e5', ' 12', '007', '-0', '1.', '.5', '-.25', '12345678901234567', '0.1', '3.14159265358979', '123456789012345', '-999999999999999', '0.000000000000001', '1.2.3', '12abc', '-', '4\r\n']
      .map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join('') + '<c r="T1" t="n"><v>2.5</v></c><c r="U1" s="1"><v>45000</v></c></row>'
      + '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>01</v></c><c r="C2" t="s"><v> 0</v></c><c r="D2" t="s"><v>1.0</v></c><c r="G2"><v></v></c><c r="H2"/></row></sheetData>' }],
  { strings: '<si><t>không</t></si><si><t>một</t></si>', styles: STYLES }),
  'cells in a row out of order, merges in the data zone (the value in their top row only)': () => handMade([{ name: 'O', xml:
    '<sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2"><v>2</v></c><c><v>20</v></c></row>'
      + '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>30</v></c></row><row r="4"><c r="B4"><v>40</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A3:A4"/><mergeCell ref="B2:B2"/></mergeCells>' }]),
  'merges, hidden rows and columns, a hidden sheet, inline rich text': () => handMade([
    { name: 'Ẩn', state: 'hidden', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
    { name: 'M', xml: '<cols><col min="2" max="3" width="0" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>Tổng </t></r><r><rPr><b/></rPr><t>số</t></r></is></c><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c><c r="D1"><v>3</v></c></row>'
      + '<row r="2" hidden="1"><c r="A2"><v>4</v></c></row><row r="3" hidden="true"><c r="A3"><v>5</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="2"><mergeCell ref="A5:B6"/><mergeCell ref="C2:D3"/></mergeCells>' },
  ]),
};

describe('hand-made workbooks with what a reader can get wrong read the same with tally\'s reader and with exceljs', () => {
  for (const [what, make] of Object.entries(HAND_MADE)) {
    it(what, async () => {
      const bytes = make();
      const { ours, theirs } = await both(bytes);
      expect(ours).toEqual(theirs);
      // Streamed, the same rows (merged copies are kept, but these hold none).
      expect(await streamedRows(bytes)).toEqual((ours as { contents: [string, { rows: unknown }][] }).contents.map(([n, s]) => [n, s.rows]));
    });
  }
  it('reads what it should, not only what exceljs reads (spot checks)', async () => {
    const bytes = HAND_MADE['shared strings with rich runs, phonetic runs, xml:space, entities and _x000D_']!();
    const { sheets } = await readXlsx(bytes, 'x.xlsx', zipEntries(bytes)!);
    expect(sheets[0]?.sheet).toBe('A & B');
    expect(sheets[0]?.rows[0]).toEqual(['  Chi bộ & Đảng  ', 'Đảng bộ cơ sở', 'dòng 1\r\ndòng 2', '<b> "x" \'y\'', '']);
  });
});

describe('where exceljs is wrong', () => {
  it('a sheet whose part is not named sheetN.xml is read; exceljs loses it', async () => {
    const bytes = handMade([{ name: 'Báo cáo', part: 'worksheets/data.xml', xml: '<sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>' }]);
    const { sheets } = await readXlsx(bytes, 'x.xlsx', zipEntries(bytes)!);
    expect(sheets.map((s) => [s.sheet, s.rows])).toEqual([['Báo cáo', [[7]]]]);
    expect((await oracleRead(bytes, zipEntries(bytes)!)).map((s) => s.name)).toEqual([]);
  });
  it('exceljs 4.4 turns a Vietnamese letter cut at a 16 KB chunk boundary into "�"; tally\'s reader does not', async () => {
    const bytes = readFileSync(join(ROOT, 'fixtures/workbooks/inline-strings.xlsx'));
    const entries = zipEntries(bytes)!;
    const { inflateRawSync } = await import('node:zlib');
    const e = entries.find((x) => x.name === 'xl/worksheets/sheet1.xml')!;
    const start = e.localOffset + 30 + bytes.readUInt16LE(e.localOffset + 26) + bytes.readUInt16LE(e.localOffset + 28);
    const xml = inflateRawSync(bytes.subarray(start, start + e.compressedSize));
    // Chunks of about 16 KB, each cut just after the first byte of a letter of two or three bytes.
    async function* chunks(): AsyncGenerator<Buffer> {
      let at = 0;
      while (at < xml.length) {
        let end = Math.min(xml.length, at + 16 * 1024);
        while (end < xml.length && (xml[end - 1] ?? 0) < 0xc2) end++;
        yield xml.subarray(at, end);
        at = end;
      }
    }
    let texts = '';
    for await (const events of originalParseSax(chunks())) for (const ev of events) if (ev.eventType === 'text') texts += String(ev.value);
    expect(texts).toContain('\ufffd');
    const { sheets } = await readXlsx(bytes, 'x.xlsx', entries);
    expect(JSON.stringify(sheets[0]?.rows)).not.toContain('\ufffd');
  });
  it('a cell of type "d" (an ISO date, strict Open XML) is a date; exceljs reads parseFloat("2024-05-01") = 2024', async () => {
    const bytes = handMade([{ name: 'D', xml: '<sheetData><row r="1"><c r="A1" t="d"><v>2024-05-01T00:00:00Z</v></c></row></sheetData>' }]);
    const { sheets } = await readXlsx(bytes, 'x.xlsx', zipEntries(bytes)!);
    expect(sheets[0]?.rows[0]?.[0]).toEqual(new Date('2024-05-01T00:00:00Z'));
    const oracle = await oracleRead(bytes, zipEntries(bytes)!);
    expect(oracle[0]?.sheet.rows[0]?.[0]).toBe(2024);
  });
  it('a formula string result with an entity is decoded once; exceljs decodes it twice ("&amp;lt;" becomes "<")', async () => {
    const bytes = handMade([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c></row></sheetData>' }]);
    const { sheets } = await readXlsx(bytes, 'x.xlsx', zipEntries(bytes)!);
    expect(sheets[0]?.rows[0]?.[0]).toBe('&lt;');
    const oracle = await oracleRead(bytes, zipEntries(bytes)!);
    expect(oracle[0]?.sheet.rows[0]?.[0]).toBe('<');
  });
});

describe('workbooks written by exceljs read back the same', () => {
  it('values of every kind, merges, hidden rows and columns, sheet states, 1904 dates', async () => {
    const ExcelJS = await loadOracle();
    for (const date1904 of [false, true]) {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('Báo cáo & tổng hợp');
      ws.addRow(['Tên tổ chức', 'Số', 'Ngày', 'Tỉ lệ', 'Đúng', 'Công thức', 'Lỗi']);
      ws.addRow(['Chi bộ <A> "1"', 12, new Date(Date.UTC(2024, 4, 1)), 0.125, true, { formula: 'B2*2', result: 24 }, { error: '#REF!' }]);
      ws.addRow([{ richText: [{ text: 'Đảng bộ ' }, { text: 'cơ sở', font: { bold: true } }] }, -3.5, null, null, false, { formula: 'B3*2', result: 0 }, { formula: '1/0', result: { error: '#DIV/0!' } }]);
      ws.addRow([' lề trái', 1e21, 'dòng 1\r\ndòng 2']);
      ws.getCell('C2').numFmt = 'dd/mm/yyyy';
      ws.getCell('D2').numFmt = '0.0%';
      ws.mergeCells('A5:B6');
      ws.getCell('A5').value = 'gộp';
      ws.getRow(3).hidden = true;
      ws.getColumn(4).hidden = true;
      wb.addWorksheet('ẩn', { state: 'hidden' }).addRow([1]);
      wb.addWorksheet('rất ẩn', { state: 'veryHidden' }).addRow([2]);
      wb.addWorksheet('Trống');
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const { ours, theirs } = await both(bytes);
      expect(ours).toEqual(theirs);
    }
  });
});

describe('the byte scan for merges before a sheet is streamed', () => {
  it('finds every merge and counts every row however the XML is cut into pieces', async () => {
    const { mergesIn } = await import('../src/read/xlsx-stream.js');
    const xml = Buffer.from('<worksheet><sheetData>' + Array.from({ length: 40 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')
      + '<row/><rowBreaks/></sheetData><mergeCells count="3"><mergeCell ref="A1:B2"/><x:mergeCell ref="C3:D4"/><mergeCell  ref = "$E$5:$F$9" /></mergeCells></worksheet>');
    const expected = [{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 2, left: 2, bottom: 3, right: 3 }, { top: 4, left: 4, bottom: 8, right: 5 }];
    for (const size of [1, 3, 7, 8, 9, 10, 13, 64, xml.length]) {
      let rows = 0;
      async function* pieces(): AsyncGenerator<Buffer> {
        for (let at = 0; at < xml.length; at += size) yield xml.subarray(at, at + size);
      }
      expect(await mergesIn(pieces(), (n) => (rows = n))).toEqual(expected);
      expect(rows).toBe(41);
    }
  });
});

describe('the sheet scanner', () => {
  it('reads the same rows however the XML is cut into pieces (tags, entities, comments and CDATA cut in two)', async () => {
    const { SheetScanner } = await import('../src/read/xlsx-sheet.js');
    const { Budget } = await import('../src/read/xlsx-limits.js');
    const xml = '<?xml version="1.0"?><worksheet><!-- a comment with <row> in it --><cols><col min="2" max="2" hidden="1"/></cols><sheetData>'
      + '<row r="1" hidden="1"><c r="A1" t="inlineStr"><is><t>Đảng bộ &amp; chi bộ &#x1EA1;</t></is></c><c r="B1"><v>1.5</v></c></row>'
      + '<row r="3"><c r="A3" t="str"><f>"a"</f><v><![CDATA[x < y & z]]></v></c><c t="b"><v>1</v></c></row></sheetData>'
      + '<mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>';
    const bytes = Buffer.from(xml);
    const read = (size: number, asBytes = false): unknown => {
      const rows: [number, unknown[]][] = [];
      const scanner = new SheetScanner({ strings: [], dateStyles: [], date1904: false, stats: { withResult: 0 }, budget: new Budget('x', 1, { rows: 100 }), part: 'p' }, (i, cells) => rows.push([i, cells]));
      if (asBytes) {
        // Cut anywhere, in a character too: the bytes as they inflate.
        for (let at = 0; at < bytes.length; at += size) scanner.pushBytes(bytes.subarray(at, at + size));
        scanner.endBytes();
      } else for (let at = 0; at < xml.length; at += size) scanner.push(xml.slice(at, at + size));
      scanner.finish();
      return { rows, merges: scanner.merges, hiddenRows: [...scanner.hiddenRows], hiddenColumns: [...scanner.hiddenColumns] };
    };
    const whole = read(xml.length);
    expect(whole).toEqual({
      rows: [[0, ['Đảng bộ & chi bộ ạ', 1.5]], [2, ['x < y & z', true]]],
      merges: [{ top: 0, left: 0, bottom: 1, right: 0 }], hiddenRows: [0], hiddenColumns: [1],
    });
    for (const size of [1, 2, 3, 5, 8, 13, 100]) expect(read(size)).toEqual(whole);
    for (const size of [1, 2, 3, 4, 5, 7, 8, 13, 31, 32, 33, 100, bytes.length]) expect(read(size, true)).toEqual(whole);
  });
});

describe('exceljs is not loaded to read', () => {
  it('a run of the built CLI over workbooks (loaded whole and streamed) never loads exceljs (it costs ~200 ms)', () => {
    const script = `const { createRequire } = await import('node:module');
const { main } = await import(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))});
process.argv = [process.argv[0], 'tally', 'fixtures/khoi-2020-official.xlsx', 'fixtures/workbooks/multi-sheet.xlsx', '--format', 'json'];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
const code = await main(process);
process.stdout.write = write;
const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/exceljs/'));
console.log(JSON.stringify({ code, loaded }));`;
    for (const stream of ['', '0']) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TALLY_WORKERS: '0', TALLY_STREAM_XLSX_BYTES: stream } });
      expect(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}')).toEqual({ code: expect.any(Number), loaded: false });
    }
  });
});

describe('damaged parts tally needs', () => {
  it('a workbook.xml that is not well formed, or a sheet that does not inflate, is corrupt, said in words', async () => {
    const { TallyError } = await import('../src/read/errors.js');
    const good = handMade([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }]);
    const entries = zipEntries(good)!;
    // The same workbook with its parts rewritten: "</sheets>" misspelt in workbook.xml.
    const { inflateRawSync } = await import('node:zlib');
    const parts: Part[] = [];
    for (const e of entries) {
      const start = e.localOffset + 30 + good.readUInt16LE(e.localOffset + 26) + good.readUInt16LE(e.localOffset + 28);
      const data = inflateRawSync(good.subarray(start, start + e.compressedSize));
      parts.push({ name: e.name, data: e.name === 'xl/workbook.xml' ? data.toString().replace('</sheets>', '</sheetz>') : data });
    }
    const broken = makeZip(parts);
    const err = await readXlsx(broken, 'x.xlsx', zipEntries(broken)!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TallyError);
    expect(err).toMatchObject({ code: 'corrupt', args: { detail: 'một phần của bảng tính không đọc được / a part of the workbook could not be read' } });
    const cut = makeZip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, deflated: Buffer.from([0xff, 0xff, 0xff]), size: 100 } : p)));
    for (const stream of [false, true]) {
      const e2 = await (async () => {
        if (!stream) return readXlsx(cut, 'x.xlsx', zipEntries(cut)!);
        for await (const s of streamXlsx(cut, zipEntries(cut)!, 'x.xlsx')) for await (const r of s.rows) void r;
        return undefined;
      })().catch((e: unknown) => e);
      expect(e2).toMatchObject({ code: 'corrupt' });
    }
  });
});
