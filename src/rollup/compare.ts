import { fold } from '../recognise/normalise.js';
import { RATING_LEVELS } from '../recognise/vocabulary.js';
import type { Summary } from './summary.js';
import type { UnitChanges } from './unit-match.js';

/** The change of a share: of its count, of its base, and of its percentage in points. */
export interface ShareChange {
  readonly count: number;
  readonly of: number;
  /** Current percentage minus the previous one, as printed (both rounded the run's way), in percentage points. */
  readonly points: number | null;
}

/** A figure's change: a number for a count, a ShareChange for a share, null when either side does not know it. */
export type Delta = number | ShareChange | null;

/** A named figure of a list (a sector, an indicator) in both periods. */
export interface NamedChange {
  readonly name: string;
  readonly previous: number | null;
  readonly current: number | null;
  readonly change: number | null;
}

type Share = { readonly count: number; readonly of: number; readonly percent: number | null };
type Block = Summary['organizations'] | Summary['memberRatings'];

/** Every figure of the summary, current minus previous, in the summary's own shape (lists keyed by name). */
export interface SummaryChange {
  readonly organizations: Record<string, unknown>;
  readonly members: Record<string, Delta>;
  readonly memberRatings: Record<string, unknown>;
  readonly indicators: readonly NamedChange[];
  readonly units: UnitChanges;
}

/** The current period beside the previous one: what `--previous` adds to a report. */
export interface Comparison {
  /** The previous period's label(s), as its inputs read ([] when they say none). */
  readonly previousPeriods: readonly string[];
  readonly previous: Summary;
  readonly change: SummaryChange;
}

const isShare = (x: unknown): x is Share =>
  typeof x === 'object' && x !== null && 'count' in x && 'of' in x && 'percent' in x;

function points(a: number | null, b: number | null, decimals: number): number | null {
  if (a === null || b === null) return null;
  const k = 10 ** decimals;
  // Printed percentages are already rounded: their difference is exact at the run's decimals.
  return Math.round((a - b) * k) / k;
}

function shareChange(cur: Share | null, prev: Share | null, decimals: number): ShareChange | null {
  if (!cur || !prev) return null;
  return { count: cur.count - prev.count, of: cur.of - prev.of, points: points(cur.percent, prev.percent, decimals) };
}

// Amounts with a fraction (an indicator in "triệu đồng") differ exactly at the decimals they are written with.
const diff = (cur: number | null, prev: number | null): number | null => (cur === null || prev === null ? null : Math.round((cur - prev) * 1e6) / 1e6);

function named(cur: readonly { name: string; value: number }[], prev: readonly { name: string; value: number }[]): NamedChange[] {
  const out = new Map<string, { name: string; previous: number | null; current: number | null }>();
  for (const p of prev) out.set(fold(p.name), { name: p.name, previous: p.value, current: null });
  for (const c of cur) {
    const entry = out.get(fold(c.name));
    if (entry) entry.current = c.value;
    else out.set(fold(c.name), { name: c.name, previous: null, current: c.value });
  }
  // A figure one period has and the other has not is 0 there for a count of organisations, unknown for an indicator.
  return [...out.values()].map((e) => ({ ...e, change: diff(e.current, e.previous) }));
}

function blockChange(cur: Block, prev: Block, decimals: number): Record<string, unknown> {
  return {
    rated: cur.rated - prev.rated,
    ratings: {
      HTXSNV: cur.ratings.HTXSNV - prev.ratings.HTXSNV, HTTNV: cur.ratings.HTTNV - prev.ratings.HTTNV,
      HTNV: cur.ratings.HTNV - prev.ratings.HTNV, KHTNV: cur.ratings.KHTNV - prev.ratings.KHTNV,
    },
    distribution: {
      HTXSNV: points(cur.distribution.HTXSNV, prev.distribution.HTXSNV, decimals), HTTNV: points(cur.distribution.HTTNV, prev.distribution.HTTNV, decimals),
      HTNV: points(cur.distribution.HTNV, prev.distribution.HTNV, decimals), KHTNV: points(cur.distribution.KHTNV, prev.distribution.KHTNV, decimals),
    },
    goodOrBetter: shareChange(cur.goodOrBetter, prev.goodOrBetter, decimals),
    excellent: shareChange(cur.excellent, prev.excellent, decimals),
    completed: shareChange(cur.completed, prev.completed, decimals),
    notCompleted: shareChange(cur.notCompleted, prev.notCompleted, decimals),
  };
}

/** Every figure of `current` against `previous`: counts as differences, shares in count and in points. */
export function compareSummaries(current: Summary, previous: Summary, units: UnitChanges): Comparison {
  const d = current.options.decimals;
  const o = current.organizations;
  const po = previous.organizations;
  const members: Record<string, Delta> = {};
  for (const [k, v] of Object.entries(current.members)) {
    const p = previous.members[k as keyof Summary['members']];
    members[k] = isShare(v) || isShare(p) ? shareChange(isShare(v) ? v : null, isShare(p) ? p : null, d) : diff(v, p);
  }
  const memberRatings = { ...blockChange(current.memberRatings, previous.memberRatings, d), notRated: current.memberRatings.notRated - previous.memberRatings.notRated, exempt: current.memberRatings.exempt - previous.memberRatings.exempt };
  const sectors = named(o.bySector.map((x) => ({ name: x.sector, value: x.count })), po.bySector.map((x) => ({ name: x.sector, value: x.count })))
    .map((x) => ({ ...x, previous: x.previous ?? 0, current: x.current ?? 0, change: (x.current ?? 0) - (x.previous ?? 0) }));
  return {
    previousPeriods: previous.periods,
    previous,
    change: {
      organizations: {
        total: o.total - po.total,
        byType: { dang_bo_co_so: o.byType.dang_bo_co_so - po.byType.dang_bo_co_so, chi_bo_co_so: o.byType.chi_bo_co_so - po.byType.chi_bo_co_so, unknown: o.byType.unknown - po.byType.unknown },
        bySector: sectors,
        cells: o.cells - po.cells,
        subordinate: {
          chi_bo_truc_thuoc: o.subordinate.chi_bo_truc_thuoc - po.subordinate.chi_bo_truc_thuoc, dang_bo_bo_phan: o.subordinate.dang_bo_bo_phan - po.subordinate.dang_bo_bo_phan,
          rated: o.subordinate.rated - po.subordinate.rated,
          ratings: Object.fromEntries(RATING_LEVELS.map((l) => [l, o.subordinate.ratings[l] - po.subordinate.ratings[l]])),
        },
        ...blockChange(o, po, d),
        unrated: o.unrated.length - po.unrated.length,
      },
      members,
      memberRatings,
      indicators: named(current.indicators.map((i) => ({ name: i.name, value: i.total })), previous.indicators.map((i) => ({ name: i.name, value: i.total }))),
      units,
    },
  };
}
