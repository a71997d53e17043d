import type { Lang } from '../check/catalogue.js';
import type { Summary } from '../rollup/summary.js';
import { RATING_LEVELS } from '../recognise/vocabulary.js';
import { formatCount, formatPercent, formatShare } from './format.js';
import { label, type LabelKey } from './labels.js';

// The figures of a summary, apart from the terminal table (table.ts, with cli-table3 and chalk): Markdown, CSV and
// JSON reports need them and not the table.

/** A figure as numbers, for renderings that keep them apart (a count, the x/y of a share, its percentage). */
export interface Figure {
  readonly count: number;
  readonly of?: number | undefined;
  readonly percent?: number | null | undefined;
}

type Line = readonly [depth: number, key: LabelKey | { readonly text: string }, value: string, figure?: Figure];

/** A section of the summary: its title and its figures, labels already in the user's language. */
export interface Section {
  readonly title: string;
  /** `value` as the terminal prints it; `figure` the same as numbers (absent on a heading line such as "Theo lĩnh vực"). */
  readonly lines: readonly { readonly depth: number; readonly label: string; readonly value: string; readonly figure?: Figure | undefined }[];
}

/** The figures of a summary in the order of a tổng kết report, with `x/y (p%)` cells: shared by every rendering. */
export function summarySections(s: Summary, o: { readonly lang: Lang }): Section[] {
  const d = s.options.decimals;
  const L = (k: LabelKey): string => label(k, o.lang);
  const n = (x: number): string => formatCount(x, o.lang);
  const sh = (x: Summary['organizations']['goodOrBetter']): string => formatShare(x, d, o.lang);
  const org = s.organizations;
  const m = s.members;
  const mr = s.memberRatings;

  const sections: { title: LabelKey; lines: Line[] }[] = [];
  const orgLines: Line[] = [
    [0, 'organizations', n(org.total), { count: org.total }],
    [1, 'dang_bo_co_so', n(org.byType.dang_bo_co_so), { count: org.byType.dang_bo_co_so }],
    [1, 'chi_bo_co_so', n(org.byType.chi_bo_co_so), { count: org.byType.chi_bo_co_so }],
  ];
  if (org.byType.unknown > 0) orgLines.push([1, 'unknownType', n(org.byType.unknown), { count: org.byType.unknown }]);
  if (org.cells > 0) orgLines.push([0, 'cells', n(org.cells), { count: org.cells }]);
  const subRows = org.subordinate.chi_bo_truc_thuoc + org.subordinate.dang_bo_bo_phan;
  if (subRows > 0) orgLines.push([0, 'subordinateRows', n(subRows), { count: subRows }]);
  if (org.bySector.length > 0) {
    orgLines.push([0, 'bySector', '']);
    for (const sector of org.bySector) orgLines.push([1, { text: sector.sector }, n(sector.count), { count: sector.count }]);
  }
  sections.push({ title: 'organizations', lines: orgLines });

  const ratingLines = (block: Summary['organizations'] | Summary['memberRatings'], unrated: number | undefined): Line[] => {
    const lines: Line[] = [
      [0, 'rated', n(block.rated), { count: block.rated }],
      [1, 'goodOrBetter', sh(block.goodOrBetter), block.goodOrBetter],
      [2, 'excellent', sh(block.excellent), block.excellent],
      [1, 'HTTNV', `${n(block.ratings.HTTNV)}/${n(block.rated)} (${formatPercent(block.distribution.HTTNV, d, o.lang)})`,
        { count: block.ratings.HTTNV, of: block.rated, percent: block.distribution.HTTNV }],
      [1, 'completed', sh(block.completed), block.completed],
      [1, 'notCompleted', sh(block.notCompleted), block.notCompleted],
    ];
    if (unrated !== undefined && unrated > 0) lines.push([0, 'unrated', n(unrated), { count: unrated }]);
    return lines;
  };
  if (org.rated > 0 || org.unrated.length > 0) sections.push({ title: 'orgRatings', lines: ratingLines(org, org.unrated.length) });

  const memberLines: Line[] = [];
  if (m.start !== null) memberLines.push([0, 'start', n(m.start), { count: m.start }]);
  if (m.admitted !== null) memberLines.push([1, 'admitted', m.admissionRate ? `${n(m.admitted)} (${formatPercent(m.admissionRate.percent, d, o.lang)})` : n(m.admitted), m.admissionRate ?? { count: m.admitted }]);
  for (const k of ['transferredIn', 'reinstated', 'transferredOut', 'deceased', 'expelled', 'removed', 'resigned'] as const) {
    const v = m[k];
    if (v !== null && v > 0) memberLines.push([1, k, n(v), { count: v }]);
  }
  memberLines.push([0, 'end', n(m.end), { count: m.end }]);
  // A figure no input reported (no such column) is left out rather than shown as 0.
  if (m.probationaryShare) memberLines.push([1, 'probationary', sh(m.probationaryShare), m.probationaryShare]);
  if (m.womenShare) memberLines.push([1, 'women', sh(m.womenShare), m.womenShare]);
  sections.push({ title: 'members', lines: memberLines });

  if (mr.rated > 0) {
    const lines = ratingLines(mr, undefined);
    if (mr.notRated > 0) lines.push([0, 'notRated', n(mr.notRated), { count: mr.notRated }]);
    if (mr.exempt > 0) lines.push([0, 'exempt', n(mr.exempt), { count: mr.exempt }]);
    sections.push({ title: 'memberRatings', lines });
  } else if (mr.incomplete) {
    // Some levels only (an HTXSNV column alone): the counts given, no share of an unknown number rated.
    const given: Line[] = RATING_LEVELS.filter((l) => !mr.incomplete?.missing.includes(l))
      .map((l): Line => [1, l, n(mr.ratings[l]), { count: mr.ratings[l] }]);
    given.push([0, 'levelsMissing', mr.incomplete.missing.join(', '), { count: mr.incomplete.missing.length }]);
    sections.push({ title: 'memberRatings', lines: given });
  }
  if (s.indicators.length > 0) {
    sections.push({ title: 'indicators', lines: s.indicators.map((i): Line => [0, { text: i.name }, n(i.total), { count: i.total }]) });
  }
  return sections.map((sec) => ({
    title: L(sec.title),
    lines: sec.lines.map(([depth, key, value, figure]) => ({ depth, label: typeof key === 'string' ? L(key) : key.text, value, figure })),
  }));
}
