import type { CellsSum, Fact } from '../facts.js';
import type { Layout } from '../layout.js';
import { BLANK_CELL } from '../numbers.js';
import type { UnitRow } from '../table.js';
import { inferOrgType, type OrgType } from '../vocabulary.js';

/** The unit row last read that may have cells listed under it. One record, reused row after row. */
export interface Committee {
  name: string;
  /** What its cells name as their parent: its code, else its name. */
  key: string;
  /** Its number in the STT column ("1"), which its cells' "1.1" start with. */
  stt: string;
  row: number;
  /** How its own name is written: a cell is marked where the committee is not. */
  bulleted: boolean;
  indented: boolean;
  /** A đảng bộ (by type): only a committee has cells. */
  isCommittee: boolean;
  readonly values: Float64Array;
  readonly sums: Float64Array;
  children: number;
}

/** A row that only looks like a committee's cell (a bullet, an indent, a letter, a blank STT), held for now. */
interface Held {
  readonly row: UnitRow;
  readonly values: Float64Array;
  readonly r: number;
  /** It wrote its own parent (kept if it turns out to be a unit of its own). */
  readonly ownParent: boolean;
  readonly type: OrgType | undefined;
}

export interface CommitteeHost {
  emit(f: Fact): void;
  onRow(row: UnitRow): void;
  /** Add a row's figures to the table's running sums. */
  addToSums(r: number, values: Float64Array): void;
  /** The type the open group heading names. */
  groupType(): OrgType | undefined;
}

/**
 * A committee's own cells listed under it ("1.1", "- Chi bộ …"): subordinate rows, whose figures are already in
 * the committee's row. They are kept out of the totals and checked against the committee's row when the list ends.
 * Rows that only look like its cells are held (`pending`) until the list ends: its cells if they add up to its
 * figures, units of their own if they do not (a clerk's stray dash or a forgotten number must not swallow a unit).
 */
export class Committees {
  /** The committee whose list is open, if any. */
  current: Committee | undefined;
  private readonly state: Committee;
  private pending: Held[] = [];
  private readonly pendingSums: Float64Array;
  private readonly membersAt: number;

  constructor(private readonly layout: Layout, private readonly host: CommitteeHost) {
    const n = layout.summed.length;
    this.state = { name: '', key: '', stt: '', row: 0, bulleted: false, indented: false, isCommittee: false, values: new Float64Array(n), sums: new Float64Array(n), children: 0 };
    this.pendingSums = new Float64Array(n);
    this.membersAt = layout.summed.findIndex((x) => x.id === 'members' && !x.part);
  }

  /**
   * A new unit row that may head a list of cells: the previous list is closed. Called for every unit row, so its
   * fields are set on the one record (no object is made per row).
   */
  open(row: number, name: string, key: string, stt: string, bulleted: boolean, indented: boolean, isCommittee: boolean, values: Float64Array): void {
    this.close();
    const c = this.state;
    if (c.children > 0) c.sums.fill(0);
    c.row = row;
    c.name = name;
    c.key = key;
    c.stt = stt;
    c.bulleted = bulleted;
    c.indented = indented;
    c.isCommittee = isCommittee;
    c.values.set(values);
    c.children = 0;
    this.current = c;
  }

  /** A row that is the committee's cell for sure ("1.1" under its "1"). */
  addCell(values: Float64Array): void {
    const c = this.current;
    if (!c) return;
    c.children++;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? BLANK_CELL;
      if (v >= 0) c.sums[i] = (c.sums[i] ?? 0) + v;
    }
  }

  /** A row that only looks like a cell: held, unless it already makes the cells more than the committee has. */
  hold(row: UnitRow, values: Float64Array, r: number, ownParent: boolean, type: OrgType | undefined): void {
    const c = this.current;
    if (!c) return;
    const m = this.membersAt;
    const over = m >= 0 && (c.values[m] ?? -1) >= 0
      && (c.sums[m] ?? 0) + (this.pendingSums[m] ?? 0) + Math.max(0, values[m] ?? 0) > (c.values[m] ?? 0);
    this.pending.push({ row, values: values.slice(), r, ownParent, type });
    for (let i = 0; i < values.length; i++) this.pendingSums[i] = (this.pendingSums[i] ?? 0) + Math.max(0, values[i] ?? 0);
    if (over) {
      // More than the committee has: none of them is its cell, nor any row that follows.
      this.release(false);
      c.isCommittee = false;
    }
  }

  /** The list ends (another unit, a total, a heading, the end of the table): held rows are decided, cells checked. */
  close(): void {
    const c = this.current;
    if (this.pending.length > 0 && c) this.release(this.differences(c, this.pendingSums).every((x) => x.own === x.sum));
    if (c && c.children > 0) this.host.emit({ kind: 'committee', row: c.row, name: c.name, cells: c.children, columns: this.differences(c) });
    this.current = undefined;
  }

  /**
   * The count columns of a committee with its own figure and what its cells add up to (with `extra`, the held
   * rows, added): the facts TL034 is judged from, and what decides whether held rows are its cells.
   */
  private differences(c: Committee, extra?: Float64Array): CellsSum[] {
    const out: CellsSum[] = [];
    for (let i = 0; i < this.layout.firstIndicator; i++) {
      const s = this.layout.summed[i];
      const own = c.values[i] ?? BLANK_CELL;
      if (!s?.id || s.part || s.id === 'cells' || own < 0) continue;
      out.push({ col: s.col, column: this.layout.labelAt(s.col), id: s.id, own, sum: (c.sums[i] ?? 0) + (extra?.[i] ?? 0) });
    }
    return out;
  }

  private release(asCells: boolean): void {
    const c = this.current;
    for (const p of this.pending) {
      if (asCells && c) {
        c.children++;
        for (let i = 0; i < p.values.length; i++) c.sums[i] = (c.sums[i] ?? 0) + Math.max(0, p.values[i] ?? 0);
      } else {
        // A unit after all: its own type and no parent but the one it wrote, counted in the totals.
        const u = p.row as { -readonly [K in keyof UnitRow]: UnitRow[K] };
        if (!p.ownParent) delete u.parent;
        const inferred = p.type ?? this.host.groupType() ?? inferOrgType(u.name, u.parent !== undefined);
        if (inferred) u.type = inferred;
        else delete u.type;
        this.host.addToSums(p.r, p.values);
      }
      this.host.onRow(p.row);
    }
    this.pending = [];
    this.pendingSums.fill(0);
  }
}
