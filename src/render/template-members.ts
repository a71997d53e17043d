import type { Workbook } from 'exceljs';
import type { Lang } from '../check/catalogue.js';
import { loadExcel } from '../read/xlsx.js';
import { formWord, MEMBER_RATING_CHOICES } from './template-words.js';
import type { TemplateOptions } from './template.js';
import { SheetWriter, type Column } from './xlsx-sheet.js';

interface MemberColumn {
  readonly label: string;
  readonly width: number;
  readonly input: 'stt' | 'text' | 'date' | 'card' | 'rating';
  readonly prompt: Record<Lang, string>;
}

/** The columns of the member list, as tally reads a member list back. */
export function memberColumns(lang: Lang): MemberColumn[] {
  void lang;
  return [
    { label: 'STT', width: 6, input: 'stt', prompt: { vi: 'Số thứ tự: 1, 2, 3…', en: 'Row number: 1, 2, 3…' } },
    { label: 'Họ và tên', width: 28, input: 'text', prompt: { vi: 'Họ và tên đầy đủ, có dấu.', en: 'Full name, with diacritics.' } },
    { label: 'Ngày sinh', width: 13, input: 'date', prompt: { vi: 'Ngày sinh (ngày/tháng/năm): phân biệt hai người trùng tên.', en: 'Date of birth (day/month/year): tells namesakes apart.' } },
    { label: 'Số thẻ đảng viên', width: 16, input: 'card', prompt: { vi: 'Số thẻ đảng viên (để trống nếu là đảng viên dự bị chưa có thẻ).', en: 'Party card number (blank for a probationary member without one).' } },
    { label: 'Chi bộ', width: 28, input: 'text', prompt: { vi: 'Chi bộ nơi đảng viên sinh hoạt.', en: 'The cell the member belongs to.' } },
    { label: 'Xếp loại chất lượng', width: 26, input: 'rating', prompt: { vi: 'Chọn mức xếp loại; "Chưa xếp loại" cho đảng viên mới kết nạp, "Miễn đánh giá" cho đảng viên được miễn.', en: 'Choose the rating; "Chưa xếp loại" for new members, "Miễn đánh giá" for exempt ones.' } },
    { label: 'Ghi chú', width: 20, input: 'text', prompt: { vi: 'Ghi chú (không tính vào số liệu).', en: 'Remarks (not counted).' } },
  ];
}

/**
 * The line naming the organisation whose members the list holds: tally reads a list as that organisation's (a list
 * that names none is refused). Filled in from `--unit`/`--roster`, else a cell to fill, with its input message.
 */
function unitLine(w: SheetWriter, o: TemplateOptions): void {
  const name = o.units?.[0]?.name;
  const r = w.row;
  w.line(1, w.width, name !== undefined && name !== '' ? name.toLocaleUpperCase('vi') : formWord('unitBlank', o.lang), { bold: true });
  w.ws.getCell(r, 1).dataValidation = {
    type: 'custom', formulae: ['TRUE'], allowBlank: true, showInputMessage: true, promptTitle: formWord('unitLabel', o.lang).slice(0, 32), prompt: formWord('unitPrompt', o.lang),
  };
  w.row++;
}

/**
 * The member-list form (`tally template --members`): one member per row, a dropdown of the ratings in full words,
 * dates of birth checked as dates, and the card number kept as text (leading zeros stay).
 */
export async function renderMemberTemplate(o: TemplateOptions): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb: Workbook = new ExcelJS.Workbook();
  wb.creator = 'tally';
  wb.created = o.date ?? new Date();
  const columns = memberColumns(o.lang);
  const ws = wb.addWorksheet(formWord('memberSheet', o.lang));
  const w = new SheetWriter(ws, columns.map((c): Column => ({ width: c.width, wrap: c.input === 'text' })), o.lang);
  w.titleBlock(o, [`${formWord('memberTitle', o.lang)}${o.period ? ` ${formWord('year', o.lang)} ${o.period}` : ''}`]);
  unitLine(w, o);
  const top = w.row;
  w.header(columns.map((c) => c.label), true);
  columns.forEach((c, i) => {
    ws.getCell(top, i + 1).dataValidation = { type: 'custom', formulae: ['TRUE'], allowBlank: true, showInputMessage: true, promptTitle: c.label, prompt: c.prompt[o.lang] };
  });
  const first = w.row;
  const rows = o.blankRows ?? 100;
  for (let i = 0; i < rows; i++) w.tableRow(columns.map(() => null));
  columns.forEach((c, i) => {
    const base = { allowBlank: true, showInputMessage: true, promptTitle: c.label, prompt: c.prompt[o.lang], showErrorMessage: true, errorStyle: 'stop' as const };
    for (let r = first; r < first + rows; r++) {
      const cell = ws.getCell(r, i + 1);
      if (c.input === 'rating') cell.dataValidation = { ...base, type: 'list', formulae: [`'${formWord('lists', o.lang)}'!$A$1:$A$${MEMBER_RATING_CHOICES.length}`], error: 'Chọn một mục trong danh sách.' };
      else if (c.input === 'date') {
        cell.dataValidation = { ...base, type: 'date', operator: 'between', formulae: [new Date(1900, 0, 1), new Date(2100, 0, 1)], error: 'Nhập ngày sinh (ngày/tháng/năm).' };
        cell.numFmt = 'dd/mm/yyyy';
      } else if (c.input === 'card') cell.numFmt = '@';
    }
  });
  w.finish();
  const lists = wb.addWorksheet(formWord('lists', o.lang), { state: 'hidden' });
  MEMBER_RATING_CHOICES.forEach((t, i) => (lists.getCell(i + 1, 1).value = t));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
