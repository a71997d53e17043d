import type { Alignment, Borders, Font, Worksheet } from 'exceljs';
import type { Lang } from '../check/catalogue.js';
import { blocLine, dateLine, word, type DocumentOptions } from './heading.js';

/** The look of an official table: Times New Roman 13, thin borders. */
const FONT = 'Times New Roman';
const SIZE = 13;
const THIN: Partial<Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
/** Points a line of 13-point text takes in a row. */
const LINE_PT = 17;

export const COUNT_FORMAT = '#,##0';
export const AMOUNT_FORMAT = '#,##0.00';
export function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%';
}

/** A column of a table: its width (in characters) and how its cells are aligned. */
export interface Column {
  readonly width: number;
  readonly align?: Alignment['horizontal'] | undefined;
  readonly wrap?: boolean | undefined;
}

/** A header cell: one label over its column, or a merged label over the labels of its columns. */
export type HeaderCell = string | { readonly label: string; readonly children: readonly string[] };

export interface CellStyle {
  readonly bold?: boolean | undefined;
  readonly italic?: boolean | undefined;
  readonly underline?: boolean | undefined;
  readonly color?: string | undefined;
  readonly size?: number | undefined;
  readonly align?: Alignment['horizontal'] | undefined;
  readonly indent?: number | undefined;
  readonly wrap?: boolean | undefined;
  readonly numFmt?: string | undefined;
  readonly border?: boolean | undefined;
}

/** A value for a cell. Text is always written as text (a name "=HYPERLINK(…)" stays a name, never a formula). */
export type Value = string | number | null | { readonly formula: string; readonly result: number | string };

/**
 * Writes one sheet top to bottom: the title block, a header of one or two rows, the rows of the table; then
 * sets the print layout (A4, fit to width, header rows repeated on each page, frozen under the header).
 */
export class SheetWriter {
  /** The next row to write, 1-based as exceljs counts. */
  row = 1;
  private headerRows: [number, number] | undefined;

