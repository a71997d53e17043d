import { fold } from './normalise.js';

export const RATING_LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const ORG_TYPES = ['dang_bo_co_so', 'chi_bo_co_so', 'chi_bo_truc_thuoc', 'dang_bo_bo_phan'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  dang_bo_co_so: 'Đảng bộ cơ sở',
  chi_bo_co_so: 'Chi bộ cơ sở',
  chi_bo_truc_thuoc: 'Chi bộ trực thuộc',
  dang_bo_bo_phan: 'Đảng bộ bộ phận',
};

export const RATING_LABELS: Record<RatingLevel, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

/** Which rating scale a label comes from: the four levels in force since 2018, or the older one. */
export type Scale = 'current' | 'pre-2018';

export type RatingParse =
  | { readonly kind: 'level'; readonly level: RatingLevel }
  | { readonly kind: 'unrated' }
  | { readonly kind: 'old-scale'; readonly level: RatingLevel }
  | { readonly kind: 'unknown' };

function table<T>(entries: readonly (readonly [string, T])[]): ReadonlyMap<string, T> {
  return new Map(entries.map(([label, value]) => [fold(label), value]));
}

const CURRENT = table<RatingLevel>([
  ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'], ['HTXSNV', 'HTXSNV'], ['HTSXNV', 'HTXSNV'], ['HT XSNV', 'HTXSNV'],
  ['Hoàn thành xuất sắc', 'HTXSNV'], ['Xuất sắc', 'HTXSNV'], ['Mức 1', 'HTXSNV'], ['XS', 'HTXSNV'],
  ['Đủ tư cách, hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'], ['HT xuất sắc NV', 'HTXSNV'], ['HT xuất sắc', 'HTXSNV'],
  ['Hoàn thành xuất sắc NV', 'HTXSNV'], ['HTXS', 'HTXSNV'], ['HT xuất sắc nhiệm vụ', 'HTXSNV'], ['HT tốt nhiệm vụ', 'HTTNV'], ['HT XS', 'HTXSNV'], ['Loại 1', 'HTXSNV'],
  ['Hoàn thành tốt nhiệm vụ', 'HTTNV'], ['HTTNV', 'HTTNV'], ['HTTTNV', 'HTTNV'], ['HT TNV', 'HTTNV'],
  ['Hoàn thành tốt', 'HTTNV'], ['Tốt', 'HTTNV'], ['Mức 2', 'HTTNV'], ['HT tốt', 'HTTNV'], ['HT tốt NV', 'HTTNV'],
  ['Đủ tư cách, hoàn thành tốt nhiệm vụ', 'HTTNV'], ['Hoàn thành tốt NV', 'HTTNV'], ['HTT', 'HTTNV'], ['HT T', 'HTTNV'], ['Loại 2', 'HTTNV'],
  ['Hoàn thành nhiệm vụ', 'HTNV'], ['HTNV', 'HTNV'], ['Hoàn thành', 'HTNV'], ['Mức 3', 'HTNV'], ['HT', 'HTNV'], ['HT NV', 'HTNV'],
  ['Đủ tư cách, hoàn thành nhiệm vụ', 'HTNV'], ['Hoàn thành NV', 'HTNV'], ['Loại 3', 'HTNV'],
  ['Không hoàn thành nhiệm vụ', 'KHTNV'], ['KHTNV', 'KHTNV'], ['Không hoàn thành', 'KHTNV'], ['Không HT', 'KHTNV'],
  ['Không HTNV', 'KHTNV'], ['Mức 4', 'KHTNV'], ['Không HT NV', 'KHTNV'], ['Không hoàn thành NV', 'KHTNV'], ['KHT', 'KHTNV'],
  ['Loại 4', 'KHTNV'],
  // As units of foreign-owned companies sometimes write them.
  ['Excellent', 'HTXSNV'], ['Good', 'HTTNV'], ['Completed', 'HTNV'], ['Not completed', 'KHTNV'],
]);

const UNRATED = new Set(['Chưa xếp loại', 'Không xếp loại', 'Chưa đánh giá', 'Chưa đánh giá, xếp loại', 'Chưa đánh giá xếp loại',
  'Không đánh giá', 'Không đánh giá xếp loại', 'Chưa được đánh giá', 'Mới thành lập', 'Mới thành lập, chưa xếp loại',
  'Miễn đánh giá', 'Không xếp loại (mới thành lập)', 'Chưa đánh giá (mới thành lập)'].map(fold));

/** The scale before Quy định 132-QĐ/TW (2018): mapped level by level when the user asks for it. */
const PRE_2018 = table<RatingLevel>([
  ['Trong sạch vững mạnh tiêu biểu', 'HTXSNV'], ['TSVM tiêu biểu', 'HTXSNV'], ['TSVMTB', 'HTXSNV'],
  ['Trong sạch vững mạnh', 'HTXSNV'], ['TSVM', 'HTXSNV'],
  ['Yếu kém', 'KHTNV'], ['Vi phạm tư cách', 'KHTNV'], ['Đảng viên vi phạm tư cách', 'KHTNV'],
]);

