import type { CellValue } from '../read/types.js';
import { cellText } from './normalise.js';
import { parseRating, RATING_LEVELS, type RatingLevel } from './vocabulary.js';

/** What a code in the rating column stands for: a level, or "not rated". */
export type CodedRating = RatingLevel | 'unrated';

/**
 * Ratings written as codes ("1"…"4", "A"…"D") and what they stand for: by a legend in the sheet ("Ghi chú: 1 -
 * Hoàn thành xuất sắc nhiệm vụ; 2 - …", a line above the table, a footnote), or, with none, by the order of the four
 * levels (1 = HTXSNV … 4 = KHTNV, A likewise), which the verbose output then says was assumed.
 */
export interface RatingCodes {
  readonly codes: ReadonlyMap<string, CodedRating>;
  /** A legend's place (0-based row and column) and text, or the order of the levels. */
  readonly from: { readonly kind: 'legend'; readonly row: number; readonly col: number } | { readonly kind: 'order' };
}

/** A rating cell that is a code: a number ("2", "2.") or one letter ("B"); undefined for anything else. */
export function ratingCode(text: string): string | undefined {
  const t = text.trim().replace(/[.)]$/, '');
  if (/^\d{1,2}$/.test(t)) return String(Number(t));
  // "X" is a placeholder (not applicable), not a code.
  if (/^[A-WYZa-wyz]$/.test(t)) return t.toUpperCase();
  return undefined;
}

/** A code and its separator in a legend: "1 - ", "2: ", "3 = ", "4. ", "A) ", never the "c:" ending "tổ chức:". */
const MARKER = /(?<![\p{L}\p{N}])([1-9]|[A-H])\s*(?:[:=)–—-]|\.(?!\d))/gu;

/** A legend's label as a rating: "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV", "Hoàn thành tốt nhiệm vụ (HTTNV)". */
function levelOf(label: string): CodedRating | undefined {
  const tries = [label, label.replace(/\([^)]*\)/g, ' ').trim(), /\(([^)]*)\)/.exec(label)?.[1] ?? ''];
  for (const t of tries) {
    if (t === '') continue;
    const p = parseRating(t, 'current');
    if (p.kind === 'level') return p.level;
    // A blank label parses as "not rated": only words saying so count.
    if (p.kind === 'unrated') return 'unrated';
  }
  return undefined;
}

/** A legend's label without the punctuation around it; a closing bracket only when it closes nothing in it. */
function trimLabel(raw: string): string {
  let t = raw.replace(/^[\s;,.:)(*]+/, '');
  for (;;) {
    const next = t.replace(/[\s;,.:*]+$/, '');
    const cut = next.endsWith(')') && !next.includes('(') ? next.slice(0, -1) : next;
    if (cut === t) return t;
    t = cut;
  }
}

/** The code → rating pairs a text states, when it is a legend: two or more codes of one kind, each a distinct rating. */
export function legendOf(text: string): Map<string, CodedRating> | undefined {
  if (text.length < 8) return undefined;
  const marks = [...text.matchAll(MARKER)];
  if (marks.length < 2) return undefined;
  const pairs = new Map<string, CodedRating>();
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i] as RegExpExecArray;
    const end = marks[i + 1]?.index ?? text.length;
    const label = trimLabel(text.slice((m.index ?? 0) + m[0].length, end));
    const level = levelOf(label);
    const code = m[1] as string;
    if (level === undefined) continue;
    if (pairs.has(code) || [...pairs.values()].includes(level)) return undefined;
    pairs.set(code, level);
  }
  const codes = [...pairs.keys()];
  const oneKind = codes.every((c) => /\d/.test(c)) || codes.every((c) => /[A-Z]/.test(c));
  return pairs.size >= 2 && oneKind ? pairs : undefined;
}

/** Every legend in the rows, with its place. */
export function findLegends(rows: readonly (readonly CellValue[])[]): { row: number; col: number; codes: Map<string, CodedRating> }[] {
  const out: { row: number; col: number; codes: Map<string, CodedRating> }[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string' || v.length < 8) continue;
      const codes = legendOf(cellText(v));
      if (codes) out.push({ row: r, col: c, codes });
    }
  }
  return out;
}

/** The order of the four levels, for codes with no legend: 1 = HTXSNV … 4 = KHTNV, A = HTXSNV … D = KHTNV. */
export const ORDER_CODES: ReadonlyMap<string, CodedRating> = new Map(
  RATING_LEVELS.flatMap((level, i) => [[String(i + 1), level], [String.fromCharCode(65 + i), level]] as [string, CodedRating][]),
);

/** "1 = HTXSNV, 2 = HTTNV, …": the pairs of a legend (or of the order, of the kind the column uses), for words. */
export function describeCodes(codes: ReadonlyMap<string, CodedRating>, kind?: 'digits' | 'letters'): string {
  const shown = [...codes].filter(([c]) => kind === undefined || (kind === 'digits') === /\d/.test(c));
  return shown.map(([c, level]) => `${c} = ${level === 'unrated' ? 'chưa xếp loại' : level}`).join(', ');
}
