import type { ZipEntry } from './detect.js';
import type { CellValue, MergeRange } from './types.js';
import { inflated } from './xlsx-book.js';
import type { Budget, XlsxLimits } from './xlsx-limits.js';
import { SheetScanner } from './xlsx-sheet.js';
import { cellRef } from './xlsx-values.js';
import { asTallyError, openBook, type Book } from './xlsx.js';

/** Above this much sheet XML a workbook is streamed rather than read whole. */
export const STREAM_FROM_BYTES = 8 * 1024 * 1024;

/** A worksheet read as a stream: its rows come in batches, those of each inflated piece; merges were read beforehand. */
export interface StreamedSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly merges: MergeRange[];
  /** Filled as the rows are read: a row's own flag is known when the row comes. */
  readonly hiddenRows: Set<number>;
  readonly hiddenColumns: Set<number>;
  readonly rows: AsyncGenerator<CellValue[][]>;
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
/** Bytes of a piece kept to find a name cut between it and the next (shorter than `mergeCell`). */
const TAIL = 8;

const endsName = (c: number | undefined): boolean => c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;

// The searches look for bytes that are rare in a sheet ("ow", "Cell": not "<" or "r", in every cell) and check the
// bytes before them: a search stops at every occurrence of the first byte it looks for.
const OW = Buffer.from('ow');
const CELL = Buffer.from('Cell');

/** How many `<row` tags (not `<rowBreaks`) start in `buf` from `from` with the byte after the name in `buf` too. */
function countRows(buf: Buffer, from: number): number {
  let n = 0;
  for (let at = buf.indexOf(OW, from + 2); at >= 0; at = buf.indexOf(OW, at + 2)) if (buf[at - 1] === 0x72 && buf[at - 2] === 0x3c && endsName(buf[at + 2])) n++;
  return n;
}

/** Where the next `mergeCell` in `buf` starts from `from` on, or -1. */
function nextMerge(buf: Buffer, from: number): number {
  for (let at = buf.indexOf(CELL, from + 5); at >= 0; at = buf.indexOf(CELL, at + 4)) if (buf.compare(MERGE, 0, 5, at - 5, at) === 0) return at - 5;
  return -1;
}

/** A `mergeCell` tag's text (from its name to its `>`, exclusive) as a range, or nothing (`<mergeCells count>`). */
function mergeOf(tag: string): MergeRange | undefined {
  const ref = /\bref\s*=\s*["']([A-Z$0-9]+):([A-Z$0-9]+)["']/.exec(tag);
  const a = ref?.[1] ? cellRef(ref[1]) : undefined;
  const b = ref?.[2] ? cellRef(ref[2]) : undefined;
  return a && b ? { top: a.row, left: a.col, bottom: b.row, right: b.col } : undefined;
}

/**
 * A sheet's merged ranges, which its XML puts after the rows and the walk needs from the first row: the part is
 * inflated once before its rows are read, looking only for `mergeCell` in the bytes (no decoding, no copying), and
 * counting `<row` tags for the rows limit (a zip bomb is refused here, before any row is read).
 */
export function scanMerges(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Promise<MergeRange[]> {
  return mergesIn(inflated(bytes, entry, budget), (rows) => budget.rows(entry.name, rows));
}

/** The merged ranges in a sheet's XML given in pieces, and the count of its rows so far after each piece. */
export async function mergesIn(pieces: AsyncIterable<Buffer>, rowsSoFar: (rows: number) => void): Promise<MergeRange[]> {
  const merges: MergeRange[] = [];
  const add = (tag: string): void => {
    const m = mergeOf(tag);
    if (m) merges.push(m);
  };
  let rows = 0;
  let prev: Buffer | undefined;
  /** The text of a `mergeCell` tag cut at the end of the last piece. */
  let partial: string | undefined;
  for await (const piece of pieces) {
    let from = 0;
    if (partial !== undefined || prev) {
      // What starts in the last piece and ends in this one: a cut tag, or a name cut in two.
      let head = partial;
      if (head === undefined && prev) {
        const p = prev.length;
        const joint = Buffer.concat([prev, piece.subarray(0, TAIL + 1)]);
        for (let at = joint.indexOf(ROW); at >= 0 && at < p; at = joint.indexOf(ROW, at + 1)) if (at + 5 > p && endsName(joint[at + 4])) rows++;
        const m = joint.indexOf(MERGE);
        if (m >= 0 && m < p && m + MERGE.length > p) {
          head = 'mergeCell';
          from = m + MERGE.length - p;
        }
      }
      if (head !== undefined) {
        const gt = piece.indexOf(0x3e, from);
        if (gt < 0) {
          partial = head + piece.toString('latin1', from);
          prev = undefined;
          continue;
        }
        add(head + piece.toString('latin1', from, gt));
        partial = undefined;
        from = gt + 1;
      }
    }
    rows += countRows(piece, from);
    rowsSoFar(rows);
    for (let at = nextMerge(piece, from); at >= 0; at = nextMerge(piece, at + MERGE.length)) {
      const gt = piece.indexOf(0x3e, at);
      if (gt < 0) {
        partial = piece.toString('latin1', at);
        break;
      }
      add(piece.toString('latin1', at, gt));
    }
    // The last bytes so far (of this piece, and of the ones before when it is short).
    prev = piece.length >= TAIL ? Buffer.from(piece.subarray(piece.length - TAIL)) : Buffer.concat([prev ?? Buffer.alloc(0), piece]).subarray(-TAIL);
  }
  return merges;
}

/**
 * The rows of a sheet as they are scanned, a batch for each inflated piece (one await a piece, not a row, as the CSV
 * reader hands them over), blank rows handed on so that row numbers stay the sheet's own.
 */
async function* sheetRows(bytes: Uint8Array, entry: ZipEntry, book: Book, scanner: SheetScanner, pending: { index: number; cells: CellValue[] }[], file: string): AsyncGenerator<CellValue[][]> {
  let next = 0;
  try {
    const flush = (): CellValue[][] => {
      const batch: CellValue[][] = [];
      for (const p of pending) {
        for (; next < p.index; next++) batch.push([]);
        next = Math.max(next, p.index) + 1;
        batch.push(p.cells);
      }
      pending.length = 0;
      return batch;
    };
    for await (const piece of inflated(bytes, entry, book.budget)) {
      scanner.pushBytes(piece);
      const batch = flush();
      if (batch.length > 0) yield batch;
    }
    scanner.endBytes();
    scanner.finish();
    const batch = flush();
    if (batch.length > 0) yield batch;
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
