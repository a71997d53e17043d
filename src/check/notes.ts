import type { Note, NoteCode } from '../recognise/facts.js';
import type { Lang } from './catalogue.js';
import { a1 } from './diagnostic.js';

type Say = (a: Note['args']) => string;
const s = (a: Note['args'], k: string): string => String(a[k] ?? '');
/** An A1 address from a 1-based row and a 0-based column among the args. */
const cell = (a: Note['args'], row: string, col: string): string => a1(Number(a[row] ?? 1) - 1, Number(a[col] ?? 0));

const FORM_TITLES: Readonly<Record<string, string>> = { 1: 'Tăng, giảm đảng viên', '7B': 'Đánh giá chất lượng đảng viên', 6: 'Kết quả đánh giá, xếp loại chất lượng đảng viên',
  5: 'Tổ chức đảng và đảng viên trong các loại hình cơ sở',
};
const NAME_FROM: Readonly<Record<string, readonly [string, string]>> = {
  'reporting-unit': ['dòng "Đơn vị báo cáo"', 'the "Đơn vị báo cáo" line'], title: ['tiêu đề', 'the title'], file: ['tên tệp', 'the file name'], option: ['--unit', '--unit'],
};

/** An official form, as the verbose note names it: "Biểu 1-BTCTW (2021) "Tăng, giảm đảng viên", cột "Kỳ này" (B)". */
function formKind(a: Note['args'], lang: Lang): string {
  const n = s(a, 'form');
  const code = `Biểu số ${n}-${a.edition === '2012' ? 'TCTW' : 'BTCTW'} (${lang === 'vi' ? 'mẫu' : 'edition'} ${s(a, 'edition')}) "${FORM_TITLES[n] ?? ''}"`;
  const col = a1(0, Number(a.column ?? 0)).replace(/\d+$/, '');
  const named = NAME_FROM[s(a, 'nameFrom')] ?? ['', ''];
  const from = a.named === undefined ? named : [`${named[0]} (biểu ghi "${s(a, 'named')}")`, `${named[1]} (the form says "${s(a, 'named')}")`];
  const prev = a.previousPeriod === undefined ? undefined : a1(0, Number(a.previousColumn ?? 0)).replace(/\d+$/, '');
  return lang === 'vi'
    ? `${code}, dòng ${s(a, 'rows')}: số liệu cột "${n === '1' ? 'Kỳ này' : 'Tổng số'}" (${col}), đọc thành một dòng tổ chức, tên lấy từ ${from[0]}${prev ? `; cột "Cùng kỳ năm trước" (${prev}) là kỳ trước (${s(a, 'previousPeriod')})` : ''}`
    : `${code}, rows ${s(a, 'rows')}: figures of the "${n === '1' ? 'Kỳ này' : 'Tổng số'}" column (${col}), read as one organisation, named from ${from[1]}${prev ? `; the "Cùng kỳ năm trước" column (${prev}) as the previous period (${s(a, 'previousPeriod')})` : ''}`;
}

