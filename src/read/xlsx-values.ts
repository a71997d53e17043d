import type { CellValue } from './types.js';

/**
 * How many formulas of a workbook came with a cached result. A formula saved with none (`<f>` and no `<v>`, as
 * scripts write them) is a 0 in a workbook where other formulas have results; in one where none has, the results
 * were never computed (TL019) and it is kept as its formula text (see `isNoResult`).
 */
export interface FormulaStats {
  withResult: number;
}

/** The marker of a formula with no cached result: its text, as an error value starting with "=". */
export function isNoResult(value: CellValue): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && value.error.startsWith('=');
}

/** An Excel serial day as exceljs turns it into a date. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** `B12` → 1 (0-based); letters only, any digits after them ignored; -1 when there are none. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch === 0x24 && i === 0) continue;
    if (ch < 0x41 || ch > 0x5a) break;
    col = col * 26 + (ch - 64);
  }
  return col - 1;
}

export function cellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m?.[1] || !m[2]) return undefined;
  return { row: Number(m[2]) - 1, col: columnOf(m[1]) };
}
