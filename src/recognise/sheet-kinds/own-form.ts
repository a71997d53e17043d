import type { CellValue, RawSheet } from '../../read/types.js';
import { buildDerived, isBlank, isUnitWord, labelOf, LAYOUT_HEADER, withoutUnitWord, type DerivedColumn, type DerivedTable, type Origin } from '../derived.js';
import { cellText, fold } from '../normalise.js';
import { FORM_ROWS } from '../patterns.js';
import { unitNameFromTitle } from '../title.js';
import { defineSheetKind, derivedDecision } from './kind.js';
import { columnOf, FORM_END, isFigure, knownCounts, meaningOf, nestLabels, PERIOD_HEADER, type LabelRow } from './label-rows.js';
import type { SheetLook } from './look.js';

/** A label row of a unit's own form with the one figure (or text) written for it, and where. */
interface FormRow extends LabelRow {
  readonly value: CellValue;
  readonly at: Origin | null;
  /** Figures written after the label: more than one is a statistical form's columns (periods, parts). */
  readonly figures: number;
}

/** A title line's opening words: "BÁO CÁO …", "BIỂU …", "THỐNG KÊ …" (folded). */
const TITLE_START = /^(bao cao|bieu|thong ke|danh sach|tong hop|ket qua danh gia)\b/;

/** The figure of a label row: the first cell after the label that is not a unit word; or the text after a colon. */
function formRow(cells: readonly CellValue[], r: number): FormRow | undefined {
  const label = labelOf(cells, r);
  if (!label) return undefined;
  let value: CellValue = null;
  let at: Origin | null = null;
  let figures = 0;
  for (let c = label.col + 1; c < cells.length; c++) {
    const v = cells[c] ?? null;
    if (isBlank(v) || isUnitWord(v)) continue;
    // A share beside the figure ("14 | 45,16%") is no second figure.
    if (isFigure(withoutUnitWord(v)) && !/%\s*$/.test(cellText(v))) figures++;
    if (at === null) {
      value = v;
      at = [r, c];
    }
    // Two figures make a statistical form's row: no need to look further along it (a wide row stays cheap).
    if (figures > 1) break;
  }
  const raw = cellText(cells[label.col]);
  const colon = raw.lastIndexOf(':');
  if (at === null && colon > 0 && raw.slice(colon + 1).trim() !== '') {
    // "Kết quả xếp loại: Hoàn thành tốt nhiệm vụ", "Số đảng viên: 31 đồng chí" in one cell.
    const text = labelOf([raw.slice(0, colon)], r)?.text ?? raw.slice(0, colon);
    return { label: { ...label, text }, value: raw.slice(colon + 1).trim(), at: [r, label.col], figures: 0 };
  }
  return { label, value, at, figures };
}

/** "Chi bộ: | Sở Nội vụ", "Đảng bộ: Sở Tài chính": the unit named by its kind and the rest, and where. */
function orgRow(sheet: RawSheet, last: number): { name: string; at: Origin } | undefined {
  for (let r = 0; r <= last; r++) {
    const row = formRow(sheet.rows[r] ?? [], r);
    const kind = row?.label.text ?? '';
    if (!row?.at || !/^(chi bo|dang bo)$/.test(fold(kind)) || typeof row.value !== 'string' || !/\p{L}{2}/u.test(row.value)) continue;
    const rest = cellText(row.value);
    return { name: /^(chi bo|dang bo)\b/.test(fold(rest)) ? rest : `${kind} ${rest}`, at: row.at };
  }
  return undefined;
}

/** The cell of the title block that names the unit. */
function nameCell(sheet: RawSheet, title: number, name: string): Origin {
  for (let r = title - 1; r >= 0; r--) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) if (fold(cellText(row[c])) === fold(name)) return [r, c];
  }
  return [0, 0];
}

/**
 * One unit's own report written as a form: label/value rows ("5. Số đảng viên cuối kỳ: | 31", "Kết quả xếp loại: |
 * Hoàn thành tốt nhiệm vụ"), or a small "Nội dung | Số lượng" table, under a title block naming the unit. Read as
 * a table of one unit: a header of its labels (an item under its heading as a child under its parent) and one row
 * of its figures. Not a form whose rows have several figures (periods, parts: a statistical form, refused), nor
 * one that names no unit.
 */
export function readOwnForm(sheet: RawSheet): DerivedTable | undefined {
  const rows: FormRow[] = [];
  let first: number | undefined;
  for (let r = 0; r < Math.min(sheet.rows.length, FORM_ROWS); r++) {
    const cells = sheet.rows[r] ?? [];
    const row = formRow(cells, r);
    if (!row) continue;
    const f = fold(row.label.text);
    if (LAYOUT_HEADER.test(f)) {
      // "STT | Nội dung | Số lượng | Ghi chú": a form's own header has one column of figures, never periods.
      const heads = cells.slice(row.label.col + 1).map((v) => fold(cellText(v))).filter((t) => t !== '' && !/^(ghi chu|don vi tinh|dvt|noi dung|chi tieu|tieu chi|danh muc)$/.test(t));
      if (heads.length > 1 || heads.some((t) => PERIOD_HEADER.test(t) || !LAYOUT_HEADER.test(t))) return undefined;
      continue;
    }
    if (first !== undefined && FORM_END.test(f)) break;
    if (first === undefined) {
      // The form starts at its first figure: a title line ("BÁO CÁO KẾT QUẢ … XẾP LOẠI NĂM 2023") is none.
      if (row.at === null || TITLE_START.test(f) || meaningOf(row) === undefined) continue;
      first = r;
    }
    rows.push(row);
  }
  if (first === undefined) return undefined;
  nestLabels(rows, (x) => x.at === null);
  const figures = rows.filter((x) => !x.heading && x.at !== null);
  if (figures.some((x) => x.figures > 1) || knownCounts(figures) < 3) return undefined;
  const last = rows.at(-1)?.label.row ?? first;
  const org = orgRow(sheet, last);
  const named = org ? undefined : figures.find((x) => meaningOf(x) === 'name');
  const name = named ? undefined : org?.name ?? unitNameFromTitle(sheet, first);
  if (!named && !name) return undefined;
  const columns: DerivedColumn[] = [];
  const values: CellValue[] = [];
  const at: (Origin | null)[] = [];
  const home: Origin = org?.at ?? (name ? nameCell(sheet, first, name) : (named?.at ?? [first, 0]));
  if (name) {
    columns.push({ label: 'Tên đơn vị', at: home });
    values.push(name);
    at.push(home);
  }
  // A known figure left blank is a column with a blank cell; a line of words with nothing after it is no figure.
  for (const x of rows.filter((y) => !y.heading && y.label.row !== org?.at[0] && (y.at !== null || meaningOf(y) !== undefined))) {
    columns.push(columnOf(x));
    values.push(withoutUnitWord(x.value));
    at.push(x.at ?? [x.label.row, x.label.col]);
  }
  return buildDerived(sheet, first, columns, [{ values, at, home }], 1, [first, last], false);
}

export const ownForm = defineSheetKind({
  kind: 'own-form',
  test: (look: SheetLook) => {
    const table = readOwnForm(look.sheet);
    return table ? derivedDecision('own-form', table) : undefined;
  },
});
