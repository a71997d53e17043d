import { isCountColumn, type ColumnId } from './columns.js';
import type { ColumnKind, HeaderColumn, HeaderMap } from './column-kind.js';
import { matchPath, memberDate, PLAN_LEAF } from './meaning.js';
import { TallyError } from '../read/errors.js';
import { fold } from './normalise.js';
import { relateColumns } from './relate.js';
import { FilledGrid } from './grid.js';
import type { RawSheet } from '../read/types.js';

export type { ColumnKind, HeaderColumn, HeaderMap } from './column-kind.js';
export { matchPath, SELF_RATING } from './meaning.js';
export { relateColumns } from './relate.js';
export { FilledGrid } from './grid.js';

/** How many rows from the top of a sheet are searched for the header. */
export const HEADER_SEARCH_ROWS = 40;

/**
 * The most columns with text that the first rows of a sheet may have. A report has dozens; a sheet with more
 * than this is no report (a row of pasted data, a transposed list), and it is refused (`too-large`) rather than
 * read in part, since figures beyond the limit would be left out of the totals without a word.
 */
export const MAX_HEADER_COLUMNS = 1000;

function scoreRow(grid: FilledGrid, row: number, width: number): number {
  const ids = new Set<ColumnId>();
  let numeric = 0;
  const texts: string[] = [];
  for (let c = 0; c < width; c++) {
    const t = grid.text(row, c);
    if (t === '') continue;
    if (/^[\d.,\s]+$/.test(t)) numeric++;
    else texts.push(t);
  }
  // A row of figures is data: its texts (names, types) are not read as headers at all.
  if (numeric > texts.length) return 0;
  for (const t of texts) {
    const m = matchPath([t]);
    if (m.kind === 'canonical') ids.add(m.id);
  }
  let score = ids.size;
  if (ids.has('name')) score += 3;
  if (ids.has('members')) score += 3;
  return score;
}

/** Words of a report's title, not of a column group. */
const TITLE_WORDS = /\b(bao cao|tong hop|ket qua|danh sach|bieu|thong ke|nam \d{4})\b/;

function isTextRow(grid: FilledGrid, row: number, width: number): boolean {
  let any = false;
  for (let c = 0; c < width; c++) {
    const t = grid.text(row, c);
    if (t === '') continue;
    if (/^[\d.,\s%()=+:*-]+$/.test(t)) return false;
    any = true;
  }
  return any;
}

/**
 * Should the row above the header band be read as a parent header row? Yes when it spans columns of the band
 * with merged cells, or (in CSV, which has no merges) when it holds the headers of single-row columns and
 * stands over the band's children, leaving blanks where a merge would have been.
 */
function isParentRow(grid: FilledGrid, above: number, band: number, width: number): boolean {
  if (above < 0 || !isTextRow(grid, above, width)) return false;
  // A title merged across the whole table ("BÁO CÁO … NĂM 2023" over A:K) stands over every column: not a parent.
  const headed: number[] = [];
  /** How many of the band's columns before each column have a header: a merge's share in one subtraction. */
  const headedBefore = new Int32Array(width + 1);
  for (let c = 0; c < width; c++) {
    if (grid.text(band, c) !== '') headed.push(c);
    headedBefore[c + 1] = headed.length;
  }
  const first = headed[0];
  const last = headed.at(-1);
  if (first !== undefined && last !== undefined && headed.length >= 3) {
    const m = grid.merge(above, first);
    if (m && m.left <= first && m.right >= last) return false;
    // Nearly across: a title that stops a column or two short ("BÁO CÁO … NĂM 2023" over A:S of A:T).
    for (let c = 0; c < width; c++) {
      const t = grid.merge(above, c);
      if (!t || t.left !== c) continue;
      const spanned = (headedBefore[Math.min(t.right + 1, width)] ?? 0) - (headedBefore[t.left] ?? 0);
      if (spanned >= 0.75 * headed.length && TITLE_WORDS.test(fold(grid.text(above, c)))) return false;
    }
  }
  let parentOfMany = false;
  let singles = 0;
  let continuations = 0;
  let fillsGaps = true;
  for (let c = 0; c < width; c++) {
    const up = grid.text(above, c);
    const down = grid.text(band, c);
    const m = grid.merge(above, c);
    if (m && up !== '' && m.left === c) {
      // A merged parent: either a header merged down into the band (rowspan), or one spanning columns whose
      // cells below hold different children ("Biến động đảng viên" over "Kết nạp", "Chuyển đến", …). A unit
      // note such as "Đvt: Người" merged over two columns of one header is neither.
      if (m.bottom >= band) parentOfMany = true;
      const below = new Set<string>();
      for (let k = m.left; k <= m.right; k++) if (grid.text(band, k) !== '') below.add(grid.text(band, k));
      if (below.size >= 2) parentOfMany = true;
    }
    if (up !== '' && down === '') singles++;
    if (up === '' && down !== '') {
      if (grid.leftOf(above, c) >= 0) continuations++;
      else fillsGaps = false;
    }
  }
  if (/^(dvt|don vi tinh)\b/.test(fold(rowText(grid, above, width)))) return false;
  if (grid.hasMerges) return parentOfMany;
  // CSV has no merges: a two-row header shows as single headers with blanks under them, and group parents
  // with blanks to their right over their second and later children. A data row has neither pattern.
  return fillsGaps && singles > 0 && continuations > 0 && isTextRow(grid, band, width);
}

