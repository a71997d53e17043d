/**
 * The tally.config.json `tally init` writes: every key with a value that works, and the words that explain them in
 * "$comment" (JSON has no comments; tally does not read that key). The targets are those of a congress resolution
 * of the term 2020–2025 (Đảng bộ Khối các cơ quan tỉnh, seed 003).
 */
export const EXAMPLE_CONFIG = {
  $comment: [
    'Cấu hình của tally cho một Đảng bộ Khối. Mọi khóa đều không bắt buộc; xóa khóa nào thì tally dùng mặc định. Xem README.md, mục "Config".',
    'decimals: số chữ số thập phân của tỷ lệ (0–6). rounding: "half-up" (làm tròn), "truncate" (cắt bớt, như một số báo cáo), "largest-remainder".',
    'scale: "current" hoặc "pre-2018" (thang "Trong sạch vững mạnh"). excellentBase: tỷ lệ xuất sắc tính trên "goodOrBetter" (số HTTNV trở lên) hoặc "rated".',
    'quotas.excellent: tỷ lệ xuất sắc tối đa (0.2 là 20%); quotas.minFullMembers: số đảng viên chính thức tối thiểu của một chi bộ.',
    'bloc, place: tên Đảng bộ Khối và địa danh, in ở đầu văn bản (-o .xlsx, .docx) và trong tiêu đề.',
    'term: nhiệm kỳ (năm đại hội, năm cuối). Có term, tally đọc báo cáo các năm trong nhiệm kỳ thành một chuỗi, mỗi năm một cột, và đánh giá các chỉ tiêu.',
    'targets: mỗi chỉ tiêu có label (lời văn), metric (số liệu), op (">=", "<=", ">", "<", "="), value (ngưỡng) và over: "latest" (năm gần nhất), "each-year" (năm nào cũng đạt), "term" (cả nhiệm kỳ).',
    'metric: một số liệu của bảng tổng hợp (organizations.goodOrBetter.percent, memberRatings.goodOrBetter.percent, organizations.ratings.KHTNV, members.end, members.womenShare.percent, …), một chỉ tiêu khác theo tên cột ("indicators:Số cuộc học tập"), hoặc của cả nhiệm kỳ: term.admittedOfStart.percent (kết nạp cả nhiệm kỳ so với đảng viên đầu nhiệm kỳ), term.membersGrowth (đảng viên tăng so với đầu nhiệm kỳ); metric term.… đi với over "term".',
  ],
  bloc: 'Đảng bộ Khối các cơ quan tỉnh',
  place: 'Hà Nội',
  decimals: 2,
  rounding: 'half-up',
  scale: 'current',
  excellentBase: 'goodOrBetter',
  quotas: { excellent: 0.2, minFullMembers: 3 },
  term: { from: 2020, to: 2025 },
  targets: [
    { label: '90% trở lên các chi bộ, đảng bộ đạt hoàn thành tốt nhiệm vụ', metric: 'organizations.goodOrBetter.percent', op: '>=', value: 90, over: 'each-year' },
    { label: '95% trở lên đảng viên hoàn thành tốt nhiệm vụ', metric: 'memberRatings.goodOrBetter.percent', op: '>=', value: 95, over: 'each-year' },
    { label: 'Kết nạp đảng viên mới đạt từ 3% trở lên so với tổng số đảng viên đầu nhiệm kỳ', metric: 'term.admittedOfStart.percent', op: '>=', value: 3, over: 'term' },
  ],
} as const;

/** The file's text: two-space JSON, as a person would lay it out, ending in a line break. */
export function exampleConfigText(): string {
  return `${JSON.stringify(EXAMPLE_CONFIG, null, 2)}\n`;
}
