import { isPercentMetric, isTermMetric, metricValue, shareOf, type TermMetric } from './metrics.js';
import type { Rounding } from './percent.js';
import type { Summary } from './summary.js';
import { termFigures, type PeriodSummary, type TermFigures, type TermSpan } from './term.js';

export const TARGET_OPS = ['>=', '<=', '>', '<', '='] as const;
export type TargetOp = (typeof TARGET_OPS)[number];
export const TARGET_OVER = ['latest', 'each-year', 'term'] as const;
export type TargetOver = (typeof TARGET_OVER)[number];

/** A target as the config sets it: "95% trở lên đảng viên hoàn thành tốt nhiệm vụ" is memberRatings.goodOrBetter.percent >= 95 each year. */
export interface TargetSpec {
  readonly label: string;
  readonly metric: string;
  readonly op: TargetOp;
  readonly value: number;
  readonly over: TargetOver;
}

/** A target with its result, in the order of the config. */
export interface TargetOutcome extends TargetSpec {
  /** The value it is judged on: the deciding period's (each-year, latest) or the term's; null when the inputs do not give it. */
  readonly actual: number | null;
  readonly met: boolean;
  /** False when a period read does not give the figure: the target could not be judged (and is not met). */
  readonly judged: boolean;
  /** The value in each period read (for a term figure: the term through that period). */
  readonly byPeriod: Readonly<Record<string, number | null>>;
  /** The period that decides: the first that misses, else the one closest to the threshold (each-year), the last (latest); null for a term figure. */
  readonly decidingPeriod: string | null;
  /** each-year: the periods where it is missed. */
  readonly missedIn: readonly string[];
  /** "%" when the figure is a percentage. */
  readonly unit: '%' | undefined;
  /** Years of the term not read yet: the result stands on the periods read so far. */
  readonly pending: readonly string[];
}

export interface TargetsResult {
  readonly term: TermFigures;
  readonly targets: readonly TargetOutcome[];
  readonly targetsMet: { readonly count: number; readonly of: number };
}

/** Exact where the figure is a share: 94,996% is below 95% even if it prints as 95,00%. */
interface Judged {
  readonly value: number | null;
  /** count × 100 and of, when the value is a percentage of a known share. */
  readonly exact?: { readonly count: number; readonly of: number } | undefined;
}

function holds(op: TargetOp, left: number, right: number): boolean {
  switch (op) {
    case '>=': return left >= right;
    case '<=': return left <= right;
    case '>': return left > right;
    case '<': return left < right;
    case '=': return left === right;
  }
}

/** Whether a judged value meets the target; undefined when there is no value. */
function meets(t: TargetSpec, j: Judged): boolean | undefined {
  if (j.exact && j.exact.of > 0) return holds(t.op, j.exact.count * 100, t.value * j.exact.of);
  return j.value === null ? undefined : holds(t.op, j.value, t.value);
}

function termJudged(tf: TermFigures, metric: TermMetric): Judged {
  const a = tf.admittedOfStart;
  switch (metric) {
    case 'term.admittedOfStart.percent': return { value: a?.percent ?? null, exact: a ?? undefined };
    case 'term.admittedOfStart.count': return { value: a?.count ?? null };
    case 'term.admittedOfStart.of': return { value: a?.of ?? null };
    case 'term.membersGrowth': return { value: tf.membersGrowth };
  }
}

function periodJudged(s: Summary, metric: string): Judged {
  return { value: metricValue(s, metric), exact: shareOf(s, metric) };
}

/** Judge one target on the periods read (each with its judged value). */
function judge(t: TargetSpec, periods: readonly string[], values: readonly Judged[], pending: readonly string[]): TargetOutcome {
  const byPeriod = Object.fromEntries(periods.map((p, i) => [p, values[i]?.value ?? null]));
  const base = { ...t, byPeriod, unit: isPercentMetric(t.metric) ? '%' as const : undefined, pending };
  const results = values.map((v) => meets(t, v));
  const last = periods.length - 1;
  if (t.over !== 'each-year') {
    const r = results[last];
    return { ...base, actual: values[last]?.value ?? null, met: r === true, judged: r !== undefined,
      decidingPeriod: t.over === 'latest' ? (periods[last] ?? null) : null, missedIn: r === false && periods[last] !== undefined ? [periods[last]] : [] };
  }
  const missed = periods.filter((_, i) => results[i] === false);
  const unknown = results.findIndex((r) => r === undefined);
  let deciding = periods.findIndex((_, i) => results[i] === false);
  if (deciding < 0 && unknown >= 0) deciding = unknown;
  if (deciding < 0) {
    // Met every year: the year closest to the threshold is the one that says how near it came.
    let best = Infinity;
    values.forEach((v, i) => {
      const gap = Math.abs((v.value ?? 0) - t.value);
      if (gap < best) [best, deciding] = [gap, i];
    });
  }
  return { ...base, actual: values[deciding]?.value ?? null, met: missed.length === 0 && unknown < 0 && periods.length > 0,
    judged: missed.length > 0 || unknown < 0, decidingPeriod: periods[deciding] ?? null, missedIn: missed };
}

/**
 * Judge every target of the config on the periods read (a pure function of their summaries): `latest` on the last
 * period, `each-year` on every period (met only if met in each), `term` on the term's figures through the last.
 */
export function evaluateTargets(targets: readonly TargetSpec[], series: readonly PeriodSummary[], span: TermSpan | undefined, decimals: number, rounding: Rounding): TargetsResult {
  const term = termFigures(series, span, decimals, rounding);
  const periods = series.map((p) => p.period);
  const termThrough = series.map((_, i) => termFigures(series, span, decimals, rounding, i + 1));
  const outcomes = targets.map((t) => {
    const m = t.metric;
    const values = isTermMetric(m) ? termThrough.map((tf) => termJudged(tf, m)) : series.map((p) => periodJudged(p.summary, m));
    return judge(t, periods, values, term.notRead);
  });
  return { term, targets: outcomes, targetsMet: { count: outcomes.filter((o) => o.met).length, of: outcomes.length } };
}
