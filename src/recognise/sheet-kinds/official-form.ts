import type { CellValue, RawSheet } from '../../read/types.js';
import { COLUMN_LABELS, type CountColumn } from '../columns.js';
import { buildDerived, type DerivedColumn, type DerivedTable, type Origin } from '../derived.js';
import { findHeader } from '../header.js';
import { planColumns } from '../layout.js';
import { cellText, fold } from '../normalise.js';
import { FORM_ROWS, LIST_HEADER_ROWS } from '../patterns.js';
import { allRows, balanceCheck, outlineChecks, readOutline, valueOf, type OutlineRow } from './form-outline.js';
import { FORM_FOOT, titleText, unitName } from './form-title.js';
import { defineSheetKind, type OfficialFormInfo, type SheetDecision } from './kind.js';
import type { SheetLook } from './look.js';
import { readBieu5 } from './bieu-5.js';
import { readRatingForm } from './rating-form.js';

/** The header of a form's figure columns: the row of "Kỳ này" and the first row of the header block. */
interface FormHeader {
  readonly top: number;
  readonly bottom: number;
  readonly column: number;
  readonly previousColumn: number | undefined;
}

const FIGURE_HEADER = /^(ky nay|thuc hien ky nay|so lieu ky nay)$/;
const PREVIOUS_HEADER = /^cung ky( nam truoc)?$/;
const LABEL_HEADER = /^(tieu chi|chi tieu|noi dung)$/;

function formHeader(sheet: RawSheet): FormHeader | undefined {
  for (let r = 0; r < Math.min(sheet.rows.length, LIST_HEADER_ROWS); r++) {
    const cells = sheet.rows[r] ?? [];
    const column = cells.findIndex((v) => FIGURE_HEADER.test(fold(cellText(v))));
    if (column < 0) continue;
    const prev = cells.findIndex((v) => PREVIOUS_HEADER.test(fold(cellText(v))));
    let top = r;
    for (let up = r; up >= Math.max(0, r - 2); up--) if ((sheet.rows[up] ?? []).some((v) => LABEL_HEADER.test(fold(cellText(v))) || fold(cellText(v)) === 'thuc hien')) top = up;
    return { top, bottom: r, column, previousColumn: prev >= 0 ? prev : undefined };
  }
  return undefined;
}

/** The figures of Biểu 1 by the words of their rows, and which section each is in. */
const INCREASES: readonly (readonly [RegExp, CountColumn])[] = [[/\bket nap\b/, 'admitted'], [/\bchuyen den\b/, 'transferredIn'], [/\bphuc hoi\b/, 'reinstated']];
const DECREASES: readonly (readonly [RegExp, CountColumn])[] = [
  [/\btu tran\b/, 'deceased'], [/\bkhai tru\b/, 'expelled'], [/\bxoa ten\b/, 'removed'], [/\bra khoi dang\b/, 'resigned'], [/\bchuyen di\b/, 'transferredOut'],
];
const START = /\b(cuoi ky truoc|dau ky|dau nam)\b/;
const END = /\b(cuoi ky bao cao|cuoi ky|cuoi nam)\b/;

/** The Biểu 1 sections and their figures, or undefined when the rows are not Biểu 1's. */
function bieu1Figures(rows: readonly OutlineRow[]): { fields: [CountColumn, OutlineRow][]; sections: Record<'A' | 'B' | 'C' | 'D', OutlineRow> } | undefined {
  const section = (mark: string): OutlineRow | undefined => rows.find((r) => r.level === 0 && r.mark === mark);
  const [a, b, c, d] = [section('A'), section('B'), section('C'), section('D')];
  if (!a || !b || !c || !d || !START.test(a.folded) || !/\btang\b/.test(b.folded) || !/\bgiam\b/.test(c.folded) || !END.test(d.folded)) return undefined;
  const fields: [CountColumn, OutlineRow][] = [['membersStart', a]];
  const pick = (s: OutlineRow, table: typeof INCREASES): void => {
    for (const item of s.children) {
      const id = table.find(([re]) => re.test(item.folded))?.[1];
      if (id && !fields.some(([f]) => f === id)) fields.push([id, item]);
    }
  };
  pick(b, INCREASES);
  pick(c, DECREASES);
  fields.push(['members', d]);
  return { fields, sections: { A: a, B: b, C: c, D: d } };
}

/** Is this sheet Biểu 1 by its title ("TĂNG, GIẢM ĐẢNG VIÊN", "Biểu số 1-BTCTW") or by its header ("Kỳ này")? */
const BIEU1_TITLE = /\b(tang giam dang vien|bieu so 0?1 (b?tctw)\b)/;

