import type { AnalyseOptions, Analysis } from '../analyse/analyse.js';
import type { Comparison } from '../rollup/compare.js';
import type { PeriodColumn } from '../render/periods-table.js';

/** What a report of several periods hands its renderers beside the analysis. */
export interface PeriodRun {
  readonly analysis: Analysis;
  readonly comparison?: Comparison | undefined;
  readonly series?: readonly PeriodColumn[] | undefined;
}

/** `--previous INPUTS`: the current inputs beside the previous period's. */
export function previousRunner(inputs: readonly string[], previous: readonly string[]) {
  return async (options: AnalyseOptions): Promise<PeriodRun> => {
    const { analysePrevious } = await import('../analyse/previous.js');
    return analysePrevious(inputs, previous, options);
  };
}

/** `--by-period`: one roll-up per period; the latest is the run's summary (the headline). */
export function seriesRunner(inputs: readonly string[]) {
  return async (options: AnalyseOptions): Promise<PeriodRun> => {
    const { analyseSeries } = await import('../analyse/series.js');
    const s = await analyseSeries(inputs, options);
    const latest = s.periods[s.periods.length - 1];
    return { analysis: { ...s.analysis, summary: latest?.summary }, series: s.periods };
  };
}
