import type { Analysis } from '../analyse/analyse.js';
import type { Lang } from '../check/catalogue.js';
import type { Comparison } from '../rollup/compare.js';
import type { Summary } from '../rollup/summary.js';
import { diagnosticJson, failureJson } from './json.js';
import type { PeriodColumn } from './periods-table.js';

/** A summary's figures without its envelope (schema, options): what `previous` and each period of a series hold. */
function figures(s: Summary): Omit<Summary, 'schema' | 'options'> {
  const rest: Partial<Summary> = { ...s };
  delete rest.schema;
  delete rest.options;
  return rest as Omit<Summary, 'schema' | 'options'>;
}

function envelope(a: Analysis, lang: Lang, trusted: boolean): Record<string, unknown> {
  return {
    trusted,
    files: a.files,
    rows: a.rows,
    diagnostics: a.diagnostics.map((d) => diagnosticJson(d, lang)),
    failures: a.failures.map((f) => failureJson(f, lang)),
  };
}

/**
 * `--previous --format json`: the current summary as always, with `previous` (the previous period's figures, in the
 * same shape) and `change` (every figure current minus previous: counts as numbers, shares as {count, of, points};
 * `change.units` the organisations matched, come and gone) beside `organizations`, `members`, ….
 */
export function renderCompareJson(a: Analysis, current: Summary, c: Comparison, lang: Lang, trusted: boolean): string {
  return `${JSON.stringify({ ...current, previous: figures(c.previous), change: c.change, ...envelope(a, lang, trusted) }, null, 2)}\n`;
}

/** `--by-period --format json`: the latest period's summary as the headline, and `series`: every period in order. */
export function renderSeriesJson(a: Analysis, periods: readonly PeriodColumn[], lang: Lang, trusted: boolean, extra?: Record<string, unknown>): string {
  const latest = periods[periods.length - 1];
  const series = periods.map((p) => ({ period: p.period, files: p.files, ...figures(p.summary) }));
  return `${JSON.stringify({ ...latest?.summary, ...extra, series, ...envelope(a, lang, trusted) }, null, 2)}\n`;
}
