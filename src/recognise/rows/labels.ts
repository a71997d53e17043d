import type { CellValue } from '../../read/types.js';
import type { HeaderColumn } from '../header.js';
import { cellText, fold } from '../normalise.js';
import { GROUP_MARK, GROUP_MARK_FOLDED, GROUP_WORDS, NON_ASCII, NOT_TOTAL, NUMBERING_TOKEN, OUTLINE, TOTAL, UNIT_NAME } from '../patterns.js';
import type { OrgType } from '../vocabulary.js';

/** What the labels of rows say, apart from any one kind of row: shared by the kinds and the column reading. */

export function isEmptyRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}

/** "Tổng cộng", "Cộng", "Toàn khối" — and not "Công ty …", "Tổng công ty …". */
export function isTotalLabel(label: string, folded: () => string): boolean {
  // Every total label starts with t or c ("Tổng", "Cộng", "Toàn"): most unit names are ruled out at once.
  const first = label.charCodeAt(0) | 0x20;
  if (first !== 0x74 && first !== 0x63) return false;
  const raw = label.toLowerCase();
  if (NON_ASCII.test(raw)) return !NOT_TOTAL.test(raw) && TOTAL.marked.test(raw);
  return !NOT_TOTAL.test(folded()) && TOTAL.plain.test(folded());
}

/**
 * A row with a label and no figures heads a group: "I. ĐẢNG BỘ CƠ SỞ", "A. Khối doanh nghiệp", "KHỐI CƠ QUAN".
 * Without an outline marker, a label that reads like a unit's name ("Đảng bộ Sở Tài chính") is a unit row
 * with its figures missing, not a group.
 */
export function isGroupHeading(label: string, folded: string): boolean {
  if (OUTLINE.test(label)) return true;
  if (UNIT_NAME.test(folded)) return false;
  return (label === label.toUpperCase() && /\p{L}/u.test(label)) || GROUP_WORDS.test(folded);
}

/**
 * A group heading that also carries figures: a roman numeral or a capital letter ("I.", "B)") before a label
 * that names a group ("ĐẢNG BỘ CƠ SỞ", "Khối doanh nghiệp"), not a unit ("I. Đảng bộ Sở Tài chính").
 */
export function isGroupTotalRow(label: string, folded: () => string): boolean {
  const m = GROUP_MARK.exec(label);
  if (!m?.[1]) return false;
  const text = m[1];
  const rest = folded().replace(GROUP_MARK_FOLDED, '');
  if (UNIT_NAME.test(rest)) return false;
  return (text === text.toUpperCase() && /\p{L}/u.test(text)) || GROUP_WORDS.test(rest);
}

/** The type of the units a group heading names ("I. ĐẢNG BỘ CƠ SỞ" → đảng bộ cơ sở), if it names one. */
export function groupType(label: string): OrgType | undefined {
  const f = fold(label);
  if (/\bdang bo bo phan\b/.test(f)) return 'dang_bo_bo_phan';
  if (/\bchi bo truc thuoc\b/.test(f)) return 'chi_bo_truc_thuoc';
  if (/\b(dang bo co so|cac dang bo|dang bo)\b/.test(f)) return 'dang_bo_co_so';
  if (/\b(chi bo co so|cac chi bo|chi bo)\b/.test(f)) return 'chi_bo_co_so';
  return undefined;
}

/** The numbering row under a header: "(1) (2) (3)", "1 2 3", "A B 1 2", numbers running upward. */
export function isNumberingRow(row: readonly CellValue[], columns: readonly HeaderColumn[]): boolean {
  let tokens = 0;
  let others = 0;
  for (const col of columns) {
    const v = row[col.index];
    if (v === null || v === undefined) continue;
    const t = cellText(v);
    if (t === '') continue;
    if (NUMBERING_TOKEN.test(t)) tokens++;
    else others++;
  }
  if (tokens < 3 || others > 0) return false;
  // Numbers must run upward, as column numbers do: 1 2 3 … or (1) (2) (3) …
  const nums = columns.map((c) => /\d+/.exec(cellText(row[c.index]))?.[0]).filter((x): x is string => !!x).map(Number);
  return nums.length < 3 || nums.every((n, i) => i === 0 || n > (nums[i - 1] ?? 0));
}
