import { ALIAS_INDEX, isCountColumn, type ColumnId } from './columns.js';
import type { ColumnKind, HeaderColumn, ShareBase } from './column-kind.js';
import { fold } from './normalise.js';
import { ratingOfHeader, type RatingLevel } from './vocabulary.js';

/** A unit or a column number in brackets: "Tổng số đảng viên (người)", "Kết nạp (3)", "Số cuộc (cuộc)". */
const UNIT_NOTE = /\(\s*(?:\d{1,2}|người|nguoi|cuộc|lượt|đv|dv|đảng viên|tổ chức|đơn vị|chi bộ|đồng|triệu đồng|ng|đ\/c|đc|d\/c|dc|đồng chí|dong chi|ĐV|người\/đ\/c)\s*\)/giu;

const STT = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'thu tu', 'so tu tu', 'no']);
const COUNT_LEAF = new Set(['sl', 'so luong', 'so', 'so nguoi', 'so ts']);
export const TOTAL_LEAF = new Set(['tong so', 'tong', 'cong', 'tong cong', 'tong so dv']);
const ORG_CONTEXT = /\b(to chuc|chi bo|co so dang|tccsd|dang bo|tap the)\b/;
const MEMBER_CONTEXT = /\b(dang vien|dv)\b/;
/** A group of movements in the period: "B - Đảng viên tăng trong kỳ", "C - Giảm", "Biến động đảng viên". */
const MOVEMENT = /\b(tang|giam|bien dong)\b/;

/** Prefixes that do not change what a column is: "Trong đó:", "Chia ra:", outline numbers, "Số", "Số lượng". */
const PREFIXES = [/^(trong do|trong so|tr do|trdo|chia ra|gom|bao gom)\s+/, /^([0-9]{1,2}|[a-e])\s+/, /^(so luong|sl|so)\s+/];
/**
 * Words after a header that only say when: "Kết nạp trong năm", "Tổng số đảng viên đến 31/12/2023", "Xếp loại
 * năm 2023", "Số đảng viên (tính đến ngày 30/6/2024)". Folded, so the date's slashes are spaces.
 */
const WHEN_SUFFIX = /\s+(?:trong (?:nam|ky|ky bao cao|nam \d{4})|(?:tinh )?den (?:ngay )?\d{1,2} \d{1,2}(?: \d{2,4})?|(?:tinh )?den (?:cuoi |het )?(?:nam|ky)(?: \d{4})?|tai thoi diem(?: bao cao)?|nam \d{4}|\d{4})$/;

function variants(folded: string): string[] {
  const out = [folded];
  let current = folded;
  for (const prefix of PREFIXES) {
    const next = current.replace(prefix, '');
    if (next !== current && next !== '') {
      out.push(next);
      current = next;
    }
  }
  // The same again without a trailing "when": tried after every exact spelling.
  for (const v of [...out]) {
    const bare = v.replace(WHEN_SUFFIX, '');
    // "Năm 2023" alone is a column of that year's figures, not the period column.
    if (bare !== v && bare.includes(' ') && !out.includes(bare)) out.push(bare);
  }
  return out;
}

const COUNT_WORD = /^(?:(?:trong do|trong so|chia ra)\s+)?(?:tong so|so luong|sl|so)\s/;

function lookup(folded: string): ColumnId | undefined {
  const counted = COUNT_WORD.test(folded);
  for (const v of variants(folded)) {
    const id = ALIAS_INDEX.get(v);
    // "Số TCCSĐ", "Số chi bộ" count units: a number, never the units' name, type or parent.
    if (id && counted && !isCountColumn(id) && !COUNT_WORD.test(v) && id !== 'code') continue;
    if (id) return id;
  }
  return undefined;
}

const DATED = /^(.*?)\s+(?:(?:tinh )?den |tai |ngay |luc )*0?(\d{1,2}) 0?(\d{1,2})(?: \d{2,4})?$/;
const SIGNED = /^(?:so )?(?:tang giam|tang hoac giam|tang \/ giam|chenh lech|bien dong tang giam|tang giam so voi|so voi)\b/;
export const PLAN_LEAF = /^(?:chi tieu|ke hoach|dang ky|muc tieu|dinh muc|giao|duoc giao|chi tieu giao|chi tieu nam)\b/;
const ACTUAL_LEAF = /^(?:thuc hien|ket qua|da thuc hien|dat duoc|thuc te|ket qua thuc hien)\b/;
/** A percentage of something else than a count of the row: "Tỷ lệ % so với chỉ tiêu", "% so với cùng kỳ". */
const COMPARED_PERCENT = /\bso (?:voi|sanh)\b|\bkh\b|\bke hoach\b|\bchi tieu\b|\bcung ky\b|\bnam truoc\b/;

