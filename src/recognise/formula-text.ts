import { cellText } from './normalise.js';
import type { ColumnId } from './columns.js';
import type { Fact } from './facts.js';
import type { Layout } from './layout.js';
import type { CellValue } from '../read/types.js';

/**
 * Text a spreadsheet would run as a formula when the output is opened (OWASP "CSV injection"): "=HYPERLINK(…)",
 * "@SUM(…)", "+cmd", "-1+2", or a tab or carriage return first. A dash or a plus followed by a space is a bullet
 * ("- Chi bộ Phòng Kế hoạch"), not a formula, and a number is a number. Outputs neutralise such text anyway (a
 * leading ' in CSV, a text cell in the workbook, an escape in Markdown); the warning says where it came from.
 */
export function looksLikeFormula(text: string): boolean {
  if (text === '') return false;
  // Nearly every name starts with a letter or a digit: told by its first character, with no regular expression.
  if (!mayStartFormula(text.charCodeAt(0))) return false;
  if (/^[\t\r]/.test(text)) return true;
  const t = text.trimStart();
  if (t.startsWith('=')) return t.length > 1;
  if (/^[+\-@]\S/.test(t)) return !/^[+-]?[\d.,\s]+%?$/.test(t);
  return false;
}

/** `=`, `+`, `-`, `@`, or what `trimStart` takes off (JavaScript's white space and line breaks): anything else starts no formula. */
function mayStartFormula(c: number): boolean {
  if (c < 0x80) return c <= 0x20 || c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
    || c === 0x3000 || c === 0xfeff;
}

/** The columns whose text goes into the outputs as names or labels. */
const NAMED: readonly ColumnId[] = ['name', 'code', 'sector', 'parent'];

/** A unit row's names and codes that look like formulas, one fact per cell. */
export function formulaCells(layout: Layout, row: readonly CellValue[], r: number): readonly Fact[] {
  let out: Fact[] | undefined;
  for (const id of NAMED) {
    const c = layout.columns[id];
    if (c === undefined) continue;
    const value = row[c];
    if (typeof value !== 'string' || !looksLikeFormula(value)) continue;
    (out ??= []).push({ kind: 'formula-text', row: r, col: c, column: layout.labelAt(c) ?? id, text: cellText(value) });
  }
  return out ?? NONE;
}

const NONE: readonly Fact[] = [];

/** Header labels of the indicators (summed under their header, so printed in every output) that look like formulas. */
export function formulaHeaders(layout: Layout): Fact[] {
  const out: Fact[] = [];
  for (const col of layout.indicators) {
    if (!col.label.split(' › ').some(looksLikeFormula)) continue;
    out.push({ kind: 'formula-text', row: layout.header.bottom, col: col.index, column: col.label, text: col.label });
  }
  return out;
}
