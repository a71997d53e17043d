import { ALIAS_INDEX, isCountColumn, type ColumnId, type CountColumn } from './columns.js';
import { cellText, fold } from './normalise.js';
import { ratingOfHeader, type RatingLevel } from './vocabulary.js';
import { TallyError } from '../read/errors.js';
import type { MergeRange, RawSheet } from '../read/types.js';

/** What a column of the table is. */
export type ColumnKind =
  | { readonly kind: 'canonical'; readonly id: ColumnId }
  /** A numeric column with no canonical meaning: summed under its header. */
  | { readonly kind: 'other' }
  /** "Tỷ lệ", "TL%", "%": recomputed, never summed. `of` is the column it is a percentage of, when known. */
  | { readonly kind: 'percent'; readonly of: ColumnId | undefined }
  /** STT / TT: row numbers. */
  | { readonly kind: 'stt' }
  /** Free text about the row ("Ghi chú", "Lý do", "Địa chỉ"): read by people, not by tally. */
  | { readonly kind: 'remark' }
  /** A "Tổng số" under a group whose parts are the other columns: checked against them, never added. */
  | { readonly kind: 'derived' }
  /**
   * A column under a count ("Chuyển đến" › "Tỉnh khác chuyển đến" | "Huyện khác chuyển đến"): its parts add up to
   * that count when the table has no column for the count itself.
   */
  | { readonly kind: 'part'; readonly of: CountColumn }
  /**
   * A rating level under the organisation's rating ("Xếp loại tổ chức" › "HTTNV"): a mark ("x") says the unit has
   * that level; if the column holds counts instead, it is an indicator (the ratings of a committee's cells).
   */
  | { readonly kind: 'ratingTick'; readonly level: RatingLevel | 'unrated' };

export interface HeaderColumn {
  readonly index: number;
  /** Header texts from the top header row down, merged parents included: ["Xếp loại đảng viên", "HTXSNV"]. */
  readonly path: readonly string[];
  /** The path as one label: "Xếp loại đảng viên › HTXSNV". */
  readonly label: string;
  readonly meaning: ColumnKind;
  /**
   * The column this one is a piece of, by the header: a "Trong đó" subset (never more than its whole) or a
   * "Chia ra" part (the parts add up to the whole). `whole` is that column's index.
   */
  readonly within?: { readonly whole: number; readonly how: 'subset' | 'part' } | undefined;
}

export interface HeaderMap {
  /** 0-based first and last header rows. */
  readonly top: number;
  readonly bottom: number;
  readonly columns: readonly HeaderColumn[];
}

/** How many rows from the top of a sheet are searched for the header. */
export const HEADER_SEARCH_ROWS = 40;

/**
 * The most columns with text that the first rows of a sheet may have. A report has dozens; a sheet with more
 * than this is no report (a row of pasted data, a transposed list), and it is refused (`too-large`) rather than
 * read in part, since figures beyond the limit would be left out of the totals without a word.
 */
export const MAX_HEADER_COLUMNS = 1000;

/** A unit or a column number in brackets: "Tổng số đảng viên (người)", "Kết nạp (3)", "Số cuộc (cuộc)". */
const UNIT_NOTE = /\(\s*(?:\d{1,2}|người|nguoi|cuộc|lượt|đv|dv|đảng viên|tổ chức|đơn vị|chi bộ|đồng|triệu đồng|ng|đ\/c|đc|d\/c|dc|đồng chí|dong chi|ĐV|người\/đ\/c)\s*\)/giu;

const STT = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'thu tu', 'so tu tu', 'no']);
const COUNT_LEAF = new Set(['sl', 'so luong', 'so', 'so nguoi', 'so ts']);
const TOTAL_LEAF = new Set(['tong so', 'tong', 'cong', 'tong cong', 'tong so dv']);
const ORG_CONTEXT = /\b(to chuc|chi bo|co so dang|tccsd|dang bo|tap the)\b/;
const MEMBER_CONTEXT = /\b(dang vien|dv)\b/;

