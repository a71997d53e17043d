import type { RawSheet } from '../read/types.js';
import { cellText, cleanText, fold } from './normalise.js';
import { LABEL_HEAD } from './patterns.js';

/**
 * The unit named in the title block of its own report: the lowest line that names a chi bộ or đảng bộ other than
 * the bloc itself ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH" above "CHI BỘ TRƯỜNG CAO ĐẲNG Y TẾ"), written as a name.
 */
export function unitNameFromTitle(sheet: RawSheet, top: number): string | undefined {
  let found: string | undefined;
  for (let r = 0; r < top; r++) {
    for (const cell of sheet.rows[r] ?? []) {
      const text = cleanText(cellText(cell)).replace(/^[*\s]+|[*\s]+$/g, '');
      const f = fold(text);
      if (!/^(chi bo|dang bo|dang uy)\s\S/.test(f) || /^dang (bo|uy) (khoi|tinh|thanh pho|huyen|quan|thi xa)\b/.test(f) || f.split(' ').length > 14) continue;
      if (/\b(bao cao|nam \d{4}|ket qua|danh sach|tong hop)\b/.test(f)) continue;
      found = text === text.toUpperCase() ? titleCase(text) : text;
    }
  }
  return found;
}

/** "CHI BỘ TRƯỜNG CAO ĐẲNG Y TẾ" → "Chi bộ Trường Cao Đẳng Y Tế": the first word lower-cased after the first. */
function titleCase(text: string): string {
  const words = text.toLocaleLowerCase('vi').split(' ');
  return words.map((w, i) => (i === 1 && (words[0] === 'chi' || words[0] === 'đảng') ? w : (w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)))).join(' ');
}

/** The period named in the title rows ("BÁO CÁO … NĂM 2023", "6 tháng đầu năm 2024"). */
export function periodFromTitle(sheet: RawSheet, top: number): string | undefined {
  for (let r = 0; r < top; r++) {
    for (const cell of sheet.rows[r] ?? []) {
      const t = fold(cellText(cell));
      // Part of a year first: "6 tháng đầu năm 2024", "quý II năm 2024"; then the year, or a term "2020 – 2025".
      const half = /\b(\d{1,2}) thang (dau|cuoi) nam (\d{4})\b/.exec(t);
      if (half) return `${half[1]} tháng ${half[2] === 'dau' ? 'đầu' : 'cuối'} năm ${half[3]}`;
      const quarter = /\bquy ([ivx]+|[1-4]) nam (\d{4})\b/.exec(t);
      if (quarter?.[1]) return `Quý ${quarter[1].toUpperCase()} năm ${quarter[2]}`;
      const m = /\bnam (\d{4})\b/.exec(t) ?? /\b(?:nhiem ky|giai doan) (\d{4} \d{4})\b/.exec(t);
      if (m?.[1]) return m[1].replace(' ', '–');
    }
  }
  return undefined;
}

/** The title block's lines, folded (their first characters): the bloc's own name among them tells its total line. */
export function titleLines(sheet: RawSheet, top: number): Set<string> {
  const lines = new Set<string>();
  for (let r = 0; r < top; r++) {
    for (const v of sheet.rows[r] ?? []) if (typeof v === 'string' && v.trim() !== '') lines.add(fold(v.length > LABEL_HEAD ? v.slice(0, LABEL_HEAD) : v));
  }
  return lines;
}
