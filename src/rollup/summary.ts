import type { z } from 'zod';
import type { RatingBlock, SummarySchema } from './summary-schema.js';
import type { UnitRow } from '../recognise/table.js';
import { compareVi, fold } from '../recognise/normalise.js';
import { RATING_LEVELS, type OrgType, type RatingLevel } from '../recognise/vocabulary.js';
import { ExactSum } from './exact-sum.js';
import { distribute, share, type Rounding } from './percent.js';

export type Summary = z.infer<typeof SummarySchema>;

export interface RollupOptions {
  readonly decimals: number;
  readonly rounding: Rounding;
  /** The base of the "trong đó" excellent share: good-or-better (the seeds' usage) or all rated. */
  readonly excellentBase: 'goodOrBetter' | 'rated';
}

const GRASSROOTS: ReadonlySet<OrgType | undefined> = new Set<OrgType | undefined>(['dang_bo_co_so', 'chi_bo_co_so', undefined]);
const zeroRatings = (): Record<RatingLevel, number> => ({ HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 });

/**
 * The roll-up as a fold: `add` each checked row, then `result`. Memory stays flat in the number of rows except
 * for the list of unrated units. Members are summed over grassroots organisations only: a subordinate cell's
 * members are already in its committee's figures.
 */
const OPTIONAL = ['admitted', 'transferredIn', 'reinstated', 'transferredOut', 'deceased', 'expelled', 'removed', 'resigned', 'probationary', 'women'] as const;
type Optional = (typeof OPTIONAL)[number];

/**
 * The member levels a table gives no column for while it gives others (HTTNV may be worked out from "HTTNV trở
 * lên"): none when it gives all four, or none at all.
 */
export function missingMemberLevels(columns: UnitRow['columns']): RatingLevel[] {
  const has: Record<RatingLevel, boolean> = {
    HTXSNV: columns.membersHTXSNV !== undefined, HTTNV: columns.membersHTTNV !== undefined || columns.membersGoodOrBetter !== undefined,
    HTNV: columns.membersHTNV !== undefined, KHTNV: columns.membersKHTNV !== undefined,
  };
  const missing = RATING_LEVELS.filter((l) => !has[l]);
  return missing.length === RATING_LEVELS.length ? [] : missing;
}

export class Rollup {
  private readonly periods = new Set<string>();
  /** Member figures no row has had a column for yet: reported as null (unknown), not 0. */
  private readonly unseen = new Set<Optional>(OPTIONAL);
  private lastColumns: UnitRow['columns'] | undefined;
  private readonly byType = { dang_bo_co_so: 0, chi_bo_co_so: 0, unknown: 0 };
  private readonly sectors = new Map<string, { sector: string; count: number }>();
  private readonly subordinate = { chi_bo_truc_thuoc: 0, dang_bo_bo_phan: 0, rated: 0, ratings: zeroRatings() };
  private readonly orgRatings = zeroRatings();
  private readonly unrated: Summary['organizations']['unrated'] = [];
  private readonly memberRatings = zeroRatings();
  /** Member levels some table left out while giving others: the member ratings' shares are then unknown. */
  private readonly missingLevels = new Set<RatingLevel>();
  private levelColumns: UnitRow['columns'] | undefined;
  private readonly indicators = new Map<string, { name: string; sum: ExactSum }>();
  private readonly m = {
    start: 0, hasStart: false, admitted: 0, transferredIn: 0, reinstated: 0, transferredOut: 0, deceased: 0, expelled: 0, removed: 0,
    resigned: 0, end: 0, probationary: 0, women: 0, cells: 0, notRated: 0, exempt: 0,
  };

  /** Sector and indicator names repeat on every row: fold each once. */
  private readonly folded = new Map<string, string>();
  private foldCached(text: string): string {
    let key = this.folded.get(text);
    if (key === undefined) {
      key = fold(text);
      if (this.folded.size < 10_000) this.folded.set(text, key);
    }
    return key;
  }

  constructor(private readonly options: RollupOptions) {}

