import type { Lang } from '../check/catalogue.js';
import type { CountColumn, TextColumn } from '../recognise/columns.js';
import { RATING_LABELS, RATING_LEVELS } from '../recognise/vocabulary.js';

type Words = Record<Lang, string>;

/** The fixed words of the form and its instructions sheet. */
export const FORM_WORDS = {
  sheet: { vi: 'Báo cáo', en: 'Report' },
  lists: { vi: 'Danh mục', en: 'Lists' },
  memberSheet: { vi: 'Danh sách', en: 'Members' },
  unitLabel: { vi: 'Tên chi bộ, đảng bộ', en: 'The cell or committee' },
  unitBlank: { vi: 'CHI BỘ ……………………………', en: 'CHI BỘ ……………………………' },
  unitPrompt: { vi: 'Thay dòng này bằng tên đầy đủ, bắt đầu bằng "Chi bộ" hoặc "Đảng bộ" (ví dụ: CHI BỘ VĂN PHÒNG SỞ TÀI CHÍNH); tally đọc danh sách là của tổ chức này.', en: 'Write over this line the full name, starting with "Chi bộ" or "Đảng bộ" (e.g. CHI BỘ VĂN PHÒNG SỞ TÀI CHÍNH): tally reads the list as this organisation\'s.' },
  memberTitle: { vi: 'DANH SÁCH ĐẢNG VIÊN VÀ KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG', en: 'LIST OF PARTY MEMBERS AND THEIR RATINGS' },
  instructions: { vi: 'Hướng dẫn', en: 'Instructions' },
  title: { vi: 'BÁO CÁO SỐ LIỆU TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐẢNG VIÊN', en: 'REPORT OF PARTY ORGANISATIONS AND MEMBERS' },
  year: { vi: 'NĂM', en: 'YEAR' },
  subtitle: { vi: '(Mẫu do tally tạo: điền vào các ô trống, không sửa tiêu đề cột)', en: '(Form made by tally: fill in the blank cells, do not change the headers)' },
  increase: { vi: 'Tăng trong kỳ', en: 'Increase in the period' },
  decrease: { vi: 'Giảm trong kỳ', en: 'Decrease in the period' },
  end: { vi: 'Đảng viên cuối kỳ', en: 'Members at the end' },
  memberRatings: { vi: 'Xếp loại đảng viên', en: 'Member ratings' },
  memberRating: { vi: 'Xếp loại chất lượng', en: 'Rating' },
  indicators: { vi: 'Chỉ tiêu khác', en: 'Other indicators' },
  balance: { vi: 'Chênh lệch cân đối', en: 'Chênh lệch cân đối (balance)' },
  remarks: { vi: 'Ghi chú', en: 'Ghi chú (remarks)' },
  total: { vi: 'Tổng cộng', en: 'Tổng cộng' },
  instructionsTitle: { vi: 'HƯỚNG DẪN ĐIỀN MẪU BÁO CÁO', en: 'HOW TO FILL IN THE FORM' },
  column: { vi: 'Cột', en: 'Column' },
  whatGoes: { vi: 'Ghi gì vào cột này', en: 'What goes in this column' },
  steps: {
    vi: [
      '1. Mỗi tổ chức cơ sở đảng một dòng; chi bộ trực thuộc ghi ngay dưới đảng bộ của mình, cột "Trực thuộc" ghi mã đảng bộ cấp trên.',
      '2. Các ô số chỉ nhận số nguyên từ 0 trở lên; "Loại hình" và "Xếp loại tổ chức" chọn trong danh sách (nhấn vào ô để thấy mũi tên).',
      '3. Cột "Chênh lệch cân đối" tự tính: đầu kỳ + tăng − giảm − cuối kỳ; ô chuyển màu đỏ khi số liệu chưa khớp, phải bằng 0.',
      '4. Dòng "Tổng cộng" tự cộng; không sửa công thức, không chèn dòng dưới dòng tổng. Kiểm tra trước khi gửi: tally check <tệp>.',
    ],
    en: [
      '1. One row per grassroots party organisation; subordinate cells right under their committee, with its code under "Trực thuộc".',
      '2. Figure cells take whole numbers from 0 up; "Loại hình" and "Xếp loại tổ chức" are chosen from a list (click the cell for the arrow).',
      '3. "Chênh lệch cân đối" is worked out: start + increase − decrease − end; it turns red until the figures add up, and must be 0.',
      '4. The "Tổng cộng" row adds itself up; do not edit its formulas or insert rows under it. Check before sending: tally check <file>.',
    ],
  },
} as const satisfies Record<string, Words | Record<Lang, readonly string[]>>;

export function formWord(key: Exclude<keyof typeof FORM_WORDS, 'steps'>, lang: Lang): string {
  return FORM_WORDS[key][lang];
}

/** The choices of a member's rating in the member-list form: the four levels, then the two who are not rated. */
export const MEMBER_RATING_CHOICES: readonly string[] = [...RATING_LEVELS.map((l) => RATING_LABELS[l]), 'Chưa xếp loại', 'Miễn đánh giá'];

