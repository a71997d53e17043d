import type { Workbook } from 'exceljs';
import type { Lang } from '../check/catalogue.js';
import type { RosterResult } from '../recognise/roster.js';
import { RATING_LEVELS } from '../recognise/vocabulary.js';
import type { Summary } from '../rollup/summary.js';
import { BY_HEAD, BY_NOTE, type ByLine, type ByTable } from './by-field.js';
import { roman, text, titleWithPeriod, type DocumentOptions } from './heading.js';
import { receivedLine, unitText, where } from './roster.js';
import { COUNT_FORMAT, percentFormat, SheetWriter, type CellStyle, type Column, type Value } from './xlsx-sheet.js';

/** 92.52 → 0.9252, for the percent format. */
const pct = (p: number | null): Value => (p === null ? null : Number((p / 100).toFixed(8)));

const WORDS = {
  by: {
    vi: { parent: 'Theo trực thuộc', type: 'Theo loại hình', sector: 'Theo lĩnh vực', group: 'Theo nhóm' },
    en: { parent: 'By parent', type: 'By type', sector: 'By sector', group: 'By group' },
  },
  byTitle: { vi: 'XẾP LOẠI TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN', en: 'RATINGS OF THE ORGANISATIONS AND MEMBERS' },
  ratings: { vi: 'XẾP LOẠI TỔ CHỨC ĐẢNG', en: 'RATINGS OF THE ORGANISATIONS' },
  share: { vi: 'Tỷ lệ', en: 'Share' },
  members: { vi: 'ĐẢNG VIÊN', en: 'MEMBERS' },
  memberRatings: { vi: 'Xếp loại đảng viên', en: 'Member ratings' },
  roster: { vi: 'Danh sách đơn vị', en: 'Roster' },
  rosterTitle: { vi: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ', en: 'REPORTS RECEIVED FROM THE UNITS' },
  rosterHead: {
    vi: ['TT', 'Đơn vị được giao báo cáo', 'Nơi nhận báo cáo (tệp:dòng)'],
    en: ['No.', 'Unit expected to report', 'Report received (file:row)'],
  },
  missing: { vi: 'Chưa gửi báo cáo', en: 'No report' },
  strangers: { vi: 'Gửi báo cáo nhưng không có trong danh sách', en: 'Reported, not on the roster' },
} as const;


/**
 * The breakdown of `--by FIELD` as a sheet of its own ("Theo trực thuộc", …): a column for each part and the total,
 * a row for each figure (the ratings of the units, then their members), the same figures as the text and JSON of the
 * run. Figures down and parts across, as on the "Đảng viên" sheet: a reader of reports (tally's own) takes a row of
 * names over columns of counts for a table of units, and this is none.
 */
export function bySheet(wb: Workbook, s: Summary, t: ByTable, o: DocumentOptions): void {
  const L = o.lang;
  const h = BY_HEAD[L];
  const parts = [...t.lines, t.total];
  const w = new SheetWriter(wb.addWorksheet(WORDS.by[L][t.field]), [
    { width: 5, align: 'center' }, { width: 30, wrap: true }, ...parts.map((): Column => ({ width: 14, align: 'right' })),
  ], L);
  w.titleBlock(o, [titleWithPeriod(WORDS.byTitle[L], s.periods, L)]);
  w.header([text('tt', L), text('figure', L), ...parts.map((p) => p.label)]);
  const count = { numFmt: COUNT_FORMAT };
  const row = (tt: string | null, label: string, pick: (l: ByLine) => Value, style: CellStyle = count, indent = 0): void => {
    // The total's column in bold.
    w.tableRow([tt, label, ...parts.map(pick)], [{}, { indent }, ...parts.map((p) => (p === t.total ? { ...style, bold: true } : style))]);
  };
  w.tableRow([roman(1), WORDS.ratings[L]], [], { bold: true });
  row('1', h.units, (l) => l.units);
  for (const r of RATING_LEVELS) row(null, r, (l) => l.ratings[r], count, 2);
  row(null, h.unrated, (l) => l.unrated, count, 2);
  row('2', h.good, (l) => l.goodOrBetter.count);
  row(null, WORDS.share[L], (l) => pct(l.goodOrBetter.percent), { numFmt: percentFormat(s.options.decimals) }, 2);
  w.tableRow([roman(2), WORDS.members[L]], [], { bold: true });
  row('1', h.members, (l) => l.members);
  row('2', h.admitted, (l) => l.admitted);
  row('3', WORDS.memberRatings[L], () => null);
  for (const r of RATING_LEVELS) row(null, r, (l) => l.memberRatings[r], count, 2);
  if (t.cells) w.line(1, w.width, BY_NOTE[L], { italic: true, align: 'left' }, 36);
  w.finish({ landscape: parts.length > 5 });
}

/**
 * The roster of `--roster FILE` as a sheet: every expected unit with the report found for it, then the units that
 * reported and are not on it. A unit is one cell ("CB09 Chi bộ …") under a header that names no column of a report,
 * so that tally reading the workbook back does not take this list for a table of units without figures.
 */
export function rosterSheet(wb: Workbook, r: RosterResult, o: DocumentOptions): void {
  const L: Lang = o.lang;
  const w = new SheetWriter(wb.addWorksheet(WORDS.roster[L]), [{ width: 6, align: 'center' }, { width: 54, wrap: true }, { width: 48, wrap: true }], L);
  w.titleBlock(o, [WORDS.rosterTitle[L], receivedLine(r, L)]);
  w.header([...WORDS.rosterHead[L]]);
  r.units.forEach((u, i) => {
    w.tableRow([i + 1, unitText(u.unit.code, u.unit.name), u.found ? where(u.found) : WORDS.missing[L]], [undefined, undefined, u.found ? undefined : { bold: true, color: 'FFC00000' }]);
  });
  if (r.strangers.length > 0) {
    w.tableRow([null, `${WORDS.strangers[L]} (${r.strangers.length})`], [], { bold: true });
    r.strangers.forEach((x, i) => w.tableRow([i + 1, unitText(x.code, x.name), where(x.source)]));
  }
  w.finish();
}
