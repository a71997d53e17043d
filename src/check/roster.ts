import type { RosterResult } from '../recognise/roster.js';
import { a1, diagnose, type Diagnostic } from './diagnostic.js';
import { locate } from './rule.js';

/**
 * TL060 for each roster unit with no report (at its row of the roster, its code and name), TL061 for each report
 * from a unit not on it (at its name in the report). Warnings; errors with --require-all, when a bloc's roll-up
 * is not complete without every unit.
 */
export function rosterDiagnostics(r: RosterResult, requireAll: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const severity = requireAll ? 'error' as const : 'warning' as const;
  const { file, sheet } = r.roster;
  for (const { unit, found } of r.units) {
    if (found) continue;
    const column = unit.codeColumn ?? unit.nameColumn;
    const d = diagnose('TL060', { file, sheet, row: unit.row, cell: a1(unit.row - 1, column) }, { code: unit.code ?? '', name: unit.name, value: unit.code ?? unit.name });
    out.push({ ...d, severity });
  }
  for (const s of r.strangers) {
    const d = locate('TL061', s, { column: 'name', args: { code: s.code ?? '', value: s.code ?? s.name, roster: file } });
    out.push({ ...d, severity });
  }
  return out;
}
