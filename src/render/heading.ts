import type { Lang } from '../check/catalogue.js';
import type { SkippedRow } from '../recognise/table.js';
import { fold } from '../recognise/normalise.js';

/** What the title block of a document (the XLSX workbook, the Word appendix) says, besides its figures. */
export interface DocumentOptions {
  readonly lang: Lang;
  /** The bloc's name ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"): from the config, else the inputs' title rows (`blocFromTitles`). */
  readonly bloc?: string | undefined;
  /** The place of the dateline ("Hà Nội"); dots for the clerk to fill in when not given. */
  readonly place?: string | undefined;
  /** The date of the dateline; today when not given. */
  readonly date?: Date | undefined;
  /** False when the data have errors and the summary was forced out: the documents then say so under the title. */
  readonly trusted: boolean;
}

const WORDS = {
  party: { vi: 'ĐẢNG CỘNG SẢN VIỆT NAM', en: 'COMMUNIST PARTY OF VIET NAM' },
  blocUnknown: { vi: 'ĐẢNG BỘ KHỐI ……………', en: 'BLOC PARTY COMMITTEE ……………' },
  placeUnknown: { vi: '……………', en: '……………' },
  untrusted: {
    vi: 'CHƯA TIN CẬY: dữ liệu còn lỗi (xem trang Kiểm tra), xuất vì có --force',
    en: 'NOT TRUSTED: the data have errors (see the Checks sheet), written because of --force',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export function word(key: keyof typeof WORDS, lang: Lang): string {
  return WORDS[key][lang];
}

/** The bloc as the title rows of the inputs name it ("ĐẢNG BỘ KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH"): the first such line. */
export function blocFromTitles(skipped: readonly SkippedRow[]): string | undefined {
  for (const s of skipped) {
    if (s.reason !== 'title' || !s.text) continue;
    if (/^(dang bo|dang uy) khoi\b/.test(fold(s.text))) return s.text.trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
  }
  return undefined;
}

export function blocLine(o: DocumentOptions): string {
  return o.bloc ? o.bloc.toLocaleUpperCase(o.lang === 'vi' ? 'vi' : 'en') : word('blocUnknown', o.lang);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "Hà Nội, ngày 05 tháng 01 năm 2024": days under 10 and the months January and February with a leading zero,
 * as Hướng dẫn 36-HD/VPTW writes them.
 */
export function dateLine(o: DocumentOptions): string {
  const d = o.date ?? new Date();
  const place = o.place?.trim() || word('placeUnknown', o.lang);
  const day = d.getDate();
  const month = d.getMonth() + 1;
  if (o.lang === 'en') return `${place}, ${day} ${MONTHS[month - 1] ?? ''} ${d.getFullYear()}`;
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${d.getFullYear()}`;
}

/** "NĂM 2020", "NĂM 2022, 2023", "6 THÁNG ĐẦU NĂM 2024"; empty when the inputs say no period. */
export function periodLine(periods: readonly string[], lang: Lang): string {
  if (periods.length === 0) return '';
  const years = periods.every((p) => /^\d{4}$/.test(p));
  if (lang === 'en') return years ? `YEAR ${periods.join(', ')}` : periods.join(', ').toUpperCase();
  return years ? `NĂM ${periods.join(', ')}` : periods.join(', ').toLocaleUpperCase('vi');
}

/** Words of the documents' tables and titles, in both languages. */
const TEXT = {
  reportName: { vi: 'TỔNG HỢP SỐ LIỆU TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐẢNG VIÊN', en: 'SUMMARY OF GRASSROOTS PARTY ORGANISATIONS AND MEMBERS' },
  orgTitle: { vi: 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG', en: 'RATINGS OF GRASSROOTS PARTY ORGANISATIONS' },
  memberTitle: { vi: 'BIẾN ĐỘNG VÀ KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN', en: 'MEMBERSHIP AND MEMBER RATINGS' },
  targetTitle: { vi: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', en: 'TARGETS' },
  detailTitle: { vi: 'SỐ LIỆU CHI TIẾT CỦA TỪNG TỔ CHỨC CƠ SỞ ĐẢNG', en: 'FIGURES OF EACH GRASSROOTS ORGANISATION' },
  subordinateTitle: { vi: 'SỐ LIỆU CỦA CHI BỘ TRỰC THUỘC, ĐẢNG BỘ BỘ PHẬN', en: 'FIGURES OF SUBORDINATE CELLS AND COMMITTEES' },
  checkTitle: { vi: 'KẾT QUẢ KIỂM TRA SỐ LIỆU', en: 'CHECKS OF THE DATA' },
  appendix: { vi: 'PHỤ LỤC', en: 'APPENDIX' },
  appendixOf: { vi: '(Kèm theo báo cáo tổng hợp số liệu {period})', en: '(Attached to the summary report {period})' },
  textHeading: { vi: 'Nhận xét chung', en: 'Summary' },
  table: { vi: 'Bảng', en: 'Table' },
  tt: { vi: 'TT', en: 'No.' },
  figure: { vi: 'Chỉ tiêu', en: 'Figure' },
  result: { vi: 'Kết quả', en: 'Result' },
  count: { vi: 'Số lượng', en: 'Count' },
  ofTotal: { vi: 'Tỷ số', en: 'x/y' },
  share: { vi: 'Tỷ lệ (%)', en: 'Share (%)' },
  total: { vi: 'TỔNG SỐ', en: 'TOTAL' },
  grandTotal: { vi: 'Tổng cộng', en: 'Tổng cộng' },
  subtotal: { vi: 'Cộng', en: 'Cộng' },
  byType: { vi: 'Theo loại hình', en: 'By type' },
  bySector: { vi: 'Theo lĩnh vực', en: 'By sector' },
  typeOrSector: { vi: 'Loại hình, lĩnh vực', en: 'Type, sector' },
  orgCount: { vi: 'Tổng số tổ chức cơ sở đảng', en: 'Grassroots organisations' },
  rated: { vi: 'Đã xếp loại', en: 'Rated' },
  // "TCCSĐ …": the level's name alone over a column ("Hoàn thành tốt nhiệm vụ") is how reports head their
  // members' ratings, and a sheet with four such columns would read back as a report of units.
  orgHTXSNV: { vi: 'TCCSĐ hoàn thành xuất sắc nhiệm vụ', en: 'Excellent (HTXSNV)' },
  orgHTTNV: { vi: 'TCCSĐ hoàn thành tốt nhiệm vụ', en: 'Good (HTTNV)' },
  orgHTNV: { vi: 'TCCSĐ hoàn thành nhiệm vụ', en: 'Completed (HTNV)' },
  orgKHTNV: { vi: 'TCCSĐ không hoàn thành nhiệm vụ', en: 'Not completed (KHTNV)' },
  unrated: { vi: 'Chưa xếp loại', en: 'Not rated' },
  goodOrBetter: { vi: 'Hoàn thành tốt nhiệm vụ trở lên', en: 'Good or better' },
  noSector: { vi: 'Chưa ghi lĩnh vực', en: 'Sector not given' },
  noType: { vi: 'Chưa rõ loại hình', en: 'Type unknown' },
  wholeBloc: { vi: 'Toàn Khối', en: 'Whole bloc' },
  source: { vi: 'Nguồn số liệu', en: 'Nguồn số liệu' },
  file: { vi: 'Tệp', en: 'File' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  row: { vi: 'Dòng', en: 'Row' },
  cell: { vi: 'Ô', en: 'Cell' },
  severity: { vi: 'Mức độ', en: 'Severity' },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  unreadable: { vi: 'Không đọc được', en: 'Unreadable' },
  code: { vi: 'Mã lỗi', en: 'Code' },
  message: { vi: 'Nội dung', en: 'Message' },
  hint: { vi: 'Cách sửa', en: 'How to fix' },
  noProblems: { vi: 'Không có lỗi hay cảnh báo nào.', en: 'No errors or warnings.' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  actual: { vi: 'Thực hiện', en: 'Actual' },
  threshold: { vi: 'Mục tiêu', en: 'Threshold' },
  met: { vi: 'Đạt', en: 'Met' },
  notMet: { vi: 'Không đạt', en: 'Not met' },
  targetsMet: { vi: 'Đạt {met}/{of} chỉ tiêu', en: '{met}/{of} targets met' },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXT;

export function text(key: TextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** A title with its period: "TỔNG HỢP … NĂM 2020". */
export function titleWithPeriod(title: string, periods: readonly string[], lang: Lang): string {
  const p = periodLine(periods, lang);
  return p ? `${title} ${p}` : title;
}

/** A target of a term, as the roll-up of targets will give it (loosely typed until that exists). */
export interface TargetResult {
  readonly label: string;
  readonly actual: number | null;
  readonly value: number;
  /** ">=", "<=", ">", "<", "=" (or already "≥", "≤"). */
  readonly op: string;
  readonly met: boolean;
  /** "%" when actual and value are percentages. */
  readonly unit?: string | undefined;
  /** How it is judged, in words ("mỗi năm", "cả nhiệm kỳ"): printed after the threshold. */
  readonly over?: string | undefined;
  /** Its value in each period read (a term's targets): a column per period. */
  readonly byPeriod?: Readonly<Record<string, number | null>> | undefined;
}

export function opSign(op: string): string {
  return ({ '>=': '≥', '<=': '≤', '=>': '≥', '=<': '≤', '==': '=' } as Record<string, string>)[op] ?? op;
}

/** Roman numerals for the sections of a table (I, II, …). */
export function roman(n: number): string {
  const map: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [v, s] of map) while (rest >= v) { out += s; rest -= v; }
  return out;
}
