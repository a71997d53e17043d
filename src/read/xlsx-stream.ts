import { StringDecoder } from 'node:string_decoder';
import type { ZipEntry } from './detect.js';
import type { CellValue, MergeRange } from './types.js';
import { inflated } from './xlsx-book.js';
import type { Budget, XlsxLimits } from './xlsx-limits.js';
import { SheetScanner } from './xlsx-sheet.js';
import { cellRef } from './xlsx-values.js';
import { asTallyError, openBook, type Book } from './xlsx.js';

/** Above this much sheet XML a workbook is streamed rather than read whole. */
export const STREAM_FROM_BYTES = 8 * 1024 * 1024;

/** A worksheet read as a stream: its rows come one at a time; merges were read beforehand. */
export interface StreamedSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly merges: MergeRange[];
  /** Filled as the rows are read: a row's own flag is known when the row comes. */
  readonly hiddenRows: Set<number>;
  readonly hiddenColumns: Set<number>;
  readonly rows: AsyncGenerator<CellValue[]>;
}

/**
 * `TALLY_STREAM_XLSX_BYTES` moves the threshold (0 streams every workbook: the tests use it). Judged on the sizes
 * the zip's directory gives for the sheets and shared strings: a directory that lies only changes how the rows are
 * held, since the limits are checked on the bytes as they inflate.
 */
export function shouldStream(measured: { xmlBytes: number; largestOther: number }, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const from = env.TALLY_STREAM_XLSX_BYTES !== undefined && env.TALLY_STREAM_XLSX_BYTES !== '' ? Number(env.TALLY_STREAM_XLSX_BYTES) : STREAM_FROM_BYTES;
  return measured.xmlBytes > from || measured.largestOther > from;
}

/** The declared size of the parts read row by row: the sheets and the shared strings. */
export function sheetBytes(entries: readonly ZipEntry[]): number {
  let n = 0;
  for (const e of entries) if (/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/.test(e.name)) n += e.size;
  return n;
}

const MERGE = Buffer.from('mergeCell');
const ROW = Buffer.from('<row');

/** How many `<row` tags a piece holds (not `<rowBreaks`), for the rows limit before the rows are read. */
function countRows(buf: Buffer): number {
  let n = 0;
  for (let at = buf.indexOf(ROW); at >= 0; at = buf.indexOf(ROW, at + 4)) {
    const c = buf[at + 4];
    if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) n++;
  }
  return n;
}

/**
 * A sheet's merged ranges, which its XML puts after the rows and the walk needs from the first row: the part is
 * inflated once before its rows are read, looking only for `mergeCell` in the bytes (no decoding, no rows).
 */
export async function scanMerges(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Promise<MergeRange[]> {
  const merges: MergeRange[] = [];
  let carry: Buffer | undefined;
  let rows = 0;
  /** Bytes at the start of the carry whose rows were counted already. */
  let counted = 0;
  for await (const piece of inflated(bytes, entry, budget)) {
    const buf = carry ? Buffer.concat([carry, piece]) : piece;
    carry = undefined;
    // A row tag cut at the end of a piece is counted with the next one.
    const cut = buf.lastIndexOf(0x3c);
    const whole = cut >= counted && buf.length - cut < 6 ? cut : buf.length;
    rows += countRows(buf.subarray(counted, whole));
    budget.rows(entry.name, rows);
    let at = buf.indexOf(MERGE);
    let keep = Math.min(whole, Math.max(0, buf.length - MERGE.length));
    while (at >= 0) {
      const gt = buf.indexOf(0x3e, at);
      if (gt < 0) {
        keep = Math.max(0, buf.lastIndexOf(0x3c, at));
        break;
      }
      const ref = /\bref\s*=\s*["']([A-Z$0-9]+):([A-Z$0-9]+)["']/.exec(buf.toString('latin1', at, gt));
      const a = ref?.[1] ? cellRef(ref[1]) : undefined;
      const b = ref?.[2] ? cellRef(ref[2]) : undefined;
      if (a && b) merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
      at = buf.indexOf(MERGE, gt);
    }
    carry = Buffer.from(buf.subarray(keep));
    counted = Math.max(0, whole - keep);
  }
  return merges;
}

/** The rows of a sheet as they are scanned, blank rows handed on so that row numbers stay the sheet's own. */
async function* sheetRows(bytes: Uint8Array, entry: ZipEntry, book: Book, scanner: SheetScanner, pending: { index: number; cells: CellValue[] }[], file: string): AsyncGenerator<CellValue[]> {
  let next = 0;
  try {
    const flush = function* (): Generator<CellValue[]> {
      for (const p of pending) {
        for (; next < p.index; next++) yield [];
        next = Math.max(next, p.index) + 1;
        yield p.cells;
      }
      pending.length = 0;
    };
    const decoder = new StringDecoder('utf8');
    for await (const piece of inflated(bytes, entry, book.budget)) {
      scanner.push(decoder.write(piece));
      yield* flush();
    }
    scanner.push(decoder.end());
    scanner.finish();
    yield* flush();
  } catch (err) {
    throw asTallyError(err, file);
  }
}

/**
 * Read a large workbook sheet by sheet: each worksheet's rows are handed on as they are scanned, so memory stays
 * flat, with its merged ranges read beforehand.
 */
export async function* streamXlsx(bytes: Uint8Array, entries: readonly ZipEntry[], file: string, limits?: XlsxLimits, opened?: Book): AsyncGenerator<StreamedSheet> {
  const book = opened ?? (await openBook(bytes, entries, file, limits));
  for (const ref of book.map.sheets) {
    const entry = ref.entry;
    if (ref.hidden || !entry) {
      yield { name: ref.name, hidden: true, merges: [], hiddenRows: new Set(), hiddenColumns: new Set(), rows: (async function* () {})() };
      continue;
    }
    let merges: MergeRange[];
    try {
      merges = await scanMerges(bytes, entry, book.budget);
    } catch (err) {
      throw asTallyError(err, file);
    }
    const pending: { index: number; cells: CellValue[] }[] = [];
    const scanner = new SheetScanner({ strings: book.strings, dateStyles: book.dateStyles, date1904: book.map.date1904, stats: book.stats, budget: book.budget, part: entry.name }, (index, cells) => {
      if (cells.length > 0) pending.push({ index, cells });
    });
    yield { name: ref.name, hidden: false, merges, hiddenRows: scanner.hiddenRows, hiddenColumns: scanner.hiddenColumns, rows: sheetRows(bytes, entry, book, scanner, pending, file) };
  }
}
