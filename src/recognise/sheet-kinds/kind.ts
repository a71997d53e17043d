import type { DerivedTable } from '../derived.js';
import { findHeader } from '../header.js';
import { planColumns, type ColumnPlan } from '../layout.js';
import type { SheetLook } from './look.js';

/** What a sheet is, as the sheet kinds decide it (see index.ts). */
export type SheetDecision =
  /** A table with one row per organisation: walked into unit rows. */
  | { readonly kind: 'unit-table'; readonly plan: ColumnPlan }
  /**
   * A sheet laid out another way, read as the table of units it stands for (`table`, with where each of its cells
   * is in the sheet): one unit's own form of label/value rows, or units as columns with the figures as rows.
   */
  | { readonly kind: 'own-form' | 'units-as-columns'; readonly plan: ColumnPlan; readonly table: DerivedTable }
  /** A statistical form with its figures as row labels (Biểu 1, 7A/7B). */
  | { readonly kind: 'indicator-form'; readonly examples: readonly string[] }
  /** A list of members, one person per row. */
  | { readonly kind: 'member-list' }
  /** A form counting organisations by type or group (Biểu 5). */
  | { readonly kind: 'category-form'; readonly examples: readonly string[] }
  /** Nothing tally reads; `headers` quotes the header-like row it has, for the message. */
  | { readonly kind: 'no-table'; readonly headers: string };

export type SheetKindName = SheetDecision['kind'];

/** A kind of sheet: a test that returns the decision when the sheet is of this kind. */
export interface SheetKind {
  readonly kind: SheetKindName;
  test(look: SheetLook): SheetDecision | undefined;
}

export function defineSheetKind(kind: SheetKind): SheetKind {
  return kind;
}

/** The decision for a derived table: its header found and its columns planned like every other table's. */
export function derivedDecision(kind: 'own-form' | 'units-as-columns', table: DerivedTable): SheetDecision | undefined {
  const header = findHeader(table.sheet);
  return header ? { kind, plan: planColumns(table.sheet, header), table } : undefined;
}
