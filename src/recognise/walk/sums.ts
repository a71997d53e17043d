import type { Cover } from '../facts.js';
import type { Layout } from '../layout.js';
import type { CellValue } from '../../read/types.js';
import { BAD_CELL, BLANK_CELL, writtenDecimals } from '../numbers.js';

/** A subtotal or total row as read: its figure in each summed column, keyed as `Layout.summed` keys them. */
export interface TotalRow {
  readonly row: number;
  readonly label: string;
  readonly kind: 'subtotal' | 'total';
  readonly values: ReadonlyMap<string, { readonly value: number; readonly col: number; readonly decimals: number }>;
}

/**
 * Running sums of the summed columns since the top of the table and since the last group heading, with the part
 * of each from hidden rows (said when a total disagrees by just that much). An unreadable cell (already a fact of
 * its own) makes its column's sum unknown (NaN).
 */
export class Sums {
  readonly all: Float64Array;
  readonly hiddenAll: Float64Array;
  group: Float64Array;
  hiddenGroup: Float64Array;
  /** Rows added since the group opened: a heading with no rows under it has nothing to be checked against. */
  groupRows = 0;

  constructor(private readonly layout: Layout, private readonly hiddenRows: ReadonlySet<number>) {
    const n = layout.summed.length;
    this.all = new Float64Array(n);
    this.hiddenAll = new Float64Array(n);
    this.group = new Float64Array(n);
    this.hiddenGroup = new Float64Array(n);
  }

  openGroup(): void {
    const n = this.layout.summed.length;
    this.group = new Float64Array(n);
    this.hiddenGroup = new Float64Array(n);
    this.groupRows = 0;
  }

  /** Add a row's figures (the row being walked, or one held earlier). */
  add(r: number, values: Float64Array): void {
    this.groupRows++;
    const hidden = this.hiddenRows.size > 0 && this.hiddenRows.has(r);
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? BLANK_CELL;
      if (v >= 0) {
        this.all[i] = (this.all[i] ?? 0) + v;
        this.group[i] = (this.group[i] ?? 0) + v;
        if (hidden) {
          this.hiddenAll[i] = (this.hiddenAll[i] ?? 0) + v;
          this.hiddenGroup[i] = (this.hiddenGroup[i] ?? 0) + v;
        }
      } else if (v === BAD_CELL) {
        this.all[i] = Number.NaN;
        this.group[i] = Number.NaN;
      }
    }
  }

  /**
   * Which running sums a row's figures are: the table's ('all', preferred when both agree) or the open group's. The
   * member count (`at`) must equal the sum, and at least half the figures written must too.
   */
  agreeing(values: Float64Array, at: number, grouped: boolean): 'all' | 'group' | undefined {
    const agrees = (sums: Float64Array): boolean => {
      const members = values[at] ?? BLANK_CELL;
      if (at < 0 || members < 0 || members !== sums[at]) return false;
      let written = 0;
      let equal = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values[i] ?? BLANK_CELL;
        if (v < 0) continue;
        written++;
        if (v === sums[i]) equal++;
      }
      return equal * 2 >= written;
    };
    if (agrees(this.all)) return 'all';
    return grouped && this.groupRows > 0 && agrees(this.group) ? 'group' : undefined;
  }

  /** What a total row's figures are set against: the group's sums for a subtotal, the table's for a total. */
  covers(t: TotalRow, scope: 'all' | 'group'): Cover[] {
    const sums = scope === 'all' ? this.all : this.group;
    const hiddenSums = scope === 'all' ? this.hiddenAll : this.hiddenGroup;
    const out: Cover[] = [];
    for (const [key, { value, col, decimals }] of t.values) {
      const at = this.layout.summed.findIndex((s) => s.key === key);
      const sum = sums[at] ?? 0;
      out.push({ col, label: this.layout.labelAt(col) ?? key, value, decimals, sum: Number.isNaN(sum) ? null : sum, hidden: hiddenSums[at] ?? 0 });
    }
    return out;
  }
}

/** A total row's figures: every summed column with a number in it, with the decimals it is written with. */
export function totalValues(layout: Layout, values: Float64Array, row: readonly CellValue[]): Map<string, { value: number; col: number; decimals: number }> {
  const out = new Map<string, { value: number; col: number; decimals: number }>();
  layout.summed.forEach((s, i) => {
    const v = values[i] ?? BLANK_CELL;
    if (v >= 0) out.set(s.key, { value: v, col: s.col, decimals: writtenDecimals(row[s.col] ?? null) });
  });
  return out;
}
