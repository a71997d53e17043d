import { a1, type Diagnostic } from '../check/diagnostic.js';
import type { DiagnosticCode } from '../check/catalogue.js';
import { isCellError, type CellValue, type MergeRange, type RawSheet } from '../read/types.js';
import { aliasesOf, COLUMN_LABELS, COUNT_COLUMNS, REQUIRED_COLUMNS, type ColumnId, type CountColumn } from './columns.js';
import { findHeader, indicatorRows, matchPath, SELF_RATING, type HeaderColumn, type HeaderMap } from './header.js';
import { cellText, cleanText, fold } from './normalise.js';
import { BAD_CELL, BLANK_CELL, countOf, decimalOf, NA_CELL, parseCount, parsePercent, type CountParse } from './numbers.js';
import type { SkipReason, SkippedRow, UnitRow } from './table.js';
import { inferOrgType, parseOrgType, parseRating, type OrgType, type RatingLevel, type Scale } from './vocabulary.js';

export interface RecogniseOptions {
  readonly scale: Scale;
  /** `--period`: overrides any period found in the file. */
  readonly period?: string | undefined;
}

/** A subtotal or total row, kept so the checker can compare it with the rows it covers. */
export interface TotalRow {
  readonly row: number;
  readonly label: string;
  readonly kind: 'subtotal' | 'total';
  readonly values: Readonly<Record<string, { readonly value: number; readonly col: number }>>;
}

export interface SheetResult {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly header: HeaderMap;
  readonly period: string | undefined;
  readonly indicators: readonly string[];
  readonly skipped: readonly SkippedRow[];
  readonly diagnostics: readonly Diagnostic[];
  /** Verbose-only facts: hidden rows read, columns ignored. */
  readonly notes: readonly string[];
  /** Non-empty rows read in the sheet. */
  readonly rowsRead: number;
  readonly rowsCounted: number;
}

const NOTE_START = /^(ghi chu|chu thich|luu y|nguoi lap bieu|nguoi lap|nguoi tong hop|t m|tm|thay mat|noi nhan|xac nhan|ky ten|ky ghi ro|bi thu|pho bi thu|truong ban|thu truong|lanh dao|kt bi thu|ngay \d+ thang|.*\bngay \d* ?thang)\b/;
/**
 * Does a label start like one of a few phrases? Read on the raw text where it has its diacritics (most unit names:
 * no folding, which a million rows would pay for), on the folded text where it has none.
 */
