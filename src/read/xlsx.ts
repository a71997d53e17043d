import type { ZipEntry } from './detect.js';
import { TallyError } from './errors.js';
import { bookMap, dateStyles, scan, scanBytes, smallPart, StringsScanner, type BookMap, type SheetRef } from './xlsx-book.js';
import { Budget, DEFAULT_MAX_ROWS, type XlsxLimits } from './xlsx-limits.js';
import { SheetScanner, type SheetContext } from './xlsx-sheet.js';
import { isNoResult, type FormulaStats } from './xlsx-values.js';
import type { CellValue, MergeRange, RawSheet } from './types.js';

/** A sheet that was not read, and why: for verbose output. */
export interface SheetNote {
  readonly sheet: string;
  readonly note: string;
}

type ExcelJs = typeof import('exceljs');
let excel: Promise<ExcelJs> | undefined;
/**
 * exceljs writes tally's workbooks (XLSX output, templates); it reads none (see xlsx-book.ts and xlsx-sheet.ts).
 * It costs ~200 ms to load: only paid for when a workbook is written.
 */
export function loadExcel(): Promise<ExcelJs> {
  // exceljs is CommonJS: under ESM its API is the default export.
  excel ??= import('exceljs').then((mod) => (mod as unknown as { default?: ExcelJs }).default ?? mod);
  return excel;
}

/**
 * What a reading failure says about the file, for the message. zlib's words about the zip ("invalid stored block
 * lengths", "unexpected end of file") are kept; a JavaScript error ("Cannot read properties of undefined") says
 * nothing to a clerk and becomes a plain sentence, as does a part that is not well-formed XML (a SyntaxError).
 */
export function libraryDetail(err: unknown): string {
  if (!(err instanceof Error) || err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError) {
    return 'một phần của bảng tính không đọc được / a part of the workbook could not be read';
  }
  return err.message.split('\n')[0]?.slice(0, 120) ?? 'unknown';
}

/** A failure while reading a part, as the TallyError to report: the limits' own, or the file is corrupt. */
export function asTallyError(err: unknown, file: string): TallyError {
  if (err instanceof TallyError) return err;
  return new TallyError('corrupt', { file, detail: libraryDetail(err) });
}

/** What every sheet of a workbook reads against: its shared strings, styles and limits. */
export interface Book {
  readonly map: BookMap;
  readonly budget: Budget;
  readonly strings: readonly CellValue[];
  readonly dateStyles: readonly boolean[];
  readonly stats: FormulaStats;
  /** Parts tally could do without that were damaged and left out (styles.xml): TL006. */
  readonly dropped: string[];
}

/** Read a workbook's map, styles and shared strings (the strings as they inflate, within the limits). */
export async function openBook(bytes: Uint8Array, entries: readonly ZipEntry[], file: string, limits?: XlsxLimits): Promise<Book> {
  const budget = new Budget(file, bytes.length, limits ?? { rows: DEFAULT_MAX_ROWS });
  try {
    const map = bookMap(bytes, entries, budget);
    if (map.missing.length > 0 || map.sheets.some((s) => !s.hidden && !s.entry)) throw new TypeError(`missing part ${map.missing[0] ?? ''}`);
    const dropped: string[] = [];
    let styles: boolean[] = [];
    if (map.styles) {
      try {
        styles = dateStyles(smallPart(bytes, map.styles, budget));
      } catch (err) {
        if (err instanceof TallyError) throw err;
        // A damaged styles.xml: the figures read without it (no dates), and the part is named (TL006).
        dropped.push('xl/styles.xml');
      }
    }
    const strings = new StringsScanner(budget);
    if (map.strings) await scan(bytes, map.strings, budget, strings);
    return { map, budget, strings: strings.strings, dateStyles: styles, stats: { withResult: 0 }, dropped };
  } catch (err) {
    throw asTallyError(err, file);
  }
}

function context(book: Book, entry: ZipEntry): SheetContext {
  return { strings: book.strings, dateStyles: book.dateStyles, date1904: book.map.date1904, stats: book.stats, budget: book.budget, part: entry.name };
}

/** One sheet read whole, as exceljs loaded it: merged copies emptied, hidden rows and columns where the data are. */
async function wholeSheet(bytes: Uint8Array, book: Book, ref: SheetRef, entry: ZipEntry, file: string): Promise<RawSheet> {
  const rows: CellValue[][] = [];
  const scanner = new SheetScanner(context(book, entry), (index, cells) => {
    if (cells.length > 0) rows[index] = cells;
  });
  await scanBytes(bytes, entry, book.budget, scanner);
  scanner.finish();
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  blankMergedCopies(rows, scanner.merges);
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  const hiddenRows = new Set([...scanner.hiddenRows].filter((r) => (rows[r]?.length ?? 0) > 0));
  const hiddenColumns = new Set([...scanner.hiddenColumns].filter((c) => c < width));
  return { file, sheet: ref.name, rows, merges: scanner.merges, hiddenRows, hiddenColumns };
}

/** A merged range's value is its top-left cell's: whatever the file holds in the other cells is not shown. */
function blankMergedCopies(rows: CellValue[][], merges: readonly MergeRange[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right && c < row.length; c++) if (r !== m.top || c !== m.left) row[c] = null;
      let last = row.length - 1;
      while (last >= 0 && row[last] === null) last--;
      row.length = last + 1;
    }
  }
}

/** Read every visible worksheet of an .xlsx whole; hidden ones are noted, not read. */
export async function readXlsx(bytes: Uint8Array, file: string, entries: readonly ZipEntry[], limits?: XlsxLimits): Promise<{ sheets: RawSheet[]; notes: SheetNote[]; dropped: string[] }> {
  const book = await openBook(bytes, entries, file, limits);
  const sheets: RawSheet[] = [];
  const notes: SheetNote[] = [];
  for (const ref of book.map.sheets) {
    if (ref.hidden) {
      notes.push({ sheet: ref.name, note: 'trang bị ẩn, không đọc / hidden sheet, not read' });
      continue;
    }
    if (!ref.entry) continue;
    try {
      sheets.push(await wholeSheet(bytes, book, ref, ref.entry, file));
    } catch (err) {
      throw asTallyError(err, file);
    }
  }
  // Formulas met before the first one with a result were kept as "no result": in a computed workbook they are 0s.
  if (book.stats.withResult > 0) {
    for (const sheet of sheets) {
      for (const row of sheet.rows as CellValue[][]) for (let c = 0; c < row.length; c++) if (isNoResult(row[c] ?? null)) row[c] = 0;
    }
  }
  return { sheets, notes, dropped: book.dropped };
}