  constructor(readonly ws: Worksheet, readonly columns: readonly Column[], readonly lang: Lang) {
    columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width;
    });
  }

  get width(): number {
    return this.columns.length;
  }

  put(row: number, col: number, value: Value, style: CellStyle = {}): void {
    const cell = this.ws.getCell(row, col);
    if (value !== null) cell.value = typeof value === 'object' ? { formula: value.formula, result: value.result } : value;
    const font: Partial<Font> = { name: FONT, size: style.size ?? SIZE };
    if (style.bold) font.bold = true;
    if (style.italic) font.italic = true;
    if (style.underline) font.underline = true;
    if (style.color) font.color = { argb: style.color };
    cell.font = font;
    const column = this.columns[col - 1];
    const alignment: Partial<Alignment> = { vertical: 'middle', horizontal: style.align ?? column?.align ?? 'left', wrapText: style.wrap ?? column?.wrap ?? false };
    if (style.indent) alignment.indent = style.indent;
    cell.alignment = alignment;
    if (style.numFmt) cell.numFmt = style.numFmt;
    if (style.border) cell.border = THIN;
  }

  /** A line of text merged across columns `from`..`to`. */
  line(from: number, to: number, value: string, style: CellStyle = {}, height?: number): void {
    if (to > from) this.ws.mergeCells(this.row, from, this.row, to);
    this.put(this.row, from, value, { align: 'center', ...style, wrap: true });
    if (height) this.ws.getRow(this.row).height = height;
    this.row++;
  }

  /**
   * The title block of a party document: the bloc on the left and the Party's name (underlined) on the right,
   * a star under the bloc and the place and date (italic) under the Party's name, then the title lines.
   */
  titleBlock(o: DocumentOptions, titles: readonly string[], { dateline = true } = {}): void {
    const [leftEnd, rightStart] = this.titleSpans();
    const right = this.width;
    const bloc = blocLine(o);
    const top = this.row;
    if (leftEnd > 1) this.ws.mergeCells(top, 1, top, leftEnd);
    if (right > rightStart) this.ws.mergeCells(top, rightStart, top, right);
    this.put(top, 1, bloc, { bold: true, align: 'center', wrap: true });
    this.put(top, rightStart, word('party', o.lang), { bold: true, underline: true, align: 'center' });
    this.ws.getRow(top).height = LINE_PT * Math.max(1, lines(bloc, this.widthOf(1, leftEnd) * 0.62));
    this.row++;
    if (leftEnd > 1) this.ws.mergeCells(this.row, 1, this.row, leftEnd);
    this.put(this.row, 1, '*', { align: 'center' });
    if (dateline) {
      if (right > rightStart) this.ws.mergeCells(this.row, rightStart, this.row, right);
      this.put(this.row, rightStart, dateLine(o), { italic: true, align: 'center' });
    }
    this.row += 2;
    for (const [i, t] of titles.entries()) {
      if (t === '') continue;
      this.line(1, right, t, { bold: i < 2, italic: i >= 2 }, LINE_PT * lines(t, this.widthOf(1, right) * (i < 2 ? 0.62 : 0.9)) + 4);
    }
    if (!o.trusted) this.line(1, right, word('untrusted', o.lang), { bold: true, color: 'FFC00000' }, LINE_PT + 4);
    this.row++;
  }

  /**
   * The columns of the title block's two parts: the first columns holding about 40% of the table's width on the
   * left, the last ones holding as much on the right (on a wide table the middle stays empty, as on paper forms).
   */
  private titleSpans(): [leftEnd: number, rightStart: number] {
    const total = this.widthOf(1, this.width);
    let leftEnd = 1;
    while (leftEnd < this.width - 1 && this.widthOf(1, leftEnd) < total * 0.4) leftEnd++;
    let rightStart = this.width;
    while (rightStart > leftEnd + 1 && this.widthOf(rightStart, this.width) < total * 0.4) rightStart--;
    return [leftEnd, rightStart];
  }

  private widthOf(from: number, to: number): number {
    let sum = 0;
    for (let c = from; c <= to; c++) sum += this.columns[c - 1]?.width ?? 0;
    return sum;
  }

  /** A header of one row, or of two when some labels stand over others (merged); bold, centred, bordered. */
  header(cells: readonly HeaderCell[], numbering = false): void {
    const two = cells.some((c) => typeof c !== 'string');
    const top = this.row;
    const bottom = two ? top + 1 : top;
    let col = 1;
    let tallest = 1;
    for (const cell of cells) {
      const style: CellStyle = { bold: true, align: 'center', wrap: true, border: true };
      if (typeof cell === 'string') {
        if (two) this.ws.mergeCells(top, col, bottom, col);
        this.put(top, col, cell, style);
        if (two) this.put(bottom, col, null, style);
        tallest = Math.max(tallest, lines(cell, (this.columns[col - 1]?.width ?? 8) * 0.85) - (two ? 1 : 0));
        col++;
        continue;
      }
      const span = cell.children.length;
      if (span > 1) this.ws.mergeCells(top, col, top, col + span - 1);
      this.put(top, col, cell.label, style);
      for (let i = 1; i < span; i++) this.put(top, col + i, null, style);
      tallest = Math.max(tallest, lines(cell.label, this.widthOf(col, col + span - 1) * 0.85));
      cell.children.forEach((child, i) => {
        this.put(bottom, col + i, child, style);
        this.ws.getRow(bottom).height = Math.max(this.ws.getRow(bottom).height ?? 0, LINE_PT * lines(child, (this.columns[col + i - 1]?.width ?? 8) * 0.85) + 4);
      });
      col += span;
    }
    this.ws.getRow(top).height = LINE_PT * tallest + 4;
    this.headerRows = [top, bottom];
    this.row = bottom + 1;
    if (numbering) {
      // The column numbers under the header, as the official forms have them: (1) (2) (3) …
      for (let c = 1; c <= this.width; c++) this.put(this.row, c, `(${c})`, { italic: true, align: 'center', border: true, size: 11 });
      this.row++;
    }
  }

  /** One row of the table: every cell bordered, text wrapped where its column wraps (the row made tall enough). */
  tableRow(values: readonly Value[], styles: readonly (CellStyle | undefined)[] = [], common: CellStyle = {}): number {
    const r = this.row;
    let tallest = 1;
    for (let c = 1; c <= this.width; c++) {
      const v = values[c - 1] ?? null;
      const style = { ...common, ...styles[c - 1], border: true };
      this.put(r, c, v, style);
      const column = this.columns[c - 1];
      // Measured on LibreOffice's rendering: a width of w holds about 1,15 w letters of Times New Roman 13 (w bold).
      if (typeof v === 'string' && (style.wrap ?? column?.wrap)) tallest = Math.max(tallest, lines(v, (column?.width ?? 8) * (style.bold ? 1 : 1.15) - (style.indent ?? 0)));
    }
    // Every row gets its height: readers differ in the default (15 points is too tight for 13-point text).
    this.ws.getRow(r).height = LINE_PT * tallest + 2;
    this.row++;
    return r;
  }

  /** A4, fitted to the page's width, the header rows printed on every page and frozen on screen. */
  finish({ landscape = false } = {}): void {
    const ws = this.ws;
    ws.pageSetup.paperSize = 9;
    ws.pageSetup.orientation = landscape ? 'landscape' : 'portrait';
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
    ws.pageSetup.horizontalCentered = true;
    // Margins in inches: 20 mm top and bottom, 25 mm left, 15 mm right.
    ws.pageSetup.margins = { top: 0.79, bottom: 0.79, left: 0.98, right: 0.59, header: 0.3, footer: 0.3 };
    if (this.headerRows) {
      ws.pageSetup.printTitlesRow = `${this.headerRows[0]}:${this.headerRows[1]}`;
      ws.views = [{ state: 'frozen', ySplit: this.headerRows[1], xSplit: 0, topLeftCell: `A${this.headerRows[1] + 1}` }];
    }
  }
}

/** How many lines a text takes in a cell of `width` characters. */
export function lines(text: string, width: number): number {
  const w = Math.max(1, Math.floor(width));
  let n = 0;
  for (const part of text.split('\n')) {
    // Words do not break: a line holds the words that fit.
    let len = 0;
    let count = 1;
    for (const wordText of part.split(' ')) {
      const l = wordText.length;
      if (len === 0) len = l;
      else if (len + 1 + l <= w) len += 1 + l;
      else {
        count++;
        len = l;
      }
      while (len > w) {
        count++;
        len -= w;
      }
    }
    n += count;
  }
  return n;
}