function isPercentHeader(raw: string, folded: string): boolean {
  return raw.includes('%') || /^(ty le|ti le|tl)\b/.test(folded) || /\b(ty le|ti le)\b/.test(folded);
}

/** The words of a percentage header that name its base: "so với tổng số ĐV", "so với đầu năm", "được đánh giá". */
const SHARE_BASES: readonly (readonly [RegExp, ShareBase])[] = [
  [/\b(?:so voi |tren )?(?:tong )?(?:so )?(?:dang vien |dv )?(?:duoc|da) (?:danh gia|xep loai|danh gia xep loai|danh gia, xep loai)\b.*$/, 'rated'],
  [/\b(?:so voi|tren) (?:tong )?(?:so )?(?:dang vien |dv )?(?:dau nam|dau ky|dau nhiem ky|nam truoc chuyen sang|ky truoc chuyen sang)\b.*$/, 'membersStart'],
  [/\b(?:so voi|tren) (?:tong so|tong|so)(?: (?:dang vien|dv))?(?: (?:cuoi nam|cuoi ky|hien co))?$/, 'members'],
  [/\b(?:so voi|tren) (?:dang vien|dv)$/, 'members'],
];
const PERCENT_WORDS = /\b(?:ty le|ti le|tl)\b|%|\(\s*\)/g;
/** "HTTNV trở lên", "hoàn thành tốt nhiệm vụ trở lên": the members good or better. */
const GOOD_OR_BETTER = /^(?:(?:so )?(?:dang vien|dv) )?(?:httnv|hoan thanh tot nhiem vu|hoan thanh tot) tro len$/;

/**
 * What a percentage header says it is a share of, and of what base. "Tỷ lệ % so với kế hoạch" or "so với cùng
 * kỳ" compares with another figure: a remark. What is left of the words, once the percentage and the base are
 * taken off, names the part ("Tỷ lệ nữ" → the women); with nothing left, the parent does ("Đảng viên nữ › TL%").
 */
function percentMeaning(path: readonly string[], leaf: string): ColumnKind {
  let rest = leaf.replace(PERCENT_WORDS, ' ').replace(/\s+/g, ' ').trim();
  let base: ShareBase | undefined;
  for (const [words, b] of SHARE_BASES) {
    const cut = rest.replace(words, '').trim();
    if (cut !== rest) {
      base = b;
      rest = cut;
      break;
    }
  }
  if (base === undefined && COMPARED_PERCENT.test(leaf)) return { kind: 'remark' };
  if (rest === '') {
    const of = path.length > 1 ? matchPath(path.slice(0, -1)) : undefined;
    return { kind: 'percent', of: of?.kind === 'canonical' ? of.id : undefined, base };
  }
  if (GOOD_OR_BETTER.test(rest)) return { kind: 'percent', of: 'goodOrBetter', base };
  const named = matchPath([rest]);
  if (named.kind === 'canonical') return { kind: 'percent', of: named.id, base };
  // A part named in words tally does not know ("Tỷ lệ đảng viên trẻ"): no share to check, and said so.
  return { kind: 'percent', of: undefined, base, unknownPart: rest };
}

const MEMBER_RATING_COLUMN: Record<RatingLevel | 'unrated', ColumnId> = {
  HTXSNV: 'membersHTXSNV', HTTNV: 'membersHTTNV', HTNV: 'membersHTNV', KHTNV: 'membersKHTNV', unrated: 'membersNotRated',
};

/** "Tên chi bộ, đảng bộ cơ sở", "Tên đơn vị (chi bộ)", "Tên tổ chức đảng trực thuộc": the unit's name. */
const UNIT_NAME_HEADER = /^ten (?:cac )?(?:to chuc|chi bo|dang bo|co so|don vi|tccsd|co quan|doanh nghiep)\b/;
const RATING_HEADER = /\b(?:xep loai|danh gia xep loai|danh gia, xep loai)\b/;
/** A rating the unit gave itself or that is only proposed: second to the one its superior decided. */
export const SELF_RATING = /\b(?:tu xep loai|tu danh gia|de nghi|du kien)\b/;
const REMARK = /^(?:ghi chu|chu thich|ly do|nguyen nhan|dia chi|so dien thoai|dien thoai|email|nguoi bao cao|nhan xet|y kien|de xuat|kien nghi|ho va ten|ho ten)\b/;
const RATED_TOTAL = /^(?:tong so |so )?(?:dang vien|dv)? ?(?:duoc|da) (?:danh gia|xep loai|danh gia xep loai|tham gia danh gia)\b/;