  add(row: UnitRow): void {
    if (row.period) this.periods.add(row.period);
    if (!GRASSROOTS.has(row.type)) {
      const t = row.type === 'chi_bo_truc_thuoc' ? 'chi_bo_truc_thuoc' : 'dang_bo_bo_phan';
      this.subordinate[t]++;
      if (row.rating && row.rating !== 'unrated') {
        this.subordinate.rated++;
        this.subordinate.ratings[row.rating]++;
      }
      return;
    }
    // Indicators, like members, come from grassroots rows only: a cell's figures are in its committee's.
    for (let i = 0; i < row.indicators.length; i++) {
      const value = row.indicators[i];
      const name = row.indicatorNames[i];
      if (value === undefined || name === undefined) continue;
      const key = this.foldCached(name);
      let entry = this.indicators.get(key);
      if (!entry) {
        entry = { name, sum: new ExactSum() };
        this.indicators.set(key, entry);
      }
      entry.sum.add(value);
    }
    this.byType[row.type === 'dang_bo_co_so' || row.type === 'chi_bo_co_so' ? row.type : 'unknown']++;
    if (row.sector) {
      const key = this.foldCached(row.sector);
      const entry = this.sectors.get(key) ?? { sector: row.sector, count: 0 };
      entry.count++;
      this.sectors.set(key, entry);
    }
    if (row.rating && row.rating !== 'unrated') this.orgRatings[row.rating]++;
    // A report with no rating column says nothing about ratings; only a blank or "chưa xếp loại" is unrated.
    else if (row.rating === 'unrated') {
      this.unrated.push({ code: row.code ?? null, name: row.name, file: row.source.file, sheet: row.source.sheet ?? null, row: row.source.row });
    }
    const c = row.counts;
    const m = this.m;
    if (this.unseen.size > 0 && row.columns !== this.lastColumns) {
      this.lastColumns = row.columns;
      for (const id of this.unseen) if (row.columns[id] !== undefined) this.unseen.delete(id);
    }
    // Parts of a count with no column of its own ("Chuyển đến" › "Tỉnh khác" | "Huyện khác") report it too.
    if (this.unseen.size > 0) for (const id of this.unseen) if (c[id] !== undefined) this.unseen.delete(id);
    if (c.membersStart !== undefined) {
      m.start += c.membersStart;
      m.hasStart = true;
    }
    m.admitted += c.admitted ?? 0;
    m.transferredIn += c.transferredIn ?? 0;
    m.reinstated += c.reinstated ?? 0;
    m.transferredOut += c.transferredOut ?? 0;
    m.deceased += c.deceased ?? 0;
    m.expelled += c.expelled ?? 0;
    m.removed += c.removed ?? 0;
    m.resigned += c.resigned ?? 0;
    m.end += c.members;
    m.probationary += c.probationary ?? 0;
    m.women += c.women ?? 0;
    m.cells += c.cells ?? 0;
    m.notRated += c.membersNotRated ?? 0;
    m.exempt += c.membersExempt ?? 0;
    // The columns object is shared by the rows of a table: its levels are looked at once per table.
    if (row.columns !== this.levelColumns) {
      this.levelColumns = row.columns;
      for (const l of missingMemberLevels(row.columns)) this.missingLevels.add(l);
    }
    this.memberRatings.HTXSNV += c.membersHTXSNV ?? 0;
    this.memberRatings.HTTNV += c.membersHTTNV ?? 0;
    this.memberRatings.HTNV += c.membersHTNV ?? 0;
    this.memberRatings.KHTNV += c.membersKHTNV ?? 0;
  }

  private block(r: Record<RatingLevel, number>): z.infer<z.ZodObject<typeof RatingBlock>> {
    const { decimals, rounding, excellentBase } = this.options;
    const rated = RATING_LEVELS.reduce((sum, level) => sum + r[level], 0);
    const good = r.HTXSNV + r.HTTNV;
    const dist = rounding === 'largest-remainder'
      ? distribute(RATING_LEVELS.map((l) => r[l]), decimals)
      : RATING_LEVELS.map((l) => share(r[l], rated, decimals, rounding).percent);
    return {
      rated,
      ratings: { ...r },
      distribution: { HTXSNV: dist[0] ?? null, HTTNV: dist[1] ?? null, HTNV: dist[2] ?? null, KHTNV: dist[3] ?? null },
      goodOrBetter: share(good, rated, decimals, rounding),
      excellent: share(r.HTXSNV, excellentBase === 'rated' ? rated : good, decimals, rounding),
      completed: share(r.HTNV, rated, decimals, rounding),
      notCompleted: share(r.KHTNV, rated, decimals, rounding),
    };
  }

  /** Levels counted but not all four: the counts given, and no share, since how many were rated is unknown. */
  private unknownBlock(r: Record<RatingLevel, number>): z.infer<z.ZodObject<typeof RatingBlock>> {
    const none = { count: 0, of: 0, percent: null };
    return {
      rated: 0, ratings: { ...r }, distribution: { HTXSNV: null, HTTNV: null, HTNV: null, KHTNV: null },
      goodOrBetter: { ...none, count: r.HTXSNV + r.HTTNV }, excellent: { ...none, count: r.HTXSNV }, completed: { ...none, count: r.HTNV }, notCompleted: { ...none, count: r.KHTNV },
    };
  }

  result(): Summary {
    const { decimals, rounding, excellentBase } = this.options;
    const m = this.m;
    const known = (id: Optional, value: number): number | null => (this.unseen.has(id) ? null : value);
    const total = this.byType.dang_bo_co_so + this.byType.chi_bo_co_so + this.byType.unknown;
    return {
      schema: 'tally.summary/1',
      periods: [...this.periods].sort(),
      options: { decimals, rounding, excellentBase },
      organizations: {
        total,
        byType: { ...this.byType },
        bySector: [...this.sectors.values()].sort((a, b) => b.count - a.count || compareVi(a.sector, b.sector)),
        cells: m.cells,
        subordinate: { ...this.subordinate, ratings: { ...this.subordinate.ratings } },
        ...this.block(this.orgRatings),
        unrated: [...this.unrated],
      },
      members: {
        start: m.hasStart ? m.start : null,
        admitted: known('admitted', m.admitted), transferredIn: known('transferredIn', m.transferredIn), reinstated: known('reinstated', m.reinstated),
        transferredOut: known('transferredOut', m.transferredOut), deceased: known('deceased', m.deceased),
        expelled: known('expelled', m.expelled), removed: known('removed', m.removed), resigned: known('resigned', m.resigned),
        end: m.end, probationary: known('probationary', m.probationary), women: known('women', m.women),
        admissionRate: m.hasStart && !this.unseen.has('admitted') ? share(m.admitted, m.start, decimals, rounding) : null,
        probationaryShare: this.unseen.has('probationary') ? null : share(m.probationary, m.end, decimals, rounding),
        womenShare: this.unseen.has('women') ? null : share(m.women, m.end, decimals, rounding),
      },
      memberRatings: this.missingLevels.size > 0
        ? { ...this.unknownBlock(this.memberRatings), notRated: m.notRated, exempt: m.exempt, incomplete: { missing: RATING_LEVELS.filter((l) => this.missingLevels.has(l)) } }
        : { ...this.block(this.memberRatings), notRated: m.notRated, exempt: m.exempt },
      // Sums of amounts with a fraction are exact (see ExactSum).
      indicators: [...this.indicators.values()].map((i) => ({ name: i.name, total: i.sum.total })),
    };
  }
}
