import { isCellError, type CellValue } from '../read/types.js';

export type CountParse =
  | { readonly kind: 'value'; readonly value: number }
  /** Blank, "-", "–": zero by convention, but distinguishable from a written 0 when that matters. */
  | { readonly kind: 'blank' }
  /** "X", "…": not applicable. Counts as zero in sums. */
  | { readonly kind: 'na' }
  | { readonly kind: 'bad'; readonly problem: 'not-a-number' | 'not-whole' | 'negative' | 'cell-error'; readonly shown: string };

const DASHES = /^[-–—‐−]+$/;
const PLACEHOLDER = /^(x|…+|\.{2,}|n\/a|k)$/i;
// Vietnamese thousands: 4.288 / 4 288 / 1.234.567; also 4,288 when Excel wrote it in an English locale.
const GROUPED = /^[+-]?\d{1,3}(?:([. \u00a0\u202f,])\d{3})(?:\1\d{3})*$/;
const PLAIN = /^[+-]?\d+$/;
// A decimal written either way: 12,5 or 12.5 (only reached when GROUPED did not match).
const DECIMAL = /^[+-]?\d+[.,]\d+$/;

/** Vietnamese number display: 5663 → "5.663", 92.52 → "92,52". */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (value < 0 ? '-' : '') + grouped + (frac ? `,${frac}` : '');
}

/** A number for display in a language: "1.234,5" in Vietnamese, "1,234.5" in English. */
export function formatIn(value: number, decimals: number, lang: 'vi' | 'en'): string {
  const vi = formatNumber(value, decimals);
  return lang === 'en' ? vi.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')) : vi;
}

/** `shown` is how the cell reads in a message: a string, or how to make one (only needed for a bad cell). */
function checked(value: number, shown: string | (() => string)): CountParse {
  const say = (): string => (typeof shown === 'string' ? shown : shown());
  if (!Number.isFinite(value)) return { kind: 'bad', problem: 'not-a-number', shown: say() };
  if (!Number.isInteger(value)) {
    // Floating noise from a formula (12.000000000001) is still a whole number.
    const rounded = Math.round(value);
    if (Math.abs(value - rounded) > 1e-9) return { kind: 'bad', problem: 'not-whole', shown: say() };
    value = rounded;
  }
  if (value < 0) return { kind: 'bad', problem: 'negative', shown: say() };
  return { kind: 'value', value: value === 0 ? 0 : value };
}

/** Read a count from a cell: numbers, numbers as Vietnamese text, blanks and placeholders. */
export function parseCount(cell: CellValue): CountParse {
  if (cell === null) return { kind: 'blank' };
  if (typeof cell === 'number') return checked(cell, () => formatNumber(cell, Number.isInteger(cell) ? 0 : 2));
  // Excel turns "1-2" typed in a cell into a date: say which date, as the clerk sees it.
  if (cell instanceof Date) return { kind: 'bad', problem: 'not-a-number', shown: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'boolean') return { kind: 'bad', problem: 'not-a-number', shown: String(cell) };
  if (isCellError(cell)) return { kind: 'bad', problem: 'cell-error', shown: cell.error };
  const text = cell.replace(/\s+/g, ' ').trim();
  if (text === '' || DASHES.test(text)) return { kind: 'blank' };
  if (PLACEHOLDER.test(text)) return { kind: 'na' };
  if (PLAIN.test(text)) return checked(Number(text), text);
  const grouped = GROUPED.exec(text);
  if (grouped) return checked(Number(text.replace(/[. \u00a0\u202f,]/g, '')), text);
  if (DECIMAL.test(text)) return checked(Number(text.replace(',', '.')), text);
  // What a careful reader takes as a number: "không", "0 (không)", "15 người", "12 đ/c", full-width "１２".
  if (ZERO_WORD.test(text)) return { kind: 'value', value: 0 };
  const unit = WITH_UNIT.exec(text);
  if (unit?.[1]) {
    const p = parseCount(unit[1]);
    return p.kind === 'value' ? p : { kind: 'bad', problem: 'not-a-number', shown: text };
  }
  if (FULL_WIDTH.test(text)) {
    const p = parseCount(text.normalize('NFKC'));
    return p.kind === 'bad' ? { ...p, shown: text } : p;
  }
  return { kind: 'bad', problem: 'not-a-number', shown: text };
}