const MEMBER_LEVEL = /^(?:tong so |so luong |so )?(?:dang vien|dv|d v)(?: duoc| dat)?(?: xep loai| danh gia)? (.+)$/;

/** The date of a dated member count ("Tổng số ĐV 31/12/2023") as yyyymmdd, or undefined. */
export function memberDate(c: HeaderColumn): number | undefined {
  if (c.meaning.kind !== 'canonical' || (c.meaning.id !== 'members' && c.meaning.id !== 'membersStart')) return undefined;
  const m = /(\d{1,2}) (\d{1,2}) (\d{4})$/.exec(fold((c.path.at(-1) ?? '').replace(UNIT_NOTE, ' ')));
  return m ? Number(m[3]) * 10000 + Number(m[2]) * 100 + Number(m[1]) : undefined;
}

/** Decide what a column means from its header path, most specific reading first. */
export function matchPath(path: readonly string[]): ColumnKind {
  const folded = path.map((p) => fold(p.replace(UNIT_NOTE, ' ')));
  const leaf = folded.at(-1) ?? '';
  const raw = path.at(-1) ?? '';
  const parents = folded.slice(0, -1);
  if (STT.has(leaf) && parents.length === 0) return { kind: 'stt' };
  if (STT.has(leaf)) return { kind: 'stt' };
  // Where a row came from ("Nguồn số liệu › Tệp | Trang tính | Dòng", as tally's own workbook writes it): never a figure.
  if (folded.some((p) => /^nguon (so lieu|du lieu)\b/.test(p))) return { kind: 'remark' };
  // "Tổng số ĐV 01/01/2023" and "Tổng số ĐV 31/12/2023": the members at the start and at the end of the year
  // ("Số ĐV đầu năm (31/12/2022)" says the start in words: the words win).
  const dated = DATED.exec(leaf);
  if (dated?.[1] && !isPercentHeader(raw, leaf)) {
    const id = lookup(dated[1]);
    if (id === 'membersStart') return { kind: 'canonical', id };
    if (id === 'members') return { kind: 'canonical', id: dated[2] === '1' && dated[3] === '1' ? 'membersStart' : 'members' };
  }
  const share = isPercentHeader(raw, leaf) ? percentMeaning(path, leaf) : undefined;
  if (share?.kind === 'remark') return share;
  // "Tăng (+), giảm (-)", "Chênh lệch", "+/-": a difference of two figures, signed, worked out rather than added.
  if (variants(leaf).some((v) => SIGNED.test(v)) || /\+\s*\/\s*-|\(\s*\+\s*\).*\(\s*-\s*\)/.test(raw)) return { kind: 'derived' };
  if (share) return share;
  if (parents.length > 0 && COUNT_LEAF.has(leaf)) return matchPath(path.slice(0, -1));
  if (parents.length > 0 && TOTAL_LEAF.has(leaf)) {
    const parent = matchPath(path.slice(0, -1));
    if (parent.kind === 'canonical') return parent;
    // "Đảng viên cuối kỳ › Tổng số" is the members; "B - Đảng viên tăng trong kỳ › Tổng số" (Biểu 1) is the
    // admitted and transferred in together, and "C - Đảng viên giảm trong kỳ › Tổng số" the leavers: the sum of their
    // parts, never the members.
    if (parents.some((p) => MEMBER_CONTEXT.test(p) && !/xep loai|danh gia/.test(p) && !MOVEMENT.test(p))) return { kind: 'canonical', id: 'members' };
    return { kind: 'derived' };
  }
  if (parents.length > 0 && (PLAN_LEAF.test(leaf) || ACTUAL_LEAF.test(leaf))) {
    // "Kết nạp đảng viên › Chỉ tiêu | Thực hiện": what was done is the count; the plan is a figure of its own.
    const parent = matchPath(path.slice(0, -1));
    if (parent.kind === 'canonical' && isCountColumn(parent.id)) return ACTUAL_LEAF.test(leaf) ? parent : { kind: 'other' };
  }
  if (parents.length > 0) {
    const parent = matchPath(path.slice(0, -1));
    // "Số ĐV HTTNV trở lên › Tổng số | Trong đó: HTXSNV": the excellent among the good or better, the member level.
    if (parent.kind === 'canonical' && parent.id === 'membersGoodOrBetter') {
      const level = ratingOfHeader(variants(leaf).at(-1) ?? leaf);
      if (level === 'HTXSNV') return { kind: 'canonical', id: 'membersHTXSNV' };
    }
    // "Xếp loại đảng viên › HTTNV trở lên": the members good or better.
    if (GOOD_OR_BETTER.test(leaf) && parents.some((p) => MEMBER_CONTEXT.test(p))) return { kind: 'canonical', id: 'membersGoodOrBetter' };
  }
  if (parents.length > 0) {
    // Under a count other than the members ("Kết nạp", "Chuyển đến"): "Trong đó: Nữ" is a subset of it, kept as
    // an indicator (never the members' women); anything else is a part of it.
    const parent = matchPath(path.slice(0, -1));
    if (parent.kind === 'canonical' && isCountColumn(parent.id) && parent.id !== 'members') {
      return /^(trong do|trong so|tr do|trdo)\b/.test(leaf) ? { kind: 'other' } : { kind: 'part', of: parent.id };
    }
  }
  const direct = lookup(leaf);
  if (direct === 'membersExempt' || direct === 'membersNotRated') return { kind: 'canonical', id: direct };
  const rating = ratingOfHeader(variants(leaf).at(-1) ?? leaf) ?? ratingOfHeader(leaf);
  if (rating) {
    const aboutOrgs = parents.some((p) => ORG_CONTEXT.test(p)) && !parents.some((p) => MEMBER_CONTEXT.test(p));
    return aboutOrgs ? { kind: 'ratingTick', level: rating } : { kind: 'canonical', id: MEMBER_RATING_COLUMN[rating] };
  }
  // A level said of members in any spelling: "ĐV HT tốt", "Đảng viên xuất sắc", "DV KHONG HT", "Số ĐV hoàn thành".
  const ofMembers = MEMBER_LEVEL.exec(variants(leaf).at(-1) ?? leaf);
  const memberLevel = ofMembers?.[1] !== undefined ? ratingOfHeader(ofMembers[1]) : undefined;
  if (memberLevel) return { kind: 'canonical', id: MEMBER_RATING_COLUMN[memberLevel] };
  const whole = lookup(folded.join(' '));
  if (whole) return { kind: 'canonical', id: whole };
  if (folded.length > 2) {
    const lastTwo = lookup(folded.slice(-2).join(' '));
    if (lastTwo) return { kind: 'canonical', id: lastTwo };
  }
  const byLeaf = lookup(leaf);
  if (byLeaf) return { kind: 'canonical', id: byLeaf };
  if (parents.length === 0 && UNIT_NAME_HEADER.test(leaf)) return { kind: 'canonical', id: 'name' };
  if (REMARK.test(leaf)) return { kind: 'remark' };
  // "Đảng ủy Khối quyết định xếp loại", "Cấp trên xếp loại", "Chi bộ tự xếp loại": a rating of the unit itself.
  if (RATING_HEADER.test(leaf) && !MEMBER_CONTEXT.test(leaf) && !parents.some((p) => MEMBER_CONTEXT.test(p))) {
    // "Tổng số được xếp loại" counts units or members; "Xếp loại Bí thư" rates a person.
    if (COUNT_WORD.test(leaf) || /\bduoc (?:danh gia )?xep loai\b/.test(leaf)) return { kind: 'derived' };
    if (/\bxep loai (?:bi thu|pho bi thu|cap uy vien|chi uy vien|dang uy vien|ca nhan|can bo)\b/.test(leaf)) return { kind: 'remark' };
    return { kind: 'canonical', id: 'rating' };
  }
  // "Tổng số ĐV được đánh giá, xếp loại": the sum of the levels beside it, not a figure of its own.
  if (RATED_TOTAL.test(leaf) && !parents.some((p) => ORG_CONTEXT.test(p) && !MEMBER_CONTEXT.test(p))) return { kind: 'derived' };
  return { kind: 'other' };
}