/** Read a rating label in any common spelling. Blank means not rated. */
export function parseRating(text: string, scale: Scale): RatingParse {
  const key = fold(text);
  if (key === '' || UNRATED.has(key)) return { kind: 'unrated' };
  const level = CURRENT.get(key);
  if (level) return { kind: 'level', level };
  const old = PRE_2018.get(key);
  if (old) return scale === 'pre-2018' ? { kind: 'level', level: old } : { kind: 'old-scale', level: old };
  // A reason or a remark in brackets after the level: "Chưa xếp loại (mới thành lập)", "HTTNV (đề nghị)".
  const bare = text.replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ').trim();
  if (bare !== text.trim() && bare !== '') return parseRating(bare, scale);
  // Words around the level: "Đạt HTTNV", "Chi bộ hoàn thành nhiệm vụ", "HTTNV, 2 năm liền",
  // "Hoàn thành tốt nhiệm vụ - Tiêu biểu"; and the level half abbreviated: "HTT nhiệm vụ".
  const trimmed = key.replace(/^(?:dat|xep loai|chi bo|dang bo|to chuc)\s+/, '');
  const cut = text.split(/\s*[,;]\s*|\s+[-–—]\s+/)[0] ?? '';
  for (const k of [trimmed, fold(cut), trimmed.replace(/\bnhiem vu\b/g, 'nv').replace(/\s+/g, '')]) {
    if (k === key || k === '') continue;
    const again = CURRENT.get(k);
    if (again) return { kind: 'level', level: again };
    if (UNRATED.has(k)) return { kind: 'unrated' };
  }
  return { kind: 'unknown' };
}

/** A header that is itself a rating level ("HTXSNV", "Hoàn thành tốt nhiệm vụ", "Mức 2"), or undefined. */
export function ratingOfHeader(folded: string): RatingLevel | 'unrated' | undefined {
  if (UNRATED.has(folded)) return 'unrated';
  return CURRENT.get(folded) ?? PRE_2018.get(folded);
}

const TYPES = table<OrgType>([
  ['Đảng bộ cơ sở', 'dang_bo_co_so'], ['ĐBCS', 'dang_bo_co_so'], ['Đảng bộ', 'dang_bo_co_so'], ['ĐB', 'dang_bo_co_so'],
  ['Đảng ủy cơ sở', 'dang_bo_co_so'], ['Đảng uỷ cơ sở', 'dang_bo_co_so'], ['ĐUCS', 'dang_bo_co_so'], ['ĐB cơ sở', 'dang_bo_co_so'],
  ['Chi bộ cơ sở', 'chi_bo_co_so'], ['CBCS', 'chi_bo_co_so'], ['Chi bộ', 'chi_bo_co_so'], ['CB', 'chi_bo_co_so'], ['CB cơ sở', 'chi_bo_co_so'],
  ['Chi bộ trực thuộc', 'chi_bo_truc_thuoc'], ['CBTT', 'chi_bo_truc_thuoc'], ['Chi bộ trực thuộc đảng ủy cơ sở', 'chi_bo_truc_thuoc'],
  ['Chi bộ trực thuộc đảng bộ cơ sở', 'chi_bo_truc_thuoc'], ['CB trực thuộc', 'chi_bo_truc_thuoc'],
  ['Đảng bộ bộ phận', 'dang_bo_bo_phan'], ['ĐBBP', 'dang_bo_bo_phan'], ['ĐB bộ phận', 'dang_bo_bo_phan'],
  ['Grassroots committee', 'dang_bo_co_so'], ['Grassroots cell', 'chi_bo_co_so'], ['Subordinate cell', 'chi_bo_truc_thuoc'],
]);

export function parseOrgType(text: string): OrgType | undefined {
  const key = fold(text);
  const exact = TYPES.get(key);
  if (exact) return exact;
  // "Chi bộ trực thuộc Đảng ủy Khối" is a cell directly under the bloc, a grassroots cell, not a CBTT.
  if (/\b(dang uy khoi|dang bo khoi|khoi)\b/.test(key)) {
    if (/^chi bo\b/.test(key)) return 'chi_bo_co_so';
    if (/^(dang bo|dang uy)\b/.test(key)) return 'dang_bo_co_so';
  }
  if (/^(chi bo truc thuoc|cbtt)\b/.test(key)) return 'chi_bo_truc_thuoc';
  if (/^(dang bo bo phan|dbbp)\b/.test(key)) return 'dang_bo_bo_phan';
  if (/^(chi bo co so|cbcs)\b/.test(key)) return 'chi_bo_co_so';
  if (/^(dang bo co so|dbcs|dang uy co so)\b/.test(key)) return 'dang_bo_co_so';
  return undefined;
}

/**
 * Infer the type from the name when there is no type column: "Đảng bộ Sở Tài chính" is a grassroots committee,
 * "Chi bộ Văn phòng …" a grassroots cell, or a subordinate cell when it names a parent.
 */
export function inferOrgType(name: string, hasParent: boolean): OrgType | undefined {
  const key = fold(name);
  if (/^(dang bo bo phan|dbbp)\b/.test(key)) return 'dang_bo_bo_phan';
  if (/^(chi bo|cb)\b/.test(key)) return hasParent ? 'chi_bo_truc_thuoc' : 'chi_bo_co_so';
  if (/^(dang bo|dang uy|db)\b/.test(key)) return hasParent ? 'dang_bo_bo_phan' : 'dang_bo_co_so';
  return undefined;
}
