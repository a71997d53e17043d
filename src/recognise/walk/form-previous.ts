import type { DerivedTable } from '../derived.js';
import type { HeaderMap } from '../header.js';
import type { ColumnPlan } from '../layout.js';
import type { SkippedRow, UnitRow } from '../table.js';
import { walkDerived } from './derived.js';

/**
 * The previous period of a period's label, a year back ("2024" → "2023", "6 tháng đầu năm 2024" → "6 tháng đầu năm
 * 2023"): what "Cùng kỳ năm trước" of a form names. Undefined when the label has no year.
 */
export function previousPeriod(period: string | undefined): string | undefined {
  if (period === undefined) return undefined;
  const years = [...period.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)];
  const last = years.at(-1);
  if (!last || last.index === undefined) return undefined;
  return `${period.slice(0, last.index)}${Number(last[0]) - 1}${period.slice(last.index + 4)}`;
}

type Start<O, R> = Parameters<typeof walkDerived<O, R & { readonly header: HeaderMap; readonly skipped: readonly SkippedRow[] }>>[5];

/**
 * The unit rows of a form's previous-period column (see sheet-kinds/official-form.ts), walked like its current
 * column with the previous period as the period: what it says about its cells was said of the sheet already (its
 * sums are among the form's), so only its rows are kept.
 */
export function walkPrevious<O extends { readonly period?: string | undefined }, R extends { readonly header: HeaderMap; readonly skipped: readonly SkippedRow[] }>(
  previous: { readonly table: DerivedTable; readonly plan: ColumnPlan }, period: string, options: O, start: Start<O, R>,
): UnitRow[] {
  const rows: UnitRow[] = [];
  const walker = walkDerived('official-form', previous.table, previous.plan, { ...options, period }, { row: (u) => rows.push(u), fact: () => undefined }, start);
  walker.finish();
  return rows;
}
