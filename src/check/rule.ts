import type { DiagnosticCode } from './catalogue.js';
import { a1, diagnose, type Diagnostic } from './diagnostic.js';
import { COLUMN_LABELS, type ColumnId } from '../recognise/columns.js';
import type { UnitRow } from '../recognise/table.js';

/** Thresholds of the regulation rules; defaults follow Hướng dẫn 21-HD/BTCTW, overridable in config. */
export interface Thresholds {
  /** Excellent (HTXSNV) at most this share of those rated good or better: 0.2. */
  readonly excellentQuota: number;
  /** A grassroots organisation needs at least this many full members: 3. */
  readonly minFullMembers: number;
}
export const DEFAULT_THRESHOLDS: Thresholds = { excellentQuota: 0.2, minFullMembers: 3 };

export interface RuleContext {
  readonly thresholds: Thresholds;
}

type Args = Record<string, string | number>;
/** What a rule reports: the code, the column it points at (if any) and the message arguments. */
export interface Finding {
  readonly column?: ColumnId | undefined;
  readonly args: Args;
}

export interface RowRule {
  readonly code: DiagnosticCode;
  check(row: UnitRow, ctx: RuleContext): Finding | undefined;
}

export function defineRule(rule: RowRule): RowRule {
  return rule;
}

/** What a diagnostic needs of a row to point at it. */
export type Locatable = Pick<UnitRow, 'source' | 'columns' | 'name'>;

/** Turn a finding on a row into a diagnostic pointing at the row's cell. */
export function locate(code: DiagnosticCode, row: Locatable, finding: Finding): Diagnostic {
  const col = finding.column !== undefined ? row.columns[finding.column] : undefined;
  // A unit of a derived table names the sheet's own cell of the figure.
  const at = col !== undefined && row.source.cells ? row.source.cells[col] : undefined;
  const cell = at ? a1(at[0], at[1]) : col !== undefined && !row.source.cells ? a1(row.source.row - 1, col) : undefined;
  return diagnose(code, {
    file: row.source.file, sheet: row.source.sheet, row: at ? at[0] + 1 : row.source.row,
    ...(finding.column ? { column: COLUMN_LABELS[finding.column] } : {}),
    ...(cell ? { cell } : {}),
  }, { name: row.name, ...(cell ? { cell } : {}), ...finding.args });
}
