import { COLUMN_LABELS, type ColumnId } from '../columns.js';
import { fold } from '../normalise.js';
import type { UnitRow } from '../table.js';

/** A table of a workbook, with the unit rows it holds. */
export interface WorkbookTable {
  readonly sheet: string | undefined;
  readonly rows: readonly UnitRow[];
}

function unitKey(row: UnitRow): string {
  return row.code ? `code:${fold(row.code)}` : `name:${fold(row.name)}`;
}

function sums(rows: readonly UnitRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row.counts)) out.set(k, (out.get(k) ?? 0) + v);
    row.indicators.forEach((v, i) => {
      const key = `indicator:${fold(row.indicatorNames[i] ?? '')}`;
      if (v !== undefined) out.set(key, (out.get(key) ?? 0) + v);
    });
  }
  return out;
}

function sumsOf(tables: readonly WorkbookTable[]): Map<string, number> {
  const all: UnitRow[] = [];
  for (const t of tables) for (const row of t.rows) all.push(row);
  return sums(all);
}

const TOTALS_NAME = /^(tong hop|tonghop|th|tong cong|toan khoi|tong so|tong)\b/;

/**
 * In a workbook of several tables, the sheet that only totals the others ("Tổng hợp"): it has their units
 * again, or its members add up to theirs. Counting it would count every unit twice.
 */
export function findTotalsSheet<T extends WorkbookTable>(tables: readonly T[]): T | undefined {
  if (tables.length < 2) return undefined;
  const periodOf = (t: WorkbookTable): string => t.rows[0]?.period ?? '';
  for (const t of tables) {
    // Sheets of other periods ("Năm 2023" beside "Năm 2022") repeat the same units without totalling them.
    const others = tables.filter((x) => x !== t && x.rows.length > 0 && periodOf(x) === periodOf(t));
    if (others.length === 0 || t.rows.length === 0) continue;
    const otherKeys = new Set(others.flatMap((o) => o.rows.map(unitKey)));
    const keys = t.rows.map(unitKey);
    const covers = keys.filter((k) => otherKeys.has(k)).length;
    const mine = sums(t.rows).get('members') ?? 0;
    const theirs = others.reduce((a, o) => a + (sums(o.rows).get('members') ?? 0), 0);
    const named = TOTALS_NAME.test(fold(t.sheet ?? ''));
    // A "Tổng hợp" of pasted figures, one row per sector, that disagrees a little is still the totals sheet:
    // fewer rows than the units it sums, and about their members.
    const summary = t.rows.length < others.reduce((a, o) => a + o.rows.length, 0) && theirs > 0 && Math.abs(mine - theirs) <= 0.2 * theirs;
    if ((covers === otherKeys.size && covers === keys.length) || (named && (mine === theirs || covers * 2 >= keys.length || summary))) return t;
  }
  return undefined;
}

/** One figure of a totals sheet beside what the other sheets add up to. */
export interface SheetSum {
  readonly column: string;
  readonly value: number;
  readonly expected: number;
}

/** Every figure the totals sheet or the other sheets have, summed on each side: check/ says where they differ. */
export function totalsSheetSums(totals: WorkbookTable, others: readonly WorkbookTable[]): SheetSum[] {
  const mine = sums(totals.rows);
  const theirs = sumsOf(others);
  const out: SheetSum[] = [];
  for (const key of new Set([...mine.keys(), ...theirs.keys()])) {
    const column = key.startsWith('indicator:') ? key.slice('indicator:'.length) : COLUMN_LABELS[key as ColumnId];
    out.push({ column, value: mine.get(key) ?? 0, expected: theirs.get(key) ?? 0 });
  }
  return out;
}
