import type { CellValue, RawSheet } from '../../read/types.js';
import type { DerivedTable } from '../derived.js';
import type { Fact } from '../facts.js';
import type { HeaderMap } from '../header.js';
import type { ColumnPlan } from '../layout.js';
import type { SkippedRow, UnitRow } from '../table.js';

// The walk's own shapes (sheet.ts), as far as this needs them: sheet.ts starts a derived walk with its own start.
interface Sink {
  row(row: UnitRow): void;
  fact(fact: Fact): void;
}
interface Walker<R> {
  readonly firstDataRow: number;
  walk(row: readonly CellValue[], r: number): void;
  finish(): R;
}
type Start<O, R> = (sheet: RawSheet, plan: ColumnPlan, options: O, sink: Sink) => Walker<R>;

/** A unit row of a derived table, placed back in the sheet: its row where its name is, each figure's own cell. */
function relocate(u: UnitRow, table: DerivedTable): UnitRow {
  const o = table.origin;
  const r = u.source.row - 1 - o.title;
  const home = o.home[r];
  return { ...u, source: { ...u.source, row: (home?.[0] ?? table.rows[0]) + 1, cells: o.cells[r] ?? [] } };
}

/** The account of a derived table's rows, in the sheet's rows: its title rows as they are, a unit's row where its name is. */
function relocateSkipped(s: SkippedRow, table: DerivedTable): SkippedRow | undefined {
  const o = table.origin;
  if (s.row - 1 < o.title - 1) return s;
  const home = o.home[s.row - 1 - o.title];
  return home ? { ...s, row: home[0] + 1 } : undefined;
}

/**
 * Walk a table tally built from a sheet laid out another way (sheet-kinds/own-form.ts, units-as-columns.ts) like every
 * table of units, all at once: check/ is told first where each of its cells is in the sheet (the `origin` fact), so
 * every message names the real cell; its unit rows carry their cells the same way.
 */
export function walkDerived<O, R extends { readonly header: HeaderMap; readonly skipped: readonly SkippedRow[] }>(
  kind: 'own-form' | 'units-as-columns' | 'official-form', table: DerivedTable, plan: ColumnPlan, options: O, sink: Sink, start: Start<O, R>,
  /** More for the verbose note: an official form's number and edition. */
  more: Readonly<Record<string, string | number>> = {},
): Walker<R> {
  const { sheet, origin } = table;
  sink.fact({ kind: 'origin', origin });
  const rows = `${table.rows[0] + 1}${table.rows[1] > table.rows[0] ? `–${table.rows[1] + 1}` : ''}`;
  sink.fact({ kind: 'note', note: { code: 'sheet-kind', file: sheet.file, sheet: sheet.sheet, args: { kind, units: table.units, rows, ...more } } });
  const inner = start(sheet, plan, options, { row: (u) => sink.row(relocate(u, table)), fact: (f) => sink.fact(f) });
  for (let r = inner.firstDataRow; r < sheet.rows.length; r++) inner.walk(sheet.rows[r] ?? [], r);
  const result = inner.finish();
  const header = { ...result.header, top: table.rows[0], bottom: kind !== 'units-as-columns' ? table.rows[1] : table.rows[0] };
  const skipped = result.skipped.map((s) => relocateSkipped(s, table)).filter((s): s is SkippedRow => s !== undefined);
  const done: R = { ...result, header, skipped };
  return { firstDataRow: Number.MAX_SAFE_INTEGER, walk: () => undefined, finish: () => done };
}
