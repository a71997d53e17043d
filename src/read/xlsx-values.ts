import type { CellValue } from './types.js';

/**
 * How many formulas of a workbook came with a cached result. A formula saved with none (`<f>` and no `<v>`, as
 * scripts write them) is a 0 in a workbook where other formulas have results; in one where none has, the results
 * were never computed (TL019) and it is kept as its formula text (see `isNoResult`). A cached 0, FALSE or "" counts
 * as none, as exceljs read it: LibreOffice, saving a workbook whose formulas were never computed without computing
 * them, writes `<v>0</v>` for every one (test/template.test.ts); in a computed workbook it is a 0 (FALSE and "" too).
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

/** `B12` → 1 (0-based), read from `s` between `from` and `to`; letters only, digits after them ignored; -1 when none. */
export function columnAt(s: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 0x24 && i === from) continue;
    if (ch < 0x41 || ch > 0x5a) break;
    col = col * 26 + (ch - 64);
  }
  return col - 1;
}

export const columnOf = (ref: string): number => columnAt(ref, 0, ref.length);

export function cellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m?.[1] || !m[2]) return undefined;
  return { row: Number(m[2]) - 1, col: columnOf(m[1]) };
}
