import { formatIn } from '../recognise/numbers.js';
import { ACROSS } from './catalogue-across.js';
import { FORMS } from './catalogue-forms.js';
import { s, type Args, type Entry } from './entry.js';

export type { Args, Severity } from './entry.js';

/**
 * Every diagnostic tally can emit. Codes are stable: tools and CI scripts match on them.
 * The README lists each with an example; `test/catalogue.test.ts` checks that the list is complete.
 */
export const CATALOGUE = {
  TL002: {
    severity: 'error', rule: 'missing-column',
    vi: (a) => `Thiếu cột bắt buộc "${s(a, 'label')}" (${s(a, 'column')}); tiêu đề nhận được cho cột này: ${s(a, 'aliases')}.`,
    en: (a) => `Required column "${s(a, 'label')}" (${s(a, 'column')}) is missing; headers accepted for it: ${s(a, 'aliases')}.`,
    hintVi: 'Thêm cột này vào dòng tiêu đề, hoặc đổi tiêu đề của cột đang có thành một trong các cách ghi trên (hoa thường, dấu, khoảng trắng không quan trọng).',
    hintEn: 'Add the column to the header row, or rename the existing one to one of the spellings above (case, diacritics and spacing do not matter).',
  },
  TL003: {
    severity: 'error', rule: 'duplicate-column',
    vi: (a) => `Hai cột cùng là "${s(a, 'label')}": ${s(a, 'first')} và ${s(a, 'second')}.`,
    en: (a) => `Two columns both mean "${s(a, 'label')}": ${s(a, 'first')} and ${s(a, 'second')}.`,
    hintVi: 'Xóa hoặc đổi tên một trong hai cột.',
    hintEn: 'Delete or rename one of the two columns.',
  },
  TL004: {
    severity: 'warning', rule: 'unknown-column',
    vi: (a) => `Cột "${s(a, 'value')}" không nhận ra được và có chữ, nên bị bỏ qua.`,
    en: (a) => `Column "${s(a, 'value')}" is not recognised and holds text, so it is ignored.`,
    hintVi: 'Nếu đây là một chỉ tiêu cần cộng, chỉ ghi số vào cột này.',
    hintEn: 'If it is a figure to add up, put only numbers in it.',
  },
  TL005: {
    severity: 'warning', rule: 'no-data-rows',
    vi: (a) => `Bảng có tiêu đề cột (dòng ${s(a, 'value')}) nhưng không có dòng số liệu nào của tổ chức.`,
    en: (a) => `The table has a header (row ${s(a, 'value')}) but no data row of any organisation.`,
    hintVi: 'Điền số liệu của từng tổ chức dưới dòng tiêu đề; nếu đây là mẫu còn trống thì gửi lại tệp đã điền.',
    hintEn: 'Fill in one row per organisation under the header; if this is an empty template, send the filled-in file instead.',
  },
  TL006: {
    severity: 'warning', rule: 'damaged-part',
    vi: (a) => `Phần "${s(a, 'value')}" của tệp bị hỏng nên bị bỏ qua; số liệu vẫn được đọc vì tally không cần phần này (định dạng ô, thông tin tệp, ghi chú, hình vẽ).`,
    en: (a) => `Part "${s(a, 'value')}" of the file is damaged and was left out; the figures were still read, as tally does not need it (cell formats, document properties, comments, drawings).`,
    hintVi: 'Kiểm tra lại các số liệu; mở tệp bằng Excel hoặc LibreOffice và lưu lại để sửa phần hỏng.',
    hintEn: 'Check the figures; open the file in Excel or LibreOffice and save it again to repair the part.',
  },
  TL007: {
    severity: 'warning', rule: 'formula-text',
    vi: (a) => `Ô ${s(a, 'cell')} có chữ "${s(a, 'value')}" mà bảng tính sẽ chạy như công thức; tally ghi nó thành chữ trong các kết quả (thêm ' ở đầu trong CSV).`,
    en: (a) => `Cell ${s(a, 'cell')} holds "${s(a, 'value')}", which a spreadsheet would run as a formula; tally writes it as text in its outputs (with a leading ' in CSV).`,
    hintVi: 'Sửa ô này thành tên thật của tổ chức hoặc chỉ tiêu; nếu tệp do người lạ gửi, đừng mở các liên kết trong đó.',
    hintEn: 'Put the real name of the organisation or figure in this cell; if a stranger sent the file, do not open links in it.',
  },
  TL008: {
    severity: 'warning', rule: 'unnamed-column',
    vi: (a) => `Cột ${s(a, 'value')} có số liệu nhưng không có tiêu đề, nên không được cộng.`,
    en: (a) => `Column ${s(a, 'value')} holds figures but has no header, so it is not added up.`,
    hintVi: 'Ghi tiêu đề cho cột (ví dụ "Số cuộc học tập") nếu cần cộng nó, hoặc xóa cột nếu thừa.',
    hintEn: 'Give the column a header (such as "Số cuộc học tập") if it is to be added up, or delete it.',
  },
  TL010: {
    severity: 'error', rule: 'not-a-number',
    vi: (a) => `Ô ${s(a, 'cell')} (${s(a, 'label')}) phải là số, nhưng có "${s(a, 'value')}".`,
    en: (a) => `Cell ${s(a, 'cell')} (${s(a, 'label')}) must be a number but holds "${s(a, 'value')}".`,
    hintVi: 'Ghi số nguyên, ví dụ 4.288 hoặc 4288; để trống hoặc "-" nếu bằng 0.',
    hintEn: 'Write a whole number such as 4.288 or 4288; leave it blank or "-" for zero.',
  },
  TL011: {
    severity: 'error', rule: 'not-whole',
    vi: (a) => `Ô ${s(a, 'cell')} (${s(a, 'label')}) phải là số nguyên, nhưng có ${s(a, 'value')}.`,
    en: (a) => `Cell ${s(a, 'cell')} (${s(a, 'label')}) must be a whole number but holds ${s(a, 'value')}.`,
    hintVi: 'Số người, số tổ chức không có phần lẻ; kiểm tra lại dấu chấm, dấu phẩy.',
    hintEn: 'Counts have no fraction; check the dots and commas.',
  },
  TL012: {
    severity: 'error', rule: 'negative',
    vi: (a) => `Ô ${s(a, 'cell')} (${s(a, 'label')}) là số âm: ${s(a, 'value')}.`,
    en: (a) => `Cell ${s(a, 'cell')} (${s(a, 'label')}) is negative: ${s(a, 'value')}.`,
    hintVi: 'Số lượng không thể âm; ghi số giảm vào cột giảm tương ứng (chuyển đi, từ trần…).',
    hintEn: 'Counts cannot be negative; put decreases in their own column (chuyển đi, từ trần…).',
  },
  TL013: {
    severity: 'error', rule: 'unknown-rating',
    // A code the legend (or the order of the levels) lacks; a legend under a long table found after its codes were read.
    vi: (a) => (a.codes === undefined ? `Ô ${s(a, 'cell')}: không hiểu mức xếp loại "${s(a, 'value')}".`
      : a.legend === 'late' ? `Ô ${s(a, 'cell')}: chú thích mã xếp loại (${s(a, 'value')}) nằm dưới một bảng dài, sau khi các mã đã được đọc là ${s(a, 'codes')}; các mức xếp loại đã đọc có thể sai.`
        : `Ô ${s(a, 'cell')}: mã xếp loại "${s(a, 'value')}" không có trong ${a.legend === 'yes' ? 'chú thích của bảng' : 'thứ tự bốn mức'} (${s(a, 'codes')}).`),
    en: (a) => (a.codes === undefined ? `Cell ${s(a, 'cell')}: unknown rating "${s(a, 'value')}".`
      : a.legend === 'late' ? `Cell ${s(a, 'cell')}: a legend of rating codes (${s(a, 'value')}) under a long table, after the codes were read as ${s(a, 'codes')}; the ratings read may be wrong.`
        : `Cell ${s(a, 'cell')}: rating code "${s(a, 'value')}" is not in ${a.legend === 'yes' ? 'the table\'s legend' : 'the order of the four levels'} (${s(a, 'codes')}).`),
    hintVi: 'Ghi một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ, Chưa xếp loại.',
    hintEn: 'Use one of: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ, Chưa xếp loại.',
  },
  TL014: {
    severity: 'error', rule: 'unknown-type',
    vi: (a) => `Ô ${s(a, 'cell')}: không hiểu loại hình tổ chức "${s(a, 'value')}".`,
    en: (a) => `Cell ${s(a, 'cell')}: unknown organisation type "${s(a, 'value')}".`,
    hintVi: 'Ghi một trong: Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc, Đảng bộ bộ phận.',
    hintEn: 'Use one of: Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc, Đảng bộ bộ phận.',
  },
  TL015: {
    severity: 'error', rule: 'cell-error',
    vi: (a) => `Ô ${s(a, 'cell')} (${s(a, 'label')}) có lỗi công thức ${s(a, 'value')}.`,
    en: (a) => `Cell ${s(a, 'cell')} (${s(a, 'label')}) holds the formula error ${s(a, 'value')}.`,
    hintVi: 'Mở tệp, sửa công thức của ô này (thường do xóa dòng/cột mà công thức tham chiếu) rồi lưu lại.',
    hintEn: 'Open the file, fix the formula in this cell (often a deleted row or column it referred to) and save.',
  },
  TL019: {
    severity: 'error', rule: 'formula-without-result',
    vi: (a) => `Ô ${s(a, 'cell')} (${s(a, 'label')}) có công thức ${s(a, 'value')} nhưng tệp không lưu kết quả của nó.`,
    en: (a) => `Cell ${s(a, 'cell')} (${s(a, 'label')}) holds the formula ${s(a, 'value')} but the file has no result saved for it.`,
    hintVi: 'Tệp do một chương trình tạo ra mà chưa mở bằng Excel: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại để công thức được tính.',
    hintEn: 'The file was written by a program and never opened in a spreadsheet: open it in Excel or LibreOffice and save it, so the formulas are computed.',
  },
  TL016: {
    severity: 'error', rule: 'missing-name',
    vi: (a) => `Dòng ${s(a, 'row')} có số liệu nhưng không có tên tổ chức.`,
    en: (a) => `Row ${s(a, 'row')} has figures but no organisation name.`,
    hintVi: 'Ghi tên tổ chức cơ sở đảng vào ô trống, hoặc xóa dòng nếu thừa.',
    hintEn: 'Fill in the organisation name, or delete the row if it is not needed.',
  },
  TL017: {
    severity: 'error', rule: 'missing-members',
    vi: (a) => `"${s(a, 'name')}" chưa có tổng số đảng viên (ô ${s(a, 'cell')}).`,
    en: (a) => `"${s(a, 'name')}" has no member count (cell ${s(a, 'cell')}).`,
    hintVi: 'Ghi tổng số đảng viên cuối kỳ của tổ chức này.',
    hintEn: 'Fill in the member count at the end of the period.',
  },
  TL018: {
    severity: 'error', rule: 'old-scale-rating',
    vi: (a) => `Ô ${s(a, 'cell')}: "${s(a, 'value')}" là mức xếp loại theo thang trước năm 2018.`,
    en: (a) => `Cell ${s(a, 'cell')}: "${s(a, 'value')}" is a rating from the pre-2018 scale.`,
    hintVi: 'Nếu báo cáo này là của năm trước 2018, chạy lại với --scale pre-2018; nếu không, ghi mức theo quy định hiện hành.',
    hintEn: 'If the report is from before 2018, run again with --scale pre-2018; otherwise use the current levels.',
  },
  TL020: {
    severity: 'error', rule: 'duplicate-unit',
    vi: (a) => `Tổ chức "${s(a, 'value')}" xuất hiện hai lần: ở đây và ở ${s(a, 'other')}.${a.once !== undefined ? ` Một bên là biểu thống kê của đơn vị: chỉ tính một lần, theo ${s(a, 'other')} (đọc trước), không tính dòng này, kể cả với --force.` : ''}`,
    en: (a) => `Organisation "${s(a, 'value')}" appears twice: here and at ${s(a, 'other')}.${a.once !== undefined ? ` One of them is the unit's statistical form: counted once, as ${s(a, 'other')} (read first), not this one, even with --force.` : ''}`,
    hintVi: 'Giữ một dòng cho mỗi tổ chức; nếu là hai tổ chức khác nhau thì sửa mã đơn vị.',
    hintEn: 'Keep one row per organisation; if they are two organisations, give them different codes.',
  },
  TL021: {
    severity: 'error', rule: 'membership-balance',
    vi: (a) => `"${s(a, 'name')}": đảng viên cuối kỳ là ${s(a, 'value')}, nhưng đầu kỳ cộng tăng trừ giảm ra ${s(a, 'expected')}.`,
    en: (a) => `"${s(a, 'name')}": ${s(a, 'value')} members at the end, but start plus increases minus decreases gives ${s(a, 'expected')}.`,
    hintVi: 'Kiểm tra lại đầu kỳ, kết nạp, chuyển đến, chuyển đi, từ trần, khai trừ, xóa tên, ra khỏi Đảng và số cuối kỳ.',
    hintEn: 'Check the start, admitted, transferred in/out, deceased, expelled, removed, resigned and end figures.',
  },
  TL022: {
    severity: 'error', rule: 'ratings-exceed-members',
    vi: (a) => `"${s(a, 'name')}": số đảng viên được xếp loại (${s(a, 'value')}) lớn hơn tổng số đảng viên (${s(a, 'expected')}).`,
    en: (a) => `"${s(a, 'name')}": ${s(a, 'value')} members rated, more than the ${s(a, 'expected')} members.`,
    hintVi: 'Tổng các mức xếp loại đảng viên không được vượt tổng số đảng viên.',
    hintEn: 'The member rating levels cannot add up to more than the members.',
  },
  TL023: {
    severity: 'error', rule: 'part-exceeds-members',
    vi: (a) => `"${s(a, 'name')}": ${s(a, 'label')} (${s(a, 'value')}) lớn hơn tổng số đảng viên (${s(a, 'expected')}).`,
    en: (a) => `"${s(a, 'name')}": ${s(a, 'label')} (${s(a, 'value')}) is more than the ${s(a, 'expected')} members.`,
    hintVi: 'Đây là một phần của tổng số đảng viên ("trong đó"), nên không thể lớn hơn.',
    hintEn: 'This is a part of the members ("trong đó"), so it cannot be larger.',
  },
  TL024: {
    severity: 'error', rule: 'subset-exceeds-whole',
    vi: (a) => `"${s(a, 'name')}": ô ${s(a, 'cell')} (${s(a, 'label')}) ghi ${s(a, 'value')}, lớn hơn "${s(a, 'whole')}" (${s(a, 'expected')}) mà nó là một phần.`,
    en: (a) => `"${s(a, 'name')}": cell ${s(a, 'cell')} (${s(a, 'label')}) says ${s(a, 'value')}, more than the ${s(a, 'expected')} of "${s(a, 'whole')}" it is a part of.`,
    hintVi: 'Cột "trong đó" là một phần của cột tổng của nó, nên không thể lớn hơn; sửa một trong hai ô.',
    hintEn: 'A "trong đó" column is a part of its total column and cannot be larger; correct one of the two cells.',
  },
  TL025: {
    severity: 'error', rule: 'parts-mismatch',
    vi: (a) => `"${s(a, 'name')}": ô ${s(a, 'cell')} (${s(a, 'label')}) ghi ${s(a, 'value')}, nhưng các cột chia ra (${s(a, 'parts')}) cộng lại được ${s(a, 'expected')}.`,
    en: (a) => `"${s(a, 'name')}": cell ${s(a, 'cell')} (${s(a, 'label')}) says ${s(a, 'value')}, but its "chia ra" columns (${s(a, 'parts')}) add up to ${s(a, 'expected')}.`,
    hintVi: 'Các cột "chia ra" chia hết cột tổng: cộng lại phải đúng bằng nó. Sửa cột tổng hoặc các cột chia ra.',
    hintEn: 'The "chia ra" columns split the total exactly: they must add up to it. Correct the total or the parts.',
  },
  TL030: {
    severity: 'error', rule: 'total-mismatch',
    // `across`: units as columns, where the total is a column and each figure a row; an empty label: a total row
    // with no label, taken for one because its member count is the sum of the rows above.
    vi: (a) => (a.across !== undefined
      ? `Cột "${s(a, 'label')}", dòng ${s(a, 'column')}: ghi ${s(a, 'value')}, nhưng cộng các cột đơn vị được ${s(a, 'expected')}.`
      : `${s(a, 'label') === '' ? 'Dòng cộng không ghi tên (nhận ra vì số đảng viên bằng tổng các dòng trên)' : `Dòng "${s(a, 'label')}"`}, cột ${s(a, 'column')}: ghi ${s(a, 'value')}, nhưng cộng các dòng được ${s(a, 'expected')}${a.hidden !== undefined ? ` (trong đó ${s(a, 'hidden')} ở các dòng bị ẩn, vẫn được tính)` : ''}.`),
    en: (a) => (a.across !== undefined
      ? `Column "${s(a, 'label')}", row ${s(a, 'column')}: says ${s(a, 'value')}, but the units' columns add up to ${s(a, 'expected')}.`
      : `${s(a, 'label') === '' ? 'The total row with no label (taken for one as its member count is the sum of the rows above)' : `Row "${s(a, 'label')}"`}, column ${s(a, 'column')}: says ${s(a, 'value')}, but the rows it covers add up to ${s(a, 'expected')}${a.hidden !== undefined ? ` (${s(a, 'hidden')} of it in hidden rows, which are counted)` : ''}.`),
    hintVi: 'Sửa số ở dòng cộng, hoặc kiểm tra công thức SUM có bao đủ các dòng.',
    hintEn: 'Fix the total, or check that its SUM formula covers all the rows.',
  },
  TL032: {
    severity: 'error', rule: 'totals-sheet-mismatch',
    vi: (a) => `Trang tổng hợp "${s(a, 'sheet')}", cột ${s(a, 'column')}: cộng được ${s(a, 'value')}, nhưng các trang còn lại cộng được ${s(a, 'expected')}.`,
    en: (a) => `Totals sheet "${s(a, 'sheet')}", column ${s(a, 'column')}: adds up to ${s(a, 'value')}, but the other sheets add up to ${s(a, 'expected')}.`,
    hintVi: 'Trang tổng hợp không được cộng thêm; sửa cho khớp với các trang chi tiết (hoặc cập nhật lại công thức).',
    hintEn: 'The totals sheet is not added again; make it agree with the detail sheets (or refresh its formulas).',
  },
  TL033: {
    severity: 'error', rule: 'mixed-periods',
    vi: (a) => `Các báo cáo thuộc ${s(a, 'count')} kỳ khác nhau: ${s(a, 'value')}; cộng chung sẽ cộng số liệu của các kỳ với nhau.`,
    en: (a) => `The reports belong to ${s(a, 'count')} different periods: ${s(a, 'value')}; a roll-up would add the periods' figures together.`,
    hintVi: 'Tổng hợp từng kỳ riêng (chỉ đưa vào các tệp của một kỳ), hoặc thêm --by-period để có mỗi kỳ một cột; nếu các tệp thật ra cùng một kỳ thì sửa cột năm hoặc dùng --period. "tally check" vẫn kiểm tra được các kỳ cùng lúc.',
    hintEn: 'Roll up one period at a time (give only that period\'s files), or add --by-period for a column per period; if the files really are one period, fix the year column or use --period. "tally check" can still check several periods at once.',
  },
  TL034: {
    severity: 'warning', rule: 'cells-sum-mismatch',
    vi: (a) => `"${s(a, 'name')}", cột ${s(a, 'label')}: ghi ${s(a, 'value')}, nhưng ${s(a, 'count')} chi bộ trực thuộc ${a.parent ? `ghi cấp trên là "${s(a, 'parent')}"` : 'liệt kê bên dưới'} cộng được ${s(a, 'expected')}.`,
    en: (a) => `"${s(a, 'name')}", column ${s(a, 'label')}: says ${s(a, 'value')}, but the ${s(a, 'count')} cells ${a.parent ? `that name "${s(a, 'parent')}" as their parent` : 'listed under it'} add up to ${s(a, 'expected')}.`,
    hintVi: 'Dòng của đảng bộ là tổng các chi bộ trực thuộc liệt kê dưới nó (chỉ dòng đảng bộ được cộng vào toàn khối); sửa số cho khớp, hoặc liệt kê đủ các chi bộ.',
    hintEn: 'A committee\'s row is the total of the cells listed under it (only the committee\'s row is added to the bloc); make them agree, or list every cell.',
  },
  TL031: {
    severity: 'warning', rule: 'percentage-mismatch',
    vi: (a) => `Ô ${s(a, 'cell')}: tỷ lệ ghi ${s(a, 'value')}%, tính lại được ${s(a, 'expected')}%.`,
    en: (a) => `Cell ${s(a, 'cell')}: the percentage says ${s(a, 'value')}%, recomputed it is ${s(a, 'expected')}%.`,
    hintVi: 'tally tự tính lại tỷ lệ; sửa ô này cho khớp.',
    hintEn: 'tally recomputes percentages; correct this cell to match.',
  },
  TL035: {
    severity: 'warning', rule: 'period-overridden',
    vi: (a) => `--period ${s(a, 'value')} được dùng, nhưng tiêu đề báo cáo ghi kỳ ${s(a, 'expected')} ("${s(a, 'text')}").`,
    en: (a) => `--period ${s(a, 'value')} is used, but the report's title says ${s(a, 'expected')} ("${s(a, 'text')}").`,
    hintVi: 'Bỏ --period nếu tiêu đề đúng; nếu tiêu đề ghi nhầm năm thì sửa tiêu đề trong tệp.',
    hintEn: 'Drop --period if the title is right; if the title has the wrong year, correct it in the file.',
  },
  TL036: {
    severity: 'error', rule: 'period-missing',
    vi: (a) => `"${s(a, 'value')}" không ghi kỳ báo cáo (không có năm trong tiêu đề, không có cột Năm), nên không biết xếp vào năm nào của chuỗi.`,
    en: (a) => `"${s(a, 'value')}" does not say its period (no year in its title, no Năm column), so it belongs to no year of the series.`,
    hintVi: 'Ghi năm vào tiêu đề ("BÁO CÁO … NĂM 2023") hoặc thêm cột "Năm"; hoặc đọc riêng tệp này với --period.',
    hintEn: 'Write the year in the title ("BÁO CÁO … NĂM 2023") or add a "Năm" column; or read this file on its own with --period.',
  },
  TL037: {
    severity: 'warning', rule: 'previous-same-period',
    vi: (a) => `Các báo cáo của kỳ trước (--previous) cũng là kỳ ${s(a, 'value')}, như kỳ đang tổng hợp: so sánh một năm với chính nó.`,
    en: (a) => `The previous period's reports (--previous) are of ${s(a, 'value')} too, like the current ones: a year compared with itself.`,
    hintVi: 'Kiểm tra lại thư mục hoặc tệp đưa vào --previous (các báo cáo của năm trước).',
    hintEn: 'Check the folder or files given to --previous (last year\'s reports).',
  },
  TL040: {
    severity: 'warning', rule: 'excellent-quota-organisations',
    vi: (a) => `${s(a, 'value')} tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, vượt ${s(a, 'quota')}% của ${s(a, 'base')} tổ chức hoàn thành tốt nhiệm vụ trở lên (tối đa ${s(a, 'expected')}).`,
    en: (a) => `${s(a, 'value')} organisations rated excellent, above ${s(a, 'quota')}% of the ${s(a, 'base')} rated good or better (at most ${s(a, 'expected')}).`,
    hintVi: 'Theo quy định, số xếp loại xuất sắc không vượt tỷ lệ này; xem lại kết quả hoặc đặt quotas.excellent trong tally.config.json.',
    hintEn: 'By regulation, excellent ratings stay within this share; review the ratings or set quotas.excellent in tally.config.json.',
  },
  TL041: {
    severity: 'warning', rule: 'excellent-quota-members',
    vi: (a) => `"${s(a, 'name')}": ${s(a, 'value')} đảng viên hoàn thành xuất sắc nhiệm vụ, vượt ${s(a, 'quota')}% của ${s(a, 'base')} đảng viên hoàn thành tốt nhiệm vụ trở lên (tối đa ${s(a, 'expected')}).`,
    en: (a) => `"${s(a, 'name')}": ${s(a, 'value')} members rated excellent, above ${s(a, 'quota')}% of the ${s(a, 'base')} rated good or better (at most ${s(a, 'expected')}).`,
    hintVi: 'Hướng dẫn 21-HD/BTCTW: đảng viên xuất sắc không vượt 20% số hoàn thành tốt nhiệm vụ trở lên trong từng tổ chức cơ sở đảng.',
    hintEn: 'Guidance 21-HD/BTCTW: excellent members stay within 20% of those rated good or better in each organisation.',
  },
  TL042: {
    severity: 'warning', rule: 'admitted-exceeds-probationary',
    vi: (a) => `"${s(a, 'name')}": kết nạp ${s(a, 'value')} đảng viên nhưng cuối kỳ chỉ có ${s(a, 'expected')} đảng viên dự bị.`,
    en: (a) => `"${s(a, 'name')}": ${s(a, 'value')} admitted but only ${s(a, 'expected')} probationary members at the end.`,
    hintVi: 'Đảng viên kết nạp trong năm thường vẫn là dự bị cuối năm; kiểm tra hai cột này.',
    hintEn: 'Members admitted this year are normally still probationary at year end; check both columns.',
  },
  TL043: {
    severity: 'warning', rule: 'too-few-full-members',
    vi: (a) => `"${s(a, 'name')}" chỉ có ${s(a, 'value')} đảng viên chính thức (cần ít nhất ${s(a, 'expected')}).`,
    en: (a) => `"${s(a, 'name')}" has only ${s(a, 'value')} full members (at least ${s(a, 'expected')} needed).`,
    hintVi: 'Tổ chức cơ sở đảng cần ít nhất 3 đảng viên chính thức; kiểm tra số dự bị và tổng số.',
    hintEn: 'A grassroots organisation needs at least 3 full members; check the probationary and total figures.',
  },
  TL044: {
    severity: 'warning', rule: 'rating-inconsistent-with-members',
    vi: (a) => `"${s(a, 'name')}" xếp loại ${s(a, 'value')} nhưng ${s(a, 'reason')}.`,
    en: (a) => `"${s(a, 'name')}" is rated ${s(a, 'value')} but ${s(a, 'reasonEn')}.`,
    hintVi: 'Tổ chức hoàn thành tốt nhiệm vụ trở lên cần mọi đảng viên hoàn thành nhiệm vụ trở lên và ít nhất một nửa hoàn thành tốt trở lên.',
    hintEn: 'An organisation rated good or better needs every member at "completed" or better and at least half good or better.',
  },
  TL045: {
    severity: 'warning', rule: 'rated-exceeds-eligible',
    vi: (a) => `"${s(a, 'name')}": ${s(a, 'value')} đảng viên được xếp loại, nhiều hơn ${s(a, 'expected')} đảng viên thuộc diện đánh giá (tổng số trừ miễn đánh giá và chưa xếp loại).`,
    en: (a) => `"${s(a, 'name')}": ${s(a, 'value')} members rated, more than the ${s(a, 'expected')} eligible (members less exempt and not rated).`,
    hintVi: 'Đảng viên miễn đánh giá hoặc chưa xếp loại không được tính vào các mức xếp loại.',
    hintEn: 'Exempt or not-rated members must not be counted in the rating levels.',
  },
  ...ACROSS,
  ...FORMS,
} as const satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof CATALOGUE;
export const DIAGNOSTIC_CODES = Object.keys(CATALOGUE) as DiagnosticCode[];

export type Lang = 'vi' | 'en';

export function describe(code: DiagnosticCode, raw: Args, lang: Lang): { message: string; hint: string; rule: string } {
  const entry: Entry = CATALOGUE[code];
  // Figures in messages are written as the user writes them: 1.581 in Vietnamese, 1,581 in English.
  const args = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'number' && k !== 'row' ? formatIn(v, Number.isInteger(v) ? 0 : 2, lang) : v]));
  return lang === 'en'
    ? { message: entry.en(args), hint: entry.hintEn, rule: entry.rule }
    : { message: entry.vi(args), hint: entry.hintVi, rule: entry.rule };
}
