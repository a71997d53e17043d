import type { CellValue as ExcelValue, Workbook, Worksheet } from 'exceljs';
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type { ZipEntry } from './detect.js';
import { TallyError } from './errors.js';
import { takeDroppedParts, tolerateUnneededParts } from './xlsx-parts.js';
import { absoluteRels, rezip } from './zip-parts.js';
import type { CellValue, MergeRange, RawSheet } from './types.js';

/** A sheet that was not read, and why: for verbose output. */
export interface SheetNote {
  readonly sheet: string;
  readonly note: string;
}

type ExcelJs = typeof import('exceljs');
let excel: Promise<ExcelJs> | undefined;
/** exceljs costs ~200 ms to load: only pay for it when a workbook is actually read or written. */
export function loadExcel(): Promise<ExcelJs> {
  if (!excel) {
    try {
      fixMultibyteSplit();
      tolerateUnneededParts();
    } catch {
      // A future exceljs laid out differently: read with its own reader rather than not at all.
    }
    // exceljs is CommonJS: under ESM its API is the default export.
    excel = import('exceljs').then((mod) => (mod as unknown as { default?: ExcelJs }).default ?? mod);
  }
  return excel;
}

/**
 * exceljs 4.4 turns each 16 KB chunk of sheet XML into a string on its own, so a Vietnamese letter (two or
 * three bytes in UTF-8) cut at a chunk boundary becomes "�": "Đảng bộ c�� sở" in one row of a few hundred
 * (exceljs issues #2063, #2084, #2316, still open). Its XML reader is swapped, before exceljs loads, for the same
 * reader with a StringDecoder that carries a cut character over to the next chunk.
 */
function fixMultibyteSplit(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve('exceljs/lib/utils/parse-sax.js');
  const original = require(path) as unknown;
  const cached = require.cache[path];
  if (!cached || typeof original !== 'function') return;
  // saxes as exceljs itself resolves it.
  const { SaxesParser } = createRequire(path)('saxes') as { SaxesParser: new () => SaxParser };
  cached.exports = async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<unknown[]> {
    const parser = new SaxesParser();
    const decoder = new StringDecoder('utf8');
    let error: unknown;
    parser.on('error', (err) => {
      error = err;
    });
    let events: unknown[] = [];
    const place = new Positions();
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value: place.fill(value as Tag) }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk)));
      if (error) throw asError(error);
      yield events;
      events = [];
    }
    const rest = decoder.end();
    if (rest) parser.write(rest);
    if (error) throw asError(error);
    if (events.length > 0) yield events;
  };
}

interface Tag {
  readonly name: string;
  readonly attributes: Record<string, string | undefined>;
}

/**
 * `r` is optional on rows and cells in OOXML (ECMA-376 §18.3.1.73 and .4): a row without one follows the row
 * before it, a cell without one the cell before it. Some generators leave it out, and exceljs crashes on such
 * cells (col-cache decodeAddress) or numbers such rows NaN: the positions are written into the tags before
 * exceljs sees them, from their order.
 */
class Positions {
  private row = 0;
  private col = 0;

  fill(tag: Tag): Tag {
    if (tag.name === 'sheetData') this.row = 0;
    else if (tag.name === 'row') {
      const r = Number(tag.attributes.r);
      this.row = Number.isInteger(r) && r > 0 ? r : this.row + 1;
      tag.attributes.r = String(this.row);
      this.col = 0;
    } else if (tag.name === 'c') {
      const ref = tag.attributes.r === undefined ? undefined : /^([A-Z]{1,3})\d*$/.exec(tag.attributes.r);
      if (ref?.[1]) {
        let col = 0;
        for (const ch of ref[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
        this.col = col;
      } else {
        this.col++;
        tag.attributes.r = `${letters(this.col)}${Math.max(1, this.row)}`;
      }
    }
    return tag;
  }
}

function letters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** What the XML parser reported, as an Error (it reports whatever it was given). */
function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

interface SaxParser {
  on(event: string, listener: (value: unknown) => void): void;
  write(text: string): void;
}

/**
 * How many formulas of a workbook came with a cached result. exceljs gives no result for a formula whose cached
 * value is 0 (`<v>0</v>`), the same as for one saved with none: in a workbook where other formulas have results,
 * a formula without one is a 0; in one where none has, the results were never computed (TL019).
 */
export interface FormulaStats {
  withResult: number;
}

/** The marker of a formula with no cached result: its text, as an error value starting with "=". */
export function isNoResult(value: CellValue): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && value.error.startsWith('=');
}

/** An exceljs cell value as tally's: formulas by their cached result, rich text as its text. */
export function plainValue(value: ExcelValue, stats?: FormulaStats): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  // Formulas, shared formulas and array formulas: the cached result is what the user saw.
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelValue }).result;
    // No result: a 0 where the workbook's other formulas have results (see FormulaStats), else kept as its formula
    // so that a count there is said to need computing (TL019), not to be missing.
    if (result === undefined) {
      if (stats && stats.withResult > 0) return 0;
      const f = (value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula;
      return { error: `=${f ?? ''}` };
    }
    if (stats) stats.withResult++;
    return plainValue(result);
  }
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) return plainValue(text as ExcelValue);
  }
  return null;
}

