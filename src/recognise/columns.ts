import { fold } from './normalise.js';

/** Canonical count columns, in the order of the membership balance and of the tables. */
export const COUNT_COLUMNS = [
  'membersStart', 'admitted', 'transferredIn', 'reinstated', 'transferredOut', 'deceased', 'expelled', 'removed', 'resigned',
  'members', 'cells', 'probationary', 'women',
  'membersHTXSNV', 'membersHTTNV', 'membersHTNV', 'membersKHTNV', 'membersNotRated', 'membersExempt',
  // "Số ĐV HTTNV trở lên": HTXSNV and HTTNV together, the base of the member quota; with no HTTNV column, HTTNV is it
  // less the HTXSNV.
  'membersGoodOrBetter',
] as const;
export const TEXT_COLUMNS = ['code', 'name', 'type', 'parent', 'sector', 'period', 'rating'] as const;

export type CountColumn = (typeof COUNT_COLUMNS)[number];
export type TextColumn = (typeof TEXT_COLUMNS)[number];
export type ColumnId = CountColumn | TextColumn;

const COUNT_SET: ReadonlySet<string> = new Set(COUNT_COLUMNS);
export function isCountColumn(id: ColumnId): id is CountColumn {
  return COUNT_SET.has(id);
}

export const REQUIRED_COLUMNS = ['name', 'members'] as const satisfies readonly ColumnId[];

/** The label a user recognises, used in messages. */
export const COLUMN_LABELS: Record<ColumnId, string> = {
  code: 'Mã đơn vị', name: 'Tên tổ chức cơ sở đảng', type: 'Loại hình', parent: 'Trực thuộc', sector: 'Lĩnh vực',
  period: 'Năm', rating: 'Xếp loại tổ chức',
  membersStart: 'Đảng viên đầu kỳ', admitted: 'Kết nạp', transferredIn: 'Chuyển đến', reinstated: 'Phục hồi đảng tịch', transferredOut: 'Chuyển đi',
  deceased: 'Từ trần', expelled: 'Khai trừ', removed: 'Xóa tên', resigned: 'Xin ra khỏi Đảng',
  members: 'Tổng số đảng viên', cells: 'Số chi bộ trực thuộc', probationary: 'Đảng viên dự bị', women: 'Đảng viên nữ',
  membersHTXSNV: 'ĐV hoàn thành xuất sắc nhiệm vụ', membersHTTNV: 'ĐV hoàn thành tốt nhiệm vụ',
  membersHTNV: 'ĐV hoàn thành nhiệm vụ', membersKHTNV: 'ĐV không hoàn thành nhiệm vụ',
  membersNotRated: 'ĐV chưa xếp loại', membersExempt: 'ĐV miễn đánh giá', membersGoodOrBetter: 'ĐV hoàn thành tốt nhiệm vụ trở lên',
};

/**
 * Header aliases, written as people write them; they are folded (see `fold`) before use, so case,
 * diacritics, đ/d and punctuation do not matter here. A header matches when its folded text equals an alias,
 * after leading "Trong đó", "Chia ra", "Số", "Số lượng" and outline numbers are taken off.
 */
