import type { RawSheet } from '../../read/types.js';
import type { FormFigure, FormSum } from '../facts.js';
import { FORM_ROWS } from '../patterns.js';
import { allRows, readOutline, type OutlineRow } from './form-outline.js';
import { FORM_FOOT, titleText, unitName } from './form-title.js';
import type { Bieu7A } from './kind.js';
import { figureColumn } from './rating-form.js';

/** "ĐÁNH GIÁ CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG" (2012 Biểu 7A), "Biểu số 7A-TCTW". */
const TITLE = /\b(danh gia chat luong to chuc co so dang|danh gia xep loai chat luong to chuc co so dang|bieu so 7a)\b/;

/** The rating levels of organisations, old names and new, by the words of their rows (folded), first match wins. */
const LEVELS: readonly RegExp[] = [/\b(yeu kem|khong hoan thanh nhiem vu)\b/, /\b(trong sach vung manh|hoan thanh xuat sac nhiem vu)\b/, /\bhoan thanh tot nhiem vu\b/, /\bhoan thanh nhiem vu\b/];

const figure = (r: OutlineRow): FormFigure => ({ label: r.mark ? `${r.mark}. ${r.text}` : r.text, value: r.value ?? null, row: r.at[0], col: r.at[1], sign: 1 });
const parts = (whole: OutlineRow, terms: readonly OutlineRow[]): FormSum => ({ relation: 'parts', whole: figure(whole), terms: terms.map(figure) });

/** The level rows (a) … d)) among `rows`, one of each level, in the sheet's order. */
function levelRows(rows: readonly OutlineRow[]): OutlineRow[] {
  const seen = new Set<number>();
  const out: OutlineRow[] = [];
  for (const r of rows) {
    const i = LEVELS.findIndex((re) => re.test(r.folded));
    if (i >= 0 && !seen.has(i)) {
      seen.add(i);
      out.push(r);
    }
  }
  return out;
}

/**
 * The 2012 Biểu 7A "Đánh giá chất lượng tổ chức cơ sở đảng" of a committee: "A. Số tổ chức cơ sở đảng có đến cuối
 * năm (A = 1+2)", "1. … được đánh giá chất lượng" with its levels a) – d), "2. … chưa được đánh giá", and "B. Số chi bộ
 * trực thuộc" with the same levels. Read from its "Tổng số" column for its sums: A = 1 + 2, 1 = a + b + c + d, the
 * rated cells of B = their levels, each "Trong đó" ≤ its row. Undefined when the sheet is not one.
 */
export function readBieu7A(sheet: RawSheet): Bieu7A | undefined {
  const h = figureColumn(sheet);
  if (!h) return undefined;
  if (!titleText(sheet, h.top).some((t) => TITLE.test(t))) return undefined;
  const rows = allRows(readOutline(sheet, h.bottom + 1, Math.min(sheet.rows.length, h.bottom + FORM_ROWS), h.column, FORM_FOOT));
  const a = rows.find((r) => r.level === 0 && r.mark === 'A' && /\bto chuc co so dang\b/.test(r.folded));
  const rated = rows.find((r) => r.mark === '1' && /\bduoc danh gia\b/.test(r.folded) && !/\bchua\b/.test(r.folded));
  const unrated = rows.find((r) => r.mark === '2' && /\bchua (duoc )?danh gia\b/.test(r.folded));
  if (!a || !rated || !unrated) return undefined;
  const within = (from: OutlineRow, to: OutlineRow | undefined): OutlineRow[] => rows.filter((r) => r.row > from.row && (to === undefined || r.row < to.row));
  const b = rows.find((r) => r.level === 0 && r.mark === 'B' && r.row > unrated.row);
  const sums: FormSum[] = [parts(a, [rated, unrated])];
  const levels = levelRows(within(rated, unrated));
  if (levels.length > 0) sums.push(parts(rated, levels));
  if (b) {
    const cellsRated = b.subsets.find((s) => /\bda (duoc )?danh gia\b/.test(s.folded));
    const cellLevels = levelRows(within(b, rows.find((r) => r.level === 0 && r.row > b.row)));
    if (cellsRated && cellLevels.length > 0) sums.push(parts(cellsRated, cellLevels));
  }
  for (const r of rows) for (const s of r.subsets) sums.push({ relation: 'subset', whole: figure(r), terms: [figure(s)] });
  const examples = [a, rated, ...levels].slice(0, 4).map((r) => (r.mark ? `${r.mark}. ${r.text}` : r.text));
  return { sums, unit: unitName(sheet, h.top).name, organisations: a.value, examples };
}