/** Which edition: the 2012 forms say "TCTW", "CHỈ TIÊU", "có đến đầu kỳ" and have E and G rows. */
function editionOf(title: readonly string[], sheet: RawSheet, h: FormHeader, rows: readonly OutlineRow[]): '2012' | '2021' {
  const all = title.join(' | ');
  if (/\bbtctw\b/.test(all)) return '2021';
  if (/\btctw\b/.test(all)) return '2012';
  const header = (sheet.rows.slice(h.top, h.bottom + 1)).flat().map((v) => fold(cellText(v)));
  if (header.includes('chi tieu') || rows.some((r) => r.level === 0 && (r.mark === 'E' || r.mark === 'G')) || rows.some((r) => /\bco den dau ky\b/.test(r.folded))) return '2012';
  return '2021';
}

/** The unit's figures of Biểu 1 in one of its columns ("Kỳ này", "Cùng kỳ năm trước"), and the sums they state. */
function bieu1Column(sheet: RawSheet, h: FormHeader, column: number) {
  const rows = readOutline(sheet, h.bottom + 1, Math.min(sheet.rows.length, h.bottom + FORM_ROWS), column, FORM_FOOT);
  const found = bieu1Figures(rows);
  if (!found) return undefined;
  const { A, B, C, D } = found.sections;
  return { rows, found, sums: [...outlineChecks(rows), balanceCheck(D, [A, B], [C])] };
}

type Bieu1Column = NonNullable<ReturnType<typeof bieu1Column>>;

/** The derived table of one unit from one column of its Biểu 1: its name, then each figure with its cell. */
function bieu1Table(sheet: RawSheet, h: FormHeader, read: Bieu1Column, unit: ReturnType<typeof unitName>): DerivedTable {
  const columns: DerivedColumn[] = [{ label: 'Tên đơn vị', at: unit.at }];
  const values: CellValue[] = [unit.name];
  const at: (Origin | null)[] = [unit.at];
  for (const [id, row] of read.found.fields) {
    columns.push({ label: COLUMN_LABELS[id], at: [row.row, row.col] });
    // A row left blank over its parts ("2. Chuyển đến" over a. and b.) is what they add up to.
    values.push(row.value === undefined && row.children.length > 0 ? (valueOf(row) ?? null) : row.cell);
    at.push(row.at);
  }
  const last = allRows(read.rows).at(-1)?.row ?? h.bottom;
  return buildDerived(sheet, h.top, columns, [{ values, at, home: unit.at }], 1, [h.top, last], false);
}

/**
 * The previous period of a Biểu 1, from its "Cùng kỳ năm trước" column when that column has figures: the same unit's
 * table of that column (walked with the previous period's label) and the sums the column states, checked like the
 * current ones.
 */
function previousOf(sheet: RawSheet, h: FormHeader, unit: ReturnType<typeof unitName>): { previous: NonNullable<OfficialFormInfo['previous']>; sums: Bieu1Column['sums'] } | undefined {
  if (h.previousColumn === undefined) return undefined;
  const read = bieu1Column(sheet, h, h.previousColumn);
  if (!read || !read.found.fields.some(([, r]) => r.value !== undefined)) return undefined;
  const table = bieu1Table(sheet, h, read, unit);
  const header = findHeader(table.sheet);
  return header ? { previous: { table, plan: planColumns(table.sheet, header), column: h.previousColumn }, sums: read.sums } : undefined;
}

/**
 * Biểu 1 "Tăng, giảm đảng viên" (2021 "Biểu số 1-BTCTW", 2012 "Biểu số 1 - TCTW"): one unit's report with its
 * figures as rows, read from its "Kỳ này" column as a table of that one unit (membersStart … members), with the
 * sums the form states for check/; its "Cùng kỳ năm trước" column, filled, as the same unit's previous period.
 */
export function readBieu1(sheet: RawSheet): { table: DerivedTable; info: OfficialFormInfo } | undefined {
  const h = formHeader(sheet);
  if (!h) return undefined;
  const title = titleText(sheet, h.top);
  const read = bieu1Column(sheet, h, h.column);
  if (!read || (!title.some((t) => BIEU1_TITLE.test(t)) && read.found.fields.length < 5)) return undefined;
  const unit = unitName(sheet, h.top);
  const table = bieu1Table(sheet, h, read, unit);
  const prev = previousOf(sheet, h, unit);
  const info: OfficialFormInfo = {
    form: '1', edition: editionOf(title, sheet, h, read.rows), column: h.column, previousColumn: h.previousColumn, nameFrom: unit.from,
    sums: prev ? [...read.sums, ...prev.sums] : read.sums, ...(prev ? { previous: prev.previous } : {}),
  };
  return { table, info };
}

export const officialForm = defineSheetKind({
  kind: 'official-form',
  test: (look: SheetLook): SheetDecision | undefined => {
    const read = readBieu1(look.sheet) ?? readRatingForm(look.sheet) ?? readBieu5(look.sheet);
    if (!read) return undefined;
    const header = findHeader(read.table.sheet);
    return header ? { kind: 'official-form', plan: planColumns(read.table.sheet, header), table: read.table, form: read.info } : undefined;
  },
});