/** The input message of each column: what goes there, in a sentence. */
export const PROMPTS: Record<CountColumn | Exclude<TextColumn, 'period'> | 'stt' | 'indicator' | 'balance' | 'remarks' | 'wholeError' | 'listError', Words> = {
  stt: { vi: 'Số thứ tự: 1, 2, 3…; chi bộ trực thuộc để trống hoặc 1.1, 1.2…', en: 'Row number: 1, 2, 3…; subordinate cells blank or 1.1, 1.2…' },
  code: { vi: 'Mã đơn vị do Đảng ủy Khối cấp (nếu có).', en: 'The unit code given by the bloc committee (if any).' },
  name: { vi: 'Tên đầy đủ của chi bộ, đảng bộ cơ sở.', en: 'The full name of the cell or committee.' },
  type: { vi: 'Chọn: Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc, Đảng bộ bộ phận.', en: 'Choose: Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc, Đảng bộ bộ phận.' },
  parent: { vi: 'Chi bộ trực thuộc: mã đảng bộ cấp trên; tổ chức cơ sở để trống.', en: 'Subordinate cells: the code of their committee; grassroots units leave it blank.' },
  sector: { vi: 'Lĩnh vực: Cơ quan hành chính, Đơn vị sự nghiệp, Doanh nghiệp nhà nước…', en: 'Sector: Cơ quan hành chính, Đơn vị sự nghiệp, Doanh nghiệp nhà nước…' },
  rating: { vi: 'Chọn mức xếp loại chất lượng tổ chức đảng cấp trên đã quyết định.', en: 'Choose the rating the superior committee decided.' },
  membersStart: { vi: 'Số đảng viên trong danh sách đầu kỳ (cuối kỳ trước chuyển sang).', en: 'Members on the list at the start (carried over).' },
  admitted: { vi: 'Số đảng viên mới kết nạp trong kỳ.', en: 'Members admitted in the period.' },
  transferredIn: { vi: 'Số đảng viên chuyển sinh hoạt đến.', en: 'Members transferred in.' },
  reinstated: { vi: 'Số đảng viên được phục hồi đảng tịch.', en: 'Members reinstated.' },
  transferredOut: { vi: 'Số đảng viên chuyển sinh hoạt đi.', en: 'Members transferred out.' },
  deceased: { vi: 'Số đảng viên từ trần.', en: 'Members deceased.' },
  expelled: { vi: 'Số đảng viên bị khai trừ.', en: 'Members expelled.' },
  removed: { vi: 'Số đảng viên bị xóa tên.', en: 'Members removed from the list.' },
  resigned: { vi: 'Số đảng viên xin ra, cho ra khỏi Đảng.', en: 'Members who resigned or were let go.' },
  members: { vi: 'Tổng số đảng viên cuối kỳ = đầu kỳ + tăng − giảm.', en: 'Members at the end = start + increase − decrease.' },
  probationary: { vi: 'Trong đó: số đảng viên dự bị (không lớn hơn tổng số).', en: 'Of whom probationary (not more than the total).' },
  women: { vi: 'Trong đó: số đảng viên nữ.', en: 'Of whom women.' },
  cells: { vi: 'Đảng bộ cơ sở: số chi bộ trực thuộc; chi bộ cơ sở ghi 0.', en: 'Committees: their subordinate cells; cells write 0.' },
  membersHTXSNV: { vi: 'Số đảng viên hoàn thành xuất sắc nhiệm vụ (không quá 20% số hoàn thành tốt trở lên).', en: 'Members rated excellent (at most 20% of good or better).' },
  membersHTTNV: { vi: 'Số đảng viên hoàn thành tốt nhiệm vụ.', en: 'Members rated good.' },
  membersHTNV: { vi: 'Số đảng viên hoàn thành nhiệm vụ.', en: 'Members rated fulfilled.' },
  membersGoodOrBetter: { vi: 'Số đảng viên hoàn thành tốt nhiệm vụ trở lên.', en: 'Members rated good or better.' },
  membersKHTNV: { vi: 'Số đảng viên không hoàn thành nhiệm vụ.', en: 'Members rated not fulfilled.' },
  membersNotRated: { vi: 'Số đảng viên chưa xếp loại (mới kết nạp, ốm dài ngày…).', en: 'Members not rated (newly admitted, long illness…).' },
  membersExempt: { vi: 'Số đảng viên được miễn đánh giá (miễn công tác và sinh hoạt đảng).', en: 'Members exempt from rating.' },
  indicator: { vi: 'Chỉ tiêu của Đảng ủy Khối: số nguyên từ 0 trở lên.', en: 'An indicator of the bloc: a whole number from 0 up.' },
  balance: { vi: 'Tự tính, không điền: phải bằng 0; màu đỏ là số liệu biến động chưa khớp.', en: 'Worked out, do not fill in: must be 0; red means the movements do not add up.' },
  remarks: { vi: 'Ghi chú (không tính vào số liệu).', en: 'Remarks (not counted).' },
  wholeError: { vi: 'Chỉ nhập số nguyên từ 0 trở lên.', en: 'Whole numbers from 0 up only.' },
  listError: { vi: 'Chọn một mục trong danh sách.', en: 'Choose an item from the list.' },
};