/** Prefixes that do not change what a column is: "Trong đó:", "Chia ra:", outline numbers, "Số", "Số lượng". */
const PREFIXES = [/^(trong do|trong so|tr do|trdo|chia ra|gom|bao gom)\s+/, /^([0-9]{1,2}|[a-e])\s+/, /^(so luong|sl|so)\s+/];
/**
 * Words after a header that only say when: "Kết nạp trong năm", "Tổng số đảng viên đến 31/12/2023", "Xếp loại
 * năm 2023", "Số đảng viên (tính đến ngày 30/6/2024)". Folded, so the date's slashes are spaces.
 */
const WHEN_SUFFIX = /\s+(?:trong (?:nam|ky|ky bao cao|nam \d{4})|(?:tinh )?den (?:ngay )?\d{1,2} \d{1,2}(?: \d{2,4})?|(?:tinh )?den (?:cuoi |het )?(?:nam|ky)(?: \d{4})?|tai thoi diem(?: bao cao)?|nam \d{4}|\d{4})$/;

function variants(folded: string): string[] {
  const out = [folded];
  let current = folded;
  for (const prefix of PREFIXES) {
    const next = current.replace(prefix, '');
    if (next !== current && next !== '') {
      out.push(next);
      current = next;
    }
  }
  // The same again without a trailing "when": tried after every exact spelling.
  for (const v of [...out]) {
    const bare = v.replace(WHEN_SUFFIX, '');
    // "Năm 2023" alone is a column of that year's figures, not the period column.
    if (bare !== v && bare.includes(' ') && !out.includes(bare)) out.push(bare);
  }
  return out;
}

const COUNT_WORD = /^(?:(?:trong do|trong so|chia ra)\s+)?(?:tong so|so luong|sl|so)\s/;

function lookup(folded: string): ColumnId | undefined {
  const counted = COUNT_WORD.test(folded);
  for (const v of variants(folded)) {
    const id = ALIAS_INDEX.get(v);
    // "Số TCCSĐ", "Số chi bộ" count units: a number, never the units' name, type or parent.
    if (id && counted && !isCountColumn(id) && !COUNT_WORD.test(v) && id !== 'code') continue;
    if (id) return id;
  }
  return undefined;
}

const DATED = /^(.*?)\s+(?:(?:tinh )?den |tai |ngay |luc )*0?(\d{1,2}) 0?(\d{1,2})(?: \d{2,4})?$/;
const SIGNED = /^(?:so )?(?:tang giam|tang hoac giam|tang \/ giam|chenh lech|bien dong tang giam|tang giam so voi|so voi)\b/;
const PLAN_LEAF = /^(?:chi tieu|ke hoach|dang ky|muc tieu|dinh muc|giao|duoc giao|chi tieu giao|chi tieu nam)\b/;
const ACTUAL_LEAF = /^(?:thuc hien|ket qua|da thuc hien|dat duoc|thuc te|ket qua thuc hien)\b/;
/** A percentage of something else than a count of the row: "Tỷ lệ % so với chỉ tiêu", "% so với cùng kỳ". */
const COMPARED_PERCENT = /\bso (?:voi|sanh)\b|\bkh\b|\bke hoach\b|\bchi tieu\b|\bcung ky\b|\bnam truoc\b/;

function isPercentHeader(raw: string, folded: string): boolean {
  return raw.includes('%') || /^(ty le|ti le|tl)\b/.test(folded) || /\b(ty le|ti le)\b/.test(folded);
}

const MEMBER_RATING_COLUMN: Record<RatingLevel | 'unrated', ColumnId> = {
  HTXSNV: 'membersHTXSNV', HTTNV: 'membersHTTNV', HTNV: 'membersHTNV', KHTNV: 'membersKHTNV', unrated: 'membersNotRated',
};