const ZERO_WORD = /^(?:0\s*)?\(?\s*(?:không|khong)\s*\)?$/i;
const WITH_UNIT = /^(\d[\d.\s\u00a0]*)\s*(?:người|nguoi|đ\/c|đc|d\/c|đồng chí|đv|đảng viên|cuộc|lượt|chi bộ|tổ chức|ng)\.?$/iu;
const FULL_WIDTH = /[\uff10-\uff19]/;

/** What `countOf` returns for a cell that holds no count: blank, not applicable ("X"), or bad (ask `parseCount` why). */
export const BLANK_CELL = -1;
export const NA_CELL = -2;
export const BAD_CELL = -3;

/** The value of 1 to 15 ASCII digits (what a CSV count cell nearly always holds), read without a regular expression; -1 otherwise. */
function digitsValue(text: string): number {
  const n = text.length;
  if (n === 0 || n > 15) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * `parseCount` for the row walk, which reads every count cell of every row: the count itself, or one of the
 * negative codes above, with no object made for the common cases (a number, or digits as text).
 */
export function countOf(cell: CellValue): number {
  if (cell === null) return BLANK_CELL;
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0) return cell + 0;
  if (typeof cell === 'string') {
    const n = digitsValue(cell);
    if (n >= 0) return n;
  }
  const p = parseCount(cell);
  return p.kind === 'value' ? p.value : p.kind === 'blank' ? BLANK_CELL : p.kind === 'na' ? NA_CELL : BAD_CELL;
}

/**
 * An amount with a fraction, for indicator columns only ("Thu đảng phí (triệu đồng)": 15,5 / 1.234,5 / 12.5);
 * undefined when the cell is not a non-negative number.
 */
export function decimalOf(cell: CellValue): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const t = cell.replace(/[\s\u00a0\u202f]/g, '');
  // "2.340,75" as Vietnamese write it, "2,340.75" as an English-locale export does: both separators tell which is which.
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+[.,]\d+$/.test(t)) return Number(t.replace(',', '.'));
  return undefined;
}

/**
 * How many decimals a figure is written with: "747,78" and "45,00" have two, 12.5 one, 4.288 (thousands) none.
 * A total is compared with the rows it covers at this precision. At most 6.
 */
export function writtenDecimals(cell: CellValue): number {
  if (typeof cell === 'number') return decimalsOf(cell);
  if (typeof cell !== 'string') return 0;
  const t = cell.replace(/[\s\u00a0\u202f%]/g, '');
  const m = /^\d{1,3}(?:\.\d{3})+,(\d+)$/.exec(t) ?? /^\d{1,3}(?:,\d{3})+\.(\d+)$/.exec(t) ?? /^\d+[.,](\d+)$/.exec(t);
  // "4.288" and "1,234" group thousands: a whole number (as parseCount reads them).
  if (!m?.[1] || /^\d{1,3}(?:[.,]\d{3})+$/.test(t)) return 0;
  return Math.min(6, m[1].length);
}

/** Decimals of a number as JavaScript writes it at its shortest (0.1 + 0.2 has 17: callers cap). */
export function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const e = /e-(\d+)$/.exec(s);
  if (e?.[1]) return Math.min(6, Number(e[1]));
  return Math.min(6, s.length - s.indexOf('.') - 1);
}

/** Read a percentage as written by a unit: 92,52 / 92.52% / 0.9252 (a cell formatted as %). */
export function parsePercent(cell: CellValue): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.replace(/\s+/g, '').replace(/%$/, '');
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

/** Is this cell something that reads as a number (used to tell data rows from header rows)? */
export function looksNumeric(cell: CellValue): boolean {
  if (typeof cell === 'number') return true;
  if (typeof cell !== 'string') return false;
  const p = parseCount(cell);
  return p.kind === 'value';
}
