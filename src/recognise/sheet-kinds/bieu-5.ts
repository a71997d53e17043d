import type { CellValue, RawSheet } from '../../read/types.js';
import { COLUMN_LABELS } from '../columns.js';
import { buildDerived, type DerivedColumn, type DerivedTable, type Origin } from '../derived.js';
import type { FormFigure, FormSum } from '../facts.js';
import { cellText, fold } from '../normalise.js';
import { FORM_ROWS, LIST_HEADER_ROWS } from '../patterns.js';
import { allRows, outlineChecks, readOutline, valueOf, type OutlineRow } from './form-outline.js';
import { FORM_FOOT, titleText, unitName } from './form-title.js';
import type { OfficialFormInfo } from './kind.js';

/** "THỐNG KÊ TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN TRONG CÁC LOẠI HÌNH CƠ SỞ" (2021), "… TRONG CÁC LOẠI CƠ SỞ" (2012), "Biểu số 5". */
const TITLE = /\b(to chuc (co so )?dang va dang vien trong cac loai|bieu so 0?5\b)/;

/** The columns of Biểu 5 by their header words (folded), each the first column that says it. */
const COLUMNS = { total: /^tong so$/, committees: /^dang bo co so$/, cells: /^chi bo co so$/, subCommittees: /^dang bo bo phan$/, subCells: /^chi bo truc thuoc$/, members: /^tong so dang vien$/ } as const;
type Col = keyof typeof COLUMNS;

function header(sheet: RawSheet): { top: number; bottom: number; cols: Record<Col, number> } | undefined {
  const top = sheet.rows.slice(0, LIST_HEADER_ROWS).findIndex((row) => row.some((v) => /^loai (hinh|co so)\b/.test(fold(cellText(v)))));
  if (top < 0) return undefined;
  const cols: Partial<Record<Col, number>> = {};
  let bottom = top;
  for (let r = top; r < Math.min(sheet.rows.length, top + 5); r++) {
    const row = sheet.rows[r] ?? [];
    if (r > top && /^\d+$/.test(cellText(row[0] ?? null))) {
      bottom = r;
      break;
    }
    row.forEach((v, c) => {
      const f = fold(cellText(v));
      for (const k of Object.keys(COLUMNS) as Col[]) if (cols[k] === undefined && COLUMNS[k].test(f)) cols[k] = c;
    });
    bottom = r;
  }
  const { total, committees, cells, subCells, members } = cols;
  if (total === undefined || committees === undefined || cells === undefined || subCells === undefined || members === undefined) return undefined;
  return { top, bottom, cols: { total, committees, cells, subCommittees: cols.subCommittees ?? -1, subCells, members } };
}

const figureOf = (r: OutlineRow, sign: 1 | -1 = 1): FormFigure => ({ label: r.mark ? `${r.mark}. ${r.text}` : r.text, value: valueOf(r) ?? null, row: r.at[0], col: r.at[1], sign });

/**
 * Biểu 5 "Tổ chức đảng và đảng viên trong các loại hình cơ sở" of ONE grassroots organisation (its "Cộng" counts one
 * tổ chức cơ sở đảng): the organisation's type (the "Đảng bộ cơ sở" or "Chi bộ cơ sở" column its 1 is in), its
 * sector (the row), its subordinate cells and its members. A form counting several organisations is no unit's
 * report: left to the category-form refusal.
 */
export function readBieu5(sheet: RawSheet): { table: DerivedTable; info: OfficialFormInfo } | undefined {
  const h = header(sheet);
  if (!h || !titleText(sheet, h.top).some((t) => TITLE.test(t))) return undefined;
  const read = (col: number): OutlineRow[] => readOutline(sheet, h.bottom + 1, Math.min(sheet.rows.length, h.bottom + FORM_ROWS), col, FORM_FOOT);
  const byCol = Object.fromEntries((Object.keys(h.cols) as Col[]).filter((k) => h.cols[k] >= 0).map((k) => [k, allRows(read(h.cols[k]))])) as Record<Col, OutlineRow[]>;
  // "Cộng (1+….+11)", "Tổng cộng"; not "a) Công lập".
  const isTotal = (r: OutlineRow): boolean => /^(cong|tong cong|tong so)( \d[\d ]*)?$/.test(r.folded);
  // The unit's row: the one deepest row with an organisation in it ("Đảng bộ cơ sở" or "Chi bộ cơ sở"), one only.
  const count = (row: number): number => (['committees', 'cells'] as const).reduce((n, k) => n + (byCol[k].find((r) => r.row === row)?.value ?? 0), 0);
  const leaves = byCol.total.filter((r) => !isTotal(r) && count(r.row) > 0 && r.children.every((c) => count(c.row) === 0));
  const row = leaves[0];
  if (!row || leaves.length !== 1 || count(row.row) !== 1) return undefined;
  const at = (k: Col): Origin => [row.row, h.cols[k]];
  const cell = (k: Col): CellValue => sheet.rows[row.row]?.[h.cols[k]] ?? null;
  const committee = (byCol.committees.find((r) => r.row === row.row)?.value ?? 0) === 1;
  const unit = unitName(sheet, h.top);
  const columns: DerivedColumn[] = [
    { label: 'Tên đơn vị', at: unit.at }, { label: COLUMN_LABELS.type, at: at(committee ? 'committees' : 'cells') },
    { label: COLUMN_LABELS.sector, at: [row.row, row.col] }, { label: COLUMN_LABELS.cells, at: at('subCells') }, { label: COLUMN_LABELS.members, at: at('members') },
  ];
  const values: CellValue[] = [unit.name, committee ? 'Đảng bộ cơ sở' : 'Chi bộ cơ sở', row.text, cell('subCells'), cell('members')];
  const ats: (Origin | null)[] = [unit.at, at(committee ? 'committees' : 'cells'), [row.row, row.col], at('subCells'), at('members')];
  const sums: FormSum[] = [];
  for (const k of Object.keys(byCol) as Col[]) {
    const rows = read(h.cols[k]);
    for (const sum of outlineChecks(rows)) sums.push(sum);
    const total = rows.find(isTotal);
    const top = rows.filter((r) => !isTotal(r));
    if (total?.value !== undefined) sums.push({ relation: 'parts', whole: figureOf(total), terms: top.map((r) => figureOf(r)) });
  }
  // "Tổng số (=3+4)": in each row, the organisations are the committees and the cells.
  for (const t of byCol.total) {
    const parts = (['committees', 'cells'] as const).map((k) => byCol[k].find((r) => r.row === t.row)).filter((r): r is OutlineRow => r !== undefined);
    const named = (p: OutlineRow, i: number): FormFigure => ({ ...figureOf(p), label: i === 0 ? 'Đảng bộ cơ sở' : 'Chi bộ cơ sở' });
    if (t.value !== undefined && parts.length === 2 && parts.some((p) => p.value !== undefined)) sums.push({ relation: 'parts', whole: figureOf(t), terms: parts.map(named) });
  }
  const last = byCol.total.at(-1)?.row ?? h.bottom;
  const table = buildDerived(sheet, h.top, columns, [{ values, at: ats, home: unit.at }], 1, [h.top, last], false);
  const edition = titleText(sheet, h.top).some((t) => /\btctw\b/.test(t) && !/\bbtctw\b/.test(t)) ? '2012' : '2021';
  return { table, info: { form: '5', edition, column: h.cols.total, previousColumn: undefined, nameFrom: unit.from, sums } };
}