/** "Tên chi bộ, đảng bộ cơ sở", "Tên đơn vị (chi bộ)", "Tên tổ chức đảng trực thuộc": the unit's name. */
const UNIT_NAME_HEADER = /^ten (?:cac )?(?:to chuc|chi bo|dang bo|co so|don vi|tccsd|co quan|doanh nghiep)\b/;
const RATING_HEADER = /\b(?:xep loai|danh gia xep loai|danh gia, xep loai)\b/;
/** A rating the unit gave itself or that is only proposed: second to the one its superior decided. */
export const SELF_RATING = /\b(?:tu xep loai|tu danh gia|de nghi|du kien)\b/;
const REMARK = /^(?:ghi chu|chu thich|ly do|nguyen nhan|dia chi|so dien thoai|dien thoai|email|nguoi bao cao|nhan xet|y kien|de xuat|kien nghi|ho va ten|ho ten)\b/;
const RATED_TOTAL = /^(?:tong so |so )?(?:dang vien|dv)? ?(?:duoc|da) (?:danh gia|xep loai|danh gia xep loai|tham gia danh gia)\b/;

const MEMBER_LEVEL = /^(?:tong so |so luong |so )?(?:dang vien|dv|d v)(?: duoc| dat)?(?: xep loai| danh gia)? (.+)$/;

/** The date of a dated member count ("Tổng số ĐV 31/12/2023") as yyyymmdd, or undefined. */
function memberDate(c: HeaderColumn): number | undefined {
  if (c.meaning.kind !== 'canonical' || (c.meaning.id !== 'members' && c.meaning.id !== 'membersStart')) return undefined;
  const m = /(\d{1,2}) (\d{1,2}) (\d{4})$/.exec(fold((c.path.at(-1) ?? '').replace(UNIT_NOTE, ' ')));
  return m ? Number(m[3]) * 10000 + Number(m[2]) * 100 + Number(m[1]) : undefined;
}

