import type { ZipEntry } from './detect.js';
import { TallyError } from './errors.js';
import { entryStream } from './xlsx-stream.js';

/**
 * How much of a workbook tally reads. A zip of a few MB can inflate to gigabytes of XML (a "zip bomb", or only a
 * sheet a program filled down to the last row): every part is measured as it inflates, before exceljs sees it,
 * and the workbook is refused as `too-large` past a limit, naming it and how to raise it. Rows and the inflated
 * size scale with `rows` (--max-rows, `maxRows` in tally.config.json); a row has at most Excel's 16,384 columns.
 */
export interface XlsxLimits {
  /** Rows of one sheet (`<row>` elements). */
  readonly rows: number;
}

export const DEFAULT_MAX_ROWS = 120_000;
/** Excel's own width: a row with more cells is not a sheet Excel made. */
export const MAX_COLUMNS = 16_384;
/** Cells of a whole workbook, per row allowed: a report has a few dozen columns. */
const CELLS_PER_ROW = 64;
/** Inflated bytes of one part, per row allowed (the 100,000-row benchmark sheet is 920 bytes a row), at least 64 MB. */
const BYTES_PER_ROW = 1600;
const MIN_PART_BYTES = 64 * 1024 * 1024;

/** What the measure found: the inflated size of the parts exceljs loads whole, to choose between loading and streaming. */
export interface Measured {
  /** Inflated bytes of the sheets and shared strings. */
  readonly xmlBytes: number;
  /** The largest other part, inflated. */
  readonly largestOther: number;
}

const LT = 0x3c;
const isEnd = (b: number | undefined): boolean => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;

/** Counts of the tags that make a sheet's size, across chunks (a tag cut between two is carried over). */
class TagCounter {
  rows = 0;
  cells = 0;
  strings = 0;
  rowCells = 0;
  widest = 0;
  private carry: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    // The last 4 bytes may start a tag whose name ends in the next chunk.
    const stop = Math.max(0, buf.length - 4);
    let at = buf.indexOf(LT);
    while (at >= 0 && at < stop) {
      const a = buf[at + 1];
      if (a === 0x63 && isEnd(buf[at + 2])) {
        this.cells++;
        if (++this.rowCells > this.widest) this.widest = this.rowCells;
      } else if (a === 0x72 && buf[at + 2] === 0x6f && buf[at + 3] === 0x77 && isEnd(buf[at + 4])) {
        this.rows++;
        this.rowCells = 0;
      } else if (a === 0x73 && buf[at + 2] === 0x69 && isEnd(buf[at + 3])) this.strings++;
      at = buf.indexOf(LT, at + 1);
    }
    const from = at >= 0 ? Math.min(at, stop) : stop;
    this.carry = Buffer.from(buf.subarray(from));
  }
}

type Case = { vi: string; en: string; hintVi: string; hintEn: string };

function tooLarge(file: string, c: Case): TallyError {
  return new TallyError('too-large', { file, detailVi: c.vi, detailEn: c.en, hintVi: c.hintVi, hintEn: c.hintEn });
}

const n = (x: number, lang: 'vi' | 'en'): string => x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

const RAISE_VI = (rows: number): string => `Nếu tệp đúng là có nhiều dòng như vậy, chạy lại với --max-rows ${rows} (hoặc đặt "maxRows" trong tally.config.json); nếu không, xóa các dòng và cột thừa (Ctrl+Shift+End cho biết ô cuối cùng Excel lưu) hoặc lưu bảng thành CSV.`;
const RAISE_EN = (rows: number): string => `If the file really has that many rows, run again with --max-rows ${rows} (or set "maxRows" in tally.config.json); otherwise delete the unused rows and columns (Ctrl+Shift+End shows the last cell Excel keeps) or save the table as CSV.`;

/** Inflate every part of a workbook as a stream, counting, and refuse it at the first limit passed. */
export async function measureWorkbook(bytes: Uint8Array, entries: readonly ZipEntry[], file: string, limits: XlsxLimits): Promise<Measured> {
  const partLimit = Math.max(MIN_PART_BYTES, limits.rows * BYTES_PER_ROW);
  const cellLimit = limits.rows * CELLS_PER_ROW;
  const suggest = limits.rows * 10;
  let xmlBytes = 0;
  let largestOther = 0;
  let cells = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const sheet = /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name);
    const strings = entry.name === 'xl/sharedStrings.xml';
    const counter = sheet || strings ? new TagCounter() : undefined;
    let size = 0;
    try {
      for await (const chunk of entryStream(bytes, entry)) {
        const piece = chunk as Buffer;
        size += piece.length;
        if (size > partLimit) {
          throw tooLarge(file, {
            vi: `phần "${entry.name}" giải nén ra hơn ${n(mb(partLimit), 'vi')} MB, trong khi tệp nén chỉ ${n(Math.max(1, mb(bytes.length)), 'vi')} MB`,
            en: `its part "${entry.name}" inflates to more than ${n(mb(partLimit), 'en')} MB from a file of ${n(Math.max(1, mb(bytes.length)), 'en')} MB`,
            hintVi: RAISE_VI(suggest), hintEn: RAISE_EN(suggest),
          });
        }
        if (!counter) continue;
        counter.push(piece);
        if (counter.rows > limits.rows) {
          throw tooLarge(file, {
            vi: `trang "${entry.name}" có hơn ${n(limits.rows, 'vi')} dòng, giới hạn của tally`,
            en: `sheet "${entry.name}" has more than ${n(limits.rows, 'en')} rows, tally's limit`,
            hintVi: RAISE_VI(suggest), hintEn: RAISE_EN(suggest),
          });
        }
        if (counter.widest > MAX_COLUMNS) {
          throw tooLarge(file, {
            vi: `một dòng của "${entry.name}" có hơn ${n(MAX_COLUMNS, 'vi')} ô, nhiều hơn Excel cho phép`,
            en: `a row of "${entry.name}" has more than ${n(MAX_COLUMNS, 'en')} cells, more than Excel allows`,
            hintVi: 'Tệp không do Excel tạo ra đúng cách: mở bằng Excel hoặc LibreOffice, lưu lại, hoặc lưu bảng thành CSV.',
            hintEn: 'The file was not made properly by a spreadsheet program: open and save it again in Excel or LibreOffice, or save the table as CSV.',
          });
        }
        const total = cells + counter.cells;
        const sharedStrings = counter.strings;
        if (total > cellLimit || sharedStrings > cellLimit) {
          const what = total > cellLimit ? { vi: 'ô có dữ liệu', en: 'cells' } : { vi: 'chuỗi dùng chung', en: 'shared strings' };
          throw tooLarge(file, {
            vi: `tệp có hơn ${n(cellLimit, 'vi')} ${what.vi} (giới hạn ${CELLS_PER_ROW} cho mỗi dòng của ${n(limits.rows, 'vi')} dòng)`,
            en: `it has more than ${n(cellLimit, 'en')} ${what.en} (the limit is ${CELLS_PER_ROW} per row of ${n(limits.rows, 'en')} rows)`,
            hintVi: RAISE_VI(suggest), hintEn: RAISE_EN(suggest),
          });
        }
      }
    } catch (err) {
      if (err instanceof TallyError) throw err;
      // A part that does not inflate: exceljs says what is wrong with it, as it always did.
      continue;
    }
    if (counter) cells += counter.cells;
    if (sheet || strings) xmlBytes += size;
    else if (size > largestOther) largestOther = size;
  }
  return { xmlBytes, largestOther };
}