const ALIASES: Record<ColumnId, readonly string[]> = {
  code: ['Mã đơn vị', 'Mã', 'Mã TCCSĐ', 'Mã tổ chức', 'Mã tổ chức đảng', 'Mã số', 'Mã đv', 'Mã cơ sở', 'Mã tổ chức cơ sở đảng', 'Mã chi bộ', 'Mã đảng bộ'],
  name: ['Tên tổ chức cơ sở đảng', 'Tên đơn vị', 'Đơn vị', 'Tên tổ chức', 'Tên tổ chức đảng', 'Tên TCCSĐ', 'TCCSĐ',
    'Tổ chức cơ sở đảng', 'Tên cơ sở đảng', 'Cơ sở đảng', 'Tên chi bộ, đảng bộ', 'Chi bộ, đảng bộ', 'Tên chi bộ', 'Tên',
    'Tổ chức đảng', 'Tên đảng bộ, chi bộ', 'Đảng bộ, chi bộ', 'Tên cơ sở', 'Đơn vị báo cáo', 'Tên đảng bộ', 'Tên cơ quan',
    'Tên cơ quan, đơn vị', 'Cơ quan, đơn vị', 'Tên đơn vị, cơ quan', 'Tên cơ quan, đơn vị, doanh nghiệp', 'Tên doanh nghiệp',
    'Đơn vị, doanh nghiệp', 'Tên tổ chức cơ sở đảng trực thuộc', 'Tổ chức cơ sở đảng trực thuộc'],
  type: ['Loại hình', 'Loại tổ chức', 'Loại TCĐ', 'Loại TC', 'Loại hình TCĐ', 'Loại TCCS', 'Loại hình tổ chức', 'Loại hình tổ chức đảng', 'Loại TCCSĐ', 'Loại hình TCCSĐ', 'Loại', 'Cấp tổ chức'],
  parent: ['Trực thuộc', 'Mã cấp trên', 'Cấp trên', 'Trực thuộc đảng bộ', 'Mã đảng bộ cấp trên', 'Đảng bộ cấp trên', 'Thuộc'],
  sector: ['Lĩnh vực', 'Khối', 'Loại đơn vị', 'Loại hình đơn vị', 'Loại hình cơ sở', 'Loại cơ sở', 'Ngành', 'Lĩnh vực hoạt động'],
  period: ['Năm', 'Kỳ báo cáo', 'Kỳ', 'Năm báo cáo', 'Thời gian báo cáo'],
  rating: ['Xếp loại', 'Xếp loại tổ chức', 'Kết quả xếp loại', 'Xếp loại chất lượng', 'Xếp loại TCCSĐ',
    'Xếp loại tổ chức đảng', 'Xếp loại chất lượng tổ chức đảng', 'Kết quả đánh giá xếp loại', 'Kết quả đánh giá, xếp loại',
    'Đánh giá xếp loại', 'Đánh giá, xếp loại', 'Xếp loại chất lượng TCCSĐ', 'Kết quả xếp loại tổ chức', 'Mức xếp loại',
    'Xếp loại tổ chức cơ sở đảng', 'Tự xếp loại', 'Đảng ủy Khối xếp loại', 'Xếp loại năm'],
  membersStart: ['Đảng viên đầu kỳ', 'Tổng số ĐV đầu năm', 'Đầu kỳ', 'Đầu năm', 'ĐV đầu kỳ', 'ĐV đầu năm', 'Đảng viên đầu năm',
    'Tổng số đảng viên đầu kỳ', 'Tổng số đảng viên đầu năm', 'Số đảng viên đầu kỳ', 'Số ĐV đầu kỳ', 'Số đảng viên đầu năm',
    'Tổng số đảng viên cuối kỳ trước chuyển sang', 'Đảng viên cuối kỳ trước chuyển sang', 'Cuối kỳ trước chuyển sang',
    'Đảng viên trong danh sách có đến đầu kỳ báo cáo', 'Có đến đầu kỳ'],
  admitted: ['Kết nạp', 'Kết nạp đảng viên mới', 'Kết nạp mới', 'Số kết nạp', 'ĐV kết nạp', 'Đảng viên kết nạp',
    'Đảng viên mới kết nạp', 'Kết nạp đảng viên', 'Kết nạp ĐV', 'Kết nạp ĐV mới', 'ĐV mới kết nạp', 'Mới kết nạp',
    'Số đảng viên mới kết nạp', 'Số đảng viên được kết nạp', 'Đảng viên được kết nạp', 'Kết nạp vào Đảng'],
  transferredIn: ['Chuyển đến', 'Chuyển sinh hoạt đến', 'Chuyển SH đến', 'ĐV chuyển đến', 'Đảng viên chuyển đến', 'Nhận chuyển đến', 'Chuyển sinh hoạt đảng đến'],
  reinstated: ['Phục hồi đảng tịch', 'Phục hồi', 'Khôi phục đảng tịch', 'ĐV phục hồi đảng tịch', 'Đảng viên phục hồi đảng tịch'],
  transferredOut: ['Chuyển đi', 'Chuyển sinh hoạt đi', 'Chuyển SH đi', 'ĐV chuyển đi', 'Đảng viên chuyển đi', 'Chuyển sinh hoạt đảng đi'],
  deceased: ['Từ trần', 'Chết', 'Qua đời', 'ĐV từ trần', 'Đảng viên từ trần'],
  expelled: ['Khai trừ', 'Bị khai trừ', 'Khai trừ khỏi Đảng', 'ĐV bị khai trừ'],
  removed: ['Xóa tên', 'Xoá tên', 'Xóa tên khỏi danh sách', 'Xóa tên đảng viên', 'Bị xóa tên'],
  resigned: ['Xin ra khỏi Đảng', 'Cho ra khỏi Đảng', 'Ra khỏi Đảng', 'Xin ra Đảng', 'Xin ra', 'Cho ra', 'Xin ra khỏi đảng, cho ra khỏi đảng'],
  members: ['Tổng số đảng viên', 'Đảng viên cuối kỳ', 'Số ĐV', 'Tổng số ĐV', 'Số đảng viên', 'Đảng viên', 'ĐV',
    'Tổng số đảng viên cuối kỳ', 'Tổng số đảng viên cuối năm', 'Đảng viên cuối năm', 'ĐV cuối kỳ', 'ĐV cuối năm', 'Cuối kỳ', 'Cuối năm',
    'Đảng viên trong danh sách cuối kỳ báo cáo', 'Tổng số đảng viên hiện có', 'Đảng viên hiện có', 'Số đảng viên hiện có',
    'Tổng đảng viên', 'Tổng số Đ.viên', 'TS ĐV', 'TS đảng viên', 'Tổng ĐV', 'SL đảng viên', 'SL ĐV', 'Số lượng đảng viên', 'Số lượng ĐV', 'Tổng số ĐV cuối năm', 'Tổng số ĐV cuối kỳ', 'ĐV hiện có', 'Tổng số ĐV hiện có', 'Số ĐV hiện có', 'Tổng số', 'Đảng viên có đến cuối kỳ báo cáo', 'Có đến cuối kỳ'],
  cells: ['Số chi bộ trực thuộc', 'Chi bộ trực thuộc', 'Số CBTT', 'CBTT', 'Số chi bộ', 'Tổng số chi bộ trực thuộc', 'Số chi bộ TT', 'Chi bộ TT', 'SL chi bộ trực thuộc'],
  probationary: ['Đảng viên dự bị', 'Dự bị', 'ĐV dự bị', 'Số đảng viên dự bị', 'Số ĐV dự bị'],
  women: ['Nữ', 'Đảng viên nữ', 'ĐV nữ', 'Số đảng viên nữ', 'Số ĐV nữ'],
  membersHTXSNV: ['ĐV HTXSNV', 'Đảng viên HTXSNV', 'Đảng viên hoàn thành xuất sắc nhiệm vụ', 'ĐV hoàn thành xuất sắc nhiệm vụ',
    'Đảng viên đủ tư cách hoàn thành xuất sắc nhiệm vụ'],
  membersHTTNV: ['ĐV HTTNV', 'Đảng viên HTTNV', 'Đảng viên hoàn thành tốt nhiệm vụ', 'ĐV hoàn thành tốt nhiệm vụ',
    'Đảng viên đủ tư cách hoàn thành tốt nhiệm vụ'],
  membersHTNV: ['ĐV HTNV', 'Đảng viên HTNV', 'Đảng viên hoàn thành nhiệm vụ', 'ĐV hoàn thành nhiệm vụ',
    'Đảng viên đủ tư cách hoàn thành nhiệm vụ'],
  membersKHTNV: ['ĐV KHTNV', 'Đảng viên KHTNV', 'Đảng viên không hoàn thành nhiệm vụ', 'ĐV không hoàn thành nhiệm vụ',
    'Đảng viên vi phạm tư cách', 'ĐV vi phạm tư cách'],
  membersNotRated: ['Không xếp loại', 'Chưa đánh giá', 'Chưa đánh giá xếp loại', 'Chưa đánh giá, xếp loại', 'ĐV không xếp loại',
    'ĐV chưa xếp loại', 'Chưa xếp loại', 'Đảng viên chưa đánh giá', 'Đảng viên không xếp loại', 'Đảng viên chưa được đánh giá chất lượng',
    'Chưa được đánh giá', 'ĐV chưa đánh giá', 'Không đánh giá xếp loại', 'Đảng viên chưa xếp loại'],
  membersExempt: ['Miễn đánh giá', 'ĐV miễn đánh giá', 'Đảng viên miễn đánh giá', 'Được miễn đánh giá', 'Được miễn công tác và sinh hoạt đảng',
    'Được miễn công tác, miễn sinh hoạt Đảng', 'Miễn công tác và sinh hoạt đảng', 'Đảng viên được miễn đánh giá chất lượng',
    'Được miễn đánh giá chất lượng', 'Miễn sinh hoạt'],
  membersGoodOrBetter: ['ĐV HTTNV trở lên', 'Đảng viên HTTNV trở lên', 'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
    'ĐV hoàn thành tốt nhiệm vụ trở lên', 'ĐV HT tốt trở lên', 'ĐV hoàn thành tốt trở lên', 'ĐV đạt HTTNV trở lên',
    'Đảng viên đạt hoàn thành tốt nhiệm vụ trở lên', 'ĐV xếp loại HTTNV trở lên', 'Đảng viên được xếp loại HTTNV trở lên'],
};

