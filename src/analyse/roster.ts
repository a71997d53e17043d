import { TallyError } from '../read/errors.js';
import { openInput, type ReadOptions } from '../read/inputs.js';
import type { CellValue } from '../read/types.js';
import { fold } from '../recognise/normalise.js';
import { readRosterRows, type Roster, type RosterResult, type Stranger } from '../recognise/roster.js';
import type { RowSource, UnitRow } from '../recognise/table.js';

export type { Roster, RosterResult, Stranger } from '../recognise/roster.js';

/** Rows of a roster kept at most: a roster is a list of a bloc's units, not a report of a million rows. */
const MAX_ROWS = 100_000;

/** Read a roster file (CSV or workbook, its first sheet with a header naming the units); unreadable: exit 2 naming it. */
export async function readRoster(file: string, options: ReadOptions): Promise<Roster> {
  const fail = (detailVi: string, detailEn: string, hint?: { hintVi: string; hintEn: string }): TallyError =>
    new TallyError('roster', { file, detailVi, detailEn, ...hint });
  let sheets: { sheet: string | undefined; rows: (readonly CellValue[])[] }[];
  try {
    const opened = await openInput(file, options);
    if (opened.kind === 'workbook') sheets = opened.sheets.map((s) => ({ sheet: s.sheet, rows: [...s.rows] }));
    else if (opened.kind === 'csv') sheets = [{ sheet: undefined, rows: await firstRows(opened.batches) }];
    else {
      sheets = [];
      for await (const s of opened.sheets) sheets.push({ sheet: s.name, rows: await firstRows(s.rows) });
    }
  } catch (err) {
    if (!(err instanceof TallyError)) throw err;
    const vi = err.describe('vi');
    const en = err.describe('en');
    const bare = (m: string): string => m.replace(/\.$/, '');
    throw fail(bare(vi.message), bare(en.message), { hintVi: vi.hint, hintEn: en.hint });
  }
  for (const s of sheets) {
    const read = readRosterRows(s.rows);
    if (read) return { file, sheet: s.sheet, units: read.units };
  }
  throw fail(
    'không có dòng tiêu đề nào có cột tên đơn vị ("Tên tổ chức cơ sở đảng", "Tên đơn vị", …)',
    'no header row names the units\' column ("Tên tổ chức cơ sở đảng", "Tên đơn vị", …)',
  );
}

/**
 * Matches the rows of the reports against a roster as they are read: by code, else by folded name (a name
 * written three ways is one unit). Subordinate cells are a committee's own rows: they are matched when the
 * roster lists them, and never called strangers unless the roster lists cells.
 */
export class RosterMatcher {
  private readonly byCode = new Map<string, number>();
  private readonly byName = new Map<string, number[]>();
  private readonly found: ({ source: RowSource; by: 'code' | 'name' } | undefined)[];
  private readonly strangers: Stranger[] = [];
  private readonly listsCells: boolean;

  constructor(private readonly roster: Roster) {
    roster.units.forEach((u, i) => {
      if (u.code && !this.byCode.has(fold(u.code))) this.byCode.set(fold(u.code), i);
      const key = fold(u.name);
      const list = this.byName.get(key);
      if (list) list.push(i);
      else this.byName.set(key, [i]);
    });
    this.found = roster.units.map(() => undefined);
    this.listsCells = roster.units.some((u) => u.type === 'chi_bo_truc_thuoc' || u.type === 'dang_bo_bo_phan');
  }

  add(row: UnitRow): void {
    const byCode = row.code !== undefined ? this.byCode.get(fold(row.code)) : undefined;
    const at = byCode ?? this.byNameOf(row);
    if (at !== undefined) {
      this.found[at] ??= { source: row.source, by: byCode !== undefined ? 'code' : 'name' };
      return;
    }
    const cell = row.type === 'chi_bo_truc_thuoc' || row.type === 'dang_bo_bo_phan';
    if (!cell || this.listsCells) this.strangers.push({ code: row.code, name: row.name, source: row.source, columns: row.columns });
  }

  /** Of the roster units of this name, the one under the same parent, else the first not yet found. */
  private byNameOf(row: UnitRow): number | undefined {
    const list = this.byName.get(fold(row.name));
    if (!list) return undefined;
    const units = this.roster.units;
    const parent = row.parent !== undefined ? fold(row.parent) : '';
    const sameParent = (i: number): boolean => {
      const p = units[i]?.parent;
      if (p === undefined) return parent === '';
      const folded = fold(p);
      // The report's parent is a code, or (cells listed under their committee) its name.
      return folded === parent || units.some((u) => u.code !== undefined && fold(u.code) === folded && fold(u.name) === parent);
    };
    return list.find((i) => sameParent(i) && !this.found[i]) ?? list.find(sameParent) ?? list.find((i) => !this.found[i]) ?? list[0];
  }

  result(): RosterResult {
    return {
      roster: this.roster,
      units: this.roster.units.map((unit, i) => ({ unit, found: this.found[i]?.source, by: this.found[i]?.by })),
      strangers: this.strangers,
    };
  }
}

/** The first MAX_ROWS rows of a stream of batches (a CSV's, or a streamed sheet's), read to its end. */
async function firstRows(batches: AsyncIterable<CellValue[][]>): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  for await (const batch of batches) for (const row of batch) if (rows.length < MAX_ROWS) rows.push(row);
  return rows;
}
