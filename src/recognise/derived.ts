import type { CellValue, MergeRange, RawSheet } from '../read/types.js';
import { cellText, cleanText, fold } from './normalise.js';
import { INDENT, SUB_BULLET, SUB_LETTER } from './patterns.js';

/** A cell of the sheet as the user sees it: 0-based row and column. */
export type Origin = readonly [row: number, col: number];

/**
 * Where each cell of a derived table stands in the sheet it was made from. Rows above `title` are the sheet's own
 * title rows, unmoved; from `title` on, `cells[r - title][c]` is the sheet's cell that the derived cell (r, c)
 * holds, and `home[r - title]` where the derived row as a whole is (a unit's name, a label's row). Plain data: it
 * goes to check/ (which names the real cells) and through worker threads.
 */
export interface CellOrigin {
  readonly title: number;
  readonly cells: readonly (readonly (Origin | null)[])[];
  readonly home: readonly (Origin | null)[];
  /** Units as columns: the derived table's rows are the sheet's columns (a total row is a total column). */
  readonly across: boolean;
}

/** A table of units tally builds from a sheet laid out another way (see sheet-kinds/own-form.ts, units-as-columns.ts). */
export interface DerivedTable {
  readonly sheet: RawSheet;
  readonly origin: CellOrigin;
  /** How many units it has (a total column is none), and the sheet's rows its figures come from (0-based). */
  readonly units: number;
  readonly rows: readonly [top: number, bottom: number];
}

/** The sheet's cell for a derived cell (or, with no column, for its row); undefined above the derived part. */
export function originOf(o: CellOrigin, row: number, col: number | undefined): Origin | undefined {
  if (row < o.title) return [row, col ?? 0];
  const r = row - o.title;
  const at = col !== undefined ? o.cells[r]?.[col] : undefined;
  return at ?? o.home[r] ?? undefined;
}

/** One figure of the units, as a column of the derived table: its label, under a parent label or not. */
export interface DerivedColumn {
  readonly label: string;
  readonly at: Origin;
  readonly parent?: { readonly label: string; readonly at: Origin } | undefined;
}

/** One unit (or the total), as a row of the derived table: a value and its cell for each column. */
export interface DerivedRow {
  readonly values: readonly CellValue[];
  readonly at: readonly (Origin | null)[];
  readonly home: Origin;
}

/**
 * Build the derived table: the sheet's title rows as they are, then a header of one or two rows (a parent over its
 * children merged across them, a label without parent merged down), then one row per unit.
 */
export function buildDerived(sheet: RawSheet, title: number, columns: readonly DerivedColumn[], rows: readonly DerivedRow[], units: number, span: readonly [number, number], across: boolean): DerivedTable {
  const two = columns.some((c) => c.parent);
  // The title rows, and a blank row between them and the header (no title line is taken for a parent header).
  const out: CellValue[][] = [...sheet.rows.slice(0, title).map((r) => [...r]), []];
  const hr = title + 1;
  const merges: MergeRange[] = sheet.merges.filter((m) => m.bottom < title);
  const cells: (Origin | null)[][] = [];
  const home: (Origin | null)[] = [];
  const top: CellValue[] = [];
  const bottom: CellValue[] = [];
  const topAt: (Origin | null)[] = [];
  const bottomAt: (Origin | null)[] = [];
  columns.forEach((c, i) => {
    const prev = columns[i - 1]?.parent;
    if (two && c.parent) {
      const first = !prev || prev.label !== c.parent.label || prev.at[0] !== c.parent.at[0];
      top.push(first ? c.parent.label : null);
      if (first) {
        let last = i;
        while (columns[last + 1]?.parent?.at[0] === c.parent.at[0]) last++;
        if (last > i) merges.push({ top: hr, bottom: hr, left: i, right: last });
      }
    } else if (two) {
      top.push(c.label);
      merges.push({ top: hr, bottom: hr + 1, left: i, right: i });
    }
    topAt.push(c.parent?.at ?? c.at);
    bottom.push(c.label);
    bottomAt.push(c.at);
  });
  if (two) {
    out.push(top);
    cells.push(topAt);
    home.push(null);
  }
  out.push(bottom);
  cells.push(bottomAt);
  home.push(null);
  for (const r of rows) {
    out.push([...r.values]);
    cells.push([...r.at]);
    home.push(r.home);
  }
  // What is hidden in the sheet is hidden in the table (read all the same, and said so): a unit whose column or
  // row is hidden, a figure whose label row is hidden.
  const hidden = (o: Origin | null | undefined): boolean => o !== null && o !== undefined && (sheet.hiddenRows.has(o[0]) || sheet.hiddenColumns.has(o[1]));
  const hiddenRows = new Set<number>();
  rows.forEach((r, i) => {
    if (hidden(r.home)) hiddenRows.add(out.length - rows.length + i);
  });
  const hiddenColumns = new Set<number>();
  bottomAt.forEach((o, c) => {
    if (hidden(o)) hiddenColumns.add(c);
  });
  return {
    sheet: { file: sheet.file, sheet: sheet.sheet, rows: out, merges, hiddenRows, hiddenColumns },
    origin: { title: hr, cells, home, across }, units, rows: span,
  };
}

