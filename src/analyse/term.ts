import { TallyError } from '../read/errors.js';
import { evaluateTargets, type TargetSpec, type TargetsResult } from '../rollup/targets.js';
import { periodYear, type TermSpan } from '../rollup/term.js';
import type { Analysis } from './analyse.js';
import { analyseSeries, type SeriesOptions, type SeriesPeriod } from './series.js';

export interface TermRun {
  /** The run, its summary the latest period's (the headline). */
  readonly analysis: Analysis;
  /** The periods of the term read, in order. */
  readonly series: readonly SeriesPeriod[];
  readonly targets: TargetsResult;
  /** Periods read that are outside the term (their files are refused). */
  readonly outside: readonly string[];
}

/**
 * A term: the inputs of several periods read as a series (one roll-up per period), its targets judged on them. A
 * period outside the term is refused (exit 2, its files named) rather than judged against a term it is not part of.
 */
export async function analyseTerm(inputs: readonly string[], span: TermSpan, targets: readonly TargetSpec[], options: SeriesOptions): Promise<TermRun> {
  const s = await analyseSeries(inputs, options);
  const inside: SeriesPeriod[] = [];
  const outside: string[] = [];
  const failures: TallyError[] = [...s.analysis.failures];
  const termText = `${span.from}–${span.to}`;
  for (const p of s.periods) {
    const year = periodYear(p.period);
    if (year !== undefined && year >= span.from && year <= span.to) {
      inside.push(p);
      continue;
    }
    outside.push(p.period);
    for (const file of p.files) failures.push(new TallyError('period-outside-term', { file, period: p.period, term: termText }));
  }
  const latest = inside[inside.length - 1];
  const result = evaluateTargets(targets, inside.map((p) => ({ period: p.period, summary: p.summary })), span, options.decimals, options.rounding);
  // Outputs that list units (the workbook's "Chi tiết") list the headline period's, whose summary they sit beside.
  const units = s.analysis.units?.filter((u) => u.period === latest?.period);
  return { analysis: { ...s.analysis, failures, summary: latest?.summary, ...(units ? { units } : {}) }, series: inside, targets: result, outside };
}
