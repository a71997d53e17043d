import { share, type Rounding, type Share } from './percent.js';
import type { Summary } from './summary.js';

/** The years of a congress term, as the config says them: `{"from": 2020, "to": 2025}`. */
export interface TermSpan {
  readonly from: number;
  readonly to: number;
}

/** One period's summary in a series (the years in order, the latest last). */
export interface PeriodSummary {
  readonly period: string;
  readonly summary: Summary;
}

/** The figures of a term as a whole, through its last period read. */
export interface TermFigures {
  readonly from: number | null;
  readonly to: number | null;
  /** The periods read, in order. */
  readonly periods: readonly string[];
  /** Years of the term after its congress year with no report read: a mid-term review judges on the others. */
  readonly notRead: readonly string[];
  /** Admissions summed over the periods read, as a share of the members at the start of the first; null when a figure is missing. */
  readonly admittedOfStart: Share | null;
  /** Members at the end of the last period read minus at the start of the first; null without a start. */
  readonly membersGrowth: number | null;
  readonly membersStart: number | null;
  readonly membersEnd: number | null;
}

/** The leading year of a period label ("2023", "6 tháng đầu năm 2024" → 2024), or undefined. */
export function periodYear(period: string): number | undefined {
  const m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(period);
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

/**
 * The years of a term no report was read for. The congress year (`from`) closes the previous term's reports, so the
 * term's own years are from+1 … to; a congress year read anyway is among the periods, not missing.
 */
export function termNotRead(span: TermSpan, periods: readonly string[]): string[] {
  const read = new Set(periods.map(periodYear));
  const out: string[] = [];
  for (let y = span.from + 1; y <= span.to; y++) if (!read.has(y)) out.push(String(y));
  return out;
}

/** The term's figures through the first `upTo` periods of the series (all by default): what a term target is judged on. */
export function termFigures(series: readonly PeriodSummary[], span: TermSpan | undefined, decimals: number, rounding: Rounding, upTo = series.length): TermFigures {
  const part = series.slice(0, upTo);
  const first = part[0]?.summary;
  const last = part[part.length - 1]?.summary;
  const start = first?.members.start ?? null;
  const admitted = part.map((p) => p.summary.members.admitted);
  const sum = admitted.every((a): a is number => a !== null) ? admitted.reduce((a, b) => a + b, 0) : null;
  return {
    from: span?.from ?? null,
    to: span?.to ?? null,
    periods: part.map((p) => p.period),
    notRead: span ? termNotRead(span, series.map((p) => p.period)) : [],
    admittedOfStart: start !== null && sum !== null && part.length > 0 ? share(sum, start, decimals, rounding) : null,
    membersGrowth: start !== null && last ? last.members.end - start : null,
    membersStart: start,
    membersEnd: last?.members.end ?? null,
  };
}

/** `--term 2020-2025` (or 2020–2025): the term's span, or undefined when the text is not two years in order. */
export function parseTerm(text: string): TermSpan | undefined {
  const m = /^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to ? { from, to } : undefined;
}