/**
 * Parts of a sheet tally never uses. A data validation or conditional format over whole columns ("A:A") makes
 * exceljs expand a million cells each: measured 1,4 s and 240 MB for two such columns on a 5-row sheet.
 */
const LOAD_OPTIONS = {
  ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'drawing', 'picture', 'pageSetup', 'headerFooter', 'rowBreaks', 'printOptions', 'pageMargins', 'autoFilter', 'legacyDrawing'],
} as unknown as Parameters<Workbook['xlsx']['load']>[1];

interface Dimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function sheetOf(ws: Worksheet, file: string, stats: FormulaStats): RawSheet {
  const rows: CellValue[][] = [];
  const hiddenRows = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged cell's copies carry the master's value in exceljs: keep only the master's, as the file does.
      if (cell.isMerged && cell.master !== cell) return;
      cells[col - 1] = plainValue(cell.value, stats);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
    if (row.hidden) hiddenRows.add(rowNumber - 1);
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  const merges: MergeRange[] = [];
  const internal = (ws as unknown as { _merges?: Record<string, { model?: Dimensions } & Partial<Dimensions>> })._merges ?? {};
  for (const m of Object.values(internal)) {
    const d = m.model ?? m;
    if (d.top === undefined || d.left === undefined || d.bottom === undefined || d.right === undefined) continue;
    merges.push({ top: d.top - 1, left: d.left - 1, bottom: d.bottom - 1, right: d.right - 1 });
  }
  const hiddenColumns = new Set<number>();
  const count = ws.columnCount;
  for (let c = 1; c <= count; c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c - 1);
  return { file, sheet: ws.name, rows, merges, hiddenRows, hiddenColumns };
}

/**
 * What a reading library's failure says about the file, for the message. Its own words about the zip ("End of data
 * reached", "Corrupted zip") are kept; a JavaScript error inside the library ("Cannot read properties of
 * undefined") says nothing to a clerk and becomes a plain sentence.
 */
export function libraryDetail(err: unknown): string {
  if (!(err instanceof Error) || err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError) {
    return 'một phần của bảng tính không đọc được / a part of the workbook could not be read';
  }
  return err.message.split('\n')[0]?.slice(0, 120) ?? 'unknown';
}

/** Read every visible worksheet of an .xlsx; hidden ones are noted, not read. */
export async function readXlsx(bytes: Uint8Array, file: string, entries: readonly ZipEntry[] = []): Promise<{ sheets: RawSheet[]; notes: SheetNote[]; dropped: string[] }> {
  const ExcelJS = await loadExcel();
  const workbook: Workbook = new ExcelJS.Workbook();
  takeDroppedParts();
  // Absolute relationship targets ("/xl/tables/table1.xml", as scripts write them) are made relative first: exceljs
  // cannot follow them (zip-parts.ts).
  const absolute = absoluteRels(bytes, entries);
  const zip = absolute.size > 0 ? Buffer.concat(rezip(bytes, entries, { replace: absolute })) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    await workbook.xlsx.load(zip as unknown as ArrayBuffer, LOAD_OPTIONS);
  } catch (err) {
    takeDroppedParts();
    throw new TallyError('corrupt', { file, detail: libraryDetail(err) });
  }
  const sheets: RawSheet[] = [];
  const notes: SheetNote[] = [];
  const stats: FormulaStats = { withResult: 0 };
  for (const ws of workbook.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') {
      notes.push({ sheet: ws.name, note: 'trang bị ẩn, không đọc / hidden sheet, not read' });
      continue;
    }
    sheets.push(sheetOf(ws, file, stats));
  }
  // Formulas met before the first one with a result were kept as "no result": in a computed workbook they are 0s.
  if (stats.withResult > 0) {
    for (const sheet of sheets) {
      for (const row of sheet.rows as CellValue[][]) for (let c = 0; c < row.length; c++) if (isNoResult(row[c] ?? null)) row[c] = 0;
    }
  }
  return { sheets, notes, dropped: takeDroppedParts() };
}
