import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import type { Lang } from '../check/catalogue.js';
import { fold } from '../recognise/normalise.js';
import { RATING_LEVELS, type RatingLevel } from '../recognise/vocabulary.js';
import type { BreakdownField, BreakdownResult } from '../rollup/breakdown.js';
import { share, type Rounding } from '../rollup/percent.js';
import type { Summary } from '../rollup/summary.js';
import type { CommitteeTree } from '../rollup/tree.js';
import { formatCount, formatShare } from './format.js';
import { csvLines } from './markdown.js';

/** One line of a breakdown: every unit of its part (the cells too), its ratings and its members. */
export interface ByLine {
  readonly key: string;
  readonly label: string;
  readonly units: number;
  readonly ratings: Record<RatingLevel, number>;
  readonly unrated: number;
  readonly goodOrBetter: { count: number; of: number; percent: number | null };
  readonly members: number;
  readonly admitted: number | null;
  readonly memberRatings: Record<RatingLevel, number>;
}

export interface ByTable {
  readonly field: BreakdownField;
  readonly lines: readonly ByLine[];
  readonly total: ByLine;
  /** Some lines count subordinate cells, whose members are also in their committees' rows. */
  readonly cells: boolean;
}

const NO_VALUE = {
  parent: { vi: 'Trực thuộc trực tiếp Đảng ủy Khối', en: 'Directly under the bloc' },
  type: { vi: 'Chưa rõ loại hình', en: 'Type unknown' },
  sector: { vi: 'Chưa ghi lĩnh vực', en: 'No sector' },
  group: { vi: 'Không thuộc nhóm nào', en: 'No group' },
} as const;

/** A part's figures; a cell outside a by-parent part is a subordinate row of the summary, counted as a unit here. */
function line(key: string, label: string, s: Summary, o: { decimals: number; rounding: Rounding }): ByLine {
  const org = s.organizations;
  const sub = org.subordinate;
  const ratings = Object.fromEntries(RATING_LEVELS.map((l) => [l, org.ratings[l] + sub.ratings[l]])) as Record<RatingLevel, number>;
  const rated = RATING_LEVELS.reduce((n, l) => n + ratings[l], 0);
  const units = org.total + sub.chi_bo_truc_thuoc + sub.dang_bo_bo_phan;
  return {
    key, label, units, ratings, unrated: units - rated,
    goodOrBetter: share(ratings.HTXSNV + ratings.HTTNV, rated, o.decimals, o.rounding),
    members: s.members.end, admitted: s.members.admitted, memberRatings: { ...s.memberRatings.ratings },
  };
}

/** The parts of a breakdown as lines, a committee named by its code and name (the cells write only one of them). */
export function byTable(b: BreakdownResult, committees: readonly CommitteeTree[], lang: Lang): ByTable {
  const o = b.total.options;
  const names = new Map<string, string>();
  for (const c of committees) {
    const full = c.code ? `${c.code} ${c.name}` : c.name;
    if (c.code) names.set(fold(c.code), full);
    names.set(fold(c.name), full);
  }
  const lines = b.groups.map((g) => {
    const label = g.key === '' ? NO_VALUE[b.field][lang] : b.field === 'parent' ? (names.get(g.key) ?? g.label) : g.label;
    return line(g.key, label, g.summary, o);
  });
  const sub = b.total.organizations.subordinate;
  return { field: b.field, lines, total: line('', lang === 'en' ? 'Total' : 'Tổng cộng', b.total, o), cells: sub.chi_bo_truc_thuoc + sub.dang_bo_bo_phan > 0 };
}

/** The breakdown's column heads. */
export const BY_HEAD = {
  vi: { parent: 'Trực thuộc', type: 'Loại hình', sector: 'Lĩnh vực', group: 'Nhóm', units: 'Số tổ chức', unrated: 'Chưa XL', good: 'HTTNV trở lên', members: 'Đảng viên', admitted: 'Kết nạp', member: 'ĐV' },
  en: { parent: 'Parent', type: 'Type', sector: 'Sector', group: 'Group', units: 'Units', unrated: 'Not rated', good: 'Good or better', members: 'Members', admitted: 'Admitted', member: 'Members' },
} as const;