/** Decide what a column means from its header path, most specific reading first. */
export function matchPath(path: readonly string[]): ColumnKind {
  const folded = path.map((p) => fold(p.replace(UNIT_NOTE, ' ')));
  const leaf = folded.at(-1) ?? '';
  const raw = path.at(-1) ?? '';
  const parents = folded.slice(0, -1);
  if (STT.has(leaf) && parents.length === 0) return { kind: 'stt' };
  if (STT.has(leaf)) return { kind: 'stt' };
  // "Tổng số ĐV 01/01/2023" and "Tổng số ĐV 31/12/2023": the members at the start and at the end of the year
  // ("Số ĐV đầu năm (31/12/2022)" says the start in words: the words win).
  const dated = DATED.exec(leaf);
  if (dated?.[1] && !isPercentHeader(raw, leaf)) {
    const id = lookup(dated[1]);
    if (id === 'membersStart') return { kind: 'canonical', id };
    if (id === 'members') return { kind: 'canonical', id: dated[2] === '1' && dated[3] === '1' ? 'membersStart' : 'members' };
  }
  if (isPercentHeader(raw, leaf) && COMPARED_PERCENT.test(leaf)) return { kind: 'remark' };
  // "Tăng (+), giảm (-)", "Chênh lệch", "+/-": a difference of two figures, signed, worked out rather than added.
  if (SIGNED.test(leaf) || /\+\s*\/\s*-|\(\s*\+\s*\).*\(\s*-\s*\)/.test(raw)) return { kind: 'derived' };
  if (isPercentHeader(raw, leaf)) {
    const of = parents.length > 0 ? matchPath(path.slice(0, -1)) : undefined;
    return { kind: 'percent', of: of?.kind === 'canonical' ? of.id : undefined };
  }
  if (parents.length > 0 && COUNT_LEAF.has(leaf)) return matchPath(path.slice(0, -1));
  if (parents.length > 0 && TOTAL_LEAF.has(leaf)) {
    const parent = matchPath(path.slice(0, -1));
    if (parent.kind === 'canonical') return parent;
    if (parents.some((p) => MEMBER_CONTEXT.test(p) && !/xep loai|danh gia/.test(p))) return { kind: 'canonical', id: 'members' };
    return { kind: 'derived' };
  }
  if (parents.length > 0 && (PLAN_LEAF.test(leaf) || ACTUAL_LEAF.test(leaf))) {
    // "Kết nạp đảng viên › Chỉ tiêu | Thực hiện": what was done is the count; the plan is a figure of its own.
    const parent = matchPath(path.slice(0, -1));
    if (parent.kind === 'canonical' && isCountColumn(parent.id)) return ACTUAL_LEAF.test(leaf) ? parent : { kind: 'other' };
  }
  if (parents.length > 0) {
    // Under a count other than the members ("Kết nạp", "Chuyển đến"): "Trong đó: Nữ" is a subset of it, kept as
    // an indicator (never the members' women); anything else is a part of it.
    const parent = matchPath(path.slice(0, -1));
    if (parent.kind === 'canonical' && isCountColumn(parent.id) && parent.id !== 'members') {
      return /^(trong do|trong so|tr do|trdo)\b/.test(leaf) ? { kind: 'other' } : { kind: 'part', of: parent.id };
    }
  }
  const direct = lookup(leaf);
  if (direct === 'membersExempt' || direct === 'membersNotRated') return { kind: 'canonical', id: direct };
  const rating = ratingOfHeader(variants(leaf).at(-1) ?? leaf) ?? ratingOfHeader(leaf);
  if (rating) {
    const aboutOrgs = parents.some((p) => ORG_CONTEXT.test(p)) && !parents.some((p) => MEMBER_CONTEXT.test(p));
    return aboutOrgs ? { kind: 'ratingTick', level: rating } : { kind: 'canonical', id: MEMBER_RATING_COLUMN[rating] };
  }
  // A level said of members in any spelling: "ĐV HT tốt", "Đảng viên xuất sắc", "DV KHONG HT", "Số ĐV hoàn thành".
  const ofMembers = MEMBER_LEVEL.exec(variants(leaf).at(-1) ?? leaf);
  const memberLevel = ofMembers?.[1] !== undefined ? ratingOfHeader(ofMembers[1]) : undefined;
  if (memberLevel) return { kind: 'canonical', id: MEMBER_RATING_COLUMN[memberLevel] };
  const whole = lookup(folded.join(' '));
  if (whole) return { kind: 'canonical', id: whole };
  if (folded.length > 2) {
    const lastTwo = lookup(folded.slice(-2).join(' '));
    if (lastTwo) return { kind: 'canonical', id: lastTwo };
  }
  const byLeaf = lookup(leaf);
  if (byLeaf) return { kind: 'canonical', id: byLeaf };
  if (parents.length === 0 && UNIT_NAME_HEADER.test(leaf)) return { kind: 'canonical', id: 'name' };
  if (REMARK.test(leaf)) return { kind: 'remark' };
  // "Đảng ủy Khối quyết định xếp loại", "Cấp trên xếp loại", "Chi bộ tự xếp loại": a rating of the unit itself.
  if (RATING_HEADER.test(leaf) && !MEMBER_CONTEXT.test(leaf) && !parents.some((p) => MEMBER_CONTEXT.test(p))) {
    // "Tổng số được xếp loại" counts units or members; "Xếp loại Bí thư" rates a person.
    if (COUNT_WORD.test(leaf) || /\bduoc (?:danh gia )?xep loai\b/.test(leaf)) return { kind: 'derived' };
    if (/\bxep loai (?:bi thu|pho bi thu|cap uy vien|chi uy vien|dang uy vien|ca nhan|can bo)\b/.test(leaf)) return { kind: 'remark' };
    return { kind: 'canonical', id: 'rating' };
  }
  // "Tổng số ĐV được đánh giá, xếp loại": the sum of the levels beside it, not a figure of its own.
  if (RATED_TOTAL.test(leaf) && !parents.some((p) => ORG_CONTEXT.test(p) && !MEMBER_CONTEXT.test(p))) return { kind: 'derived' };
  return { kind: 'other' };
}


/**
 * The header region as text with merged cells filled in: a merged "Xếp loại đảng viên" over four columns
 * reads as that text in each of them, so children can be read in the context of their parent. Each row's texts
 * are worked out once, as arrays (the header is read cell by cell many times over; a string key per cell made a
 * row of 20,000 fields take seconds).
 */
