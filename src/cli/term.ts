import { InvalidArgumentError } from 'commander';
import type { AnalyseOptions, Analysis } from '../analyse/analyse.js';
import type { Config } from '../config/config.js';
import type { TargetsResult } from '../rollup/targets.js';
import { parseTerm, type TermSpan } from '../rollup/term.js';
import type { ReportView } from '../render/formats.js';

/** What a report run hands its renderers beside the analysis when the config has a term or targets. */
export interface TargetsRun {
  readonly analysis: Analysis;
  readonly targetsResult?: TargetsResult | undefined;
  /** A term's periods, each with its summary (the latest is the headline): rendered as --by-period renders them. */
  readonly series?: ReportView['series'];
}

/** commander's parser of `--term 2020-2025`. */
export function termOption(value: string): TermSpan {
  const span = parseTerm(value);
  if (!span) throw new InvalidArgumentError('expected two years, the congress year first: 2020-2025.');
  return span;
}

/**
 * A report with the config's term (or --term): the inputs of several periods of the term read as a series, one
 * summary per period, the targets judged on them. Without a term, the usual run (several periods stay TL033), its
 * targets, if any, judged on its one period.
 */
export async function analyseWithTargets(inputs: readonly string[], options: AnalyseOptions, config: Config, term: TermSpan | undefined): Promise<TargetsRun> {
  const span = term ?? config.term;
  const targets = config.targets ?? [];
  if (span) {
    const { analyseTerm } = await import('../analyse/term.js');
    const t = await analyseTerm(inputs, span, targets, options);
    // The config's term (not --term) with no report of its years among the inputs (an old year looked at again):
    // the term and its targets are left aside, and the run is the usual one, said with --verbose.
    if (term !== undefined || t.series.length > 0 || t.outside.length === 0) return { analysis: t.analysis, targetsResult: t.targets, series: t.series };
    const { analyse } = await import('../analyse/analyse.js');
    const analysis = await analyse(inputs, options);
    return { analysis: { ...analysis, notes: [...analysis.notes, { code: 'term-not-read', args: { term: `${span.from}–${span.to}`, periods: t.outside.join(', ') } }] } };
  }
  const { analyse } = await import('../analyse/analyse.js');
  const analysis = await analyse(inputs, options);
  if (targets.length === 0 || !analysis.summary) return { analysis };
  const { evaluateTargets } = await import('../rollup/targets.js');
  const s = analysis.summary;
  return { analysis, targetsResult: evaluateTargets(targets, [{ period: s.periods.join(', '), summary: s }], undefined, s.options.decimals, s.options.rounding) };
}