/** English headers, as the units of foreign-owned companies sometimes write them: matched, listed last. */
const ENGLISH: Partial<Record<ColumnId, readonly string[]>> = {
  code: ['Code', 'Unit code'],
  name: ['Name', 'Party organisation', 'Party organization', 'Organisation', 'Organization', 'Unit', 'Unit name'],
  type: ['Type', 'Organisation type', 'Organization type'],
  parent: ['Parent', 'Parent code'],
  sector: ['Sector'],
  period: ['Year', 'Period'],
  rating: ['Rating', 'Organisation rating', 'Organization rating'],
  membersStart: ['Members at start', 'Members at the start'],
  admitted: ['Admitted', 'New members'],
  transferredIn: ['Transferred in'],
  transferredOut: ['Transferred out'],
  deceased: ['Deaths', 'Deceased'],
  expelled: ['Expelled'],
  removed: ['Removed'],
  resigned: ['Resigned'],
  members: ['Members', 'Members at end', 'Members at the end', 'Total members'],
  probationary: ['Probationary', 'Probationary members'],
  women: ['Women', 'Female', 'Women members'],
  membersGoodOrBetter: ['Members good or better', 'Members rated good or better'],
};

/** Folded alias → column id. Built once; a collision between two ids is a bug caught by the tests. */
export const ALIAS_INDEX: ReadonlyMap<string, ColumnId> = (() => {
  const index = new Map<string, ColumnId>();
  for (const id of Object.keys(ALIASES) as ColumnId[]) {
    for (const alias of aliasesOf(id)) index.set(fold(alias), id);
  }
  return index;
})();

/** The spellings of a column, the Vietnamese ones first (messages quote the first few). */
export function aliasesOf(id: ColumnId): readonly string[] {
  return [...ALIASES[id], ...(ENGLISH[id] ?? [])];
}
