import type { Diagnostic } from '../check/diagnostic.js';
import { periodMissing } from '../check/periods.js';
import type { PeriodStart } from '../check/workbook.js';
import { compareCodePoints } from '../recognise/normalise.js';
import type { RowSource, UnitRow } from '../recognise/table.js';
import type { OrgType, RatingLevel } from '../recognise/vocabulary.js';
import { Rollup, type Summary } from '../rollup/summary.js';
import { analyse, type AnalyseOptions, type Analysis } from './analyse.js';

/** What a streak (or any other per-unit view over periods) needs of one unit row: no figures. */
export interface UnitBrief {
  readonly code: string | undefined;
  readonly name: string;
  readonly type: OrgType | undefined;
  /** The parent's code, or its name when the file lists cells under their committee without codes. */
  readonly parent: string | undefined;
  readonly rating: RatingLevel | 'unrated' | undefined;
  readonly source: RowSource;
}

export interface SeriesOptions extends Omit<AnalyseOptions, 'rollup' | 'keepUnits' | 'onRow'> {
  /**
   * Each counted unit row with its period, as it is read. Rows come in the files' order, so periods may
   * interleave: a consumer keeps only what it needs per unit (a streak: a set of years), never the rows.
   */
  readonly onUnit?: ((period: string, unit: UnitBrief) => void) | undefined;
}

/** One period of a series: its roll-up (a fold of its rows only) and the files that had rows of it. */
export interface SeriesPeriod {
  readonly period: string;
  readonly files: readonly string[];
  readonly summary: Summary;
  /** Unit rows counted in this period. */
  readonly counted: number;
}

export interface Series {
  /** The periods read, in period order (the latest last: the headline). */
  readonly periods: readonly SeriesPeriod[];
  /**
   * The whole run: files, row accounting, diagnostics (TL036 for rows of no period among them), failures and
   * notes. Its `summary` is undefined: there is one per period instead.
   */
  readonly analysis: Analysis;
}

/** Periods as they sort: by their leading year when they have one ("2020–2025" after "2020"), else as text. */
export function comparePeriods(a: string, b: string): number {
  const ya = /^\d{4}/.exec(a)?.[0];
  const yb = /^\d{4}/.exec(b)?.[0];
  if (ya !== undefined && yb !== undefined && ya !== yb) return Number(ya) - Number(yb);
  return compareCodePoints(a, b);
}

/** The roll-ups of one run, one per period, as rows arrive. */
class PeriodFolds {
  private readonly folds = new Map<string, { rollup: Rollup; files: Set<string>; counted: number }>();
  /** Per file, its first row that had no period: TL036 once a file. */
  readonly missing = new Map<string, PeriodStart>();

  constructor(private readonly options: SeriesOptions) {}

  add(row: UnitRow): void {
    const period = row.period;
    if (period === undefined) {
      if (!this.missing.has(row.source.file)) this.missing.set(row.source.file, { source: row.source, columns: row.columns, name: row.name });
      return;
    }
    let fold = this.folds.get(period);
    if (!fold) this.folds.set(period, fold = { rollup: new Rollup(this.options), files: new Set(), counted: 0 });
    fold.rollup.add(row);
    fold.files.add(row.source.file);
    fold.counted++;
    this.options.onUnit?.(period, { code: row.code, name: row.name, type: row.type, parent: row.parent, rating: row.rating, source: row.source });
  }

  periods(): SeriesPeriod[] {
    return [...this.folds].sort(([a], [b]) => comparePeriods(a, b))
      .map(([period, f]) => ({ period, files: [...f.files], summary: f.rollup.result(), counted: f.counted }));
  }
}

/**
 * Read a set of inputs of several periods: every file is read once, and each row goes to the roll-up of the
 * period it reads as (title, Năm column, --period), so the run holds one fold per period and never the rows
 * of all years. Rows of no period are left out, with TL036 at the first of them in each file.
 */
export async function analyseSeries(inputs: readonly string[], options: SeriesOptions): Promise<Series> {
  const folds = new PeriodFolds(options);
  const analysis = await analyse(inputs, { ...options, rollup: false, onRow: (row) => folds.add(row) });
  const extra: Diagnostic[] = [...folds.missing.values()].map(periodMissing);
  // In the order of the run's own: by file, then row.
  const diagnostics = extra.length === 0 ? analysis.diagnostics : [...analysis.diagnostics, ...extra].sort((a, b) =>
    compareCodePoints(a.location.file, b.location.file) || (a.location.row ?? 0) - (b.location.row ?? 0));
  return { periods: folds.periods(), analysis: { ...analysis, diagnostics } };
}
