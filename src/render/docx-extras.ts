import type { Lang } from '../check/catalogue.js';
import type { RosterResult } from '../recognise/roster.js';
import { RATING_LEVELS } from '../recognise/vocabulary.js';
import type { TargetsResult } from '../rollup/targets.js';
import { BY_HEAD, BY_NOTE, type ByTable } from './by-field.js';
import { formatCount, formatShare } from './format.js';
import { text } from './heading.js';
import { unitText } from './roster.js';

export type Align = 'left' | 'center' | 'right';
/** A row of a table: its cells' texts and alignments; the label (second cell) italic or indented. A row of fewer cells than columns lets its last cell span the rest. */
export interface GridRow { cells: string[]; align: Align[]; italics?: boolean; indent?: number; bold?: boolean }
/** A table of the appendix after the summary's: its title, column widths (shares of the page), header and rows, and a note under it. */
export interface ExtraTable { title: string; widths: number[]; head: string[]; rows: GridRow[]; note?: string; size?: number }

/** What a report adds to the appendix after the summary's tables: the breakdown (--by), the roster (--roster), the targets. */
export interface DocxExtras {
  readonly by?: ByTable | undefined;
  readonly roster?: RosterResult | undefined;
  readonly targets?: TargetsResult | undefined;
}

const WORDS = {
  by: {
    vi: { parent: 'Xếp loại tổ chức đảng và đảng viên theo đơn vị trực thuộc', type: 'Xếp loại tổ chức đảng và đảng viên theo loại hình', sector: 'Xếp loại tổ chức đảng và đảng viên theo lĩnh vực', group: 'Xếp loại tổ chức đảng và đảng viên theo nhóm' },
    en: { parent: 'Ratings by parent', type: 'Ratings by type', sector: 'Ratings by sector', group: 'Ratings by group' },
  },
  roster: { vi: 'Đơn vị chưa gửi báo cáo', en: 'Units with no report' },
  rosterHead: { vi: ['Mã', 'Tên đơn vị', 'Trực thuộc'], en: ['Code', 'Unit', 'Parent'] },
  received: { vi: 'Nhận {n}/{of} báo cáo theo danh sách {file}.', en: 'Received {n}/{of} reports on the roster {file}.' },
  strangers: { vi: 'Gửi báo cáo nhưng không có trong danh sách: {list}.', en: 'Reported, not on the roster: {list}.' },
} as const;

/** The tables an appendix adds after the summary's, in this order: breakdown, targets, roster. */
export async function extraTables(x: DocxExtras, lang: Lang, decimals: number): Promise<ExtraTable[]> {
  const out: ExtraTable[] = [];
  if (x.by) out.push(byTable(x.by, lang, decimals));
  if (x.targets && x.targets.targets.length > 0) {
    const table = (await import('./targets.js')).docxTargets(x.targets, lang, decimals);
    const align: Align[] = ['center', 'left', 'center', 'right', 'center'];
    out.push({
      title: table.title, widths: [0.08, 0.44, 0.2, 0.16, 0.12], head: [text('tt', lang), ...table.head],
      rows: [...table.rows.map((cells) => ({ cells, align })), { cells: ['', table.total], align, bold: true }],
    });
  }
  if (x.roster) out.push(rosterTable(x.roster, lang));
  return out;
}

function byTable(t: ByTable, lang: Lang, decimals: number): ExtraTable {
  const h = BY_HEAD[lang];
  const n = (v: number | null): string => (v === null ? '—' : formatCount(v, lang));
  const align: Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'];
  return {
    title: WORDS.by[lang][t.field],
    // Ten-point type: eight columns, the four levels wide enough for "HTXSNV" on one line.
    widths: [0.22, 0.08, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2],
    size: 20,
    head: [h[t.field], h.units, ...RATING_LEVELS, h.members, h.good],
    rows: [...t.lines, t.total].map((l) => ({
      cells: [l.label, n(l.units), ...RATING_LEVELS.map((r) => n(l.ratings[r])), n(l.members), formatShare(l.goodOrBetter, decimals, lang)],
      align, bold: l === t.total,
    })),
    ...(t.cells ? { note: BY_NOTE[lang] } : {}),
  };
}

function rosterTable(r: RosterResult, lang: Lang): ExtraTable {
  const missing = r.units.filter((u) => !u.found);
  const received = WORDS.received[lang].replace('{n}', formatCount(r.units.length - missing.length, lang)).replace('{of}', formatCount(r.units.length, lang)).replace('{file}', r.roster.file);
  const strangers = r.strangers.map((s) => unitText(s.code, s.name));
  return {
    title: `${WORDS.roster[lang]} (${missing.length})`,
    widths: [0.08, 0.16, 0.56, 0.2],
    head: [text('tt', lang), ...WORDS.rosterHead[lang]],
    rows: missing.map(({ unit }, i) => ({ cells: [String(i + 1), unit.code ?? '', unit.name, unit.parent ?? ''], align: ['center', 'left', 'left', 'left'] })),
    note: strangers.length > 0 ? `${received} ${WORDS.strangers[lang].replace('{list}', strangers.join('; '))}` : received,
  };
}
