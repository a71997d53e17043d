/**
 * The test oracle of the XLSX reader: the way tally read workbooks before it had its own reader (exceljs loading
 * the whole workbook), kept here only to be compared with (test/xlsx-differential.test.ts).
 *
 * Two things are mended in exceljs before it reads, as tally did when it read with it:
 * - cells and rows without `r` (valid OOXML) crash its reader: their positions are written into the tags first;
 * - with `decoder: true`, each 16 KB chunk of sheet XML is decoded with a StringDecoder: exceljs 4.4 decodes each on
 *   its own and turns a Vietnamese letter cut at a chunk boundary into "�" (exceljs issues #2063, #2084, #2316).
 *   With `decoder: false` that bug is left in, to show it.
 */
import type { CellValue as ExcelValue, Workbook, Worksheet } from 'exceljs';
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type { ZipEntry } from '../src/read/detect.js';
import type { CellValue, MergeRange, RawSheet } from '../src/read/types.js';
import { absoluteRels, rezip } from './zip-parts.js';

type ExcelJs = typeof import('exceljs');
interface Tag { readonly name: string; readonly attributes: Record<string, string | undefined> }
interface SaxParser { on(event: string, listener: (value: unknown) => void): void; write(text: string): void }

const require = createRequire(import.meta.url);
const PARSE_SAX = require.resolve('exceljs/lib/utils/parse-sax.js');
/** exceljs's own XML reader, before it is mended. */
export const originalParseSax = require(PARSE_SAX) as (iterable: AsyncIterable<Buffer | string>) => AsyncGenerator<{ eventType: string; value: unknown }[]>;

function letters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** Positions from the order of the tags, for rows and cells without `r` (ECMA-376 §18.3.1.73 and .4). */
function positions(): (tag: Tag) => Tag {
  let row = 0;
  let col = 0;
  return (tag) => {
    if (tag.name === 'sheetData') row = 0;
    else if (tag.name === 'row') {
      const r = Number(tag.attributes.r);
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      tag.attributes.r = String(row);
      col = 0;
    } else if (tag.name === 'c') {
      const ref = tag.attributes.r === undefined ? undefined : /^([A-Z]{1,3})\d*$/.exec(tag.attributes.r);
      if (ref?.[1]) {
        col = 0;
        for (const ch of ref[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      } else {
        col++;
        tag.attributes.r = `${letters(col)}${Math.max(1, row)}`;
      }
    }
    return tag;
  };
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(JSON.stringify(e)));

let loaded: Promise<ExcelJs> | undefined;
/** exceljs with its XML reader mended (see above); the first call decides `decoder` for the process. */
export function loadOracle(decoder = true): Promise<ExcelJs> {
  if (!loaded) {
    const cached = require.cache[PARSE_SAX];
    const { SaxesParser } = createRequire(PARSE_SAX)('saxes') as { SaxesParser: new () => SaxParser };
    if (cached) {
      cached.exports = async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<unknown[]> {
        const parser = new SaxesParser();
        const utf8 = new StringDecoder('utf8');
        let error: unknown;
        parser.on('error', (err) => (error = err));
        let events: unknown[] = [];
        const place = positions();
        parser.on('opentag', (value) => events.push({ eventType: 'opentag', value: place(value as Tag) }));
        parser.on('text', (value) => events.push({ eventType: 'text', value }));
        parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
        for await (const chunk of iterable) {
          parser.write(typeof chunk === 'string' ? chunk : decoder ? utf8.write(Buffer.from(chunk)) : Buffer.from(chunk).toString('utf8'));
          if (error) throw asError(error);
          yield events;
          events = [];
        }
        const rest = utf8.end();
        if (rest && decoder) parser.write(rest);
        if (error) throw asError(error);
        if (events.length > 0) yield events;
      };
    }
    loaded = import('exceljs').then((mod) => (mod as unknown as { default?: ExcelJs }).default ?? mod);
  }
  return loaded;
}

/** An exceljs cell value as tally's (what tally's plainValue did). */
export function plainValue(value: ExcelValue, stats: { withResult: number }): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelValue }).result;
    if (result === undefined) {
      if (stats.withResult > 0) return 0;
      const f = (value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula;
      return { error: `=${f ?? ''}` };
    }
    stats.withResult++;
    return plainValue(result, { withResult: 0 });
  }
  return null;
}

/** Parts of a sheet tally never used; a data validation over whole columns would expand a million cells. */
const LOAD_OPTIONS = {
  ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'drawing', 'picture', 'pageSetup', 'headerFooter', 'rowBreaks', 'printOptions', 'pageMargins', 'autoFilter', 'legacyDrawing'],
} as unknown as Parameters<Workbook['xlsx']['load']>[1];

interface Dimensions { top: number; left: number; bottom: number; right: number }

function sheetOf(ws: Worksheet, stats: { withResult: number }): RawSheet {
  const rows: CellValue[][] = [];
  const hiddenRows = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
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
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c - 1);
  return { file: '', sheet: ws.name, rows, merges, hiddenRows, hiddenColumns };
}

/** Every sheet of a workbook as exceljs reads it, with its state; formulas without a result as tally made them. */
export async function oracleRead(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<{ name: string; state: string; sheet: RawSheet }[]> {
  const ExcelJS = await loadOracle();
  const workbook: Workbook = new ExcelJS.Workbook();
  // exceljs cannot follow absolute relationship targets: they are made relative first, as tally did.
  const absolute = absoluteRels(bytes, entries);
  const zip = absolute.size > 0 ? Buffer.concat(rezip(bytes, entries, { replace: absolute })) : Buffer.from(bytes);
  await workbook.xlsx.load(zip as unknown as ArrayBuffer, LOAD_OPTIONS);
  const stats = { withResult: 0 };
  const out = workbook.worksheets.map((ws) => ({ name: ws.name, state: ws.state, sheet: sheetOf(ws, stats) }));
  if (stats.withResult > 0) {
    for (const { sheet } of out) for (const row of sheet.rows as CellValue[][]) for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'object' && v !== null && !(v instanceof Date) && v.error.startsWith('=')) row[c] = 0;
    }
  }
  return out;
}
