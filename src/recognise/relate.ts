import { isCountColumn } from './columns.js';
import type { HeaderColumn } from './column-kind.js';
import { TOTAL_LEAF } from './meaning.js';
import { fold } from './normalise.js';

const SUBSET_WORD = /^(trong do|trong so|tr do|trdo)\b/;
const PART_WORD = /^(chia ra|chia theo|bao gom|gom)\b/;
/** A Biểu 1 group of movements: "B - Tăng", "B - Đảng viên tăng trong kỳ", "C - Giảm", "Đảng viên giảm trong năm". */
const MOVEMENT_GROUP = /^(?:[a-g] )?(?:so )?(?:dang vien |dv )?(?:tang|giam)(?: trong (?:ky|nam|ky bao cao))?$/;

/**
 * Find the whole of each "Trong đó" and "Chia ra" column. Under a merged parent, the whole is the parent's
 * "Tổng số" column ("Chuyển đến › Tổng số | Chia ra: Tỉnh khác | Huyện khác"; "Số TCCSĐ › Tổng số | Chia ra ›
 * ĐBCS | CBCS"). A flat "Trong đó: Nữ" (or a "Trong đó" parent over several columns) is a piece of the column to
 * its left: under the members it is the members' women, as the canonical columns say; under another count
 * ("Kết nạp | Trong đó: Nữ") it is that count's subset, an indicator named after both, never the members' women.
 */
export function relateColumns(columns: readonly HeaderColumn[]): HeaderColumn[] {
  const folded = columns.map((c) => c.path.map((p) => fold(p)));
  const out = columns.map((c) => ({ ...c }));
  const skip = (c: HeaderColumn): boolean => c.meaning.kind === 'percent' || c.meaning.kind === 'stt';
  const samePrefix = (a: readonly string[], b: readonly string[], k: number): boolean => {
    for (let i = 0; i < k; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  for (let i = 0; i < out.length; i++) {
    const col = out[i];
    const path = folded[i];
    if (!col || !path || skip(col)) continue;
    const head = path[0] ?? '';
    // A flat piece: "Trong đó: Nữ", "Chia ra: ...", or such a word as the top of a merged group.
    if (SUBSET_WORD.test(head) || PART_WORD.test(head)) {
      let w = i - 1;
      while (w >= 0 && (skip(out[w] as HeaderColumn) || SUBSET_WORD.test(folded[w]?.[0] ?? '') || PART_WORD.test(folded[w]?.[0] ?? ''))) w--;
      const whole = out[w];
      if (!whole || (whole.meaning.kind !== 'canonical' && whole.meaning.kind !== 'other' && whole.meaning.kind !== 'derived')) continue;
      if (whole.meaning.kind === 'canonical' && !isCountColumn(whole.meaning.id)) continue;
      // Under the members, the canonical columns (women, probationary, ...) have rules of their own.
      if (whole.meaning.kind === 'canonical' && whole.meaning.id === 'members') continue;
      // "Số ĐV HTTNV trở lên | Trong đó: HTXSNV": the excellent members themselves, a subset of the good or better.
      const excellentOfGood = whole.meaning.kind === 'canonical' && whole.meaning.id === 'membersGoodOrBetter'
        && col.meaning.kind === 'canonical' && col.meaning.id === 'membersHTXSNV';
      if (col.meaning.kind === 'canonical' && !excellentOfGood) {
        col.meaning = { kind: 'other' };
        col.label = `${whole.label} › ${col.label}`;
      }
      col.within = { whole: whole.index, how: PART_WORD.test(head) ? 'part' : 'subset' };
      continue;
    }
    // Under a merged parent: the nearest ancestor group with a "Tổng số" column of its own.
    if (path.length < 2 || TOTAL_LEAF.has(path.at(-1) ?? '')) continue;
    let how: 'subset' | 'part' = 'subset';
    for (let k = path.length - 1; k >= 1; k--) {
      const above = path[k - 1] ?? '';
      const w = out.findIndex((c, j) => j !== i && folded[j]?.length === k + 1 && samePrefix(folded[j] ?? [], path, k)
        && TOTAL_LEAF.has(folded[j]?.[k] ?? '') && !skip(c));
      if (w >= 0) {
        // "Chia ra" as the leaf's own prefix, on an earlier sibling's ("Chia ra: Tỉnh khác | Huyện khác"), or above.
        const siblings = folded.filter((f, j) => j > w && j <= i && f.length === path.length && samePrefix(f, path, k));
        if (siblings.some((f) => PART_WORD.test(f[k] ?? ''))) how = 'part';
        // "B - Đảng viên tăng trong kỳ › Tổng số | Kết nạp | Chuyển đến" (Biểu 1): the increase is its kinds, the
        // decrease its kinds, with or without "Chia ra" (B = 1+2+3, C = 1+…+5); a "Trong đó" among them stays a subset.
        else if (MOVEMENT_GROUP.test(path[k - 1] ?? '') && !SUBSET_WORD.test(path.at(-1) ?? '')) how = 'part';
        col.within = { whole: (out[w] as HeaderColumn).index, how };
        break;
      }
      if (PART_WORD.test(above)) how = 'part';
      else if (!SUBSET_WORD.test(above)) break;
    }
  }
  return out;
}
