import type { Workbook } from 'exceljs';
import { describe, type Lang } from '../check/catalogue.js';
import type { Diagnostic } from '../check/diagnostic.js';
import type { TallyError } from '../read/errors.js';
import { loadExcel } from '../read/xlsx.js';
import type { RosterResult } from '../recognise/roster.js';
import type { UnitRow } from '../recognise/table.js';
import { RATING_LEVELS } from '../recognise/vocabulary.js';
import { breakdowns, type BreakdownGroup } from '../rollup/breakdown.js';
import type { Share } from '../rollup/percent.js';
import type { Summary } from '../rollup/summary.js';
import { formatCount } from './format.js';
import { opSign, roman, text, titleWithPeriod, type DocumentOptions, type TargetResult } from './heading.js';
import { label } from './labels.js';
import { summarySections } from './table.js';
import type { ByTable } from './by-field.js';
import { bySheet, rosterSheet } from './xlsx-extras.js';
import { unitSheet } from './xlsx-units.js';
import { AMOUNT_FORMAT, COUNT_FORMAT, percentFormat, SheetWriter, type CellStyle, type Column, type HeaderCell, type Value } from './xlsx-sheet.js';

export interface XlsxInput {
  readonly summary: Summary;
  /** Every counted unit, in order (`analyse` with `keepUnits`): the breakdowns and the "Chi tiết" sheet. */
  readonly units: readonly UnitRow[];
  readonly diagnostics: readonly Diagnostic[];
  readonly failures?: readonly TallyError[] | undefined;
  /** The targets of the term with their results; the "Chỉ tiêu" sheet only when there are some. */
  readonly targets?: readonly TargetResult[] | undefined;
  /** The breakdown of `--by FIELD`: a sheet of its own ("Theo trực thuộc", …). */
  readonly by?: ByTable | undefined;
  /** The roster of `--roster FILE`: the "Danh sách đơn vị" sheet, who reported and who did not. */
  readonly roster?: RosterResult | undefined;
}

const SHEETS = {
  summary: { vi: 'Tổng hợp', en: 'Summary' },
  orgs: { vi: 'Tổ chức', en: 'Organisations' },
  members: { vi: 'Đảng viên', en: 'Members' },
  targets: { vi: 'Chỉ tiêu', en: 'Targets' },
  detail: { vi: 'Chi tiết', en: 'Units' },
  subordinate: { vi: 'Trực thuộc', en: 'Subordinate' },
  checks: { vi: 'Kiểm tra', en: 'Checks' },
} as const satisfies Record<string, Record<Lang, string>>;

const GRASSROOTS = new Set<UnitRow['type']>(['dang_bo_co_so', 'chi_bo_co_so', undefined]);

/**
 * The styled workbook a bloc keeps and forwards: the summary tables, ratings of organisations by type and sector,
 * members, targets, every unit's figures with a total row of `=SUM(…)` formulas (their results stored, so that a
 * reader shows them without recalculating), and the checks. exceljs is loaded only here.
 */
export async function renderXlsx(input: XlsxInput, o: DocumentOptions): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb: Workbook = new ExcelJS.Workbook();
  wb.creator = 'tally';
  wb.created = o.date ?? new Date();
  const s = input.summary;
  const [byType, bySector] = breakdowns(input.units, ['type', 'sector'], s.options);
  summarySheet(wb, s, o);
  orgSheet(wb, s, byType?.groups ?? [], bySector?.groups ?? [], o);
  memberSheet(wb, s, byType?.groups ?? [], o);
  if (input.by) bySheet(wb, s, input.by, o);
  if (input.targets && input.targets.length > 0) targetSheet(wb, s, input.targets, o);
  const grassroots = input.units.filter((u) => GRASSROOTS.has(u.type));
  const subordinate = input.units.filter((u) => !GRASSROOTS.has(u.type));
  unitSheet(wb, SHEETS.detail[o.lang], titleWithPeriod(text('detailTitle', o.lang), s.periods, o.lang), grassroots, o, 'grandTotal');
  if (subordinate.length > 0) unitSheet(wb, SHEETS.subordinate[o.lang], titleWithPeriod(text('subordinateTitle', o.lang), s.periods, o.lang), subordinate, o, 'subtotal');
  if (input.roster) rosterSheet(wb, input.roster, o);
  checkSheet(wb, input.diagnostics, input.failures ?? [], o);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 92.52 → 0.9252, a number the percent format shows as 92,52% (no 0.92519999… from the division). */