function startsLike(lower: () => string | undefined, marked: RegExp, plain: RegExp, folded: () => string): boolean {
  const raw = lower();
  return raw !== undefined ? marked.test(raw) : plain.test(folded());
}
const COMPARISON_WITH_MARKS = /^(so với|so sánh|tăng giảm|tăng\/giảm|tăng, giảm|tăng hoặc giảm|tỷ lệ|tỉ lệ|chênh lệch|bình quân|trung bình)(?=$|[\s:(.,–-])/;
const BLOC_TOTAL_WITH_MARKS = /^(đảng bộ khối|đảng ủy khối|đảng uỷ khối|toàn đảng bộ khối)(?=$|[\s:(.,–-])/;
/** "KHỐI DOANH NGHIỆP | 90 | 5", in capitals: a sector's line with its figures, a heading with the group's totals. */
const SECTOR_LINE_WITH_MARKS = /^khối\s/;
const SECTOR_LINE = /^khoi\s/;
const PAGE_MARK = /^(?:trang|tr\.|page)\s*\d+(?:\s*\/\s*\d+)?$|^[-–]\s*\d+\s*[-–]$/i;
const BLOC_TOTAL = /^(dang bo khoi|dang uy khoi|toan dang bo khoi)\b/;
const SURE_NOTE = /^(ghi chu|chu thich|luu y|nguoi lap bieu|nguoi lap|nguoi tong hop|t m|tm|thay mat|noi nhan|xac nhan|ky ten|ky ghi ro|.*\bngay \d* ?thang)\b/;
const COMPARISON = /^(so voi|so sanh|tang giam|tang hoac giam|ty le|ti le|chenh lech|binh quan|trung binh)\b/;
const TOTAL = /^(tong cong|cong|tong|tong so|toan khoi|toan dang bo|cong toan khoi|tong hop|tong toan khoi|cong chung)\b/;
/**
 * Folded, "Cộng" and "Công" are one word: "Công ty Cấp nước" and "Tổng công ty Cao su" are units, not totals.
 * Where the label has its diacritics they decide; without them, the words that follow tell.
 */
const TOTAL_WITH_MARKS = /^(tổng cộng|cộng|tổng số|tổng hợp|tổng|toàn khối|toàn đảng bộ|toàn đảng ủy|toàn đảng uỷ)(?=$|[\s:(.,–-])/;
const NOT_TOTAL = /^(tổng (công|cục|đội|kho|liên|thư|biên|giám)|tong (cong ty|cuc|doi|kho|lien)|cong (ty|doan|an|nghiep|trinh|thuong|nhan|ich|dan))\b/;

function isTotalLabel(label: string, folded: () => string): boolean {
  // Every total label starts with t or c ("Tổng", "Cộng", "Toàn"): most unit names are ruled out at once.
  const first = label.charCodeAt(0) | 0x20;
  if (first !== 0x74 && first !== 0x63) return false;
  const raw = label.toLowerCase();
  if (/[^\x00-\x7f]/.test(raw)) return !NOT_TOTAL.test(raw) && TOTAL_WITH_MARKS.test(raw);
  return !NOT_TOTAL.test(folded()) && TOTAL.test(folded());
}
const GRAND = /^(tong cong|toan khoi|toan dang bo|cong toan khoi|tong toan khoi|cong chung|tong so|tong)$/;
const OUTLINE = /^\s*((?:[IVXLC]+|[A-Za-z]|\d{1,2})[.)/]|[IVXLC]+\s*[-–:])\s*\S/;
const GROUP_WORDS = /\b(khoi|nhom|cac dang bo|cac chi bo|dang bo co so|chi bo co so|chi bo truc thuoc|dang bo bo phan|doanh nghiep|co quan|don vi su nghiep|linh vuc)\b/;
const NUMBERING_TOKEN = /^\(?\s*(\d{1,3}|[A-Za-z]{1,2})\s*\)?(\s*\(?\s*=.*)?$|^\d{1,3}\s*=.*$/;


function isEmpty(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}

function yearOf(value: CellValue | undefined): string | undefined {
  if (value instanceof Date) return String(value.getUTCFullYear());
  const t = cellText(value);
  if (t === '') return undefined;
  // "Năm 2023", "năm 2023", "2023" are one period; "6 tháng đầu năm 2024" stays as written.
  const year = /^(?:năm\s*)?((?:19|20)\d\d)$/i.exec(t);
  return year?.[1] ?? t;
}

/**
 * A sheet whose rows are categories, not organisations: Biểu 5 "TCCSĐ theo loại hình" ("1. Doanh nghiệp nhà
 * nước | 12 | 5 | 7 | 340"). It has no name column and no unit in its title; its labels stand under a type or
 * sector header or are numbered, and none names a chi bộ or đảng bộ. Returns a few labels for the message.
 */
export function categoryRows(sheet: RawSheet): string[] | undefined {
  const h = findHeader(sheet);
  if (!h || h.columns.some((c) => c.meaning.kind === 'canonical' && c.meaning.id === 'name') || unitNameFromTitle(sheet, h.top)) return undefined;
  for (const col of h.columns) {
    const labels: string[] = [];
    for (const row of sheet.rows.slice(h.bottom + 1, h.bottom + 200)) {
      const t = cellText(row[col.index] ?? null);
      if (!/\p{L}{2}/u.test(t) || isTotalLabel(t, () => fold(t)) || NOTE_START.test(fold(t))) continue;
      labels.push(t);
    }
    if (labels.length === 0) continue;
    const byHeader = col.meaning.kind === 'canonical' && (col.meaning.id === 'type' || col.meaning.id === 'sector');
    const numbered = labels.filter((l) => OUTLINE.test(l)).length * 2 >= labels.length;
    const units = labels.some((l) => inferOrgType(l.replace(/^\s*(?:[IVXLC]+|[A-Za-z]|\d{1,2})[.)/\-–:]\s*/, ''), false) !== undefined || parseOrgType(l) !== undefined);
    return labels.length >= 2 && (byHeader || numbered) && !units ? labels.slice(0, 4) : undefined;
  }
  return undefined;
}

const PERSON_HEADER = /^(?:ho va ten|ho ten|ho, ten|ten dang vien|ho va ten dang vien)$/;

/**
 * A list of members, one row per person ("Họ và tên | Năm sinh | Ngày vào Đảng"), not a report of organisations:
 * a header row among the first with a person's name column and no organisation's name column.
 */
export function isMemberList(sheet: RawSheet): boolean {
  for (const row of sheet.rows.slice(0, HEADER_ROWS_FOR_LIST)) {
    const texts = row.map((v) => fold(cellText(v ?? null)));
    if (texts.some((t) => PERSON_HEADER.test(t))) {
      return !texts.some((t) => {
        const m = matchPath([t]);
        return m.kind === 'canonical' && m.id === 'name';
      });
    }
  }
  return false;
}
const HEADER_ROWS_FOR_LIST = 20;

/**
 * The unit named in the title block of its own report: the lowest line that names a chi bộ or đảng bộ other than
 * the bloc itself ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH" above "CHI BỘ TRƯỜNG CAO ĐẲNG Y TẾ"), written as a name.
 */
function unitNameFromTitle(sheet: RawSheet, top: number): string | undefined {
  let found: string | undefined;
  for (let r = 0; r < top; r++) {
    for (const cell of sheet.rows[r] ?? []) {
      const text = cleanText(cellText(cell)).replace(/^[*\s]+|[*\s]+$/g, '');
      const f = fold(text);
      if (!/^(chi bo|dang bo|dang uy)\s\S/.test(f) || /^dang (bo|uy) (khoi|tinh|thanh pho|huyen|quan|thi xa)\b/.test(f) || f.split(' ').length > 14) continue;
      if (/\b(bao cao|nam \d{4}|ket qua|danh sach|tong hop)\b/.test(f)) continue;
      found = text === text.toUpperCase() ? titleCase(text) : text;
    }
  }
  return found;
}

/** "CHI BỘ TRƯỜNG CAO ĐẲNG Y TẾ" → "Chi bộ Trường Cao Đẳng Y Tế": the first word lower-cased after the first. */
function titleCase(text: string): string {
  const words = text.toLocaleLowerCase('vi').split(' ');
  return words.map((w, i) => (i === 1 && (words[0] === 'chi' || words[0] === 'đảng') ? w : (w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)))).join(' ');
}

/** The period named in the title rows ("BÁO CÁO … NĂM 2023", "6 tháng đầu năm 2024"). */
function periodFromTitle(sheet: RawSheet, top: number): string | undefined {
  for (let r = 0; r < top; r++) {
    for (const cell of sheet.rows[r] ?? []) {
      const t = fold(cellText(cell));
      // Part of a year first: "6 tháng đầu năm 2024", "quý II năm 2024"; then the year, or a term "2020 – 2025".
      const half = /\b(\d{1,2}) thang (dau|cuoi) nam (\d{4})\b/.exec(t);
      if (half) return `${half[1]} tháng ${half[2] === 'dau' ? 'đầu' : 'cuối'} năm ${half[3]}`;
      const quarter = /\bquy ([ivx]+|[1-4]) nam (\d{4})\b/.exec(t);
      if (quarter?.[1]) return `Quý ${quarter[1].toUpperCase()} năm ${quarter[2]}`;
      const m = /\bnam (\d{4})\b/.exec(t) ?? /\b(?:nhiem ky|giai doan) (\d{4} \d{4})\b/.exec(t);
      if (m?.[1]) return m[1].replace(' ', '–');
    }
  }
  return undefined;
}

function isNumberingRow(row: readonly CellValue[], columns: readonly HeaderColumn[]): boolean {
  let tokens = 0;
  let others = 0;
  for (const col of columns) {
    const v = row[col.index];
    if (v === null || v === undefined) continue;
    const t = cellText(v);
    if (t === '') continue;
    if (NUMBERING_TOKEN.test(t)) tokens++;
    else others++;
  }
  if (tokens < 3 || others > 0) return false;
  // Numbers must run upward, as column numbers do: 1 2 3 … or (1) (2) (3) …
  const nums = columns.map((c) => /\d+/.exec(cellText(row[c.index]))?.[0]).filter((x): x is string => !!x).map(Number);
  return nums.length < 3 || nums.every((n, i) => i === 0 || n > (nums[i - 1] ?? 0));
}

/**
 * A row with a label and no figures heads a group: "I. ĐẢNG BỘ CƠ SỞ", "A. Khối doanh nghiệp", "KHỐI CƠ QUAN".
 * Without an outline marker, a label that reads like a unit's name ("Đảng bộ Sở Tài chính") is a unit row
 * with its figures missing, not a group.
 */
function isGroupHeading(label: string, folded: string): boolean {
  if (OUTLINE.test(label)) return true;
  const unitName = /^(dang bo|chi bo|dang uy) (?!(co so|truc thuoc|bo phan)\b)\S/.test(folded);
  if (unitName) return false;
  return (label === label.toUpperCase() && /\p{L}/u.test(label)) || GROUP_WORDS.test(folded);
}

/**
 * A group heading that also carries figures: a roman numeral or a capital letter ("I.", "B)") before a label
 * that names a group ("ĐẢNG BỘ CƠ SỞ", "Khối doanh nghiệp"), not a unit ("I. Đảng bộ Sở Tài chính").
 */
function isGroupTotalRow(label: string, folded: () => string): boolean {
  const m = /^\s*(?:[IVXLC]+|[A-Z])\s*[.)/:–-]\s*(\S.*)$/.exec(label);
  if (!m?.[1]) return false;
  const text = m[1];
  const rest = folded().replace(/^([ivxlc]+|[a-z]) /, '');
  if (/^(dang bo|chi bo|dang uy) (?!(co so|truc thuoc|bo phan)\b)\S/.test(rest)) return false;
  return (text === text.toUpperCase() && /\p{L}/u.test(text)) || GROUP_WORDS.test(rest);
}

function groupType(label: string): OrgType | undefined {
  const f = fold(label);
  if (/\bdang bo bo phan\b/.test(f)) return 'dang_bo_bo_phan';
  if (/\bchi bo truc thuoc\b/.test(f)) return 'chi_bo_truc_thuoc';
  if (/\b(dang bo co so|cac dang bo|dang bo)\b/.test(f)) return 'dang_bo_co_so';
  if (/\b(chi bo co so|cac chi bo|chi bo)\b/.test(f)) return 'chi_bo_co_so';
  return undefined;
}

/** The mark before a subordinate row's name: "- Chi bộ …", "+ Chi bộ …", "• …". */
const SUB_BULLET = /^[-+–—•*·]\s*/;
/** A type cell that names a unit's type (a section's row leaves it blank or writes its group). */
function isUnitType(text: string): boolean {
  return text !== '' && parseOrgType(text) !== undefined;
}