/** A row label as a form writes it: numbered or marked, indented, with a colon. */
export interface Label {
  readonly row: number;
  readonly col: number;
  /** The label without its number, mark or colon: "5. Số đảng viên cuối kỳ:" → "Số đảng viên cuối kỳ". */
  readonly text: string;
  /** "-", "+", "a)": an item under the label above. */
  readonly marked: boolean;
  /** "1.", "II.", "A -": a label of the outline's first level. */
  readonly numbered: boolean;
  readonly indented: boolean;
}

const NUMBER_MARK = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]+\s*[.)\-–]|[A-Z]\s*[.)\-–])\s*/;

/** The label of a row: its first cell with words, from `from` on. Undefined when the row has none. */
export function labelOf(cells: readonly CellValue[], row: number, from = 0): Label | undefined {
  for (let c = from; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v !== 'string' || !/\p{L}{2}/u.test(v)) continue;
    const raw = cleanText(v);
    const marked = SUB_BULLET.test(raw) || SUB_LETTER.test(raw);
    const numbered = !marked && NUMBER_MARK.test(raw) && /^\S+\s/.test(raw);
    const text = raw.replace(marked ? SUB_BULLET : /^$/, '').replace(SUB_LETTER, '').replace(numbered ? NUMBER_MARK : /^$/, '').replace(/\s*:\s*$/, '').trim();
    return { row, col: c, text, marked, numbered, indented: INDENT.test(v) };
  }
  return undefined;
}

/** Column headers of a form's own layout, no figure: "STT", "Nội dung", "Chỉ tiêu", "Số lượng", "Ghi chú". */
export const LAYOUT_HEADER = /^(stt|tt|so tt|so thu tu|noi dung|chi tieu|tieu chi|danh muc|so luong|so lieu|ghi chu|don vi tinh|dvt)$/;

/** Unit words written after a figure: "18 người", "18 đ/c", "5 chi bộ". */
const UNIT_WORDS = /^(nguoi|d c|dong chi|dang vien|dv|chi bo|to chuc|tccsd|cuoc|luot|lan)$/;

/** A cell that only says the unit of the figure beside it ("người", "đ/c"). */
export function isUnitWord(value: CellValue | undefined): boolean {
  return typeof value === 'string' && UNIT_WORDS.test(fold(value));
}

/** A figure with its unit word in the same cell, "18 người", "18 đ/c", as the figure's text; others unchanged. */
export function withoutUnitWord(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  const m = /^\s*(\d[\d.,\s]*?)\s*(\p{L}[\p{L}/.\s]*)$/u.exec(value);
  return m?.[1] && m[2] && UNIT_WORDS.test(fold(m[2])) ? m[1] : value;
}

/** Is this cell blank? */
export const isBlank = (v: CellValue | undefined): boolean => cellText(v ?? null) === '';
