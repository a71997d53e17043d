import { COUNT_COLUMNS, type CountColumn } from '../recognise/columns.js';
import { fold, own } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';
import type { RatingLevel } from '../recognise/vocabulary.js';

/** The figures a committee's row is compared on with its cells: every count but the number of cells itself. */
export const TREE_COLUMNS = COUNT_COLUMNS.filter((c) => c !== 'cells');
type TreeColumn = (typeof TREE_COLUMNS)[number];

type Ratings = Record<RatingLevel | 'unrated', number>;

/** A committee and the cells that name it as their parent: its own figures beside theirs. */
export interface CommitteeTree {
  readonly code: string | null;
  readonly name: string;
  readonly period: string | null;
  readonly rating: string | null;
  readonly cells: number;
  /** The cells by rating (unrated: written "chưa xếp loại" or blank). */
  readonly cellRatings: Ratings;
  /** Its own row's figures, for the columns its cells have too. */
  readonly own: Partial<Record<TreeColumn, number>>;
  /** What its cells add up to, for the same columns. */
  readonly fromCells: Partial<Record<TreeColumn, number>>;
  readonly agrees: boolean;
  /**
   * Its row's "Số chi bộ trực thuộc" equals the cells found: the list is whole, so its figures must equal theirs.
   * Otherwise the list may be a part (a 3-level tree, a few cells named for the record) and only cells adding up to
   * more than the committee are sure to be wrong.
   */
  readonly complete: boolean;
  /** Where its own row is, for the diagnostic. */
  readonly row: Pick<UnitRow, 'source' | 'columns' | 'name'>;
}

interface Cells {
  count: number;
  readonly ratings: Ratings;
  readonly sums: Map<TreeColumn, number>;
}

const noRatings = (): Ratings => ({ HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0, unrated: 0 });
const CELL_TYPES = new Set(['chi_bo_truc_thuoc', 'dang_bo_bo_phan']);
const COMMITTEE_TYPES = new Set(['dang_bo_co_so', 'dang_bo_bo_phan']);

/**
 * The bloc as a tree, folded row by row: each committee's own row (ĐBCS, ĐBBP) is kept, and the cells that name a
 * parent are summed under it by (period, parent), where the parent is written as a code or (cells listed under their
 * committee without codes) as its name. Memory grows with the committees, not with the cells, and stops at TREE_LIMIT.
 */
/** What is kept of a committee's row: its names and figures, not the row (a run of 100,000 rows stays flat). */
type CommitteeRow = Pick<UnitRow, 'code' | 'name' | 'period' | 'rating' | 'source' | 'columns'> & { readonly counts: Readonly<Partial<Record<CountColumn, number>>> };


function committeeRow(row: UnitRow): CommitteeRow {
  const counts: Partial<Record<CountColumn, number>> = {};
  for (const id of COUNT_COLUMNS) {
    const v = row.counts[id];
    if (v !== undefined) counts[id] = v;
  }
  return {
    // A copy of the name: the one in the row may be a slice of a whole chunk of the sheet's XML, kept alive with it.
    name: own(row.name), source: row.source, columns: row.columns, counts,
    ...(row.code !== undefined ? { code: own(row.code) } : {}), ...(row.period !== undefined ? { period: row.period } : {}), ...(row.rating !== undefined ? { rating: row.rating } : {}),
  };
}

/**
 * The most committees (and parents of cells) the tree keeps: a bloc has a few hundred; a run of a million generated
 * rows would keep half a million. Past it, the committees after the first are not checked against their cells.
 */
const TREE_LIMIT = 5_000;

export class TreeFold {
  private readonly committees: CommitteeRow[] = [];
  private readonly cells = new Map<string, Cells>();

  add(row: UnitRow): void {
    if (row.type && COMMITTEE_TYPES.has(row.type) && this.committees.length < TREE_LIMIT) this.committees.push(committeeRow(row));
    if (!row.parent || !row.type || !CELL_TYPES.has(row.type)) return;
    const key = `${row.period ?? ''}\u0000${fold(row.parent)}`;
    let c = this.cells.get(key);
    if (!c) {
      if (this.cells.size >= TREE_LIMIT) return;
      this.cells.set(key, c = { count: 0, ratings: noRatings(), sums: new Map() });
    }
    c.count++;
    if (row.rating) c.ratings[row.rating]++;
    for (const id of TREE_COLUMNS) {
      const v = row.counts[id];
      if (v !== undefined || row.columns[id] !== undefined) c.sums.set(id, (c.sums.get(id) ?? 0) + (v ?? 0));
    }
  }

  /** Every committee with cells, in the order read; a committee met twice (TL020) is taken once. */
  result(): CommitteeTree[] {
    const out: CommitteeTree[] = [];
    const taken = new Set<Cells>();
    for (const row of this.committees) {
      const at = (k: string): Cells | undefined => this.cells.get(`${row.period ?? ''}\u0000${fold(k)}`);
      const c = (row.code !== undefined ? at(row.code) : undefined) ?? at(row.name);
      if (!c || taken.has(c)) continue;
      taken.add(c);
      const own: Partial<Record<TreeColumn, number>> = {};
      const fromCells: Partial<Record<TreeColumn, number>> = {};
      for (const [id, sum] of c.sums) {
        const v = row.counts[id as CountColumn];
        // A blank in the committee's row is not a figure to compare with.
        if (v === undefined) continue;
        own[id] = v;
        fromCells[id] = sum;
      }
      out.push({
        code: row.code ?? null, name: row.name, period: row.period ?? null, rating: row.rating ?? null, cells: c.count,
        cellRatings: { ...c.ratings }, own, fromCells, agrees: Object.keys(own).every((k) => own[k as TreeColumn] === fromCells[k as TreeColumn]),
        complete: row.counts.cells === c.count,
        row: { source: row.source, columns: row.columns, name: row.name },
      });
    }
    return out;
  }
}
