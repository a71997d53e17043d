import type { CellValue, RawSheet } from '../../read/types.js';
import { buildDerived, isBlank, labelOf, LAYOUT_HEADER, withoutUnitWord, type DerivedColumn, type DerivedRow, type DerivedTable, type Origin } from '../derived.js';
import { cellText, fold } from '../normalise.js';
import { FORM_ROWS, LIST_HEADER_ROWS, UNIT_NAME } from '../patterns.js';
import { isTotalLabel } from '../rows/labels.js';
import { defineSheetKind, derivedDecision } from './kind.js';
import { columnOf, FORM_END, meaningOf, nestLabels, PERIOD_HEADER, type LabelRow } from './label-rows.js';

/** The header row of units as columns: the label column, and each column's unit name or total. */
interface UnitHeader {
  readonly row: number;
  readonly labelCol: number;
  readonly columns: readonly { readonly col: number; readonly name: string }[];
  readonly units: number;
}

/**
 * A header row with the units' names across ("Nội dung | Tổng cộng | Đảng bộ Sở Tài chính | Chi bộ Sở Tư pháp …"):
 * at least two columns name a chi bộ or đảng bộ, the others a total or a remark. A column of a period ("Năm 2023",
 * "Kỳ này") or of anything else makes it no such header: a statistical form's columns are not units.
 */
function unitHeader(cells: readonly CellValue[], row: number): UnitHeader | undefined {
  let labelCol: number | undefined;
  const columns: { col: number; name: string }[] = [];
  let units = 0;
  for (let c = 0; c < cells.length; c++) {
    const text = cellText(cells[c]);
    if (text === '') continue;
    const f = fold(text);
    if (UNIT_NAME.test(f)) {
      // A blank corner over the labels: they stand in the column before the first unit.
      if (labelCol === undefined && c > 0 && isBlank(cells[c - 1])) labelCol = c - 1;
      if (labelCol === undefined) return undefined;
      columns.push({ col: c, name: text });
      units++;
    } else if (isTotalLabel(text, () => f) && !PERIOD_HEADER.test(f)) {
      if (labelCol !== undefined) columns.push({ col: c, name: text });
    } else if (/^(ghi chu|don vi tinh|dvt)$/.test(f)) {
      continue;
    } else if (labelCol === undefined && /\p{L}{2}/u.test(text) && !/^(stt|tt|so tt|so thu tu)$/.test(f)) {
      labelCol = c;
    } else if (labelCol !== undefined || !LAYOUT_HEADER.test(f)) {
      return undefined;
    }
  }
  return labelCol !== undefined && units >= 2 ? { row, labelCol, columns, units } : undefined;
}

/**
 * Units as columns: the figures down the side ("Tổng số đảng viên", "Kết nạp", "Xếp loại tổ chức") and one column
 * per unit, with or without a total column first or last. Read as the same table turned round: one row per unit
 * (the total column as the total row, checked against the units), each cell named where it is in the sheet.
 */
export function readUnitsAsColumns(sheet: RawSheet): DerivedTable | undefined {
  let header: UnitHeader | undefined;
  for (let r = 0; r < Math.min(sheet.rows.length, LIST_HEADER_ROWS) && !header; r++) header = unitHeader(sheet.rows[r] ?? [], r);
  if (!header) return undefined;
  const h = header;
  const labels: LabelRow[] = [];
  for (let r = h.row + 1; r < Math.min(sheet.rows.length, h.row + FORM_ROWS); r++) {
    const cells = sheet.rows[r] ?? [];
    const label = labelOf(cells, r, h.labelCol);
    if (!label || label.col !== h.labelCol) continue;
    if (FORM_END.test(fold(label.text))) break;
    labels.push({ label });
  }
  const blank = (x: LabelRow): boolean => h.columns.every((c) => isBlank(sheet.rows[x.label.row]?.[c.col]));
  nestLabels(labels, blank);
  const figures = labels.filter((x) => !x.heading && (!blank(x) || meaningOf(x) !== undefined));
  if (figures.filter((x) => meaningOf(x) !== undefined).length < 2) return undefined;
  const at: Origin = [h.row, h.labelCol];
  const columns: DerivedColumn[] = [{ label: 'Tên đơn vị', at }, ...figures.map(columnOf)];
  const rows: DerivedRow[] = h.columns.map(({ col, name }) => ({
    values: [name, ...figures.map((x) => withoutUnitWord(sheet.rows[x.label.row]?.[col] ?? null))],
    at: [[h.row, col] as Origin, ...figures.map((x): Origin => [x.label.row, col])],
    home: [h.row, col],
  }));
  const last = figures.at(-1)?.label.row ?? h.row;
  return buildDerived(sheet, h.row, columns, rows, h.units, [h.row, last], true);
}

export const unitsAsColumns = defineSheetKind({
  kind: 'units-as-columns',
  test: (look) => {
    const table = readUnitsAsColumns(look.sheet);
    return table ? derivedDecision('units-as-columns', table) : undefined;
  },
});
