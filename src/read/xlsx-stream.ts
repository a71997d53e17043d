import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import type { ZipEntry } from './detect.js';
import { TallyError } from './errors.js';
import type { CellValue, MergeRange } from './types.js';
import { libraryDetail, loadExcel, plainValue, type FormulaStats } from './xlsx.js';
import { takeDroppedParts } from './xlsx-parts.js';
import { absoluteRels, rezip } from './zip-parts.js';

/** Above this much sheet XML a workbook is streamed rather than loaded whole (a full load takes ~16× the XML). */
export const STREAM_FROM_BYTES = 8 * 1024 * 1024;

/** A worksheet read as a stream: its rows come one at a time; merges and hidden rows were read beforehand. */
export interface StreamedSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly merges: MergeRange[];
  readonly hiddenRows: Set<number>;
  readonly hiddenColumns: Set<number>;
  readonly rows: AsyncGenerator<CellValue[]>;
}

/**
 * `TALLY_STREAM_XLSX_BYTES` moves the threshold (0 streams every workbook: the tests use it). Judged on the sizes
 * measured as the parts inflated (a zip's own directory can say anything), sheets and shared strings together,
 * since exceljs loads them all at once.
 */
export function shouldStream(measured: { xmlBytes: number; largestOther: number }, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const from = env.TALLY_STREAM_XLSX_BYTES !== undefined && env.TALLY_STREAM_XLSX_BYTES !== '' ? Number(env.TALLY_STREAM_XLSX_BYTES) : STREAM_FROM_BYTES;
  return measured.xmlBytes > from || measured.largestOther > from;
}

/** The bytes of one zip entry, inflated as a stream (a large sheet is never one string). */
export function entryStream(bytes: Uint8Array, entry: ZipEntry): Readable {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  const source = Readable.from([data]);
  return entry.method === 0 ? source : source.pipe(createInflateRaw());
}

function decodeRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m?.[1] || !m[2]) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * What exceljs's streaming reader drops and a hand-made report needs: merged ranges, hidden rows and hidden
 * columns, scanned from the sheet's XML as it inflates.
 */
export async function scanSheetLayout(bytes: Uint8Array, entry: ZipEntry): Promise<Pick<StreamedSheet, 'merges' | 'hiddenRows' | 'hiddenColumns'>> {
  const merges: MergeRange[] = [];
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  const tag = /<(row|col|mergeCell)\b([^>]*)>/g;
  let carry = '';
  for await (const chunk of entryStream(bytes, entry)) {
    const text = carry + (chunk as Buffer).toString('utf8');
    const cut = text.lastIndexOf('<');
    const body = cut >= 0 && text.indexOf('>', cut) < 0 ? text.slice(0, cut) : text;
    carry = text.slice(body.length);
    for (const m of body.matchAll(tag)) {
      const attrs = m[2] ?? '';
      if (m[1] === 'mergeCell') {
        const ref = /\bref="([A-Z$0-9]+):([A-Z$0-9]+)"/.exec(attrs);
        const a = ref?.[1] ? decodeRef(ref[1]) : undefined;
        const b = ref?.[2] ? decodeRef(ref[2]) : undefined;
        if (a && b) merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
      } else if (/\bhidden="(1|true)"/.test(attrs)) {
        if (m[1] === 'row') {
          const r = /\br="(\d+)"/.exec(attrs);
          if (r?.[1]) hiddenRows.add(Number(r[1]) - 1);
        } else {
          const min = Number(/\bmin="(\d+)"/.exec(attrs)?.[1] ?? 0);
          const max = Number(/\bmax="(\d+)"/.exec(attrs)?.[1] ?? min);
          for (let c = min; c <= Math.min(max, min + 16_384); c++) hiddenColumns.add(c - 1);
        }
      }
    }
  }
  return { merges, hiddenRows, hiddenColumns };
}

/** Sheet XML entries in workbook order (sheet1.xml, sheet2.xml, …). */
function sheetEntries(entries: readonly ZipEntry[]): ZipEntry[] {
  return entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a.name)?.[1]) - Number(/(\d+)\.xml$/.exec(b.name)?.[1]));
}

/** How many worksheets the workbook has, from its zip directory. */
export function worksheetCount(entries: readonly ZipEntry[]): number {
  return sheetEntries(entries).length;
}

/**
 * The zip with the workbook's parts before its sheets. exceljs's streaming reader reads entries in file order, and
 * a sheet met before the workbook's relations and shared strings goes to a temporary file to be read at the end;
 * with some files (sheets first, as exceljs itself writes them) that path lost the sheets' names and strings about
 * one run in four. In this order a workbook with shared strings never takes it (one without shared strings still
 * does, and came back whole in every run tried). In the same pass, absolute relationship targets are made
 * relative (zip-parts.ts). Unchanged entries are views of the same bytes, never copies.
 */
function partsFirst(bytes: Uint8Array, entries: readonly ZipEntry[]): Buffer[] {
  const rank = (name: string): number => (/^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? 2 : /^xl\/worksheets\//.test(name) ? 3 : 1);
  // Sheets in the order of their numbers (sheet1, sheet2, …), the order their layouts were read in.
  const number = (name: string): number => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  return rezip(bytes, entries, {
    order: (a, b) => rank(a.name) - rank(b.name) || (rank(a.name) === 2 ? number(a.name) - number(b.name) : 0),
    replace: absoluteRels(bytes, entries),
  });
}

/**
 * Read a large workbook with exceljs's streaming reader: each worksheet's rows are handed on as they are parsed,
 * so memory stays flat, with merges and hidden rows read from the XML beside it.
 */
export async function* streamXlsx(bytes: Uint8Array, entries: readonly ZipEntry[], file: string): AsyncGenerator<StreamedSheet> {
  const ExcelJS = await loadExcel();
  const sheetsXml = sheetEntries(entries);
  takeDroppedParts();

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(partsFirst(bytes, entries)), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  let index = 0;
  // A streamed workbook cannot be read twice: a formula without a result is a 0 once one with a result was seen.
  const stats: FormulaStats = { withResult: 0 };
  try {
    for await (const ws of reader) {
      const w = ws as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name?: string; state?: string; id?: number };
      // Scanned when the sheet comes, not all at the start: scanning every sheet first held more memory and ran
      // slower on a 90 MB sheet (the reader was already buffering it).
      const entry = sheetsXml[index++];
      const layout = entry ? await scanSheetLayout(bytes, entry) : { merges: [], hiddenRows: new Set<number>(), hiddenColumns: new Set<number>() };
      async function* rows(): AsyncGenerator<CellValue[]> {
        let expected = 1;
        for await (const row of w) {
          // The stream skips empty rows: hand on blank ones so that row numbers stay the sheet's own.
          for (; expected < row.number; expected++) yield [];
          expected = row.number + 1;
          const values = row.values;
          const cells: CellValue[] = new Array<CellValue>(Math.max(0, values.length - 1)).fill(null);
          for (let c = 1; c < values.length; c++) cells[c - 1] = plainValue(values[c] as Parameters<typeof plainValue>[0], stats);
          // Merged copies carry no value of their own in the file; keep only the master's.
          yield cells;
        }
      }
      yield { name: w.name ?? `Sheet${index}`, hidden: w.state === 'hidden' || w.state === 'veryHidden', ...layout, rows: rows() };
    }
  } catch (err) {
    if (err instanceof TallyError) throw err;
    throw new TallyError('corrupt', { file, detail: libraryDetail(err) });
  }
}