export class FilledGrid {
  /** Per row: merged cells' texts and ranges, by column. */
  private readonly fill = new Map<number, Map<number, { readonly text: string; readonly merge: MergeRange }>>();
  private readonly texts = new Map<number, readonly string[]>();
  /** Per row: for each column, the nearest column to its left with text, or -1. */
  private readonly lefts = new Map<number, Int32Array>();
  private readonly merged: boolean;
  constructor(private readonly sheet: RawSheet, limit: number) {
    for (const m of sheet.merges) {
      if (m.top >= limit) continue;
      const text = cellText(sheet.rows[m.top]?.[m.left]);
      for (let r = m.top; r <= Math.min(m.bottom, limit - 1); r++) {
        let row = this.fill.get(r);
        if (!row) this.fill.set(r, (row = new Map()));
        for (let c = m.left; c <= m.right; c++) row.set(c, { text, merge: m });
      }
    }
    this.merged = this.fill.size > 0;
  }
  /** The texts of a row, merged cells filled in, as far as its last cell or merge. */
  private row(row: number): readonly string[] {
    let texts = this.texts.get(row);
    if (texts) return texts;
    const cells = this.sheet.rows[row] ?? [];
    const out: string[] = [];
    for (let c = 0; c < cells.length; c++) out.push(cellText(cells[c]));
    for (const [c, f] of this.fill.get(row) ?? []) {
      while (out.length < c) out.push('');
      out[c] = f.text;
    }
    this.texts.set(row, (texts = out));
    return texts;
  }
  text(row: number, col: number): string {
    return this.row(row)[col] ?? '';
  }
  merge(row: number, col: number): MergeRange | undefined {
    return this.fill.get(row)?.get(col)?.merge;
  }
  get hasMerges(): boolean {
    return this.merged;
  }
  width(row: number): number {
    return this.sheet.rows[row]?.length ?? 0;
  }
  /** One past the last column of the row with text (merged cells included); 0 for a blank row. */
  textWidth(row: number): number {
    const texts = this.row(row);
    let end = texts.length;
    while (end > 0 && texts[end - 1] === '') end--;
    return end;
  }
  /** The nearest column left of `col` with text on the row, or -1 when there is none. */
  leftOf(row: number, col: number): number {
    let lefts = this.lefts.get(row);
    if (!lefts) {
      const texts = this.row(row);
      lefts = new Int32Array(texts.length + 1);
      let last = -1;
      for (let c = 0; c <= texts.length; c++) {
        lefts[c] = last;
        if (c < texts.length && texts[c] !== '') last = c;
      }
      this.lefts.set(row, lefts);
    }
    return lefts[Math.min(col, lefts.length - 1)] ?? -1;
  }
}

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