/** How each verbose note reads, in Vietnamese and English. */
const NOTES = {
  'header-at': {
    vi: (a) => `tiêu đề cột ở dòng ${s(a, 'rows')}, ${s(a, 'count')} tổ chức${a.period !== undefined ? `, kỳ ${s(a, 'period')}` : ''}`,
    en: (a) => `header at row ${s(a, 'rows')}, ${s(a, 'count')} organisations${a.period !== undefined ? `, period ${s(a, 'period')}` : ''}`,
  },
  'hidden-rows-read': {
    vi: (a) => `${s(a, 'count')} dòng bị ẩn vẫn được đọc`,
    en: (a) => `${s(a, 'count')} hidden row(s) read all the same`,
  },
  'hidden-column-read': {
    vi: (a) => `cột ẩn "${s(a, 'label')}" vẫn được đọc`,
    en: (a) => `hidden column "${s(a, 'label')}" read all the same`,
  },
  'self-rating-column': {
    vi: (a) => `cột "${s(a, 'left')}" là xếp loại tự đánh giá hoặc đề nghị; dùng cột "${s(a, 'kept')}"`,
    en: (a) => `column "${s(a, 'left')}" is the unit's own or proposed rating; column "${s(a, 'kept')}" is used`,
  },
  'self-rating-from-data': {
    vi: (a) => `cột "${s(a, 'left')}" là xếp loại tự đánh giá; dùng cột "${s(a, 'kept')}"`,
    en: (a) => `column "${s(a, 'left')}" is the unit's own rating; column "${s(a, 'kept')}" is used`,
  },
  'blank-twin-column': {
    vi: (a) => `cột "${s(a, 'left')}" để trống, dùng cột "${s(a, 'kept')}"`,
    en: (a) => `column "${s(a, 'left')}" is blank; column "${s(a, 'kept')}" is used`,
  },
  'derived-column': {
    vi: (a) => `cột "${s(a, 'label')}" tính từ các cột khác (tổng của nhóm, số đã xếp loại, chênh lệch), không cộng thêm`,
    en: (a) => `column "${s(a, 'label')}" is worked out from other columns (a group's total, the rated, a difference): not added again`,
  },
  'remark-column': {
    vi: (a) => `cột "${s(a, 'label')}" là ghi chú, không đọc`,
    en: (a) => `column "${s(a, 'label')}" is a remark, not read`,
  },
  'percent-part-unknown': {
    vi: (a) => `cột "${s(a, 'label')}" là tỷ lệ của một số tally không rõ, không kiểm tra`,
    en: (a) => `column "${s(a, 'label')}" is a percentage of a figure tally does not know: not checked`,
  },
  'numbers-in-name-column': {
    vi: (a) => `cột "${s(a, 'label')}" chỉ có số, không phải tên tổ chức`,
    en: (a) => `column "${s(a, 'label')}" holds only numbers: not the organisations' names`,
  },
  'sheet-kind': {
    vi: (a) => a.kind === 'official-form' ? formKind(a, 'vi') : a.kind === 'own-form'
      ? `biểu của một đơn vị (các dòng "chỉ tiêu: số liệu" ${s(a, 'rows')}), đọc thành một dòng tổ chức`
      : `bảng đơn vị theo cột (tên ${s(a, 'units')} đơn vị ở dòng ${s(a, 'rows').split('–')[0] ?? ''}, chỉ tiêu theo dòng đến dòng ${s(a, 'rows').split('–').at(-1) ?? ''}), đọc mỗi cột là một tổ chức`,
    en: (a) => a.kind === 'official-form' ? formKind(a, 'en') : a.kind === 'own-form'
      ? `one unit's own form ("label: figure" rows ${s(a, 'rows')}), read as one organisation`
      : `units as columns (${s(a, 'units')} units named in row ${s(a, 'rows').split('–')[0] ?? ''}, figures as rows down to row ${s(a, 'rows').split('–').at(-1) ?? ''}), each column read as one organisation`,
  },
  'name-from-title': {
    vi: (a) => `không có cột tên; tên tổ chức lấy từ tiêu đề: "${s(a, 'name')}"`,
    en: (a) => `no name column; the organisation's name is taken from the title: "${s(a, 'name')}"`,
  },
  'full-plus-probationary': {
    vi: (a) => `không có cột tổng số đảng viên: lấy "${s(a, 'full')}" cộng "${s(a, 'probationary')}"`,
    en: (a) => `no column of all members: "${s(a, 'full')}" plus "${s(a, 'probationary')}" are taken`,
  },
  'type-column-from-data': {
    vi: (a) => `cột "${s(a, 'label')}" có các loại hình tổ chức, đọc là cột loại hình`,
    en: (a) => `column "${s(a, 'label')}" holds organisation types: read as the type column`,
  },
  'rating-column-from-data': {
    vi: (a) => `cột "${s(a, 'label')}" có các mức xếp loại, đọc là cột xếp loại tổ chức`,
    en: (a) => `column "${s(a, 'label')}" holds rating levels: read as the organisations' rating`,
  },
  'hidden-helper-error': {
    vi: (a) => `cột ẩn "${s(a, 'label')}" có ô lỗi (${s(a, 'value')}), không cộng ô đó`,
    en: (a) => `hidden column "${s(a, 'label')}" has a cell in error (${s(a, 'value')}): that cell is not added`,
  },
  'hidden-sheet': {
    vi: () => 'trang bị ẩn, không đọc',
    en: () => 'hidden sheet, not read',
  },
  'disguised-csv': {
    vi: (a) => `có đuôi ${s(a, 'ext')} nhưng là văn bản CSV, đọc như CSV`,
    en: (a) => `named ${s(a, 'ext')} but is CSV text, read as CSV`,
  },
  'instructions-sheet': {
    vi: () => 'trang hướng dẫn, các dòng mẫu không được cộng',
    en: () => 'instructions sheet, its sample rows not added',
  },
  'totals-sheet': {
    vi: () => 'trang tổng hợp của các trang khác, được đối chiếu chứ không cộng thêm',
    en: () => 'totals sheet, checked against the others, not added',
  },
  'sheet-without-table': {
    vi: () => 'không có bảng báo cáo, bỏ qua',
    en: () => 'no report table, skipped',
  },
  'period-as-of': {
    vi: (a) => `tiêu đề không ghi năm; kỳ ${s(a, 'period')} lấy theo ngày số liệu "${s(a, 'text')}" (nếu không đúng, dùng --period)`,
    en: (a) => `the title names no year; period ${s(a, 'period')} taken from the date of the figures "${s(a, 'text')}" (if wrong, use --period)`,
  },
  'period-from-dateline': {
    vi: (a) => `tiêu đề không ghi năm; kỳ ${s(a, 'period')} suy từ ngày ký "${s(a, 'text')}" (báo cáo cuối năm thường ký vào quý I năm sau; nếu không đúng, dùng --period)`,
    en: (a) => `the title names no year; period ${s(a, 'period')} inferred from the date signed "${s(a, 'text')}" (year-end reports are signed in the first quarter of the next year; if wrong, use --period)`,
  },
  'member-levels-incomplete': {
    vi: (a) => `chỉ có cột xếp loại đảng viên ${s(a, 'present')}, thiếu mức ${s(a, 'missing')}: không biết bao nhiêu đảng viên được xếp loại, nên không tính tỷ lệ xếp loại đảng viên`,
    en: (a) => `member-rating columns ${s(a, 'present')} only, not ${s(a, 'missing')}: how many members were rated is unknown, so no share of the member ratings is worked out`,
  },
  'lock-file': {
    vi: () => 'tệp khóa Excel để lại khi bảng tính đang mở, bỏ qua',
    en: () => 'Excel lock file of an open workbook, skipped',
  },
  'not-a-spreadsheet': {
    vi: () => 'không phải bảng tính (.xlsx, .csv), bỏ qua',
    en: () => 'not a spreadsheet (.xlsx, .csv), skipped',
  },
  'httnv-from-good-or-better': {
    vi: (a) => `không có cột đảng viên HTTNV: lấy "${s(a, 'whole')}" trừ "${s(a, 'excellent')}"`,
    en: (a) => `no column of HTTNV members: "${s(a, 'whole')}" less "${s(a, 'excellent')}" are taken`,
  },
  'member-quota-not-judged': {
    vi: (a) => `có cột "${s(a, 'excellent')}" nhưng không có cột đảng viên HTTNV hay HTTNV trở lên: không xét tỷ lệ đảng viên xuất sắc (TL041)`,
    en: (a) => `the table has column "${s(a, 'excellent')}" but no column of HTTNV or good-or-better members: the excellent members' quota (TL041) is not judged`,
  },
  'rating-codes-legend': {
    vi: (a) => `cột "${s(a, 'label')}" ghi mã xếp loại, đọc theo chú thích ở ô ${cell(a, 'row', 'col')}: ${s(a, 'codes')}`,
    en: (a) => `column "${s(a, 'label')}" holds rating codes, read by the legend in cell ${cell(a, 'row', 'col')}: ${s(a, 'codes')}`,
  },
  'rating-codes-assumed': {
    vi: (a) => `cột "${s(a, 'label')}" ghi mã xếp loại mà bảng không có chú thích: đọc theo thứ tự bốn mức, ${s(a, 'codes')} (nếu không đúng, ghi chú thích mã ngay trên bảng)`,
    en: (a) => `column "${s(a, 'label')}" holds rating codes and the table has no legend: read in the order of the four levels, ${s(a, 'codes')} (if that is wrong, write a legend of the codes right above the table)`,
  },
  'rating-codes-conflict': {
    vi: (a) => `cột "${s(a, 'label')}" ghi mã xếp loại, nhưng chú thích ở ô ${cell(a, 'row', 'col')} và ô ${cell(a, 'otherRow', 'otherCol')} không khớp nhau: không đọc mã`,
    en: (a) => `column "${s(a, 'label')}" holds rating codes, but the legends in cells ${cell(a, 'row', 'col')} and ${cell(a, 'otherRow', 'otherCol')} disagree: the codes are not read`,
  },
  'member-list-alone': {
    vi: (a) => `danh sách đảng viên của "${s(a, 'organisation')}" (tiêu đề cột ở dòng ${s(a, 'row')}, ${s(a, 'count')} người, kỳ ${s(a, 'period')}): tính như một dòng của tổ chức này`,
    en: (a) => `member list of "${s(a, 'organisation')}" (header at row ${s(a, 'row')}, ${s(a, 'count')} persons, period ${s(a, 'period')}): counted as this organisation's row`,
  },
  'member-list-beside': {
    vi: (a) => `danh sách đảng viên của "${s(a, 'organisation')}" (${s(a, 'count')} người, kỳ ${s(a, 'period')}): đối chiếu với dòng của tổ chức và các chi bộ trong báo cáo, không cộng thêm`,
    en: (a) => `member list of "${s(a, 'organisation')}" (${s(a, 'count')} persons, period ${s(a, 'period')}): checked against the organisation's and its cells' rows in the report, not added`,
  },
  'member-list-unmatched': {
    vi: (a) => `danh sách đảng viên của "${s(a, 'organisation')}" (kỳ ${s(a, 'period')}): báo cáo không có dòng nào của tổ chức này nên không đối chiếu được; danh sách không được cộng`,
    en: (a) => `member list of "${s(a, 'organisation')}" (period ${s(a, 'period')}): no row of this organisation in the reports, so nothing to check it against; the list is not added`,
  },
  'form-previous': {
    vi: (a) => `kỳ trước (${s(a, 'period')}) lấy từ cột "Cùng kỳ năm trước" của ${s(a, 'forms')} biểu${Number(a.without ?? 0) > 0 ? `; ${s(a, 'without')} tổ chức không có số liệu kỳ trước, được so sánh như tổ chức có ở kỳ này, không có ở kỳ trước (liệt kê dưới bảng)` : ''}`,
    en: (a) => `the previous period (${s(a, 'period')}) read from the "Cùng kỳ năm trước" column of ${s(a, 'forms')} form(s)${Number(a.without ?? 0) > 0 ? `; ${s(a, 'without')} organisation(s) without previous figures, compared as come since (listed under the table)` : ''}`,
  },
  'unit-unused': {
    vi: (a) => `--unit "${s(a, 'unit')}" không được dùng: không có biểu thống kê chính thức nào trong các đầu vào (tên đơn vị lấy từ bảng)`,
    en: (a) => `--unit "${s(a, 'unit')}" not used: no official statistical form among the inputs (the units are named by their tables)`,
  },
  'form-previous-overridden': {
    vi: (a) => `--previous được dùng làm kỳ trước; cột "Cùng kỳ năm trước" của ${s(a, 'forms')} biểu không được dùng`,
    en: (a) => `--previous is the previous period; the "Cùng kỳ năm trước" column of ${s(a, 'forms')} form(s) is not used`,
  },
  'term-not-read': {
    vi: (a) => `không có báo cáo nào của nhiệm kỳ ${s(a, 'term')} (tally.config.json) trong các tệp đọc (kỳ ${s(a, 'periods')}): bỏ qua nhiệm kỳ và các chỉ tiêu, tổng hợp như thường lệ`,
    en: (a) => `no report of the term ${s(a, 'term')} (tally.config.json) among the inputs (periods ${s(a, 'periods')}): the term and its targets are left aside, the usual roll-up follows`,
  },
} as const satisfies Record<NoteCode, { vi: Say; en: Say }>;

/** A note's words, without its place. */
export function describeNote(note: Note, lang: Lang): string {
  return NOTES[note.code][lang](note.args);
}

/** A note as a line of verbose output: "file [sheet]: words". */
export function noteLine(note: Note, lang: Lang): string {
  const place = note.file === undefined ? '' : `${note.file}${note.sheet !== undefined ? ` [${note.sheet}]` : ''}: `;
  return `${place}${describeNote(note, lang)}`;
}
