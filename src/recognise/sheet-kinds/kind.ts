import type { DerivedTable } from '../derived.js';
import { findHeader } from '../header.js';
import { planColumns, type ColumnPlan } from '../layout.js';
import type { SheetLook } from './look.js';
import type { FormSum } from '../facts.js';

/** The official form a refused sheet looks most like, for its message. */
export type ClosestForm = '1' | '7A' | '7B' | '5' | undefined;

/** What tally reads of a Biểu 7A: its sums (for check/), the organisations it counts, and a few of its rows. */
export interface Bieu7A {
  readonly sums: readonly FormSum[];
  readonly unit: string;
  readonly organisations: number | undefined;
  readonly examples: readonly string[];
}

/** Which official form a sheet is, and what tally read from it besides its figures. */
export interface OfficialFormInfo {
  /** "1": Biểu 1 "Tăng, giảm đảng viên". */
  readonly form: string;
  /** "2021" (Hướng dẫn 11-HD/BTCTW, "Biểu số 1-BTCTW"), "2012" (Hướng dẫn 12-HD/BTCTW, "Biểu số 1-TCTW"). */
  readonly edition: '2012' | '2021';
  /** The column the figures were read from ("Kỳ này"), and the previous period's ("Cùng kỳ năm trước"), 0-based. */
  readonly column: number;
  readonly previousColumn: number | undefined;
  /** Where the unit's name came from: `option` is `--unit`, `named` then what the form said (when it differs). */
  readonly nameFrom: 'title' | 'reporting-unit' | 'file' | 'option';
  readonly named?: string | undefined;
  readonly sums: readonly FormSum[];
  /**
   * The previous period the form states ("Cùng kỳ năm trước" of Biểu 1, filled): the same unit's table of that
   * column, planned, and the column (0-based).
   */
  readonly previous?: { readonly table: DerivedTable; readonly plan: ColumnPlan; readonly column: number } | undefined;
}

/** What a sheet is, as the sheet kinds decide it (see index.ts). */
export type SheetDecision =
  /** A table with one row per organisation: walked into unit rows. */
  | { readonly kind: 'unit-table'; readonly plan: ColumnPlan }
  /**
   * A sheet laid out another way, read as the table of units it stands for (`table`, with where each of its cells
   * is in the sheet): one unit's own form of label/value rows, or units as columns with the figures as rows.
   */
  | { readonly kind: 'own-form' | 'units-as-columns'; readonly plan: ColumnPlan; readonly table: DerivedTable }
  /**
   * An official statistical form one unit fills in (Biểu 1 "Tăng, giảm đảng viên", 2012 or 2021 edition): read as
   * the table of that one unit, with the sums the form states (`form.sums`) for check/.
   */
  | { readonly kind: 'official-form'; readonly plan: ColumnPlan; readonly table: DerivedTable; readonly form: OfficialFormInfo }
  /**
   * A statistical form with its figures as row labels (Biểu 1, 7A/7B) that tally does not read; a Biểu 7A (a
   * committee's organisations counted by rating) with its own sums, which check/ judges though it is not rolled up.
   */
  | { readonly kind: 'indicator-form'; readonly examples: readonly string[]; readonly closest: ClosestForm; readonly bieu7a?: Bieu7A | undefined }
  /** A list of members, one person per row. */
  | { readonly kind: 'member-list' }
  /** A form counting organisations by type or group (Biểu 5). */
  | { readonly kind: 'category-form'; readonly examples: readonly string[]; readonly closest: ClosestForm }
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
