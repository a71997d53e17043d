import type { Budget } from './xlsx-limits.js';
import { decodeXml } from './xml-text.js';
import { utf8, XmlBytes } from './xml-bytes.js';
import type { CellValue } from './types.js';
import { decimalIn, digitsIn } from './xlsx-bytes.js';
import { excelDate, type FormulaStats } from './xlsx-values.js';

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

/**
 * The cell being read by a sheet's scanner (xlsx-sheet.ts), and its value once it closes: shared strings looked up,
 * dates by their number format, formulas by their cached result; a plain number or shared string's index read from
 * the bytes of its `<v>`, every other value from its text.
 */
export abstract class CellReader extends XmlBytes {
  // The cell being read.
  protected inCell = false;
  protected type = '';
  protected style = -1;
  protected raw = '';
  protected runs = '';
  protected formula = '';
  protected hasFormula = false;
  protected sharedIndex: string | undefined;
  protected where = 0;
  /** A `<v>`'s bytes not yet made into text (`raw`): a number or a shared string's index is read from them. */
  protected vBytes: Buffer | undefined;
  protected vFrom = 0;
  protected vTo = 0;
  /** Shared formulas' text by their index, for the copies that carry none. */
  protected readonly shared = new Map<string, string>();

  constructor(protected readonly ctx: SheetContext) {
    super();
  }

  /** A `<v>`'s bytes kept aside become text, where the text is needed. */
  protected flushValue(): void {
    const b = this.vBytes;
    if (b === undefined) return;
    this.vBytes = undefined;
    this.raw += utf8(b, this.vFrom, this.vTo);
  }

  protected number(raw: string): CellValue {
    const n = parseFloat(raw);
    return this.style >= 0 && this.ctx.dateStyles[this.style] === true ? excelDate(n, this.ctx.date1904) : n;
  }

  /** A plain number or shared string's index read from the bytes of its `<v>`; undefined when not one. */
  protected valueIn(b: Buffer): CellValue | undefined {
    if (this.formula !== '' || this.hasFormula || this.raw !== '') return undefined;
    const type = this.type;
    if (type === '' || type === 'n') {
      const n = decimalIn(b, this.vFrom, this.vTo);
      if (n === undefined) return undefined;
      return this.style >= 0 && this.ctx.dateStyles[this.style] === true ? excelDate(n, this.ctx.date1904) : n;
    }
    if (type !== 's') return undefined;
    const i = digitsIn(b, this.vFrom, this.vTo);
    return i < 0 ? undefined : (this.ctx.strings[i] ?? null);
  }

  protected value(): CellValue {
    if (this.vBytes !== undefined) {
      const v = this.valueIn(this.vBytes);
      if (v !== undefined) return v;
      this.flushValue();
    }
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

  protected formulaValue(): CellValue {
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

  protected cachedResult(raw: string): CellValue {
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
}
