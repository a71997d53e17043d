import type { Note } from '../recognise/facts.js';
import { fold } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';
import { compareSummaries, type Comparison } from '../rollup/compare.js';
import { Rollup, type RollupOptions, type Summary } from '../rollup/summary.js';
import { isGrassroots, LIST_LIMIT, ref, type UnitRef } from '../rollup/unit-match.js';

const key = (file: string, sheet: string | undefined, row: number): string => `${file}\u0000${sheet ?? ''}\u0000${row}`;

/**
 * The previous period that official forms state ("Cùng kỳ năm trước" of Biểu 1), compared with the run as
 * `--previous` compares two folders: the forms' units of that period rolled up on their own, each matched with its
 * own form's current row; every other unit of the run (a unit table's, a form without that column) has no previous
 * figures and is listed as come ("Có ở kỳ 2024, không có ở kỳ 2023"), as a unit missing from `--previous` is, so the
 * change is never a partial previous total against a full current one unsaid.
 */
export class FormPrevious {
  /** The run's grassroots units: the first LIST_LIMIT, and every unit of a derived table (a form's, always). */
  private readonly refs: { readonly ref: UnitRef; readonly sheet: string | undefined }[] = [];
  private grassroots = 0;

  addCurrent(row: UnitRow): void {
    if (!isGrassroots(row)) return;
    this.grassroots++;
    if (this.refs.length < LIST_LIMIT || row.source.cells) this.refs.push({ ref: ref(row), sheet: row.source.sheet });
  }

  /** The comparison, and the verbose note that says where the previous period came from; undefined without previous rows. */
  result(current: Summary, previousRows: readonly UnitRow[], forms: number, options: RollupOptions): { comparison: Comparison; note: Note } | undefined {
    if (previousRows.length === 0) return undefined;
    const rollup = new Rollup(options);
    const previous = new Set<string>();
    for (const row of previousRows) {
      rollup.add(row);
      if (isGrassroots(row)) previous.add(key(row.source.file, row.source.sheet, row.source.row));
    }
    // Each previous row is its own form's: matched with that form's current row; a form not counted (the same unit
    // as a table's row read before it, TL020) leaves its previous row to the unit's row that was, by name.
    const seen = new Set<string>();
    const matchedRefs = new Set<number>();
    this.refs.forEach(({ ref: r, sheet }, i) => {
      const k = key(r.file, sheet, r.row);
      if (previous.has(k) && !seen.has(k)) {
        seen.add(k);
        matchedRefs.add(i);
      }
    });
    const byName = new Map<string, number>();
    this.refs.forEach(({ ref: r }, i) => {
      if (!matchedRefs.has(i) && !byName.has(fold(r.name))) byName.set(fold(r.name), i);
    });
    const gone: UnitRef[] = [];
    for (const row of previousRows) {
      if (!isGrassroots(row) || seen.has(key(row.source.file, row.source.sheet, row.source.row))) continue;
      const i = byName.get(fold(row.name));
      if (i === undefined) gone.push(ref(row));
      else {
        byName.delete(fold(row.name));
        matchedRefs.add(i);
      }
    }
    const appeared: UnitRef[] = [];
    const matched = { byCode: 0, byName: 0 };
    this.refs.forEach(({ ref: r }, i) => {
      if (!matchedRefs.has(i)) {
        if (appeared.length < LIST_LIMIT) appeared.push(r);
      } else if (r.code) matched.byCode++;
      else matched.byName++;
    });
    const count = matched.byCode + matched.byName;
    const units = { matched, appeared, disappeared: gone.slice(0, LIST_LIMIT), appearedCount: this.grassroots - count, disappearedCount: gone.length };
    const comparison = compareSummaries(current, rollup.result(), units);
    const note: Note = { code: 'form-previous', args: { forms, period: comparison.previousPeriods.join(', '), without: this.grassroots - count } };
    return { comparison, note };
  }
}
