import type { Lang } from '../check/catalogue.js';

/** Every label the renderers print, in both languages; the Vietnamese ones follow the reports' own wording. */
const LABELS = {
  title: { vi: 'TỔNG HỢP BÁO CÁO', en: 'BLOC SUMMARY' },
  period: { vi: 'Kỳ', en: 'Period' },
  files: { vi: 'tệp', en: 'file(s)' },
  untrusted: { vi: 'CHƯA TIN CẬY: dữ liệu còn lỗi, in vì có --force', en: 'NOT TRUSTED: the data have errors, printed because of --force' },
  organizations: { vi: 'Tổ chức cơ sở đảng', en: 'Grassroots organisations' },
  dang_bo_co_so: { vi: 'Đảng bộ cơ sở', en: 'Grassroots committees (ĐBCS)' },
  chi_bo_co_so: { vi: 'Chi bộ cơ sở', en: 'Grassroots cells (CBCS)' },
  unknownType: { vi: 'Chưa rõ loại hình', en: 'Type unknown' },
  bySector: { vi: 'Theo lĩnh vực', en: 'By sector' },
  cells: { vi: 'Chi bộ trực thuộc đảng bộ cơ sở', en: 'Cells under grassroots committees' },
  subordinateRows: { vi: 'Dòng chi bộ trực thuộc / đảng bộ bộ phận', en: 'Rows of subordinate cells / committees' },
  orgRatings: { vi: 'Xếp loại tổ chức cơ sở đảng', en: 'Ratings of grassroots organisations' },
  rated: { vi: 'Đã xếp loại', en: 'Rated' },
  unrated: { vi: 'Chưa xếp loại', en: 'Not rated' },
  goodOrBetter: { vi: 'Hoàn thành tốt nhiệm vụ trở lên', en: 'Good or better (HTTNV+)' },
  excellent: { vi: 'trong đó hoàn thành xuất sắc nhiệm vụ', en: 'of which excellent (HTXSNV)' },
  HTXSNV: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent (HTXSNV)' },
  HTTNV: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good (HTTNV)' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed (HTNV)' },
  notCompleted: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed (KHTNV)' },
  members: { vi: 'Đảng viên', en: 'Members' },
  start: { vi: 'Đầu kỳ', en: 'At the start' },
  admitted: { vi: 'Kết nạp', en: 'Admitted' },
  admissionRate: { vi: 'Tỷ lệ kết nạp so với đầu kỳ', en: 'Admissions as a share of the start' },
  transferredIn: { vi: 'Chuyển đến', en: 'Transferred in' },
  reinstated: { vi: 'Phục hồi đảng tịch', en: 'Reinstated' },
  transferredOut: { vi: 'Chuyển đi', en: 'Transferred out' },
  deceased: { vi: 'Từ trần', en: 'Deceased' },
  expelled: { vi: 'Khai trừ', en: 'Expelled' },
  removed: { vi: 'Xóa tên', en: 'Removed' },
  resigned: { vi: 'Ra khỏi Đảng', en: 'Resigned' },
  end: { vi: 'Cuối kỳ', en: 'At the end' },
  probationary: { vi: 'Đảng viên dự bị', en: 'Probationary' },
  women: { vi: 'Đảng viên nữ', en: 'Women' },
  memberRatings: { vi: 'Xếp loại đảng viên', en: 'Member ratings' },
  notRated: { vi: 'Không xếp loại / chưa đánh giá', en: 'Not rated' },
  exempt: { vi: 'Miễn đánh giá', en: 'Exempt' },
  levelsMissing: { vi: 'Báo cáo không ghi mức (không tính tỷ lệ)', en: 'Levels not reported (no shares worked out)' },
  HTNV: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed (HTNV)' },
  KHTNV: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed (KHTNV)' },
  indicators: { vi: 'Chỉ tiêu khác (cộng)', en: 'Other figures (summed)' },
  rows: { vi: 'Dòng', en: 'Rows' },
  rowsLine: { vi: '{read} dòng đọc, {counted} tổ chức được tính, {skipped} dòng bỏ qua', en: '{read} rows read, {counted} organisations counted, {skipped} rows skipped' },
  figure: { vi: 'Chỉ tiêu', en: 'Figure' },
  value: { vi: 'Số liệu', en: 'Value' },
} as const satisfies Record<string, Record<Lang, string>>;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
