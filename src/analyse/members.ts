import { memberListMismatches, unknownMemberRatings } from '../check/member-list.js';
import type { Diagnostic } from '../check/diagnostic.js';
import type { Note } from '../recognise/facts.js';
import type { MemberList } from '../recognise/members/read.js';
import { fold, own } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';
import { inferOrgType } from '../recognise/vocabulary.js';
import { figuresByUnit, memberFigures } from '../rollup/member-figures.js';

/**
 * How many unit rows are remembered for a list to be checked against: a bloc has a few thousand; beyond it, a run of a
 * million rows stays flat.
 */
const INDEX_LIMIT = 10_000;

/** The member figures a list is checked on. */
const LIST_FIGURES = ['members', 'membersHTXSNV', 'membersHTTNV', 'membersHTNV', 'membersKHTNV', 'membersNotRated', 'membersExempt', 'cells'] as const;

/** What a list is checked against: the row's name, where it is, and its member figures; nothing else of it. */
function slim(row: UnitRow): UnitRow {
  const counts: UnitRow['counts'] = { members: row.counts.members };
  for (const id of LIST_FIGURES) {
    const v = row.counts[id];
    if (v !== undefined) counts[id] = v;
  }
  return {
    name: own(row.name), counts, columns: row.columns, indicators: [], indicatorNames: [],
    source: { file: row.source.file, sheet: row.source.sheet, row: row.source.row, ...(row.source.cells ? { cells: row.source.cells } : {}) },
    ...(row.period !== undefined ? { period: row.period } : {}), ...(row.type !== undefined ? { type: row.type } : {}),
    ...(row.code !== undefined ? { code: own(row.code) } : {}),
  };
}

/** The unit rows of a run by period and folded name, for the member lists beside them. */
export class UnitIndex {
  private readonly rows = new Map<string, UnitRow>();

  add(row: UnitRow): void {
    if (this.rows.size >= INDEX_LIMIT) return;
    const key = `${row.period ?? ''}|${fold(row.name)}`;
    // What a list is checked against (names, member figures, where): not the row's indicators, nor the chunk of
    // the sheet its name may be a slice of.
    if (!this.rows.has(key)) this.rows.set(key, slim(row));
  }

  find(period: string | undefined, name: string): UnitRow | undefined {
    return this.rows.get(`${period ?? ''}|${fold(name)}`) ?? (period !== undefined ? undefined : this.findAnyPeriod(name));
  }

  private findAnyPeriod(name: string): UnitRow | undefined {
    const suffix = `|${fold(name)}`;
    for (const [k, row] of this.rows) if (k.endsWith(suffix)) return row;
    return undefined;
  }
}

/**
 * A member list read alone, as the one row of its organisation: its members, their ratings per level, the not rated
 * and the exempt, and its cells counted; the row points at the list's header.
 */
export function listAsUnit(list: MemberList, period: string | undefined): UnitRow {
  const f = memberFigures(list.persons);
  const cells = figuresByUnit(list.persons).size;
  const name = list.organisation ?? list.file;
  const type = inferOrgType(name, false);
  return {
    name, ...(type ? { type } : {}), ...(period ? { period } : {}),
    counts: {
      members: f.members, membersHTXSNV: f.ratings.HTXSNV, membersHTTNV: f.ratings.HTTNV, membersHTNV: f.ratings.HTNV, membersKHTNV: f.ratings.KHTNV,
      membersNotRated: f.notRated, membersExempt: f.exempt, ...(type === 'dang_bo_co_so' && cells > 0 ? { cells } : {}),
    },
    indicators: [], indicatorNames: [], columns: {},
    source: { file: list.file, sheet: list.sheet, row: list.headerRow },
  };
}

/**
 * A list beside the reports: its figures, and each of its cells', checked against the report's rows of the same
 * period (TL070); never added, the roll-up keeps the report's.
 */
export function crossCheckList(list: MemberList, period: string | undefined, index: UnitIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const own = list.organisation !== undefined ? index.find(period, list.organisation) : undefined;
  if (own) for (const d of memberListMismatches(list, memberFigures(list.persons), own)) out.push(d);
  for (const { unit, figures } of figuresByUnit(list.persons).values()) {
    if (list.organisation !== undefined && fold(unit) === fold(list.organisation)) continue;
    const row = index.find(period, unit);
    if (row) for (const d of memberListMismatches(list, figures, row)) out.push(d);
  }
  return out;
}

export interface ListsOutcome {
  readonly diagnostics: Diagnostic[];
  /** The rows the lists stand for when no report was read beside them. */
  readonly rows: UnitRow[];
  /** Persons read, as rows read. */
  readonly persons: number;
  readonly notes: Note[];
}

/** Member lists of a run: rolled up as their organisations when read alone, cross-checked when beside reports. */
export function takeMemberLists(lists: readonly MemberList[], index: UnitIndex, reportsRead: boolean, periodOption: string | undefined): ListsOutcome {
  const diagnostics: Diagnostic[] = [];
  const rows: UnitRow[] = [];
  const notes: Note[] = [];
  let persons = 0;
  for (const list of lists) {
    persons += list.persons.length;
    for (const d of unknownMemberRatings(list)) diagnostics.push(d);
    const period = periodOption ?? list.period;
    const args = { organisation: list.organisation ?? '—', count: list.persons.length, period: period ?? '—', row: list.headerRow };
    const place = { file: list.file, sheet: list.sheet };
    if (!reportsRead) {
      rows.push(listAsUnit(list, period));
      notes.push({ code: 'member-list-alone', ...place, args });
      continue;
    }
    const matched = list.organisation !== undefined && index.find(period, list.organisation) !== undefined;
    notes.push({ code: matched ? 'member-list-beside' : 'member-list-unmatched', ...place, args });
    for (const d of crossCheckList(list, period, index)) diagnostics.push(d);
  }
  return { diagnostics, rows, persons, notes };
}
