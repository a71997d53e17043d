import { TallyError } from './errors.js';

/**
 * How much of a workbook tally reads. A zip of a few MB can inflate to gigabytes of XML (a "zip bomb", or only a
 * sheet a program filled down to the last row): every part tally reads is measured as it inflates, in the same
 * pass that reads it (a `Budget`), and the workbook is refused as `too-large` past a limit, naming it and how to raise it. Rows and the inflated
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

type Case = { vi: string; en: string; hintVi: string; hintEn: string };

function tooLarge(file: string, c: Case): TallyError {
  return new TallyError('too-large', { file, detailVi: c.vi, detailEn: c.en, hintVi: c.hintVi, hintEn: c.hintEn });
}

const n = (x: number, lang: 'vi' | 'en'): string => x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

const RAISE_VI = (rows: number): string => `Nếu tệp đúng là có nhiều dòng như vậy, chạy lại với --max-rows ${rows} (hoặc đặt "maxRows" trong tally.config.json); nếu không, xóa các dòng và cột thừa (Ctrl+Shift+End cho biết ô cuối cùng Excel lưu) hoặc lưu bảng thành CSV.`;
const RAISE_EN = (rows: number): string => `If the file really has that many rows, run again with --max-rows ${rows} (or set "maxRows" in tally.config.json); otherwise delete the unused rows and columns (Ctrl+Shift+End shows the last cell Excel keeps) or save the table as CSV.`;

const WIDE_HINT_VI = 'Tệp không do Excel tạo ra đúng cách: mở bằng Excel hoặc LibreOffice, lưu lại, hoặc lưu bảng thành CSV.';
const WIDE_HINT_EN = 'The file was not made properly by a spreadsheet program: open and save it again in Excel or LibreOffice, or save the table as CSV.';

/**
 * The limits of one workbook as it is read: each part's inflated size, each sheet's rows and widest row, and the
 * cells and shared strings of the whole workbook. The reader reports as it goes; the first limit passed throws.
 */
export class Budget {
  readonly partLimit: number;
  readonly cellLimit: number;
  private cells = 0;
  private readonly suggest: number;

  constructor(private readonly file: string, private readonly fileBytes: number, private readonly limits: XlsxLimits) {
    this.partLimit = Math.max(MIN_PART_BYTES, limits.rows * BYTES_PER_ROW);
    this.cellLimit = limits.rows * CELLS_PER_ROW;
    this.suggest = limits.rows * 10;
  }

  /** `size` bytes of `part` inflated so far. */
  size(part: string, size: number): void {
    if (size <= this.partLimit) return;
    const { partLimit, fileBytes } = this;
    throw tooLarge(this.file, {
      vi: `phần "${part}" giải nén ra hơn ${n(mb(partLimit), 'vi')} MB, trong khi tệp nén chỉ ${n(Math.max(1, mb(fileBytes)), 'vi')} MB`,
      en: `its part "${part}" inflates to more than ${n(mb(partLimit), 'en')} MB from a file of ${n(Math.max(1, mb(fileBytes)), 'en')} MB`,
      hintVi: RAISE_VI(this.suggest), hintEn: RAISE_EN(this.suggest),
    });
  }

  /** A sheet part has `rows` rows so far. */
  rows(part: string, rows: number): void {
    if (rows <= this.limits.rows) return;
    throw tooLarge(this.file, {
      vi: `trang "${part}" có hơn ${n(this.limits.rows, 'vi')} dòng, giới hạn của tally`,
      en: `sheet "${part}" has more than ${n(this.limits.rows, 'en')} rows, tally's limit`,
      hintVi: RAISE_VI(this.suggest), hintEn: RAISE_EN(this.suggest),
    });
  }

  /** A row of a sheet part has `width` cells so far. */
  width(part: string, width: number): void {
    if (width <= MAX_COLUMNS) return;
    throw tooLarge(this.file, {
      vi: `một dòng của "${part}" có hơn ${n(MAX_COLUMNS, 'vi')} ô, nhiều hơn Excel cho phép`,
      en: `a row of "${part}" has more than ${n(MAX_COLUMNS, 'en')} cells, more than Excel allows`,
      hintVi: WIDE_HINT_VI, hintEn: WIDE_HINT_EN,
    });
  }

  /** `count` more cells read, anywhere in the workbook. */
  addCells(count: number): void {
    this.cells += count;
    if (this.cells > this.cellLimit) this.tooMany({ vi: 'ô có dữ liệu', en: 'cells' });
  }

  /** The shared strings part has `count` strings so far. */
  strings(count: number): void {
    if (count > this.cellLimit) this.tooMany({ vi: 'chuỗi dùng chung', en: 'shared strings' });
  }

  private tooMany(what: { vi: string; en: string }): never {
    const { cellLimit, limits } = this;
    throw tooLarge(this.file, {
      vi: `tệp có hơn ${n(cellLimit, 'vi')} ${what.vi} (giới hạn ${CELLS_PER_ROW} cho mỗi dòng của ${n(limits.rows, 'vi')} dòng)`,
      en: `it has more than ${n(cellLimit, 'en')} ${what.en} (the limit is ${CELLS_PER_ROW} per row of ${n(limits.rows, 'en')} rows)`,
      hintVi: RAISE_VI(this.suggest), hintEn: RAISE_EN(this.suggest),
    });
  }
}
