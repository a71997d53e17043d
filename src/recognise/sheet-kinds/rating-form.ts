import type { CellValue, RawSheet } from '../../read/types.js';
import { COLUMN_LABELS, type CountColumn } from '../columns.js';
import { buildDerived, type DerivedColumn, type DerivedTable, type Origin } from '../derived.js';
import type { FormSum } from '../facts.js';
import { cellText, fold } from '../normalise.js';
import { FORM_ROWS, LIST_HEADER_ROWS } from '../patterns.js';
import { allRows, outlineChecks, readOutline, type OutlineRow } from './form-outline.js';
import type { OfficialFormInfo } from './kind.js';
import { FORM_FOOT, titleText, unitName } from './form-title.js';

/** "ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN" (2012 Biểu 7B), "Kết quả đánh giá, xếp loại chất lượng đảng viên" (2021 Biểu 6). */
const TITLE = /\b(danh gia chat luong dang vien|danh gia xep loai chat luong dang vien|xep loai chat luong dang vien|bieu so 7b)\b/;

/** The members' rows of the rating form, by their words (folded), first match wins; the levels old and new. */
const ROWS: readonly (readonly [RegExp, CountColumn | 'rated'])[] = [
  [/\b(duoc )?mien (danh gia|cong tac)\b/, 'membersExempt'],
  [/\bchua (duoc )?danh gia\b/, 'membersNotRated'],
  [/^(so )?dang vien (da )?duoc danh gia\b|\bda duoc danh gia\b/, 'rated'],
  [/\bkhong hoan thanh nhiem vu\b|\bvi pham tu cach\b/, 'membersKHTNV'],
  [/\bhoan thanh xuat sac nhiem vu\b/, 'membersHTXSNV'],
  [/\bhoan thanh tot nhiem vu\b/, 'membersHTTNV'],
  [/\bhoan thanh nhiem vu\b/, 'membersHTNV'],
  [/\b(co den thoi diem danh gia|tong so dang vien)\b/, 'members'],
];

/** The figure column: "Tổng số" (or "Số lượng") in the header, the first such left to right. */
export function figureColumn(sheet: RawSheet): { top: number; bottom: number; column: number } | undefined {
  for (let r = 0; r < Math.min(sheet.rows.length, LIST_HEADER_ROWS); r++) {
    const cells = sheet.rows[r] ?? [];
    const column = cells.findIndex((v) => /^(tong so|so luong)$/.test(fold(cellText(v))));
    if (column < 1) continue;
    // The header's rows: down to its numbering row ("1 | 2 = 4+...+14 | 3"), or the row itself.
    let bottom = r;
    for (let d = r + 1; d < Math.min(sheet.rows.length, r + 4); d++) if (/^\d+$/.test(cellText(sheet.rows[d]?.[0] ?? null))) bottom = d;
    return { top: r, bottom, column };
  }
  return undefined;
}

/**
 * The rating form of one unit's members (2012 Biểu 7B "Đánh giá chất lượng đảng viên", and the same rows under the
 * 2018 level names): the members at the time of rating, "Chia ra" exempt, not yet rated and rated, and the rated by
 * level. Read from its "Tổng số" column as a table of that one unit, with the sums it states for check/.
 */
export function readRatingForm(sheet: RawSheet): { table: DerivedTable; info: OfficialFormInfo } | undefined {
  const h = figureColumn(sheet);
  if (!h) return undefined;
  const title = titleText(sheet, h.top);
  if (!title.some((t) => TITLE.test(t))) return undefined;
  const rows = readOutline(sheet, h.bottom + 1, Math.min(sheet.rows.length, h.bottom + FORM_ROWS), h.column, FORM_FOOT);
  const found = new Map<CountColumn | 'rated', OutlineRow>();
  for (const row of allRows(rows)) {
    const id = ROWS.find(([re]) => re.test(row.folded))?.[1];
    if (id && !found.has(id)) found.set(id, row);
  }
  const levels = (['membersHTXSNV', 'membersHTTNV', 'membersHTNV', 'membersKHTNV'] as const).filter((id) => found.has(id));
  if (!found.has('members') || levels.length < 3) return undefined;
  const unit = unitName(sheet, h.top);
  const columns: DerivedColumn[] = [{ label: 'Tên đơn vị', at: unit.at }];
  const values: CellValue[] = [unit.name];
  const at: (Origin | null)[] = [unit.at];
  for (const [id, row] of found) {
    if (id === 'rated') continue;
    columns.push({ label: COLUMN_LABELS[id], at: [row.row, row.col] });
    values.push(row.cell);
    at.push(row.at);
  }
  const sums: FormSum[] = outlineChecks(rows);
  const rated = found.get('rated');
  if (rated) {
    const figure = (r: OutlineRow): FormSum['whole'] => ({ label: r.mark ? `${r.mark}. ${r.text}` : r.text, value: r.value ?? null, row: r.at[0], col: r.at[1], sign: 1 });
    sums.push({ relation: 'parts', whole: figure(rated), terms: levels.map((id) => figure(found.get(id) as OutlineRow)) });
  }
  const last = allRows(rows).at(-1)?.row ?? h.bottom;
  const table = buildDerived(sheet, h.top, columns, [{ values, at, home: unit.at }], 1, [h.top, last], false);
  const edition = title.some((t) => /\bbtctw\b/.test(t)) ? '2021' : '2012';
  return { table, info: { form: edition === '2012' ? '7B' : '6', edition, column: h.column, previousColumn: undefined, nameFrom: unit.from, sums } };
}