function rowText(grid: FilledGrid, row: number, width: number): string {
  for (let c = 0; c < width; c++) if (grid.text(row, c) !== '') return grid.text(row, c);
  return '';
}

/**
 * Text of a header cell, with a CSV-style horizontal "merge" (blank to the right of a parent) filled in: a blank
 * stands for the parent on its left when the column has a header further down and so does that parent's column
 * ("Đảng viên | | " over "Tổng số | Trong đó | " over " | Nữ | Dự bị").
 */
function parentText(grid: FilledGrid, row: number, col: number, bottom: number): string {
  const own = grid.text(row, col);
  if (own !== '' || grid.merge(row, col)) return own;
  const below = (c: number, t: string): boolean => {
    for (let r = row + 1; r <= bottom; r++) {
      const x = grid.text(r, c);
      if (x !== '' && x !== t) return true;
    }
    return false;
  };
  if (!below(col, '')) return '';
  const c = grid.leftOf(row, col);
  if (c < 0) return '';
  const t = grid.text(row, c);
  return below(c, t) ? t : '';
}

/**
 * How many columns the header may span: the widest row's last text (blank cells at the end of the rows, a stray
 * format far to the right or trailing delimiters, head no column). Past MAX_HEADER_COLUMNS the sheet is refused.
 */
function headerWidth(grid: FilledGrid, sheet: RawSheet, limit: number): number {
  let rawWidth = 0;
  let width = 0;
  for (let r = 0; r < limit; r++) {
    rawWidth = Math.max(rawWidth, grid.width(r));
    width = Math.max(width, grid.textWidth(r));
  }
  width = Math.min(width, rawWidth);
  if (width > MAX_HEADER_COLUMNS) {
    const vi = (n: number): string => n.toLocaleString('vi-VN');
    const en = (n: number): string => n.toLocaleString('en-US');
    throw new TallyError('too-large', {
      file: sheet.file,
      sheet: sheet.sheet,
      columns: width,
      limit: MAX_HEADER_COLUMNS,
      detailVi: `${sheet.sheet === undefined ? '' : `trang "${sheet.sheet}": `}${vi(width)} cột có chữ trong ${limit} dòng đầu, trong khi tally đọc tối đa ${vi(MAX_HEADER_COLUMNS)} cột`,
      detailEn: `${sheet.sheet === undefined ? '' : `sheet "${sheet.sheet}": `}${en(width)} columns with text in the first ${limit} rows, where tally reads at most ${en(MAX_HEADER_COLUMNS)}`,
      hintVi: 'Một báo cáo chỉ có vài chục cột: xóa các cột thừa ở bên phải bảng (hoặc dòng dữ liệu dán nhầm ở trên bảng) rồi lưu lại.',
      hintEn: 'A report has a few dozen columns: delete the extra columns to the right of the table (or a row of data pasted above it) and save again.',
    });
  }
  return width;
}

