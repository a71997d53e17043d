import type { DerivedTable } from '../derived.js';
import { cellText } from '../normalise.js';
import type { OfficialFormInfo } from '../sheet-kinds/kind.js';
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

/** A form's one unit row (the derived table's last row) named `unit` in its name column. */
function renamed(table: DerivedTable, unit: string): DerivedTable {
  const rows = table.sheet.rows.slice();
  const last = rows.length - 1;
  rows[last] = [unit, ...(rows[last] ?? []).slice(1)];
  return { ...table, sheet: { ...table.sheet, rows } };
}

/**
 * An official form whose unit `--unit` names: its table and its previous period's under that name, and what the form
 * itself said, when it said another name, for the verbose note.
 */
export function namedBy<D extends { readonly table: DerivedTable; readonly form: OfficialFormInfo }>(decision: D, unit: string): D {
  const said = cellText(decision.table.sheet.rows.at(-1)?.[0] ?? null);
  const { previous } = decision.form;
  const form: OfficialFormInfo = {
    ...decision.form, nameFrom: 'option', ...(said !== unit ? { named: said } : {}),
    ...(previous ? { previous: { ...previous, table: renamed(previous.table, unit) } } : {}),
  };
  return { ...decision, table: renamed(decision.table, unit), form };
}
