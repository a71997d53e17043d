import type { Budget } from './xlsx-limits.js';
import { decodeEscapes, decodeXml, eachAttribute, found, nextAttribute } from './xml-text.js';
import { Name, nameAt, nameEnd, XmlStream } from './xml-stream.js';
import type { CellValue, MergeRange } from './types.js';
import { cellRef, columnAt, excelDate, type FormulaStats } from './xlsx-values.js';

/** What a sheet's cells need from the rest of the workbook. */
export interface SheetContext {
  readonly strings: readonly CellValue[];
  /** By style index (`s`): whether its number format is a date, as exceljs judges it. */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  readonly stats: FormulaStats;
  readonly budget: Budget;
  /** The sheet's part name, for the limits' messages. */
  readonly part: string;
}

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
export class SheetScanner extends XmlStream {
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
  // The cell being read.
  private inCell = false;
  private type = '';
  private style = -1;
  private raw = '';
  private runs = '';
  private formula = '';
  private hasFormula = false;
  private sharedIndex: string | undefined;
  private where = 0;
  /** Shared formulas' text by their index, for the copies that carry none. */
  private readonly shared = new Map<string, string>();

  constructor(private readonly ctx: SheetContext, private readonly sink: RowSink) {
    super();
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
    this.col = col >= 0 ? col : this.col + 1;
    this.ctx.budget.width(this.ctx.part, ++this.width);
    this.inCell = true;
    this.type = type;
    this.style = style;
    this.raw = '';
    this.runs = '';
    this.formula = '';
    this.hasFormula = false;
    this.sharedIndex = undefined;
    this.where = 0;
    if (empty) this.closeCell();
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
    if (value !== null) this.cells[this.col] = value;
  }

  private number(raw: string): CellValue {
    const n = parseFloat(raw);
    return this.style >= 0 && this.ctx.dateStyles[this.style] === true ? excelDate(n, this.ctx.date1904) : n;
  }

  private value(): CellValue {
    const { raw, type } = this;
    if (this.formula !== '' || this.hasFormula) return this.formulaValue();
    if (type === 'inlineStr' && this.runs !== '') return this.runs;
    if (raw === '') return null;
    switch (type) {
      case 's':
        return this.ctx.strings[parseInt(raw, 10)] ?? null;
      case 'inlineStr':
        return decodeXml(raw);
      case 'd': {
        // An ISO 8601 date (strict Open XML); exceljs reads it as parseFloat("2024-05-01") = 2024.
        const d = new Date(decodeXml(raw));
        return Number.isNaN(d.getTime()) ? decodeXml(raw) : d;
      }
      default:
        // Text ("str"), a boolean, an error or a number: read as a formula's cached result is.
        return this.cachedResult(raw);
    }
  }

  private formulaValue(): CellValue {
    const { raw, ctx } = this;
    let text = decodeXml(this.formula);
    const si = this.sharedIndex;
    if (si !== undefined) {
      if (si.startsWith('=')) this.shared.set(si.slice(1), text);
      else if (text === '') text = this.shared.get(si) ?? '';
    }
    const result = raw === '' ? undefined : this.cachedResult(raw);
    // No cached result, or a cached 0, FALSE or "": see FormulaStats.
    if (result === undefined || result === 0 || result === false || result === '') return ctx.stats.withResult > 0 ? 0 : { error: `=${text}` };
    ctx.stats.withResult++;
    return result;
  }

  private cachedResult(raw: string): CellValue {
    switch (this.type) {
      case 'str':
        return decodeXml(raw);
      case 'b':
        return parseInt(raw, 10) !== 0;
      case 'e':
        return { error: decodeXml(raw) };
      default:
        return this.number(raw);
    }
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
