import { z } from 'zod';
import { fold } from '../recognise/normalise.js';
import type { Summary } from './summary.js';
import { SummarySchema } from './summary-schema.js';

/** A figure of a term as a whole, not of one period (see term.ts). */
export const TERM_METRICS = ['term.admittedOfStart.count', 'term.admittedOfStart.of', 'term.admittedOfStart.percent', 'term.membersGrowth'] as const;
export type TermMetric = (typeof TERM_METRICS)[number];

/** An indicator named by its header: `indicators:Số cuộc học tập` (matched folded, as the roll-up keys them). */
export const INDICATOR_PREFIX = 'indicators:';

/** Parts of the summary that are not figures a target can be set on. */
const NOT_FIGURES = new Set(['schema', 'periods', 'options', 'organizations.unrated', 'organizations.bySector', 'indicators']);

/** Every numeric leaf of a zod object schema, as a dotted path: derived from the summary's schema, never listed by hand. */
function numericPaths(schema: z.ZodType, prefix: string): string[] {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  if (NOT_FIGURES.has(prefix)) return [];
  if (s instanceof z.ZodNumber) return [prefix];
  if (s instanceof z.ZodObject) {
    return Object.entries(s.shape as Record<string, z.ZodType>).flatMap(([k, v]) => numericPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

let summaryMetrics: readonly string[] | undefined;
/** The figures of one period's summary a target can name: `organizations.goodOrBetter.percent`, `members.end`, … */
export function summaryMetricPaths(): readonly string[] {
  summaryMetrics ??= numericPaths(SummarySchema, '');
  return summaryMetrics;
}

/** Every metric a target can name, for the config's error message: the summary's figures, the term's, and the indicator form. */
export function knownMetrics(): readonly string[] {
  return [...summaryMetricPaths(), ...TERM_METRICS, `${INDICATOR_PREFIX}<tên chỉ tiêu / indicator name>`];
}

export function isTermMetric(metric: string): metric is TermMetric {
  return (TERM_METRICS as readonly string[]).includes(metric);
}

/** A metric a target can be set on: a figure of the summary, of the term, or an indicator by name. */
export function isKnownMetric(metric: string): boolean {
  if (metric.startsWith(INDICATOR_PREFIX)) return metric.length > INDICATOR_PREFIX.length;
  return isTermMetric(metric) || summaryMetricPaths().includes(metric);
}

/** A percentage (printed with "%" and compared as the exact fraction behind it). */
export function isPercentMetric(metric: string): boolean {
  return metric.endsWith('.percent') || metric.startsWith('organizations.distribution.') || metric.startsWith('memberRatings.distribution.');
}

/** The exact fraction behind a percentage metric (`….percent` of a share), when the summary has one. */
export function shareOf(s: Summary, metric: string): { count: number; of: number } | undefined {
  if (!metric.endsWith('.percent')) return undefined;
  const parent = valueAt(s, metric.slice(0, -'.percent'.length).split('.'));
  if (typeof parent !== 'object' || parent === null) return undefined;
  const { count, of } = parent as { count?: unknown; of?: unknown };
  return typeof count === 'number' && typeof of === 'number' ? { count, of } : undefined;
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let here = data;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/**
 * A metric's value in one period's summary; null when the inputs do not give it (no "Nữ" column, no indicator of
 * that name, a share of nothing).
 */
export function metricValue(s: Summary, metric: string): number | null {
  if (metric.startsWith(INDICATOR_PREFIX)) {
    const key = fold(metric.slice(INDICATOR_PREFIX.length));
    return s.indicators.find((i) => fold(i.name) === key)?.total ?? null;
  }
  const v = valueAt(s, metric.split('.'));
  return typeof v === 'number' ? v : null;
}