/** A lower-case letter before a cell's name: "a) Chi bộ …", "b. Chi bộ …". */
const SUB_LETTER = /^[a-zđ]\s*[.)]\s+/;
/** Spaces or a tab before a name, as clerks indent a committee's cells. */
const INDENT = /^(?:[ \u00a0]{2,}|\t)\S/;
/** A second-level number in the STT column: "1.1", "2.3.". Group 1 is the parent's number. */
const SUB_STT = /^(\d{1,3})\.\d{1,3}\.?$/;

/** A mark in a rating column: "x", a tick, "v". */
const MARK = /^(x|✓|✔|√|v|•|\+|\*|có)$/i;
const MEMBER_RATING_LEVELS: readonly (readonly [CountColumn, RatingLevel | 'unrated'])[] = [
  ['membersHTXSNV', 'HTXSNV'], ['membersHTTNV', 'HTTNV'], ['membersHTNV', 'HTNV'], ['membersKHTNV', 'KHTNV'], ['membersNotRated', 'unrated'],
];

const CELL_PROBLEM: Record<Extract<CountParse, { kind: 'bad' }>['problem'], DiagnosticCode> = {
  'not-a-number': 'TL010', 'not-whole': 'TL011', negative: 'TL012', 'cell-error': 'TL015',
};

/**
 * Recognise one sheet: find its header, then walk its rows, handing each organisation row to `onRow` and
 * accounting for every other non-empty row. Returns undefined when the sheet holds no report table.
 */
export function recogniseSheet(sheet: RawSheet, options: RecogniseOptions, onRow: (row: UnitRow) => void): SheetResult | undefined {
  const walker = startSheet(sheet, options, onRow);
  if (!walker) return undefined;
  for (let r = walker.firstDataRow; r < sheet.rows.length; r++) walker.walk(sheet.rows[r] ?? [], r);
  return walker.finish();
}

/** What walks a sheet's rows once its header is known: rows may come all at once or streamed. */
export interface SheetWalker {
  /** 0-based index of the first row after the header. */
  readonly firstDataRow: number;
  walk(row: readonly CellValue[], r: number): void;
  finish(): SheetResult;
}

/**
 * Find the header in the first rows of a sheet (`sheet.rows` may hold only those first rows when the rest is
 * streamed) and return the walker for the rows after it; undefined when there is no report table.
 */
