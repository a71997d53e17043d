import { previousSamePeriod } from '../check/periods.js';
import type { PeriodStart } from '../check/workbook.js';
import type { Note } from '../recognise/facts.js';
import type { UnitRow } from '../recognise/table.js';
import { compareSummaries, type Comparison } from '../rollup/compare.js';
import { UnitMatcher } from '../rollup/unit-match.js';
import { collectGarbage } from './collect.js';
import { analyse, type AnalyseOptions, type Analysis } from './analyse.js';

export interface PreviousAnalysis {
  /** The current period's run, with the previous inputs' files, diagnostics, failures and notes added. */
  readonly analysis: Analysis;
  /** Undefined when either side has no summary (nothing read). */
  readonly comparison: Comparison | undefined;
}

/**
 * The current inputs beside the previous period's: each side read and rolled up on its own (one period each, as a
 * report; TL033 on a side of two periods), one after the other, so only one side's run is in memory at a time; the
 * grassroots organisations matched by code, else by folded name, as rows arrive (a hashed index of the previous
 * side's keys, not its rows).
 */
export async function analysePrevious(inputs: readonly string[], previousInputs: readonly string[], options: AnalyseOptions): Promise<PreviousAnalysis> {
  const matcher = new UnitMatcher();
  let first: PeriodStart | undefined;
  const keep = (row: UnitRow): void => {
    first ??= { source: row.source, columns: row.columns, name: row.name };
    matcher.addPrevious(row);
  };
  // The previous side's units are never needed whole: no keepUnits there.
  const previous = await analyse(previousInputs, { ...options, keepUnits: false, lean: true, onRow: keep, onProgress: undefined });
  // The previous side's checker index (a key per unit) is garbage now, and so are the matcher's arrays as they were
  // before sorting: collected before the current side builds its own index.
  matcher.seal();
  collectGarbage();
  const current = await analyse(inputs, { ...options, onRow: (row) => matcher.addCurrent(row) });
  const diagnostics = [...current.diagnostics, ...previous.diagnostics];
  const same = current.summary && previous.summary && current.summary.periods.length > 0 && current.summary.periods.join() === previous.summary.periods.join();
  if (same && first) diagnostics.push(previousSamePeriod(first, current.summary?.periods.join(', ') ?? ''));
  // The forms' own previous period ("Cùng kỳ năm trước") gives way to --previous, and the verbose output says so.
  const { formComparison, ...rest } = current;
  const overridden: Note[] = formComparison ? [{ code: 'form-previous-overridden', args: { forms: current.notes.find((n) => n.code === 'form-previous')?.args.forms ?? 0 } }] : [];
  const analysis: Analysis = {
    ...rest,
    files: [...current.files, ...previous.files],
    diagnostics,
    failures: [...current.failures, ...previous.failures],
    notes: [...current.notes.filter((n) => n.code !== 'form-previous'), ...overridden, ...previous.notes],
  };
  const comparison = current.summary && previous.summary ? compareSummaries(current.summary, previous.summary, matcher.result()) : undefined;
  return { analysis, comparison };
}