const pct = (p: number | null | undefined): Value => (p === null || p === undefined ? null : Number((p / 100).toFixed(8)));

function summarySheet(wb: Workbook, s: Summary, o: DocumentOptions): void {
  const L = o.lang;
  const w = new SheetWriter(wb.addWorksheet(SHEETS.summary[L]), [
    { width: 6, align: 'center' }, { width: 50, wrap: true }, { width: 12, align: 'right' }, { width: 15, align: 'right' }, { width: 12, align: 'right' },
  ], L);
  w.titleBlock(o, [text('reportName', L), periodOnly(s, L)]);
  w.header([text('tt', L), text('figure', L), { label: text('result', L), children: [text('count', L), text('ofTotal', L), text('share', L)] }]);
  const pf = percentFormat(s.options.decimals);
  summarySections(s, { lang: L }).forEach((section, i) => {
    w.tableRow([null, sectionTitle(i + 1, section.title, L)], [], { bold: true });
    let n = 0;
    for (const line of section.lines) {
      const f = line.figure;
      const values: Value[] = [line.depth === 0 ? String(++n) : null, line.label];
      if (f) {
        values.push(f.count, f.of !== undefined ? `${formatCount(f.count, L)}/${formatCount(f.of, L)}` : null, f.of !== undefined ? pct(f.percent) : null);
      }
      w.tableRow(values, [undefined, { indent: line.depth * 2, italic: line.depth >= 2 }, { numFmt: f && !Number.isInteger(f.count) ? AMOUNT_FORMAT : COUNT_FORMAT }, undefined, { numFmt: pf }]);
    }
  });
  w.finish();
}

/**
 * "I. TỔ CHỨC CƠ SỞ ĐẢNG": the numeral in the title's own cell. "TỔ CHỨC CƠ SỞ ĐẢNG" alone in a row reads, to a
 * reader of reports (tally's own among them), as the header of a column of names.
 */
function sectionTitle(n: number, title: string, lang: Lang): string {
  return `${roman(n)}. ${title.toLocaleUpperCase(lang)}`;
}

function periodOnly(s: Summary, lang: Lang): string {
  return titleWithPeriod('', s.periods, lang).trim();
}

/** The rating columns of organisations: each level as a count and a share of the rated, then good-or-better. */
function orgRatingHeader(L: Lang): HeaderCell[] {
  const pair = (t: string): HeaderCell => ({ label: t, children: [text('count', L), text('share', L)] });
  return [
    text('tt', L), text('typeOrSector', L), text('orgCount', L), text('rated', L),
    ...RATING_LEVELS.map((level) => pair(text(`org${level}`, L))),
    text('unrated', L), pair(text('goodOrBetter', L)),
  ];
}

function orgSheet(wb: Workbook, s: Summary, byType: readonly BreakdownGroup[], bySector: readonly BreakdownGroup[], o: DocumentOptions): void {
  const L = o.lang;
  const cols: Column[] = [{ width: 5, align: 'center' }, { width: 34, wrap: true }, { width: 11, align: 'right' }, { width: 10, align: 'right' }];
  for (let i = 0; i < 5; i++) cols.push({ width: 8, align: 'right' }, { width: 9, align: 'right' });
  cols.splice(12, 0, { width: 9, align: 'right' });
  const w = new SheetWriter(wb.addWorksheet(SHEETS.orgs[L]), cols, L);
  w.titleBlock(o, [titleWithPeriod(text('orgTitle', L), s.periods, L)]);
  w.header(orgRatingHeader(L));
  const pf = percentFormat(s.options.decimals);
  const row = (tt: string | null, name: string, x: Summary, style: CellStyle = {}): void => {
    const org = x.organizations;
    const values: Value[] = [tt, name, org.total, org.rated];
    for (const level of RATING_LEVELS) values.push(org.ratings[level], pct(org.distribution[level]));
    values.push(org.unrated.length, org.goodOrBetter.count, pct(org.goodOrBetter.percent));
    const styles: (CellStyle | undefined)[] = values.map((_, i) => (i >= 2 ? { numFmt: [5, 7, 9, 11, 14].includes(i) ? pf : COUNT_FORMAT } : undefined));
    w.tableRow(values, styles, style);
  };
  row(null, text('total', L), s, { bold: true });
  const section = (letter: string, title: string, groups: readonly BreakdownGroup[], unnamed: string): void => {
    const shown = groups.filter((g) => g.summary.organizations.total > 0);
    if (shown.length === 0) return;
    w.tableRow([letter, title], [], { bold: true });
    shown.forEach((g, i) => row(String(i + 1), g.key === '' ? unnamed : typeLabel(g, L), g.summary));
  };
  section('A', text('byType', L), byType, text('noType', L));
  section('B', text('bySector', L), bySector, text('noSector', L));
  w.finish({ landscape: true });
}

