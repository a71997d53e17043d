import { fold } from './normalise.js';

/**
 * The words that tell what a row is, each written once. A label is read on its raw text where it has its
 * diacritics (most unit names: no folding, which a million rows would pay for), and on its folded text where it
 * has none: `phrases` builds both forms of a list of opening words from the one list.
 */
export interface Phrases {
  /** Lower-cased text with its diacritics: the words as written, ending at a space or punctuation. */
  readonly marked: RegExp;
  /** Folded text (see `fold`): the same words folded, ending at a word boundary. */
  readonly plain: RegExp;
}

/** Opening words of a label, in both forms. `after` is what must follow them (default: the end or a separator). */
export function phrases(words: readonly string[], after?: string): Phrases {
  const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const folded = [...new Set(words.map((w) => fold(w)))];
  return {
    marked: new RegExp(`^(${words.map(esc).join('|')})${after ?? '(?=$|[\\s:(.,–-])'}`),
    plain: new RegExp(`^(${folded.map(esc).join('|')})${after ?? '\\b'}`),
  };
}

/** Does a label start with one of the phrases? `lower` is its lower-cased text when it has diacritics, else undefined. */
export function startsWith(p: Phrases, lower: string | undefined, folded: () => string): boolean {
  return lower !== undefined ? p.marked.test(lower) : p.plain.test(folded());
}

// --- How far tally looks ---

/** Characters of a label that decide what its row is: folding more of a long unit name would only cost time. */
export const LABEL_HEAD = 40;
/** Rows under the header read to judge what a column holds (numbers, text, marks, types, ratings). */
export const DATA_SAMPLE_ROWS = 400;
/** Rows under the header read to judge the name column and a form's category rows. */
export const NAME_SAMPLE_ROWS = 200;
/** Rows from the top searched for a member list's header ("Họ và tên") and for the headers a message quotes. */
export const LIST_HEADER_ROWS = 20;
/** Rows from the top searched for a statistical form's figures written as row labels. */
export const FORM_ROWS = 120;

// --- Labels of rows that are not units ---

/** "So với cùng kỳ năm 2022", "Tỷ lệ (%)", "Tăng/giảm": a comparison under the table. */
export const COMPARISON = phrases(['so với', 'so sánh', 'tăng giảm', 'tăng/giảm', 'tăng, giảm', 'tăng hoặc giảm', 'tỷ lệ', 'tỉ lệ', 'chênh lệch', 'bình quân', 'trung bình']);
/** The bloc's own line: "Đảng bộ Khối Các cơ quan tỉnh | 215". */
export const BLOC_LINE = phrases(['đảng bộ khối', 'đảng ủy khối', 'đảng uỷ khối', 'toàn đảng bộ khối']);
/** "KHỐI DOANH NGHIỆP | 90 | 5", in capitals: a sector's line with its figures. */
export const SECTOR_LINE = phrases(['khối'], '\\s');
/** Total and subtotal rows: "Tổng cộng", "Cộng", "Toàn khối". */
export const TOTAL = phrases(['tổng cộng', 'cộng', 'tổng số', 'tổng hợp', 'tổng', 'toàn khối', 'toàn đảng bộ', 'toàn đảng ủy', 'toàn đảng uỷ', 'cộng toàn khối', 'tổng toàn khối', 'cộng chung']);
/**
 * Folded, "Cộng" and "Công" are one word: "Công ty Cấp nước" and "Tổng công ty Cao su" are units, not totals.
 * Where the label has its diacritics they decide; without them, the words that follow tell.
 */
export const NOT_TOTAL = /^(tổng (công|cục|đội|kho|liên|thư|biên|giám)|tong (cong ty|cuc|doi|kho|lien)|cong (ty|doan|an|nghiep|trinh|thuong|nhan|ich|dan))\b/;
/** A total of the whole table (folded label), as against a section's subtotal. */
export const GRAND_TOTAL = /^(tong cong|toan khoi|toan dang bo|cong toan khoi|tong toan khoi|cong chung|tong so|tong)$/;
/** The totals that close the table: what follows them is notes or another table. */
export const CLOSING_TOTAL = /^(tong cong|toan khoi|toan dang bo|cong toan khoi|tong toan khoi|cong chung)\b/;
/** "Đảng bộ Khối …", "Đảng ủy Khối …" (folded): the bloc itself. */
export const BLOC_NAME = /^(dang bo khoi|dang uy khoi)\b/;
/** Symbols and abbreviations of a grand total: "Σ", "TC". */
export const TOTAL_SYMBOL = /^(Σ|∑|TC|T\.C|TỔNG)$/u;