/** Find the header band of a sheet and what each column means; undefined when no report table is there. */
export function findHeader(sheet: RawSheet): HeaderMap | undefined {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  const grid = new FilledGrid(sheet, limit);
  // Blank cells at the end of the rows (a stray format far to the right, trailing delimiters) head no column.
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

const SUBSET_WORD = /^(trong do|trong so|tr do|trdo)\b/;
const PART_WORD = /^(chia ra|chia theo|bao gom|gom)\b/;

/**
 * Find the whole of each "Trong đó" and "Chia ra" column. Under a merged parent, the whole is the parent's
 * "Tổng số" column ("Chuyển đến › Tổng số | Chia ra: Tỉnh khác | Huyện khác"; "Số TCCSĐ › Tổng số | Chia ra ›
 * ĐBCS | CBCS"). A flat "Trong đó: Nữ" (or a "Trong đó" parent over several columns) is a piece of the column to
 * its left: under the members it is the members' women, as the canonical columns say; under another count
 * ("Kết nạp | Trong đó: Nữ") it is that count's subset, an indicator named after both, never the members' women.
 */
export function relateColumns(columns: readonly HeaderColumn[]): HeaderColumn[] {
  const folded = columns.map((c) => c.path.map((p) => fold(p)));
  const out = columns.map((c) => ({ ...c }) as { -readonly [K in keyof HeaderColumn]: HeaderColumn[K] });
  const skip = (c: HeaderColumn): boolean => c.meaning.kind === 'percent' || c.meaning.kind === 'stt';
  const samePrefix = (a: readonly string[], b: readonly string[], k: number): boolean => {
    for (let i = 0; i < k; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  for (let i = 0; i < out.length; i++) {
    const col = out[i];
    const path = folded[i];
    if (!col || !path || skip(col)) continue;
    const head = path[0] ?? '';
    // A flat piece: "Trong đó: Nữ", "Chia ra: ...", or such a word as the top of a merged group.
    if (SUBSET_WORD.test(head) || PART_WORD.test(head)) {
      let w = i - 1;
      while (w >= 0 && (skip(out[w] as HeaderColumn) || SUBSET_WORD.test(folded[w]?.[0] ?? '') || PART_WORD.test(folded[w]?.[0] ?? ''))) w--;
      const whole = out[w];
      if (!whole || (whole.meaning.kind !== 'canonical' && whole.meaning.kind !== 'other' && whole.meaning.kind !== 'derived')) continue;
      if (whole.meaning.kind === 'canonical' && !isCountColumn(whole.meaning.id)) continue;
      // Under the members, the canonical columns (women, probationary, ...) have rules of their own.
      if (whole.meaning.kind === 'canonical' && whole.meaning.id === 'members') continue;
      if (col.meaning.kind === 'canonical') {
        col.meaning = { kind: 'other' };
        col.label = `${whole.label} › ${col.label}`;
      }
      col.within = { whole: whole.index, how: PART_WORD.test(head) ? 'part' : 'subset' };
      continue;
    }
    // Under a merged parent: the nearest ancestor group with a "Tổng số" column of its own.
    if (path.length < 2 || TOTAL_LEAF.has(path.at(-1) ?? '')) continue;
    let how: 'subset' | 'part' = 'subset';
    for (let k = path.length - 1; k >= 1; k--) {
      const above = path[k - 1] ?? '';
      const w = out.findIndex((c, j) => j !== i && folded[j]?.length === k + 1 && samePrefix(folded[j] ?? [], path, k)
        && TOTAL_LEAF.has(folded[j]?.[k] ?? '') && !skip(c));
      if (w >= 0) {
        // "Chia ra" as the leaf's own prefix, on an earlier sibling's ("Chia ra: Tỉnh khác | Huyện khác"), or above.
        const siblings = folded.filter((f, j) => j > w && j <= i && f.length === path.length && samePrefix(f, path, k));
        if (siblings.some((f) => PART_WORD.test(f[k] ?? ''))) how = 'part';
        col.within = { whole: (out[w] as HeaderColumn).index, how };
        break;
      }
      if (PART_WORD.test(above)) how = 'part';
      else if (!SUBSET_WORD.test(above)) break;
    }
  }
  return out;
}

const ROW_OUTLINE = /^\s*(?:[A-Za-zĐđ]|[IVXLC]+|\d{1,2}(?:\.\d{1,2})?)\s*[-–.):]\s*/;

/**
 * A statistical form laid out the other way round (Biểu 1 "Tăng, giảm đảng viên", Biểu 7A/7B): the indicators
 * are row labels ("1. Kết nạp", "2. Chuyển đến", "b) Hoàn thành tốt nhiệm vụ") and the columns are periods or
 * types. Such a sheet has no table of organisations to add up; this names a few of its rows for the message.
 * Undefined when fewer than three distinct known figures stand as row labels.
 */
export function indicatorRows(sheet: RawSheet): string[] | undefined {
  const seen = new Map<ColumnId, string>();
  for (const row of sheet.rows.slice(0, 120)) {
    const label = row.find((v): v is string => typeof v === 'string' && /\p{L}{2}/u.test(v));
    if (label === undefined) continue;
    const text = cellText(label);
    const m = matchPath([text.replace(ROW_OUTLINE, '')]);
    if (m.kind === 'canonical' && isCountColumn(m.id) && !seen.has(m.id)) seen.set(m.id, text);
  }
  return seen.size >= 3 ? [...seen.values()] : undefined;
}