/** Find the header band of a sheet and what each column means; undefined when no report table is there. */
export function findHeader(sheet: RawSheet): HeaderMap | undefined {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  const grid = new FilledGrid(sheet, limit);
  const width = headerWidth(grid, sheet, limit);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const s = scoreRow(grid, r, width);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  // A table needs at least a name or a member count, and one more known column.
  if (best < 0 || bestScore < 4) return undefined;

  // The best row is usually the lowest header row; take in the children below a merged parent, then parents above.
  let bottom = best;
  while (bottom + 1 < limit && bottom - best < 2 && isParentRow(grid, bottom, bottom + 1, width)
    && (scoreRow(grid, bottom + 1, width) > 0 || isTextRow(grid, bottom + 1, width))) bottom++;
  let top = best;
  while (top > 0 && bottom - top < 2 && isParentRow(grid, top - 1, top, width)) top--;

  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    // The right part of a header merged across columns on the lowest row ("Tên đơn vị" over B:C) is no column
    // of its own: the data, merged the same way, stand in the merge's first column.
    const leafMerge = grid.merge(bottom, c);
    if (leafMerge && leafMerge.left < c && leafMerge.top <= bottom) continue;
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = r < bottom ? parentText(grid, r, c, bottom) : grid.text(r, c);
      if (t !== '' && path.at(-1) !== t) path.push(t);
    }
    if (path.length === 0) continue;
    columns.push({ index: c, path, label: path.join(' › '), meaning: matchPath(path) });
  }
  // "Tổng số đảng viên › Năm 2022 | Năm 2023": one figure for each year; the latest is the report's, the others
  // are kept as indicators under their own labels.
  // Under a count other than the members ("Kết nạp › Năm 2022 | Năm 2023") the years read as its parts: the same.
  const yearOf = (c: HeaderColumn): number | undefined => {
    const m = /^nam (\d{4})$/.exec(fold(c.path.at(-1) ?? ''));
    return c.path.length >= 2 && (c.meaning.kind === 'canonical' || c.meaning.kind === 'part') && m?.[1] ? Number(m[1]) : undefined;
  };
  const byYear = new Map<string, { i: number; year: number; id: ColumnId }[]>();
  columns.forEach((c, i) => {
    const year = yearOf(c);
    const id = c.meaning.kind === 'canonical' ? c.meaning.id : c.meaning.kind === 'part' ? c.meaning.of : undefined;
    if (year === undefined || id === undefined) return;
    const key = `${c.path.slice(0, -1).map((p) => fold(p)).join('|')}#${id}`;
    byYear.set(key, [...(byYear.get(key) ?? []), { i, year, id }]);
  });
  for (const group of byYear.values()) {
    if (group.length < 2) continue;
    const latest = Math.max(...group.map((g) => g.year));
    for (const g of group) {
      // An earlier year's count is kept as an indicator; an earlier year's text (a rating) is not read.
      const earlier: ColumnKind = isCountColumn(g.id) ? { kind: 'other' } : { kind: 'remark' };
      columns[g.i] = { ...(columns[g.i] as HeaderColumn), meaning: g.year === latest ? { kind: 'canonical', id: g.id } : earlier };
    }
  }
  // "Tổng số ĐV 31/12/2022 | Tổng số ĐV 31/12/2023": two dated member counts are the start and the end.
  const dated = columns.map((c, i) => ({ i, d: memberDate(c) })).filter((x): x is { i: number; d: number } => x.d !== undefined).sort((a, b) => a.d - b.d);
  if (dated.length === 2 && dated[0] && dated[1] && dated[0].d !== dated[1].d) {
    columns[dated[0].i] = { ...(columns[dated[0].i] as HeaderColumn), meaning: { kind: 'canonical', id: 'membersStart' } };
    columns[dated[1].i] = { ...(columns[dated[1].i] as HeaderColumn), meaning: { kind: 'canonical', id: 'members' } };
  }
  // "Kết nạp › Chỉ tiêu | Thực hiện | Tỷ lệ (%)": the percentage is of the plan achieved, not of the members.
  const parentKey = (c: HeaderColumn): string => c.path.slice(0, -1).map((p) => fold(p)).join('|');
  for (const [i, col] of columns.entries()) {
    if (col.meaning.kind !== 'percent' || col.path.length < 2) continue;
    const key = parentKey(col);
    if (columns.some((o) => o !== col && parentKey(o) === key && PLAN_LEAF.test(fold(o.path.at(-1) ?? '')))) columns[i] = { ...col, meaning: { kind: 'remark' } };
  }
  return { top, bottom, columns: relateColumns(columns) };
}