const SURE_NOTE_WORDS = ['ghi chu', 'chu thich', 'luu y', 'nguoi lap bieu', 'nguoi lap', 'nguoi tong hop', 't m', 'tm', 'thay mat', 'noi nhan', 'xac nhan', 'ky ten', 'ky ghi ro', '.*\\bngay \\d* ?thang'];
/** Notes and signatures no unit is called: "Ghi chú", "Người lập biểu", "…, ngày 20 tháng 12 năm 2023" (folded). */
export const SURE_NOTE = new RegExp(`^(${SURE_NOTE_WORDS.join('|')})\\b`);
/** Also the signers' titles, once the table has units: "Bí thư", "Trưởng ban" (folded). */
export const NOTE_START = new RegExp(`^(${[...SURE_NOTE_WORDS, 'bi thu', 'pho bi thu', 'truong ban', 'thu truong', 'lanh dao', 'kt bi thu', 'ngay \\d+ thang'].join('|')})\\b`);
/** "Trang 2", "- 1 -": a page number left in the sheet. */
export const PAGE_MARK = /^(?:trang|tr\.|page)\s*\d+(?:\s*\/\s*\d+)?$|^[-–]\s*\d+\s*[-–]$/i;

// --- Outlines, groups and sections ---

/** An outline mark before a label: "I.", "A)", "1.", "II -". */
export const OUTLINE = /^\s*((?:[IVXLC]+|[A-Za-z]|\d{1,2})[.)/]|[IVXLC]+\s*[-–:])\s*\S/;
/** The outline mark with what follows it, to take it off a heading. */
export const OUTLINE_MARK = /^\s*(?:[IVXLC]+|[A-Za-z]|\d{1,2})[.)/\-–:]\s*/;
/** A roman numeral or a capital letter before a group's name: "I. ĐẢNG BỘ CƠ SỞ", "B) Khối doanh nghiệp". */
export const GROUP_MARK = /^\s*(?:[IVXLC]+|[A-Z])\s*[.)/:–-]\s*(\S.*)$/;
/** The same mark as the label's start, folded ("i ", "b "). */
export const GROUP_MARK_FOLDED = /^([ivxlc]+|[a-z]) /;
/** Such a numeral alone in the STT column ("II" | "CHI BỘ CƠ SỞ"). */
export const GROUP_NUMERAL = /^([IVXLC]+|[A-Z])\.?$/;
/** The label already starts with a numeral or letter mark. */
export const MARKED_LABEL = /^\s*(?:[IVXLC]+|[A-Z])\s*[.)]/;
/** Words of a group's name (folded). */
export const GROUP_WORDS = /\b(khoi|nhom|cac dang bo|cac chi bo|dang bo co so|chi bo co so|chi bo truc thuoc|dang bo bo phan|doanh nghiep|co quan|don vi su nghiep|linh vuc)\b/;
/** A unit's own name (folded): "Đảng bộ Sở Tài chính", not "Đảng bộ cơ sở" (a group of them). */
export const UNIT_NAME = /^(dang bo|chi bo|dang uy) (?!(co so|truc thuoc|bo phan)\b)\S/;
/** A committee's name (folded): "Đảng bộ …", "Đảng ủy …", "Chi bộ …". */
export const ORG_NAME = /^(dang bo|dang uy|chi bo)\b/;
/** A whole number in the STT column: "1", "12.". */
export const STT_NUMBER = /^\d{1,4}\.?$/;
/** A section's number in the STT column, as group 1: "1", "2.". */
export const SECTION_NUMBER = /^(\d{1,3})\.?$/;
/** A column number of the numbering row under the header: "1", "(2)", "A", "4 (=2+3)". */
export const NUMBERING_TOKEN = /^\(?\s*(\d{1,3}|[A-Za-z]{1,2})\s*\)?(\s*\(?\s*=.*)?$|^\d{1,3}\s*=.*$/;

// --- A committee's cells listed under it ---

/** The mark before a subordinate row's name: "- Chi bộ …", "+ Chi bộ …", "• …". */
export const SUB_BULLET = /^[-+–—•*·]\s*/;
/** A lower-case letter before a cell's name: "a) Chi bộ …", "b. Chi bộ …". */
export const SUB_LETTER = /^[a-zđ]\s*[.)]\s+/;
/** Spaces or a tab before a name, as clerks indent a committee's cells. */
export const INDENT = /^(?:[ \u00a0]{2,}|\t)\S/;
/** A second-level number in the STT column: "1.1", "2.3.". Group 1 is the parent's number. */
export const SUB_STT = /^(\d{1,3})\.\d{1,3}\.?$/;

/** A mark in a rating column: "x", a tick, "v". */
export const MARK = /^(x|✓|✔|√|v|•|\+|\*|có)$/i;
/** A text with any character outside ASCII (a Vietnamese letter): read on its raw form. */
export const NON_ASCII = /[\u0080-\uffff]/;