function typeLabel(g: BreakdownGroup, L: Lang): string {
  if (L === 'en' && (g.key === 'dang_bo_co_so' || g.key === 'chi_bo_co_so')) return label(g.key, L);
  return g.label;
}

/** Members: one row per figure, for the whole bloc and for each type of organisation (count and share). */
function memberSheet(wb: Workbook, s: Summary, byType: readonly BreakdownGroup[], o: DocumentOptions): void {
  const L = o.lang;
  const parts = [{ title: text('wholeBloc', L), summary: s }, ...byType.filter((g) => g.summary.organizations.total > 0).map((g) => ({ title: g.key === '' ? text('noType', L) : typeLabel(g, L), summary: g.summary }))];
  const cols: Column[] = [{ width: 5, align: 'center' }, { width: 42, wrap: true }];
  for (let i = 0; i < parts.length; i++) cols.push({ width: 11, align: 'right' }, { width: 10, align: 'right' });
  const w = new SheetWriter(wb.addWorksheet(SHEETS.members[L]), cols, L);
  w.titleBlock(o, [titleWithPeriod(text('memberTitle', L), s.periods, L)]);
  w.header([text('tt', L), text('figure', L), ...parts.map((p): HeaderCell => ({ label: p.title, children: [text('count', L), text('share', L)] }))]);
  const pf = percentFormat(s.options.decimals);
  type Pick = (x: Summary) => { count: number | null; share?: Share | null | undefined; percent?: number | null | undefined };
  const line = (tt: string | null, key: Parameters<typeof label>[0], pick: Pick, depth = 0): void => {
    if (pick(s).count === null) return;
    const values: Value[] = [tt, label(key, L)];
    for (const p of parts) {
      const v = pick(p.summary);
      values.push(v.count, pct(v.share ? v.share.percent : v.percent));
    }
    w.tableRow(values, [undefined, { indent: depth * 2, italic: depth >= 2 }, ...parts.flatMap(() => [{ numFmt: COUNT_FORMAT }, { numFmt: pf }])]);
  };
  w.tableRow([null, sectionTitle(1, label('members', L), L)], [], { bold: true });
  let n = 0;
  const t = (): string => String(++n);
  line(t(), 'start', (x) => ({ count: x.members.start }));
  line(null, 'admitted', (x) => ({ count: x.members.admitted, share: x.members.admissionRate }), 1);
  for (const k of ['transferredIn', 'reinstated', 'transferredOut', 'deceased', 'expelled', 'removed', 'resigned'] as const) {
    if ((s.members[k] ?? 0) > 0) line(null, k, (x) => ({ count: x.members[k] }), 1);
  }
  line(t(), 'end', (x) => ({ count: x.members.end }));
  line(null, 'probationary', (x) => ({ count: x.members.probationary, share: x.members.probationaryShare }), 1);
  line(null, 'women', (x) => ({ count: x.members.women, share: x.members.womenShare }), 1);
  if (s.memberRatings.rated > 0) {
    n = 0;
    w.tableRow([null, sectionTitle(2, label('memberRatings', L), L)], [], { bold: true });
    const mr = (x: Summary): Summary['memberRatings'] => x.memberRatings;
    line(t(), 'rated', (x) => ({ count: mr(x).rated }));
    line(null, 'goodOrBetter', (x) => ({ count: mr(x).goodOrBetter.count, share: mr(x).goodOrBetter }), 1);
    line(null, 'excellent', (x) => ({ count: mr(x).excellent.count, share: mr(x).excellent }), 2);
    line(null, 'HTTNV', (x) => ({ count: mr(x).ratings.HTTNV, percent: mr(x).distribution.HTTNV }), 1);
    line(null, 'completed', (x) => ({ count: mr(x).completed.count, share: mr(x).completed }), 1);
    line(null, 'notCompleted', (x) => ({ count: mr(x).notCompleted.count, share: mr(x).notCompleted }), 1);
    if (s.memberRatings.notRated > 0) line(t(), 'notRated', (x) => ({ count: mr(x).notRated }));
    if (s.memberRatings.exempt > 0) line(t(), 'exempt', (x) => ({ count: mr(x).exempt }));
  }
  w.finish({ landscape: parts.length > 3 });
}

