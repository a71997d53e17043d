import type { Workbook } from 'exceljs';
import { columnLetter } from '../check/diagnostic.js';
import { COLUMN_LABELS, COUNT_COLUMNS, type CountColumn, type TextColumn } from '../recognise/columns.js';
import { fold } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';
import { ORG_TYPE_LABELS, RATING_LABELS } from '../recognise/vocabulary.js';
import { text, type DocumentOptions } from './heading.js';
import { AMOUNT_FORMAT, COUNT_FORMAT, SheetWriter, type Column, type HeaderCell, type Value } from './xlsx-sheet.js';

/** Leaf labels of the member ratings under "Xếp loại đảng viên", as the forms write them and tally reads them. */
const MEMBER_RATING_LEAVES: Partial<Record<CountColumn, string>> = {
  membersHTXSNV: RATING_LABELS.HTXSNV, membersHTTNV: RATING_LABELS.HTTNV, membersHTNV: RATING_LABELS.HTNV, membersKHTNV: RATING_LABELS.KHTNV,
  membersNotRated: 'Không xếp loại', membersExempt: 'Miễn đánh giá',
};

/**
 * Every unit with its figures and where they came from, ending in a total row of `=SUM(…)` formulas with their
 * results. The headers are the Vietnamese ones tally reads (in both languages), so that tally reads this sheet back
 * to the same summary; the source columns stand under "Nguồn số liệu", which tally does not read as figures.
 */
export function unitSheet(wb: Workbook, name: string, title: string, units: readonly UnitRow[], o: DocumentOptions, totalKey: 'grandTotal' | 'subtotal'): void {
  const L = o.lang;
  const textCols: { id: TextColumn; width: number; value: (u: UnitRow) => string | undefined }[] = [
    { id: 'code', width: 10, value: (u) => u.code },
    { id: 'name', width: 44, value: (u) => u.name },
    { id: 'type', width: 16, value: (u) => (u.type ? ORG_TYPE_LABELS[u.type] : undefined) },
    { id: 'sector', width: 28, value: (u) => u.sector },
    { id: 'parent', width: 12, value: (u) => u.parent },
    { id: 'period', width: 8, value: (u) => u.period },
    { id: 'rating', width: 24, value: (u) => (u.rating === undefined ? undefined : u.rating === 'unrated' ? 'Chưa xếp loại' : RATING_LABELS[u.rating]) },
  ];
  const shownText = textCols.filter((c) => c.id === 'name' || units.some((u) => c.value(u) !== undefined));
  // The good-or-better members are HTXSNV and HTTNV, which are written: a third column would only repeat them.
  const counts = COUNT_COLUMNS.filter((id) => id !== 'membersGoodOrBetter' && units.some((u) => u.columns[id] !== undefined || u.counts[id] !== undefined));
  const plainCounts = counts.filter((id) => MEMBER_RATING_LEAVES[id] === undefined);
  const ratingCounts = counts.filter((id) => MEMBER_RATING_LEAVES[id] !== undefined);
  const indicators = new Map<string, string>();
  for (const u of units) for (const n of u.indicatorNames) if (!indicators.has(fold(n))) indicators.set(fold(n), n);
  const indicatorKeys = [...indicators.keys()];

  const columns: Column[] = [{ width: 6, align: 'center' }];
  const header: HeaderCell[] = ['STT'];
  for (const c of shownText) {
    columns.push({ width: fitWidth(units, c.value, c.width, c.width + 12), wrap: c.id === 'name' || c.id === 'sector' || c.id === 'rating', align: c.id === 'period' ? 'center' : 'left' });
    header.push(COLUMN_LABELS[c.id]);
  }
  const firstCount = columns.length + 1;
  for (const id of plainCounts) {
    columns.push({ width: 10, align: 'right' });
    header.push(COLUMN_LABELS[id]);
  }
  if (ratingCounts.length > 0) {
    for (let i = 0; i < ratingCounts.length; i++) columns.push({ width: 11, align: 'right' });
    header.push({ label: 'Xếp loại đảng viên', children: ratingCounts.map((id) => MEMBER_RATING_LEAVES[id] ?? id) });
  }
  for (const k of indicatorKeys) {
    columns.push({ width: 13, align: 'right' });
    header.push(indicators.get(k) ?? k);
  }
  const lastCount = columns.length;
  // CSV inputs have no sheets: no column for them then.
  const sheets = units.some((u) => u.source.sheet !== undefined);
  columns.push({ width: fitWidth(units, (u) => u.source.file, 12, 50) });
  if (sheets) columns.push({ width: fitWidth(units, (u) => u.source.sheet, 10, 24) });
  columns.push({ width: 7, align: 'right' });
  header.push({ label: text('source', L), children: [text('file', 'vi'), ...(sheets ? [text('sheet', 'vi')] : []), text('row', 'vi')] });

  const w = new SheetWriter(wb.addWorksheet(name), columns, L);
  // No dateline here: a data sheet, and a year in it ("ngày … năm 2025") would read back as the period.
  w.titleBlock(o, [title], { dateline: false });
  w.header(header);
  const first = w.row;
  const sums = new Array<number>(lastCount - firstCount + 1).fill(0);
  units.forEach((u, i) => {
    const values: Value[] = [i + 1];
    for (const c of shownText) values.push(c.value(u) ?? null);
    const figures: (number | undefined)[] = [...plainCounts, ...ratingCounts].map((id) => u.counts[id]);
    const byKey = new Map<string, number | undefined>();
    u.indicatorNames.forEach((n, j) => byKey.set(fold(n), u.indicators[j]));
    for (const k of indicatorKeys) figures.push(byKey.get(k));
    figures.forEach((v, j) => {
      values.push(v ?? null);
      sums[j] = (sums[j] ?? 0) + (v ?? 0);
    });
    values.push(u.source.file);
    if (sheets) values.push(u.source.sheet ?? null);
    values.push(u.source.row);
    w.tableRow(values, values.map((v, j) => (j + 1 >= firstCount && j + 1 <= lastCount ? { numFmt: typeof v === 'number' && !Number.isInteger(v) ? AMOUNT_FORMAT : COUNT_FORMAT } : undefined)));
  });
  const last = w.row - 1;
  if (units.length > 0) {
    const values: Value[] = [null];
    for (const c of shownText) values.push(c.id === 'name' ? text(totalKey, L) : null);
    sums.forEach((sum, j) => {
      const letter = columnLetter(firstCount + j - 1);
      // Sums of amounts with a fraction carry binary noise: the result is rounded as the summary rounds it.
      values.push({ formula: `SUM(${letter}${first}:${letter}${last})`, result: Number.isInteger(sum) ? sum : Math.round(sum * 1e6) / 1e6 });
    });
    w.tableRow(values, values.map((_, j) => (j + 1 >= firstCount ? { numFmt: sums[j - firstCount + 1] !== undefined && !Number.isInteger(sums[j - firstCount + 1]) ? AMOUNT_FORMAT : COUNT_FORMAT } : undefined)), { bold: true });
  }
  w.finish({ landscape: true });
}

/** A column as wide as its longest text (a path, a name), within bounds: long names wrap, paths do not. */
function fitWidth(units: readonly UnitRow[], value: (u: UnitRow) => string | undefined, min: number, max: number): number {
  let longest = 0;
  for (const u of units) longest = Math.max(longest, value(u)?.length ?? 0);
  return Math.min(max, Math.max(min, longest + 2));
}
