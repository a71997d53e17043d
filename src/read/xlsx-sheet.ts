import { decodeEscapes, decodeXml, eachAttribute, found, nextAttribute } from './xml-text.js';
import { Name, nameAt, nameEnd } from './xml-stream.js';
import { at, find, nextAttributeIn, utf8 } from './xml-bytes.js';
import { columnIn, digitsIn, typeIn } from './xlsx-bytes.js';
import type { CellValue, MergeRange } from './types.js';
import { cellRef, columnAt } from './xlsx-values.js';
import { CellReader, type SheetContext } from './xlsx-cell.js';

export type { SheetContext } from './xlsx-cell.js';

/** A row as read: its 0-based index and its cells (trailing empties left off). */
export type RowSink = (index: number, cells: CellValue[]) => void;

/** A non-negative integer written in `s` between `from` and `to`; -1 when it is not one. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return to > from ? n : -1;
}

const TRUE = (v: string): boolean => v === '1' || v === 'true';

/**
 * One worksheet's XML, scanned as it inflates: rows with their cells' values (shared strings looked up, dates by
 * their number format, formulas by their cached result), hidden rows and columns, merged ranges, and the limits
 * of rows and row width checked on the way.
 */
export class SheetScanner extends CellReader {
  readonly merges: MergeRange[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  private rows = 0;
  private row = -1;
  private inRow = false;
  private rowHidden = false;
  private cells: CellValue[] = [];
  private col = -1;
  private width = 0;

  constructor(ctx: SheetContext, private readonly sink: RowSink) {
    super(ctx);
  }

  /** The tags of every cell, read from the bytes: `<c ...>`, `<v>` with its text and `</v>`, `</c>`, `</row>`. */
  protected fast(b: Buffer, lt: number, gt: number): number {
    const a = b[lt + 1];
    if (a === 0x63) {
      const d = b[lt + 2];
      if (d !== 0x20 && d !== 0x3e && d !== 0x2f && d !== 0x09 && d !== 0x0a && d !== 0x0d) return -1;
      const empty = b[gt - 1] === 0x2f;
      this.openCellIn(b, lt + 2, empty ? gt - 1 : gt, empty);
      return gt + 1;
    }
    if (a === 0x76 && gt === lt + 2) {
      if (!this.inCell) return gt + 1;
      const end = find(b, 0x3c, gt + 1);
      if (end < 0 || b[end + 1] !== 0x2f || b[end + 2] !== 0x76 || b[end + 3] !== 0x3e) {
        this.startText(1);
        return gt + 1;
      }
      // As `startText` then `endText` would leave it.
      this.collecting = false;
      this.text = '';
      this.flushValue();
      if (this.raw === '') {
        this.vBytes = b;
        this.vFrom = gt + 1;
        this.vTo = end;
      } else this.raw += utf8(b, gt + 1, end);
      return end + 4;
    }
    if (a !== 0x2f) return -1;
    if (b[lt + 2] === 0x63 && gt === lt + 3) {
      if (this.inCell) this.closeCell();
      return gt + 1;
    }
    if (gt === lt + 5 && b[lt + 2] === 0x72 && b[lt + 3] === 0x6f && b[lt + 4] === 0x77) {
      if (this.inRow) this.closeRow();
      return gt + 1;
    }
    return -1;
  }


  protected tag(s: string, lt: number, gt: number): void {
    const closing = s.charCodeAt(lt + 1) === 0x2f;
    const name = nameAt(s, closing ? lt + 2 : lt + 1, gt);
    if (closing) return this.close(name);
    const end = nameEnd.at;
    const empty = s.charCodeAt(gt - 1) === 0x2f;
    const attrEnd = empty ? gt - 1 : gt;
    switch (name) {
      case Name.C:
        return this.openCell(s, end, attrEnd, empty);
      case Name.V:
        if (this.inCell && !empty) this.startText(1);
        return;
      case Name.F:
        return this.openFormula(s, end, attrEnd, empty);
      case Name.T:
        if (this.inCell && (this.where === 4 || this.where === 5) && !empty) this.startText(this.where === 5 ? 5 : 3);
        return;
      case Name.Is:
        if (this.inCell && !empty) this.where = 4;
        return;
      case Name.R:
        if (this.where === 4) this.where = 5;
        return;
      case Name.RPh:
        if (this.where >= 4 && !empty) this.where = 6;
        return;
      case Name.Row:
        this.openRow(s, end, attrEnd);
        if (empty) this.closeRow();
        return;
      case Name.SheetData:
        this.row = -1;
        return;
      case Name.Col:
        return this.column(s, end, attrEnd);
      case Name.MergeCell:
        return this.mergeCell(s, end, attrEnd);
      default:
        return;
    }
  }

  /** Gather text for: 1 `<v>`, 2 `<f>`, 3 `<is><t>`, 5 `<is><r><t>`. */
  private textFor = 0;
  private startText(what: number): void {
    this.collecting = true;
    this.text = '';
    this.textFor = what;
  }

  private close(name: Name): void {
    switch (name) {
      case Name.V:
      case Name.F:
      case Name.T:
        return this.endText();
      case Name.C:
        if (this.inCell) this.closeCell();
        return;
      case Name.Row:
        if (this.inRow) this.closeRow();
        return;
      case Name.Is:
        this.where = 0;
        return;
      case Name.R:
      case Name.RPh:
        if (this.where >= 5) this.where = 4;
        return;
      default:
        return;
    }
  }

  private endText(): void {
    if (!this.collecting) return;
    this.collecting = false;
    const t = this.text;
    this.text = '';
    switch (this.textFor) {
      case 1:
      case 3:
        this.flushValue();
        this.raw += t;
        return;
      case 2:
        this.formula += t;
        return;
      case 5:
        this.runs += decodeEscapes(decodeXml(t));
        return;
      default:
        return;
    }
  }

  private openRow(s: string, from: number, to: number): void {
    if (this.inRow) this.closeRow();
    let r = NaN;
    let hidden = false;
    eachAttribute(s, from, to, (name, value) => {
      if (name === 'r') r = Number(value);
      else if (name === 'hidden') hidden = TRUE(value);
    });
    this.row = Number.isInteger(r) && r > 0 ? r - 1 : this.row + 1;
    this.ctx.budget.rows(this.ctx.part, ++this.rows);
    this.inRow = true;
    this.rowHidden = hidden;
    this.cells = [];
    this.col = -1;
    this.width = 0;
  }

  private closeRow(): void {
    if (this.inCell) this.closeCell();
    this.inRow = false;
    this.ctx.budget.addCells(this.width);
    if (this.rowHidden) this.hiddenRows.add(this.row);
    const cells = this.cells;
    let last = cells.length - 1;
    while (last >= 0 && (cells[last] === undefined || cells[last] === null)) last--;
    cells.length = last + 1;
    for (let i = 0; i < last; i++) if (cells[i] === undefined) cells[i] = null;
    this.sink(this.row, cells);
  }

  private openCell(s: string, from: number, to: number, empty: boolean): void {
    if (!this.inRow) this.openRow(s, to, to);
    let col = -1;
    let type = '';
    let style = -1;
    // Attributes read in place: a sheet has millions of cells.
    for (let i = nextAttribute(s, from, to); i >= 0; i = nextAttribute(s, i, to)) {
      if (found.nameEnd - found.name !== 1) continue;
      const a = s.charCodeAt(found.name);
      if (a === 0x72) col = columnAt(s, found.value, found.valueEnd);
      else if (a === 0x74) type = s.slice(found.value, found.valueEnd);
      else if (a === 0x73) style = digitsAt(s, found.value, found.valueEnd);
    }
    this.startCell(col, type, style, empty);
  }

  private startCell(col: number, type: string, style: number, empty: boolean): void {
    this.col = col >= 0 ? col : this.col + 1;
    this.ctx.budget.width(this.ctx.part, ++this.width);
    this.inCell = true;
    this.type = type;
    this.style = style;
    this.raw = '';
    this.vBytes = undefined;
    this.runs = '';
    this.formula = '';
    this.hasFormula = false;
    this.sharedIndex = undefined;
    this.where = 0;
    if (empty) this.closeCell();
  }

  /** `openCell` on the bytes of the tag. */
  private openCellIn(b: Buffer, from: number, to: number, empty: boolean): void {
    if (!this.inRow) this.openRow('', 0, 0);
    let col = -1;
    let type = '';
    let style = -1;
    for (let i = nextAttributeIn(b, from, to); i >= 0; i = nextAttributeIn(b, i, to)) {
      if (at.nameEnd - at.name !== 1) continue;
      const a = b[at.name];
      if (a === 0x72) col = columnIn(b, at.value, at.valueEnd);
      else if (a === 0x74) type = typeIn(b, at.value, at.valueEnd);
      else if (a === 0x73) style = digitsIn(b, at.value, at.valueEnd);
    }
    this.startCell(col, type, style, empty);
  }

  private openFormula(s: string, from: number, to: number, empty: boolean): void {
    if (!this.inCell) return;
    let type: string | undefined;
    let si: string | undefined;
    let ref: string | undefined;
    eachAttribute(s, from, to, (name, value) => {
      if (name === 't') type = value;
      else if (name === 'si') si = value;
      else if (name === 'ref') ref = value;
    });
    // As exceljs: a formula is one with text or a type (a shared formula's copies have only `t="shared" si`).
    if (type) this.hasFormula = true;
    if (type === 'shared' && si !== undefined) this.sharedIndex = ref === undefined ? si : `=${si}`;
    if (!empty) this.startText(2);
  }

  private closeCell(): void {
    this.collecting = false;
    this.inCell = false;
    this.where = 0;
    const value = this.value();
    this.vBytes = undefined;
    if (value !== null) this.cells[this.col] = value;
  }

  private column(s: string, from: number, to: number): void {
    let min = 0;
    let max = 0;
    let hidden = false;
    eachAttribute(s, from, to, (name, value) => {
      if (name === 'min') min = Number(value);
      else if (name === 'max') max = Number(value);
      else if (name === 'hidden') hidden = TRUE(value);
    });
    if (!hidden || !(min >= 1)) return;
    if (!(max >= min)) max = min;
    for (let c = min; c <= Math.min(max, 16_384); c++) this.hiddenColumns.add(c - 1);
  }

  private mergeCell(s: string, from: number, to: number): void {
    let ref = '';
    eachAttribute(s, from, to, (name, value) => {
      if (name === 'ref') ref = value;
    });
    const [a, b] = ref.split(':').map(cellRef);
    if (a && b) this.merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
    else if (a) this.merges.push({ top: a.row, left: a.col, bottom: a.row, right: a.col });
  }

  /** The end of the part: a row left open is closed. */
  finish(): void {
    if (this.inRow) this.closeRow();
  }
}