function targetSheet(wb: Workbook, s: Summary, targets: readonly TargetResult[], o: DocumentOptions): void {
  const L = o.lang;
  // A term's targets have a value per period read: a column each, between the target and its result.
  const periods = [...new Set(targets.flatMap((t) => Object.keys(t.byPeriod ?? {})))].sort();
  const w = new SheetWriter(wb.addWorksheet(SHEETS.targets[L]), [
    { width: 6, align: 'center' }, { width: 52, wrap: true }, ...periods.map((): Column => ({ width: 11, align: 'right' })),
    { width: 13, align: 'right' }, { width: 18, align: 'center', wrap: true }, { width: 13, align: 'center' },
  ], L);
  w.titleBlock(o, [titleWithPeriod(text('targetTitle', L), s.periods, L)]);
  w.header([text('tt', L), text('target', L), ...periods, text('actual', L), text('threshold', L), text('result', L)]);
  const pf = percentFormat(s.options.decimals);
  targets.forEach((t, i) => {
    const isPct = t.unit === '%';
    const threshold = `${opSign(t.op)} ${isPct ? `${formatCount(t.value, L)}%` : formatCount(t.value, L)}${t.over ? ` ${t.over}` : ''}`;
    const format = { numFmt: isPct ? pf : COUNT_FORMAT };
    const byPeriod = periods.map((p) => {
      const v = t.byPeriod?.[p];
      return v === undefined || v === null ? null : isPct ? pct(v) : v;
    });
    w.tableRow([String(i + 1), t.label, ...byPeriod, isPct ? pct(t.actual) : t.actual, threshold, text(t.met ? 'met' : 'notMet', L)],
      [undefined, undefined, ...periods.map(() => format), format, undefined, { bold: true, color: t.met ? undefined : 'FFC00000' }]);
  });
  const met = targets.filter((t) => t.met).length;
  w.tableRow([null, text('targetsMet', L, { met, of: targets.length })], [], { bold: true });
  w.finish();
}

function checkSheet(wb: Workbook, diagnostics: readonly Diagnostic[], failures: readonly TallyError[], o: DocumentOptions): void {
  const L = o.lang;
  const w = new SheetWriter(wb.addWorksheet(SHEETS.checks[L]), [
    { width: 5, align: 'center' }, { width: 13, align: 'center' }, { width: 9, align: 'center' }, { width: 26, wrap: true }, { width: 13, wrap: true },
    { width: 7, align: 'right' }, { width: 7, align: 'center' }, { width: 60, wrap: true }, { width: 46, wrap: true },
  ], L);
  w.titleBlock(o, [text('checkTitle', L)], { dateline: false });
  w.header([text('tt', L), text('severity', L), text('code', L), text('file', L), text('sheet', L), text('row', L), text('cell', L), text('message', L), text('hint', L)]);
  let n = 0;
  const red = { color: 'FFC00000', bold: true };
  for (const f of failures) {
    const d = f.describe(L);
    w.tableRow([++n, text('unreadable', L), f.code, f.args.file !== undefined ? String(f.args.file) : null, null, null, null, d.message, d.hint], [undefined, red]);
  }
  for (const d of diagnostics) {
    const { message, hint } = describe(d.code, d.args, L);
    const l = d.location;
    w.tableRow([++n, text(d.severity, L), d.code, l.file, l.sheet ?? null, l.row ?? null, l.cell ?? null, message, hint], [undefined, d.severity === 'error' ? red : { bold: true }]);
  }
  if (n === 0) w.tableRow([null, null, null, null, null, null, null, text('noProblems', L)]);
  w.finish({ landscape: true });
}
