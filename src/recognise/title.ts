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

/** Where the period of a report was read: its title, an "as of" date, or the date it was signed. */
export interface TitlePeriod {
  readonly period: string;
  readonly from: 'title' | 'as-of' | 'dateline';
  /** The line it was read from (for the note when it is not the title), and its 0-based row and column. */
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

/** "…, ngày 15 tháng 01 năm 2024" (folded; day and month may be left blank in a template). */
const DATELINE = /\bngay(?: (\d{1,2}))? thang(?: (\d{1,2}))? nam (\d{4})\b/;
/** "(Số liệu tính đến ngày 15/12/2023)", "đến 31/12/2023" (folded: the slashes are spaces). */
const AS_OF = /\b(?:tinh )?den (?:ngay )?\d{1,2} \d{1,2} (\d{4})\b/;

/** A period a title line names: part of a year, a year, or a term. */
function periodIn(t: string): string | undefined {
  // Part of a year first: "6 tháng đầu năm 2024", "quý II năm 2024"; then the year, or a term "2020 – 2025".
  const half = /\b(\d{1,2}) thang (dau|cuoi) nam (\d{4})\b/.exec(t);
  if (half) return `${half[1]} tháng ${half[2] === 'dau' ? 'đầu' : 'cuối'} năm ${half[3]}`;
  const quarter = /\bquy ([ivx]+|[1-4]) nam (\d{4})\b/.exec(t);
  if (quarter?.[1]) return `Quý ${quarter[1].toUpperCase()} năm ${quarter[2]}`;
  const m = /\bnam (\d{4})\b/.exec(t) ?? /\b(?:nhiem ky|giai doan) (\d{4} \d{4})\b/.exec(t);
  return m?.[1] ? m[1].replace(' ', '–') : undefined;
}

/**
 * The period of the report from its title block ("BÁO CÁO … NĂM 2023", "6 tháng đầu năm 2024"). A year-end report
 * is signed in the next year ("Mỹ Tho, ngày 15 tháng 01 năm 2024" beside "BÁO CÁO … NĂM 2023"): the place-and-date
 * line never names the period when a title does. With no year in the title, an "as of" date gives it; with only
 * the date of signing, a report signed in the first quarter is taken as the year before (year-end reports are
 * signed in January), a later one as its own year, and the note says so.
 */
export function titlePeriod(sheet: RawSheet, top: number): TitlePeriod | undefined {
  let dateline: { year: number; month: number | undefined; text: string; row: number; col: number } | undefined;
  let asOf: TitlePeriod | undefined;
  for (let r = 0; r < top; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      const t = fold(text);
      if (t === '') continue;
      const d = DATELINE.exec(t);
      if (d?.[3]) {
        dateline ??= { year: Number(d[3]), month: d[2] !== undefined ? Number(d[2]) : undefined, text, row: r, col: c };
        // The rest of the line may still be a title ("BÁO CÁO NĂM 2023 … ngày 10 tháng 01 năm 2024").
        const rest = t.replace(DATELINE, ' ');
        const p = periodIn(rest);
        if (p) return { period: p, from: 'title', text, row: r, col: c };
        continue;
      }
      const p = periodIn(t);
      if (p) return { period: p, from: 'title', text, row: r, col: c };
      const a = AS_OF.exec(t);
      if (a?.[1] && !asOf) asOf = { period: a[1], from: 'as-of', text, row: r, col: c };
    }
  }
  if (asOf) return asOf;
  if (!dateline) return undefined;
  const early = dateline.month !== undefined && dateline.month <= 3;
  return { period: String(early ? dateline.year - 1 : dateline.year), from: 'dateline', text: dateline.text, row: dateline.row, col: dateline.col };
}

/** The title block's lines, folded (their first characters): the bloc's own name among them tells its total line. */
export function titleLines(sheet: RawSheet, top: number): Set<string> {
  const lines = new Set<string>();
  for (let r = 0; r < top; r++) {
    for (const v of sheet.rows[r] ?? []) if (typeof v === 'string' && v.trim() !== '') lines.add(fold(v.length > LABEL_HEAD ? v.slice(0, LABEL_HEAD) : v));
  }
  return lines;
}
