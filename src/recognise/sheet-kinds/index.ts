import { TallyError } from '../../read/errors.js';
import type { RawSheet } from '../../read/types.js';
import { categoryForm } from './category-form.js';
import { indicatorForm } from './indicator-form.js';
import type { SheetDecision, SheetKind } from './kind.js';
import { SheetLook } from './look.js';
import { memberList } from './member-list.js';
import { noTable } from './no-table.js';
import { officialForm } from './official-form.js';
import { ownForm } from './own-form.js';
import { unitTable } from './unit-table.js';
import { unitsAsColumns } from './units-as-columns.js';

export type { SheetDecision } from './kind.js';

/**
 * Every kind of sheet, in the order they are tried: the first whose test passes decides what the sheet is. An
 * official form first (its title and row labels are the most telling, and its "Kỳ này | Cùng kỳ năm trước" columns
 * are no units), units as
 * columns and a unit's own form first (each looks at a few rows only, and a table of units would take either for a
 * table with a header of figures), then a table of units (the common case, and the one most tests are about); the forms tally does not add up after it, in
 * the order their messages are preferred when no sheet of a file is a table (a form with figures as row labels is
 * the most telling, a sheet of nothing known the least); `no-table` takes every sheet.
 *
 * Two more roles are decided among the tables of one workbook, not from a sheet alone: an instructions sheet whose
 * sample rows are not units (instructions.ts), and a totals sheet that only totals the others (totals-sheet.ts).
 */
export const SHEET_KINDS: readonly SheetKind[] = [officialForm, unitsAsColumns, ownForm, unitTable, indicatorForm, memberList, categoryForm, noTable];

/** What a sheet is: the one place that decides it. */
export function classifySheet(sheet: RawSheet): SheetDecision {
  const look = new SheetLook(sheet);
  for (const kind of SHEET_KINDS) {
    const decision = kind.test(look);
    if (decision) return decision;
  }
  return { kind: 'no-table', headers: '' };
}

/** A sheet of a file with the decision made on it. */
export interface DecidedSheet {
  readonly sheet: string | undefined;
  readonly decision: SheetDecision;
}

/**
 * Why a file with no table of units cannot be read, from what its sheets are: the kind that comes first in
 * SHEET_KINDS among them, said of the first sheet of that kind.
 */
export function noTableFailure(file: string, sheets: readonly DecidedSheet[], sheetCount: number): TallyError {
  const first = <K extends SheetDecision['kind']>(kind: K): (DecidedSheet & { decision: Extract<SheetDecision, { kind: K }> }) | undefined =>
    sheets.find((s) => s.decision.kind === kind) as (DecidedSheet & { decision: Extract<SheetDecision, { kind: K }> }) | undefined;
  const quote = (t: string): string => `"${t}"`;
  const form = first('indicator-form');
  if (form) return new TallyError('indicator-rows', { file, sheet: form.sheet ?? '', examples: form.decision.examples.slice(0, 4).map(quote).join(', '), closest: form.decision.closest });
  const list = first('member-list');
  if (list) return new TallyError('member-list', { file, sheet: list.sheet ?? '' });
  const byCategory = first('category-form');
  if (byCategory) return new TallyError('category-rows', { file, sheet: byCategory.sheet ?? '', examples: byCategory.decision.examples.map(quote).join(', '), closest: byCategory.decision.closest });
  const named = sheets.find((s) => s.decision.kind === 'no-table' && s.decision.headers !== '') ?? sheets[0];
  const headers = named?.decision.kind === 'no-table' ? named.decision.headers : '';
  return new TallyError('no-table', { file, sheet: sheetCount > 1 ? undefined : named?.sheet, headers: headers || '(không có / none)' });
}