export function startSheet(sheet: RawSheet, options: RecogniseOptions, onRow: (row: UnitRow) => void): SheetWalker | undefined {
  const found = findHeader(sheet);
  if (!found) return undefined;
  // A statistical form with its figures as row labels ("CHỈ TIÊU | Tổng số | Tỷ lệ(%) | …", Biểu 7A) has a header
  // of sorts but no organisations: it is said as such (indicator-rows), not as one error per row.
  if (!found.columns.some((c) => c.meaning.kind === 'canonical' && c.meaning.id === 'name') && indicatorRows(sheet)) return undefined;
  const header: HeaderMap = found;
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedRow[] = [];
  const notes: string[] = [];
  const where = { file: sheet.file, sheet: sheet.sheet };
  const skip = (row: number, reason: SkipReason, text?: string): void => {
    skipped.push({ ...where, row: row + 1, reason, ...(text ? { text } : {}) });
  };
  const push = (code: DiagnosticCode, severity: 'error' | 'warning', row: number | undefined, col: number | undefined, args: Record<string, string | number>): void => {
    diagnostics.push({
      code, severity,
      location: {
        ...where,
        ...(row !== undefined ? { row: row + 1 } : {}),
        ...(col !== undefined ? { column: header.columns.find((c) => c.index === col)?.label, cell: row !== undefined ? a1(row, col) : undefined } : {}),
      },
      args: { ...args, ...(row !== undefined && col !== undefined ? { cell: a1(row, col) } : {}) },
    });
  };

  const isBlankColumn = (c: number): boolean => {
    for (let r = header.bottom + 1; r < Math.min(sheet.rows.length, header.bottom + 400); r++) if (cellText(sheet.rows[r]?.[c] ?? null) !== '') return false;
    return true;
  };
  // Columns: canonical ids (first wins, a second is a structure error), indicators, percentages, the rest.
  const columns: Partial<Record<ColumnId, number>> = {};
  const others: HeaderColumn[] = [];
  const tickCandidates: HeaderColumn[] = [];
  const parts: { col: HeaderColumn; of: CountColumn }[] = [];
  const percents: HeaderColumn[] = [];
  for (const col of header.columns) {
    const m = col.meaning;
    if (m.kind === 'canonical') {
      const first = columns[m.id];
      const firstCol = first === undefined ? undefined : header.columns.find((c) => c.index === first);
      if (first === undefined) columns[m.id] = col.index;
      else if (m.id === 'rating' && firstCol && SELF_RATING.test(fold(firstCol.label)) !== SELF_RATING.test(fold(col.label))) {
        // The unit's own or proposed rating beside the one its superior decided: the decided one counts.
        const [kept, left] = SELF_RATING.test(fold(col.label)) ? [firstCol, col] : [col, firstCol];
        columns.rating = kept.index;
        notes.push(`cột "${left.label}" là xếp loại tự đánh giá hoặc đề nghị; dùng cột "${kept.label}"`);
      } else if (isBlankColumn(col.index) || isBlankColumn(first)) {
        // One of the two is left empty in every row ("Xếp loại chi bộ" filled, "Xếp loại đảng bộ" blank): the filled one.
        const [kept, left] = isBlankColumn(col.index) ? [firstCol, col] : [col, firstCol];
        if (kept) columns[m.id] = kept.index;
        notes.push(`cột "${left?.label ?? ''}" để trống, dùng cột "${kept?.label ?? ''}"`);
      } else {
        const firstLabel = header.columns.find((c) => c.index === first)?.label ?? '';
        push('TL003', 'error', header.bottom, col.index, { label: COLUMN_LABELS[m.id], first: `"${firstLabel}" (${a1(header.bottom, first).replace(/\d+$/, '')})`, second: `"${col.label}" (${a1(header.bottom, col.index).replace(/\d+$/, '')})`, value: col.label });
      }
    } else if (m.kind === 'other') others.push(col);
    else if (m.kind === 'ratingTick') tickCandidates.push(col);
    else if (m.kind === 'part') parts.push({ col, of: m.of });
    else if (m.kind === 'percent') {
      // A lone "Tỷ lệ %" is the share of the count column just before it.
      if (m.of !== undefined) percents.push(col);
      else {
        const left = [...header.columns].reverse().find((c) => c.index < col.index && c.meaning.kind === 'canonical');
        if (left?.meaning.kind === 'canonical') percents.push({ ...col, meaning: { kind: 'percent', of: left.meaning.id } });
      }
    }
    else if (m.kind === 'derived') notes.push(`cột "${col.label}" tính từ các cột khác (tổng của nhóm, số đã xếp loại, chênh lệch), không cộng thêm`);
    else if (m.kind === 'remark') notes.push(`cột "${col.label}" là ghi chú, không đọc`);
  }
  // A "name" column holding numbers is a count under a name-like header (a formula sheet's "TCCSĐ"): not the name.
  if (columns.name !== undefined) {
    let numbers = 0;
    let texts = 0;
    for (let r = header.bottom + 1; r < Math.min(sheet.rows.length, header.bottom + 200); r++) {
      const v = sheet.rows[r]?.[columns.name];
      if (typeof v === 'number') numbers++;
      else if (typeof v === 'string' && /\p{L}/u.test(v)) texts++;
    }
    if (numbers > 0 && texts === 0) {
      notes.push(`cột "${header.columns.find((c) => c.index === columns.name)?.label ?? ''}" chỉ có số, không phải tên tổ chức`);
      delete columns.name;
    }
  }
  // A unit's own report often has no name column: its name heads the sheet ("ĐẢNG BỘ KHỐI …" / "CHI BỘ TRƯỜNG …").
  const titleName = columns.name === undefined ? unitNameFromTitle(sheet, header.top) : undefined;
  if (titleName) notes.push(`không có cột tên; tên tổ chức lấy từ tiêu đề: "${titleName}"`);
  // A form that counts organisations by type or group ("1. Doanh nghiệp nhà nước | 12 | 340"), or a list of members
  // ("Họ và tên | Năm sinh | Ngày vào Đảng"), has no units to add.
  else if (columns.name === undefined && (categoryRows(sheet) || isMemberList(sheet))) return undefined;
  // "Đảng viên chính thức | Đảng viên dự bị" with no total: the members are the two together.
  const fullCol = columns.members === undefined && columns.probationary !== undefined
    ? others.find((c) => /^(?:so )?(?:dang vien |dv )?chinh thuc$/.test(fold(c.path.at(-1) ?? '')))
    : undefined;
  if (fullCol) {
    others.splice(others.indexOf(fullCol), 1);
    notes.push(`không có cột tổng số đảng viên: lấy "${fullCol.label}" cộng "${header.columns.find((c) => c.index === columns.probationary)?.label ?? ''}"`);
  }
  for (const id of REQUIRED_COLUMNS) {
    if (id === 'name' && titleName) continue;
    if (id === 'members' && fullCol) continue;
    if (columns[id] === undefined) push('TL002', 'error', header.bottom, undefined, { column: id, label: COLUMN_LABELS[id], aliases: `${aliasesOf(id).slice(0, 6).map((a) => `"${a}"`).join(', ')}, …` });
  }
  for (let r = header.top; r <= header.bottom; r++) if (!isEmpty(sheet.rows[r])) skip(r, 'header');
  for (let r = 0; r < header.top; r++) if (!isEmpty(sheet.rows[r])) skip(r, 'title', cellText(sheet.rows[r]?.find((v) => cellText(v) !== '')));
  const period = options.period ?? periodFromTitle(sheet, header.top);

  let dataRating: HeaderColumn | undefined;
  /**
   * A column of types must agree with what the names say where they say it ("Chi bộ …" is no đảng bộ): a column
   * of the parent's name ("Đảng bộ Khối" on every row) is not the units' type.
   */
  const typesAgreeWithNames = (c: number): boolean => {
    let said = 0;
    let agree = 0;
    for (const row of sheet.rows.slice(header.bottom + 1, header.bottom + 400)) {
      const byName = columns.name !== undefined ? inferOrgType(cellText(row[columns.name] ?? null), false) : undefined;
      const byColumn = parseOrgType(cellText(row[c] ?? null));
      if (!byName || !byColumn) continue;
      said++;
      if (byName.startsWith('chi_bo') === byColumn.startsWith('chi_bo')) agree++;
    }
    return said === 0 || agree >= 0.8 * said;
  };
  // An unrecognised column is an indicator when its data are numbers, and ignored (with a warning) when text.
  const indicators: HeaderColumn[] = [];
  for (const col of others) {
    let numbers = 0;
    let texts = 0;
    for (let r = header.bottom + 1; r < Math.min(sheet.rows.length, header.bottom + 400); r++) {
      const p = parseCount(sheet.rows[r]?.[col.index] ?? null);
      if (p.kind === 'value') numbers++;
      else if (p.kind === 'bad' && p.problem === 'not-a-number') texts++;
    }
    if (numbers > 0 && numbers >= texts) indicators.push(col);
    else if (texts > 0) {
      // A column of unit types ("ĐBCS", "CBTT") or of ratings under a header tally does not know is read for what
      // its data are, when the table has no such column yet.
      const values = sheet.rows.slice(header.bottom + 1, header.bottom + 400).map((row) => cellText(row[col.index] ?? null)).filter((t) => t !== '');
      const share = (ok: (t: string) => boolean): number => values.filter(ok).length / values.length;
      if (columns.type === undefined && share((t) => parseOrgType(t) !== undefined) >= 0.8 && typesAgreeWithNames(col.index)) {
        columns.type = col.index;
        notes.push(`cột "${col.label}" có các loại hình tổ chức, đọc là cột loại hình`);
      } else if (share((t) => parseRating(t, options.scale).kind !== 'unknown') >= 0.8
        && (columns.rating === undefined || (dataRating !== undefined && SELF_RATING.test(fold(dataRating.label)) && !SELF_RATING.test(fold(col.label))))) {
        // Of two such columns, the unit's own ("tự đánh giá") gives way to the one decided above it.
        if (dataRating) notes.push(`cột "${dataRating.label}" là xếp loại tự đánh giá; dùng cột "${col.label}"`);
        columns.rating = col.index;
        dataRating = col;
        notes.push(`cột "${col.label}" có các mức xếp loại, đọc là cột xếp loại tổ chức`);
      } else push('TL004', 'warning', header.bottom, col.index, { value: col.label });
    }
  }

  // Rating levels as columns of marks ("x" under the unit's level), the common layout of hand-made forms. A
  // level column under the organisation's rating holding counts is an indicator instead; a member-rating column
  // ("HTXSNV" with no parent) holding only marks is the organisation's rating.
  const ticks: { col: number; level: RatingLevel | 'unrated' }[] = [];
  // Total rows count the marks ("Cộng | 1 | 2 | 1"): they say nothing of whether the levels are marks or counts.
  const dataRows = sheet.rows.slice(header.bottom + 1, header.bottom + 400).filter((row) => {
    const t = cellText(row.find((v) => typeof v === 'string' && /\p{L}/u.test(v)) ?? null);
    return !(isTotalLabel(t, () => fold(t)) || BLOC_TOTAL.test(fold(t)));
  });
  const markStats = (c: number): { marks: number; counts: number } => {
    let marks = 0;
    let counts = 0;
    for (const row of dataRows) {
      const v = row[c] ?? null;
      if (typeof v === 'string' && MARK.test(v.trim())) marks++;
      else {
        const n = countOf(v);
        if (n >= 2) counts++;
        else if (n === 1) marks++;
      }
    }
    return { marks, counts };
  };
  // The levels of one rating go together: one column of counts makes them all counts.
  const tickCounts = tickCandidates.some((col) => markStats(col.index).counts > 0);
  for (const col of tickCandidates) {
    const m = col.meaning;
    if (m.kind !== 'ratingTick') continue;
    if (tickCounts) others.push(col);
    else ticks.push({ col: col.index, level: m.level });
  }
  for (const [id, level] of MEMBER_RATING_LEVELS) {
    const c = columns[id];
    if (c === undefined || columns.rating !== undefined) continue;
    const s = markStats(c);
    if (s.counts === 0 && dataRows.some((row) => typeof row[c] === 'string' && MARK.test(String(row[c]).trim()))) {
      delete columns[id];
      ticks.push({ col: c, level });
    }
  }
  for (const col of others) {
    if (col.meaning.kind !== 'ratingTick' || indicators.includes(col)) continue;
    indicators.push(col);
  }
  if (columns.rating !== undefined) ticks.length = 0;

  // Parts of a count add up to it when the table has no column for the count; beside one, they are indicators.
  const partCols = parts.filter((p) => columns[p.of] === undefined);
  for (const p of parts) if (columns[p.of] !== undefined) indicators.push(p.col);

  // "Trong đó" and "Chia ra" columns, grouped by the column they are pieces of (see relateColumns).
  const pieces = new Map<number, { subsets: HeaderColumn[]; parts: HeaderColumn[] }>();
  for (const col of header.columns) {
    if (!col.within) continue;
    const entry = pieces.get(col.within.whole) ?? { subsets: [], parts: [] };
    (col.within.how === 'part' ? entry.parts : entry.subsets).push(col);
    pieces.set(col.within.whole, entry);
  }
  const wholes = [...pieces].map(([whole, p]) => ({ whole, label: header.columns.find((c) => c.index === whole)?.label ?? '', ...p }));
  const nameCol = columns.name;
  const membersCol = columns.members;
  const sttCol = header.columns.find((c) => c.meaning.kind === 'stt')?.index;
  const countCols = COUNT_COLUMNS.filter((id) => columns[id] !== undefined).map((id) => [id, columns[id] as number] as const);
  let group: { label: string; type?: OrgType | undefined; sector?: string | undefined } | undefined;
  let inNotes = false;
  const hiddenErrorCols = new Set<number>();
  let afterGrandTotal = false;
  let rowsRead = 0;
  let rowsCounted = 0;
  let hiddenRead = 0;
  // Data cells merged down over several rows: the value is known when the walk reaches the merge's top row
  // (which may come from a stream), and is then lent to the rows below it.
  const masters = new Map<string, CellValue>();
  const mergesFrom = new Map<number, MergeRange[]>();
  for (const m of sheet.merges) {
    if (m.bottom <= header.bottom || m.bottom === m.top) continue;
    const top = Math.max(m.top, header.bottom + 1);
    mergesFrom.set(top, [...(mergesFrom.get(top) ?? []), m]);
  }
  const lendMerged = (row: readonly CellValue[], r: number): void => {
    for (const m of mergesFrom.get(r) ?? []) {
      const value = m.top === r ? (row[m.left] ?? null) : (sheet.rows[m.top]?.[m.left] ?? null);
      for (let rr = r; rr <= m.bottom; rr++) for (let cc = m.left; cc <= m.right; cc++) masters.set(`${rr}:${cc}`, value);
    }
  };
  const mergedAbove = (r: number, c: number): CellValue => (masters.size === 0 ? null : masters.get(`${r}:${c}`) ?? null);
  // Running sums since the top of the table and since the last group heading, one slot per summed column.
  const summed: { key: string; col: number; id?: CountColumn; part?: true }[] = [
    ...countCols.map(([id, c]) => ({ key: id as string, col: c, id })),
    ...partCols.map((p) => ({ key: `part:${p.col.label}`, col: p.col.index, id: p.of, part: true as const })),
    ...indicators.map((c) => ({ key: `indicator:${c.label}`, col: c.index })),
  ];
  const firstIndicator = summed.length - indicators.length;
  const allSums = new Float64Array(summed.length);
  let groupSums = new Float64Array(summed.length);
  // The part of those sums from hidden rows: said when a total disagrees by just that much.
  const hiddenAll = new Float64Array(summed.length);
  let hiddenGroup = new Float64Array(summed.length);
  let groupRows = 0;
  const parsedCells = new Float64Array(summed.length);
  const deferredTotals: TotalRow[] = [];
  /** The totals a group heading carried, checked when its group ends. */
  let groupTotal: TotalRow | undefined;
  const totalValues = (): Record<string, { value: number; col: number }> => {
    const values: Record<string, { value: number; col: number }> = {};
    summed.forEach((s, i) => {
      const v = parsedCells[i] ?? BLANK_CELL;
      if (v >= 0) values[s.key] = { value: v, col: s.col };
    });
    return values;
  };
  const closeGroup = (): void => {
    // A heading with no rows under it (a table of sectors, not units) has nothing to be checked against.
    if (groupTotal && groupRows > 0) compareTotal(groupTotal, groupSums, hiddenGroup);
    groupTotal = undefined;
  };
  const indicatorNames = indicators.map((c) => c.label);
  // The title block's lines, folded: the bloc's own name among them tells its total line.
  const titleLines = new Set<string>();
  for (let r = 0; r < header.top; r++) for (const v of sheet.rows[r] ?? []) if (typeof v === 'string' && v.trim() !== '') titleLines.add(fold(v.length > 40 ? v.slice(0, 40) : v));
  const rowKey = (row: readonly CellValue[]): string => header.columns.map((c) => fold(cellText(row[c.index] ?? null))).join('|');
  const headerKeys = new Set<string>();
  const headerNames = new Set<string>();
  for (let r = header.top; r <= header.bottom; r++) {
    const row = sheet.rows[r] ?? [];
    if (/[^|]/.test(rowKey(row))) headerKeys.add(rowKey(row));
    const n = nameCol !== undefined ? cellText(row[nameCol] ?? null) : '';
    if (n !== '') headerNames.add(n);
  }
  // Type, rating and period cells repeat the same few texts on every row: read each distinct text once.
  const typeCache = new Map<string, OrgType | undefined>();
  const ratingCache = new Map<string, ReturnType<typeof parseRating>>();
  const cached = <T>(cache: Map<string, T>, key: string, compute: (k: string) => T): T => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      v = compute(key);
      if (cache.size < 1000) cache.set(key, v);
    }
    return v as T;
  };

  // A committee's own cells listed under it ("1.1", "- Chi bộ …"): subordinate rows, whose figures are already in the
  // committee's row. They are kept out of the totals and checked against the committee's row when the list ends.
  // One record, reused row after row (a million-row file allocates nothing here).
  let committee: { name: string; key: string; stt: string; row: number; bulleted: boolean; indented: boolean; isCommittee: boolean; values: Float64Array; sums: Float64Array; children: number } | undefined;
  const committeeState = { name: '', key: '', stt: '', row: 0, bulleted: false, indented: false, isCommittee: false, values: new Float64Array(summed.length), sums: new Float64Array(summed.length), children: 0 };
  /**
   * Rows that only look like the committee's cells (a bullet, an indent, a letter, a blank STT): held until the
   * committee's list ends, then its cells if they add up to its figures, or units of their own if they do not
   * (a clerk's stray dash or a forgotten number must not swallow a unit).
   */
  let pending: { row: UnitRow; values: Float64Array; r: number; ownParent: boolean; type: OrgType | undefined }[] = [];
  const pendingSums = new Float64Array(summed.length);
  /**
   * The count columns where the committee's own figure differs from what its cells add up to (with `extra`, the
   * held rows, added): each with the figure, the sum and the column, for the decision to hold rows and for TL034.
   */
  const cellMismatches = (c: NonNullable<typeof committee>, extra?: Float64Array): { col: number; id: CountColumn; own: number; sum: number }[] => {
    const out: { col: number; id: CountColumn; own: number; sum: number }[] = [];
    for (let i = 0; i < firstIndicator; i++) {
      const s = summed[i];
      const own = c.values[i] ?? BLANK_CELL;
      if (!s?.id || s.part || s.id === 'cells' || own < 0) continue;
      const sum = (c.sums[i] ?? 0) + (extra?.[i] ?? 0);
      if (sum !== own) out.push({ col: s.col, id: s.id, own, sum });
    }
    return out;
  };
  const releasePending = (asCells: boolean): void => {
    for (const p of pending) {
      if (asCells && committee) {
        committee.children++;
        for (let i = 0; i < summed.length; i++) committee.sums[i] = (committee.sums[i] ?? 0) + Math.max(0, p.values[i] ?? 0);
      } else {
        // A unit after all: its own type and no parent but the one it wrote, counted in the totals.
        const u = p.row as { -readonly [K in keyof UnitRow]: UnitRow[K] };
        if (!p.ownParent) delete u.parent;
        const inferred = p.type ?? group?.type ?? inferOrgType(u.name, u.parent !== undefined);
        if (inferred) u.type = inferred;
        else delete u.type;
        addToSums(p.r, p.values);
      }
      onRow(p.row);
    }
    pending = [];
    pendingSums.fill(0);
  };
  const closeCommittee = (): void => {
    if (pending.length > 0 && committee) releasePending(cellMismatches(committee, pendingSums).length === 0);
    if (committee && committee.children > 0) {
      for (const m of cellMismatches(committee)) {
        push('TL034', 'warning', committee.row, m.col, { name: committee.name, label: COLUMN_LABELS[m.id], value: m.own, expected: m.sum, count: committee.children });
      }
    }
    committee = undefined;
  };

  const walk = (row: readonly CellValue[], r: number): void => {
    if (mergesFrom.size > 0) lendMerged(row, r);
    if (isEmpty(row)) return;
    rowsRead++;
    if (sheet.hiddenRows.has(r)) hiddenRead++;
    let name = nameCol !== undefined ? cellText(row[nameCol]) : '';
    const label = name !== '' ? name : cellText(row.find((v) => typeof v === 'string' && v.trim() !== '' && !/^[\d.,\s]+$/.test(v)) ?? null);
    if (inNotes) {
      skip(r, 'note', label);
      return;
    }
    let anyCount = false;
    for (let i = 0; i < summed.length; i++) {
      const cell = row[(summed[i] as { col: number }).col] ?? null;
      let v = countOf(cell);
      // Indicators may be amounts with a fraction ("Đảng phí (triệu đồng)": 15,5); counts may not.
      if (v === BAD_CELL && i >= firstIndicator) v = decimalOf(cell) ?? BAD_CELL;
      parsedCells[i] = v;
      if (v >= 0 || v === NA_CELL) anyCount = true;
    }
    // Totals, notes and group headings are told by how a label starts; folding is paid only where needed
    // (a row of figures under a label with its diacritics is read on the raw text).
    let foldedLabel: string | undefined;
    const folded = (): string => (foldedLabel ??= fold(label.length > 40 ? label.slice(0, 40) : label));
    // The label lower-cased when it has diacritics (read as written), undefined when it has none (read folded).
    let lowerLabel: string | null | undefined;
    const lower = (): string | undefined => {
      if (lowerLabel === undefined) {
        const head = label.length > 40 ? label.slice(0, 40) : label;
        lowerLabel = /[^\x00-\x7f]/.test(head) ? head.toLowerCase() : null;
      }
      return lowerLabel ?? undefined;
    };
    // After the grand total, a line of text with no figures starts what is not the table: notes, or a second small
    // table ("TỔNG HỢP THEO LOẠI HÌNH") whose rows are not units.
    if (afterGrandTotal && !anyCount && !OUTLINE.test(label)) {
      inNotes = true;
      skip(r, 'note', label);
      return;
    }
    // The title printed again above the header on the next page.
    if (!anyCount && titleLines.size > 0 && titleLines.has(folded())) {
      skip(r, 'title', label);
      return;
    }
    // Notes and signatures carry no figures: "Người lập biểu", "T/M BAN THƯỜNG VỤ", "…, ngày 20 tháng 12 năm 2023".
    // Before any unit only the unmistakable ones count (a template sent back empty ends with its signature block).
    if (!anyCount && (rowsCounted > 0 ? NOTE_START : SURE_NOTE).test(folded())) {
      inNotes = true;
      skip(r, 'note', label);
      return;
    }
    // The numbering row under the header, also where a printed page repeats it.
    if ((r === header.bottom + 1 || (name !== '' && NUMBERING_TOKEN.test(name))) && isNumberingRow(row, header.columns)) {
      skip(r, 'numbering');
      return;
    }
    // The header again at the top of a printed page (print titles copied into the sheet), one row or several.
    if ((!anyCount || headerNames.has(name)) && headerKeys.has(rowKey(row))) {
      skip(r, 'repeated-header');
      return;
    }
    // "Trang 2", "- 1 -": a page number left in the sheet.
    if (!anyCount && PAGE_MARK.test(label)) {
      skip(r, 'page', label);
      return;
    }

    const sttText = sttCol !== undefined ? cellText(row[sttCol]) : '';
    // A row numbered in the STT column, or typed in the type column, is a unit whatever its name ("Cộng đồng
    // Doanh nghiệp trẻ", "Khối Văn phòng Tổng công ty", "Tổng hợp Xuất nhập khẩu"): most rows end their tests here.
    const isUnit = /^\d{1,4}\.?$/.test(sttText) || (columns.type !== undefined && cached(typeCache, cellText(row[columns.type]), parseOrgType) !== undefined);
    // "So với cùng kỳ năm 2022", "Tỷ lệ (%)", "Tăng/giảm": a comparison under the table, not a unit.
    if (!isUnit && startsLike(lower, COMPARISON_WITH_MARKS, COMPARISON, folded)) {
      skip(r, 'comparison', label);
      return;
    }
    // The bloc's own line ("Đảng bộ Khối Các cơ quan tỉnh | 215", "TC", "Σ") is its total.
    // It is told by its name as the title gives it ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"): a unit may well be called
    // "Đảng bộ Khối Văn phòng Tổng công ty".
    const blocLine = anyCount && !isUnit && ((titleLines.size > 0 && startsLike(lower, BLOC_TOTAL_WITH_MARKS, BLOC_TOTAL, folded) && titleLines.has(folded()))
      || /^(Σ|∑|TC|T\.C|TỔNG)$/u.test(label));
    if (blocLine || (!isUnit && isTotalLabel(label, folded) && (anyCount || folded().split(' ').length <= 3))) {
      closeCommittee();
      const kind = GRAND.test(folded()) || /^(dang bo khoi|dang uy khoi)\b/.test(folded()) || group === undefined ? 'total' : 'subtotal';
      if (kind === 'total') closeGroup();
      const total: TotalRow = { row: r, label, kind, values: totalValues() };
      // A total above its rows (some forms put "Tổng số" first) is checked once all rows are read.
      if (rowsCounted === 0) deferredTotals.push(total);
      else if (kind === 'subtotal') compareTotal(total, groupSums, hiddenGroup);
      else compareTotal(total, allSums, hiddenAll);
      // Only the bloc's closing total ("Tổng cộng", "Toàn khối") ends the table; a "Tổng số" may close a section.
      if (kind === 'total' && rowsCounted > 0 && (blocLine || /^(tong cong|toan khoi|toan dang bo|cong toan khoi|tong toan khoi|cong chung)\b/.test(folded()))) afterGrandTotal = true;
      skip(r, kind, label);
      return;
    }
    // A group heading; in many forms it also carries its group's totals ("I. ĐẢNG BỘ CƠ SỞ | 1.234 | 56"):
    // those are checked against the rows under it, never added.
    // The numeral may stand in the STT column ("II" | "CHI BỘ CƠ SỞ"), or in front of the label.
    const marked = /^([IVXLC]+|[A-Z])\.?$/.test(sttText) && !/^\s*(?:[IVXLC]+|[A-Z])\s*[.)]/.test(label) ? `${sttText}. ${label}` : label;
    const headingWithTotals = anyCount && (isGroupTotalRow(marked, marked === label ? folded : () => fold(marked.slice(0, 40)))
      || (!isUnit && label === label.toUpperCase() && startsLike(lower, SECTOR_LINE_WITH_MARKS, SECTOR_LINE, folded)));
    // "1 | Khối Doanh nghiệp | 205" with "1.1", "1.2" below it: a numbered section, unless it is a committee (whose
    // cells those would be). Looked up in the rows at hand (all of a workbook's, the first of a streamed CSV).
    const n = /^(\d{1,3})\.?$/.exec(sttText)?.[1];
    const nextStt = n !== undefined && sttCol !== undefined ? cellText(sheet.rows[r + 1]?.[sttCol] ?? null) : '';
    const section = n !== undefined && nextStt.startsWith(`${n}.`) && label !== ''
      && !/^(dang bo|dang uy|chi bo)\b/.test(folded()) && (columns.type === undefined || !isUnitType(cellText(row[columns.type] ?? null)));
    if ((!anyCount && label !== '' && isGroupHeading(label, folded())) || headingWithTotals || section) {
      closeCommittee();
      closeGroup();
      const text = label.replace(OUTLINE, (m) => m.slice(-1)).replace(/^\s*(?:[IVXLC]+|[A-Za-z]|\d{1,2})[.)/\-–:]\s*/, '');
      const type = groupType(text);
      group = { label: cleanText(text), type, sector: type ? undefined : cleanText(text) };
      groupSums = new Float64Array(summed.length);
      hiddenGroup = new Float64Array(summed.length);
      groupRows = 0;
      if (headingWithTotals) groupTotal = { row: r, label, kind: 'subtotal', values: totalValues() };
      skip(r, 'group', label);
      return;
    }

    // An organisation row.
    if (name === '' && titleName) name = titleName;
    const counts: Partial<Record<CountColumn, number>> = {};
    const indicatorValues: (number | undefined)[] = new Array<number | undefined>(indicators.length);
    for (let i = 0; i < summed.length; i++) {
      const s = summed[i] as (typeof summed)[number];
      const v = parsedCells[i] ?? BLANK_CELL;
      if (v >= 0) {
        if (s.part && s.id) counts[s.id] = (counts[s.id] ?? 0) + v;
        else if (s.id) counts[s.id] = v;
        else indicatorValues[i - firstIndicator] = v;
      } else if (v === BAD_CELL) {
        const p = parseCount(row[s.col] ?? null);
        // A formula error in a hidden helper column of other figures (a VLOOKUP's #N/A) is the clerk's scaffolding:
        // left out of the sums and said once with --verbose, not an error that blocks the report.
        if (p.kind === 'bad' && p.problem === 'cell-error' && !s.id && sheet.hiddenColumns.has(s.col)) {
          if (!hiddenErrorCols.has(s.col)) notes.push(`cột ẩn "${s.key.slice(s.key.indexOf(':') + 1)}" có ô lỗi (${p.shown}), không cộng ô đó`);
          hiddenErrorCols.add(s.col);
          continue;
        }
        if (p.kind === 'bad') push(p.problem === 'cell-error' && p.shown.startsWith('=') ? 'TL019' : CELL_PROBLEM[p.problem], 'error', r, s.col, { value: p.shown, label: s.part || !s.id ? s.key.slice(s.key.indexOf(':') + 1) : COLUMN_LABELS[s.id] });
      }
    }
    const text = (id: ColumnId): string => {
      const c = columns[id];
      if (c === undefined) return '';
      const own = cellText(row[c]);
      // A text cell merged down over several units (a sector or parent written once for a block of rows)
      // belongs to each of them; counts are never spread this way, they would be added twice.
      return own !== '' ? own : cellText(mergedAbove(r, c));
    };
    let type: OrgType | undefined;
    const typeText = text('type');
    if (typeText !== '') {
      type = cached(typeCache, typeText, parseOrgType);
      if (!type) push('TL014', 'error', r, columns.type, { value: typeText });
    }
    // Under a committee's row, a row numbered "1.1" after its "1", or a "- Chi bộ …" after an unmarked committee,
    // is one of its cells (unless its type column says it is a grassroots organisation of its own).
    // The marks of a cell under its committee: a bullet ("- ", "+ ") or a letter ("a) "), an indent, a number "1.1"
    // under its "1", or no number at all where the committee has one.
    const bullet = SUB_BULLET.exec(name) ?? SUB_LETTER.exec(name);
    const rawName = nameCol !== undefined ? row[nameCol] : null;
    const indented = typeof rawName === 'string' && INDENT.test(rawName);
    const subStt = SUB_STT.exec(sttText);
    const sub = committee !== undefined && committee.isCommittee && type !== 'dang_bo_co_so' && type !== 'chi_bo_co_so'
      && ((subStt !== null && subStt[1] === committee.stt)
        || (bullet !== null && !committee.bulleted)
        || (indented && !committee.indented)
        || (sttCol !== undefined && sttText === '' && committee.stt !== ''));
    if (sub && bullet) name = name.slice(bullet[0].length);
    const parent = text('parent') || (sub ? committee?.key : undefined);
    type ??= sub ? (inferOrgType(name, true) ?? 'chi_bo_truc_thuoc') : group?.type ?? inferOrgType(name, parent !== undefined);
    let rating: UnitRow['rating'];
    if (columns.rating !== undefined) {
      const ratingText = text('rating');
      const p = cached(ratingCache, ratingText, (t) => parseRating(t, options.scale));
      if (p.kind === 'level') rating = p.level;
      else if (p.kind === 'unrated') rating = 'unrated';
      else if (p.kind === 'old-scale') push('TL018', 'error', r, columns.rating, { value: ratingText });
      else push('TL013', 'error', r, columns.rating, { value: ratingText });
    }
    if (ticks.length > 0) {
      const marked = ticks.filter((t) => {
        const v = row[t.col] ?? null;
        return (typeof v === 'string' && MARK.test(v.trim())) || countOf(v) === 1;
      });
      if (marked.length === 1) rating = marked[0]?.level;
      else if (marked.length === 0) rating = 'unrated';
      else push('TL013', 'error', r, marked[1]?.col, { value: marked.map((t) => (t.level === 'unrated' ? 'chưa xếp loại' : t.level)).join(' + ') });
    }
    for (const col of percents) checkPercent(row, r, col, counts);
    const code = text('code');
    const sector = text('sector') || group?.sector;
    const rowPeriod = options.period ?? (columns.period !== undefined ? yearOf(row[columns.period]) : undefined) ?? period;
    const candidate: Omit<UnitRow, 'source' | 'columns' | 'counts' | 'indicatorNames'> & { counts: Partial<Record<CountColumn, number>> } = { name, counts, indicators: indicatorValues };
    if (code) candidate.code = code;
    if (type) candidate.type = type;
    if (parent) candidate.parent = parent;
    if (sector) candidate.sector = sector;
    if (rowPeriod) candidate.period = rowPeriod;
    if (group) candidate.group = group.label;
    if (rating) candidate.rating = rating;
    // Every field but the name and the member count is valid by construction (see row-schema.ts).
    if (fullCol && counts.members === undefined) {
      const full = countOf(row[fullCol.index] ?? null);
      if (full >= 0) counts.members = full + (counts.probationary ?? 0);
      else if (full === BAD_CELL) {
        const p = parseCount(row[fullCol.index] ?? null);
        if (p.kind === 'bad') push(CELL_PROBLEM[p.problem], 'error', r, fullCol.index, { value: p.shown, label: fullCol.label });
      }
    }
    if (name === '' || counts.members === undefined) {
      // With no name column at all, TL002 has said it once; a TL016 on every row would only bury it.
      if (name === '') {
        if (nameCol !== undefined) push('TL016', 'error', r, nameCol, { row: r + 1 });
      } else if (membersCol !== undefined && parseCount(row[membersCol] ?? null).kind !== 'bad') push('TL017', 'error', r, membersCol, { name });
      // Its figures are most likely in the totals: kept in the sums they are checked against.
      if (anyCount) addToSums(r);
      skip(r, 'invalid', label);
      return;
    }
    if (wholes.length > 0) checkPieces(row, r, name);
    rowsCounted++;
    const unitRow = (): UnitRow => Object.assign(candidate as Omit<UnitRow, 'source' | 'columns' | 'indicatorNames'>, { source: { file: where.file, sheet: where.sheet, row: r + 1 }, columns, indicatorNames });
    if (sub && committee && subStt === null) {
      // Only looks like a cell: held (see `pending`), unless it already makes the cells more than the committee.
      const members = summed.findIndex((x) => x.id === 'members' && !x.part);
      const over = members >= 0 && (committee.values[members] ?? -1) >= 0
        && (committee.sums[members] ?? 0) + (pendingSums[members] ?? 0) + Math.max(0, parsedCells[members] ?? 0) > (committee.values[members] ?? 0);
      pending.push({ row: unitRow(), values: parsedCells.slice(), r, ownParent: text('parent') !== '', type: typeText !== '' ? cached(typeCache, typeText, parseOrgType) : undefined });
      for (let i = 0; i < summed.length; i++) pendingSums[i] = (pendingSums[i] ?? 0) + Math.max(0, parsedCells[i] ?? 0);
      if (over) {
        // More than the committee has: none of them is its cell, nor any row that follows.
        releasePending(false);
        committee.isCommittee = false;
      }
      return;
    }
    if (sub && committee) {
      committee.children++;
      for (let i = 0; i < summed.length; i++) {
        const v = parsedCells[i] ?? BLANK_CELL;
        if (v >= 0) committee.sums[i] = (committee.sums[i] ?? 0) + v;
      }
    } else {
      closeCommittee();
      const c = committeeState;
      if (c.children > 0) c.sums.fill(0);
      c.name = name;
      c.key = code || name;
      c.stt = /^\d{1,3}\.?$/.test(sttText) ? sttText.replace('.', '') : '';
      c.row = r;
      c.bulleted = bullet !== null;
      c.indented = indented;
      c.isCommittee = type === 'dang_bo_co_so' || type === 'dang_bo_bo_phan';
      c.values.set(parsedCells);
      c.children = 0;
      committee = c;
      addToSums(r);
    }
    // The member count is known to be there (checked just above), which is all that tells the two types apart.
    onRow(unitRow());
  };
  const finish = (): SheetResult => {
    if (hiddenRead > 0) notes.push(`${hiddenRead} dòng bị ẩn vẫn được đọc`);
    for (const c of sheet.hiddenColumns) {
      const col = header.columns.find((h) => h.index === c);
      if (col) notes.push(`cột ẩn "${col.label}" vẫn được đọc`);
    }
    closeCommittee();
    if (rowsCounted === 0 && !skipped.some((x) => x.reason === 'invalid') && !diagnostics.some((d) => d.code === 'TL002')) push('TL005', 'warning', header.bottom, undefined, { value: header.bottom + 1 });
    // With no unit rows at all (TL002 or TL005 says why), a total has nothing to be checked against.
    if (rowsCounted > 0 || skipped.some((x) => x.reason === 'invalid')) for (const t of deferredTotals) compareTotal(t, allSums, hiddenAll);
    closeGroup();
    skipped.sort((a, b) => a.row - b.row);
    return {
      ...where, header, period, indicators: indicators.map((c) => c.label), skipped, diagnostics, notes,
      rowsRead: rowsRead + skipped.filter((s) => s.reason === 'title' || s.reason === 'header').length, rowsCounted,
    };
  };
  return { firstDataRow: header.bottom + 1, walk, finish };

  // --- helpers that share the walk's state ---
  /** A "Trong đó" figure is at most its whole; "Chia ra" figures add up to it. A blank whole is 0, "X" is n/a. */
  function checkPieces(row: readonly CellValue[], r: number, name: string): void {
    for (const w of wholes) {
      const v = countOf(row[w.whole] ?? null);
      if (v === BAD_CELL || v === NA_CELL) continue;
      const whole = v === BLANK_CELL ? 0 : v;
      for (const s of w.subsets) {
        const part = countOf(row[s.index] ?? null);
        if (part > whole) push('TL024', 'error', r, s.index, { name, label: s.label, value: part, whole: w.label, expected: whole });
      }
      if (w.parts.length === 0) continue;
      let sum = 0;
      let filled = 0;
      let unreadable = false;
      for (const p of w.parts) {
        const part = countOf(row[p.index] ?? null);
        if (part >= 0) {
          sum += part;
          filled++;
        } else if (part === BAD_CELL) unreadable = true;
      }
      if (filled > 0 && !unreadable && sum !== whole) {
        push('TL025', 'error', r, w.whole, { name, label: w.label, value: whole, expected: sum, parts: w.parts.map((p) => p.path.at(-1) ?? p.label).join(' + ') });
      }
    }
  }
  function checkPercent(row: readonly CellValue[], r: number, col: HeaderColumn, counts: Partial<Record<CountColumn, number>>): void {
    const m = col.meaning;
    if (m.kind !== 'percent' || !m.of) return;
    const cell = row[col.index] ?? null;
    if (isCellError(cell)) return;
    const given = parsePercent(cell);
    const part = counts[m.of as CountColumn];
    if (given === undefined || part === undefined) return;
    const rated = (counts.membersHTXSNV ?? 0) + (counts.membersHTTNV ?? 0) + (counts.membersHTNV ?? 0) + (counts.membersKHTNV ?? 0);
    // The admission rate is of the members at the start (as tally computes it); other shares of rated or of the end.
    const bases = [rated, counts.members ?? 0, m.of === 'admitted' ? (counts.membersStart ?? 0) : 0].filter((b) => b > 0);
    if (bases.length === 0) return;
    const ok = bases.some((b) => {
      const p = (part * 100) / b;
      return Math.abs(p - given) <= 0.0101 || Math.abs(p - given * 100) <= 0.0101;
    });
    // A cell formatted as a percentage holds the fraction (0,45 shown as 45%): quoted as shown.
    const shown = typeof cell === 'number' && given <= 1 ? given * 100 : given;
    if (!ok) push('TL031', 'warning', r, col.index, { value: shown.toFixed(2).replace('.', ','), expected: ((part * 100) / (bases[0] ?? 1)).toFixed(2).replace('.', ',') });
  }
  /**
   * Add a row's figures (the row being walked, or one held earlier) to the running sums; an unreadable cell (already
   * an error) makes its column's sum unknown.
   */
  function addToSums(r: number, values: Float64Array = parsedCells): void {
    groupRows++;
    const hidden = sheet.hiddenRows.size > 0 && sheet.hiddenRows.has(r);
    for (let i = 0; i < summed.length; i++) {
      const v = values[i] ?? BLANK_CELL;
      if (v >= 0) {
        allSums[i] = (allSums[i] ?? 0) + v;
        groupSums[i] = (groupSums[i] ?? 0) + v;
        if (hidden) {
          hiddenAll[i] = (hiddenAll[i] ?? 0) + v;
          hiddenGroup[i] = (hiddenGroup[i] ?? 0) + v;
        }
      } else if (v === BAD_CELL) {
        allSums[i] = Number.NaN;
        groupSums[i] = Number.NaN;
      }
    }
  }
  function compareTotal(t: TotalRow, sums: Float64Array, hiddenSums: Float64Array): void {
    for (const [key, { value, col }] of Object.entries(t.values)) {
      const at = summed.findIndex((s) => s.key === key);
      const expected = sums[at] ?? 0;
      const hidden = hiddenSums[at] ?? 0;
      // A column with an unreadable cell above has its own error; a total over it cannot be checked.
      if (Number.isNaN(expected)) continue;
      if (Math.abs(expected - value) > 1e-6) {
        const colLabel = header.columns.find((c) => c.index === col)?.label ?? key;
        push('TL030', 'error', t.row, col, { label: t.label, column: colLabel, value, expected, ...(hidden > 0 ? { hidden } : {}) });
      }
    }
  }
}