/** Said under a breakdown whose lines count subordinate cells. */
export const BY_NOTE = {
  vi: 'Đảng viên của chi bộ trực thuộc đã nằm trong số của đảng bộ: số đảng viên ở dòng tổng cộng là của toàn khối, không phải cộng các dòng trên.',
  en: 'A cell\'s members are also in its committee\'s row: the total\'s members are the bloc\'s, not the sum of the lines.',
} as const satisfies Record<Lang, string>;

/** The two tables (ratings of the units, their members) of a breakdown, as a terminal table, Markdown, CSV or text. */
export function renderBy(t: ByTable, format: 'table' | 'text' | 'md' | 'csv', lang: Lang, decimals: number): string {
  const h = BY_HEAD[lang];
  const n = (x: number | null): string => (x === null ? '—' : formatCount(x, lang));
  const all = [...t.lines, t.total];
  if (format === 'csv') {
    const rows: (string | number | null)[][] = [];
    for (const l of all) {
      const section = `by.${t.field}:${l.label}`;
      rows.push([section, 'units', l.units, null, null]);
      for (const r of RATING_LEVELS) rows.push([section, r, l.ratings[r], null, null]);
      rows.push([section, 'goodOrBetter', l.goodOrBetter.count, l.goodOrBetter.of, l.goodOrBetter.percent]);
      rows.push([section, 'members', l.members, null, null], [section, 'admitted', l.admitted, null, null]);
      for (const r of RATING_LEVELS) rows.push([section, `members${r}`, l.memberRatings[r], null, null]);
    }
    return csvLines(rows);
  }
  const ratingsHead = [h[t.field], h.units, ...RATING_LEVELS, h.unrated, h.good];
  const ratingsRows = all.map((l) => [l.label, n(l.units), ...RATING_LEVELS.map((r) => n(l.ratings[r])), n(l.unrated), formatShare(l.goodOrBetter, decimals, lang)]);
  const membersHead = [h[t.field], h.members, h.admitted, ...RATING_LEVELS.map((r) => `${h.member} ${r}`)];
  const membersRows = all.map((l) => [l.label, n(l.members), n(l.admitted), ...RATING_LEVELS.map((r) => n(l.memberRatings[r]))]);
  const note = t.cells ? BY_NOTE[lang] : '';
  if (format === 'text') {
    const say = (l: ByLine): string => {
      const r = RATING_LEVELS.map((x) => `${n(l.ratings[x])} ${x}`).join(', ');
      return lang === 'en' ? `${l.label}: ${n(l.units)} units (${r}), ${n(l.members)} members.` : `${l.label}: ${n(l.units)} tổ chức (${r}), ${n(l.members)} đảng viên.`;
    };
    return `\n${[...all.map(say), ...(note ? [note] : [])].join('\n')}\n`;
  }
  if (format === 'md') {
    const md = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => [
      `| ${head.join(' | ')} |`, `|---|${head.slice(1).map(() => '---:').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
    ];
    return `\n${[...md(ratingsHead, ratingsRows), '', ...md(membersHead, membersRows), ...(note ? ['', `_${note}_`] : [])].join('\n')}\n`;
  }
  // cli-table3 is loaded here, not with the module: a JSON report reads byJson from this file and needs no table.
  const Table = createRequire(import.meta.url)('cli-table3') as typeof TableType;
  const table = (head: readonly string[], rows: readonly (readonly string[])[]): string => {
    const tt = new Table({ head: [...head], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, colAligns: ['left', ...head.slice(1).map(() => 'right' as const)] });
    for (const r of rows) tt.push([...r]);
    return tt.toString();
  };
  return `${table(ratingsHead, ratingsRows)}\n${table(membersHead, membersRows)}\n${note ? `${note}\n` : ''}`;
}

/** The breakdown in a report's JSON. */
export function byJson(t: ByTable): Record<string, unknown> {
  return { field: t.field, groups: t.lines, total: t.total, cellsCounted: t.cells };
}
