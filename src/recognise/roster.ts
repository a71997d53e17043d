import type { CellValue } from '../read/types.js';
import { ALIAS_INDEX, type ColumnId } from './columns.js';
import { cellText, fold } from './normalise.js';
import type { RowSource, UnitRow } from './table.js';
import { inferOrgType, parseOrgType, type OrgType } from './vocabulary.js';

/** One unit the roster expects a report from, with the row it is written on (1-based). */
export interface RosterUnit {
  readonly code: string | undefined;
  readonly name: string;
  readonly type: OrgType | undefined;
  readonly parent: string | undefined;
  readonly sector: string | undefined;
  readonly row: number;
  /** 0-based columns of the code and the name: for the cell a diagnostic names. */
  readonly codeColumn: number | undefined;
  readonly nameColumn: number;
}

/** The units a bloc expects reports from (`--roster FILE`). */
export interface Roster {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly units: readonly RosterUnit[];
}

/** A row of the reports that is on no roster: kept whole, for the diagnostic at its name. */
export type Stranger = Pick<UnitRow, 'code' | 'name' | 'source' | 'columns'>;

/** What the reports hold against the roster. */
export interface RosterResult {
  readonly roster: Roster;
  /** Each roster unit, with where its report was found (undefined: no report) and how it was matched. */
  readonly units: readonly { readonly unit: RosterUnit; readonly found: RowSource | undefined; readonly by: 'code' | 'name' | undefined }[];
  readonly strangers: readonly Stranger[];
}

/** The roster's fields: what a unit is, never its figures. */
const ROSTER_COLUMNS = ['code', 'name', 'type', 'parent', 'sector'] as const satisfies readonly ColumnId[];
type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** How far down a roster its header is looked for (a title or two above it). */
const HEADER_ROWS = 20;

/** "Trong đó", numbering and a leading "Số" are not part of a roster's header words. */
const columnOf = (text: string): RosterColumn | undefined => {
  const id = ALIAS_INDEX.get(fold(text).replace(/^(?:\d+\s+)+/, ''));
  return (ROSTER_COLUMNS as readonly string[]).includes(id ?? '') ? (id as RosterColumn) : undefined;
};

/**
 * A roster's rows: the first row (within HEADER_ROWS) with a name column is its header, in any spelling tally
 * reads a report's header in; each later row with a name is a unit. Rows with no name (blank lines, a total, a
 * signature) are passed over. Returns undefined when no header names the units' column.
 */
export function readRosterRows(rows: readonly (readonly CellValue[])[]): { units: RosterUnit[]; headerRow: number } | undefined {
  let header: Partial<Record<RosterColumn, number>> | undefined;
  let headerRow = -1;
  for (let r = 0; r < Math.min(rows.length, HEADER_ROWS) && !header; r++) {
    const found: Partial<Record<RosterColumn, number>> = {};
    (rows[r] ?? []).forEach((cell, c) => {
      const id = columnOf(cellText(cell));
      if (id && found[id] === undefined) found[id] = c;
    });
    if (found.name !== undefined) {
      header = found;
      headerRow = r;
    }
  }
  if (!header || header.name === undefined) return undefined;
  const at = header;
  const nameColumn = header.name;
  const text = (row: readonly CellValue[], id: RosterColumn): string | undefined => {
    const c = at[id];
    const t = c === undefined ? '' : cellText(row[c]);
    return t === '' ? undefined : t;
  };
  const units: RosterUnit[] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const name = text(row, 'name');
    if (!name || /^(?:tong cong|cong|tong so)\b/.test(fold(name))) continue;
    const parent = text(row, 'parent');
    const typeText = text(row, 'type');
    units.push({
      code: text(row, 'code'), name, parent, sector: text(row, 'sector'),
      type: (typeText ? parseOrgType(typeText) : undefined) ?? inferOrgType(name, parent !== undefined),
      row: r + 1, codeColumn: at.code, nameColumn,
    });
  }
  return { units, headerRow: headerRow + 1 };
}
