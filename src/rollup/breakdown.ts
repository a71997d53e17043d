import type { UnitRow } from '../recognise/table.js';
import { compareVi, fold } from '../recognise/normalise.js';
import { ORG_TYPES, ORG_TYPE_LABELS } from '../recognise/vocabulary.js';
import { Rollup, type RollupOptions, type Summary } from './summary.js';

/** The fields a roll-up can be broken down by. */
export const BREAKDOWN_FIELDS = ['type', 'sector', 'parent', 'group'] as const;
export type BreakdownField = (typeof BREAKDOWN_FIELDS)[number];

/** One part of a breakdown: its key (a type id, or the folded text), the text as first written, and its roll-up. */
export interface BreakdownGroup {
  /** `''` for the rows that do not say (no sector, no parent, no group, type unknown). */
  readonly key: string;
  readonly label: string;
  readonly summary: Summary;
}

export interface BreakdownResult {
  readonly field: BreakdownField;
  readonly groups: readonly BreakdownGroup[];
  /** The roll-up of every row: the same as the summary of the run. */
  readonly total: Summary;
}

/**
 * Ratings and members broken down by a field, as a fold: a `Rollup` per value of the field, fed row by row, so
 * memory grows with the number of distinct values, never with the rows. Types come in their fixed order (the
 * unknown last); sectors by number of organisations, as the summary lists them; groups as first met; parents as
 * first met after the units directly under the bloc.
 */
export class Breakdown {
  private readonly parts = new Map<string, { label: string; rollup: Rollup; order: number }>();
  private readonly total: Rollup;

  /**
   * `cellsAsUnits`: a part's subordinate cells are counted, rated and their members summed in it like units (by
   * parent, a committee's cells are the whole of its part); the whole stays the bloc's.
   */
  constructor(readonly field: BreakdownField, private readonly options: RollupOptions, private readonly cellsAsUnits = field === 'parent') {
    this.total = new Rollup(options);
  }

  add(row: UnitRow): void {
    this.total.add(row);
    const { key, label } = this.keyOf(row);
    let part = this.parts.get(key);
    if (!part) {
      part = { label, rollup: new Rollup(this.options), order: this.parts.size };
      this.parts.set(key, part);
    }
    part.rollup.add(this.cellsAsUnits ? asUnit(row) : row);
  }

  private keyOf(row: UnitRow): { key: string; label: string } {
    if (this.field === 'type') return row.type ? { key: row.type, label: ORG_TYPE_LABELS[row.type] } : { key: '', label: '' };
    const text = row[this.field];
    return text ? { key: fold(text), label: text } : { key: '', label: '' };
  }

  result(): BreakdownResult {
    const groups = [...this.parts].map(([key, p]) => ({ key, label: p.label, order: p.order, summary: p.rollup.result() }));
    const last = (g: { key: string }): number => (g.key === '' ? 1 : 0);
    if (this.field === 'type') {
      const rank = (k: string): number => {
        const i = (ORG_TYPES as readonly string[]).indexOf(k);
        return i < 0 ? ORG_TYPES.length : i;
      };
      groups.sort((a, b) => rank(a.key) - rank(b.key));
    } else if (this.field === 'sector') {
      groups.sort((a, b) => last(a) - last(b) || b.summary.organizations.total - a.summary.organizations.total || compareVi(a.label, b.label));
    } else if (this.field === 'parent') {
      // The units directly under the bloc first, then each committee's cells.
      groups.sort((a, b) => last(b) - last(a) || a.order - b.order);
    } else groups.sort((a, b) => last(a) - last(b) || a.order - b.order);
    return { field: this.field, groups: groups.map(({ key, label, summary }) => ({ key, label, summary })), total: this.total.result() };
  }
}

/** A subordinate row as a unit of its part (in the whole, as everywhere, a cell's members are in its committee's row). */
function asUnit(row: UnitRow): UnitRow {
  if (row.type === 'chi_bo_truc_thuoc') return { ...row, type: 'chi_bo_co_so' };
  if (row.type === 'dang_bo_bo_phan') return { ...row, type: 'dang_bo_co_so' };
  return row;
}

/** Fold rows into one breakdown per field, in one pass. */
export function breakdowns(rows: Iterable<UnitRow>, fields: readonly BreakdownField[], options: RollupOptions): BreakdownResult[] {
  const folds = fields.map((f) => new Breakdown(f, options));
  for (const row of rows) for (const b of folds) b.add(row);
  return folds.map((b) => b.result());
}
