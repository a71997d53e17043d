import type { RowSource } from '../recognise/table.js';
import type { SheetSum } from '../recognise/sheet-kinds/totals-sheet.js';
import type { ColumnId } from '../recognise/columns.js';
import { diagnose, type Diagnostic } from './diagnostic.js';
import { locate } from './rule.js';

/** TL032: where a workbook's totals sheet disagrees with what its other sheets add up to. */
export function totalsSheetMismatches(file: string, sheet: string | undefined, sums: readonly SheetSum[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { column, value, expected } of sums) {
    if (value === expected) continue;
    out.push(diagnose('TL032', { file, sheet, column }, { sheet: sheet ?? '', column, value, expected }));
  }
  return out;
}

/** Where a period was first met: the first row that carries it. */
export interface PeriodStart {
  readonly source: RowSource;
  readonly columns: Readonly<Partial<Record<ColumnId, number>>>;
  readonly name: string;
}

/**
 * TL033: reports of several periods in one roll-up would add years together. Said at the first row of the second
 * period: where the reports stop being one period.
 */
export function mixedPeriods(periods: ReadonlyMap<string, PeriodStart>): Diagnostic | undefined {
  if (periods.size < 2) return undefined;
  const [first, second] = [...periods.values()];
  if (!first || !second) return undefined;
  const at = (u: PeriodStart): string => `${u.source.file}${u.source.sheet ? ` [${u.source.sheet}]` : ''}:${u.source.row}`;
  const value = [...periods].map(([p, u]) => `${p} (${at(u)})`).join(', ');
  const column = second.columns.period !== undefined ? 'period' as const : undefined;
  return locate('TL033', second, { column, args: { count: periods.size, value } });
}
