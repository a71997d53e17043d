import type { CellValue } from '../../read/types.js';
import { isCountColumn } from '../columns.js';
import type { DerivedColumn, Label, Origin } from '../derived.js';
import { matchPath } from '../header.js';
import { fold } from '../normalise.js';

/** A row of a sheet laid out with its figures as row labels: the label, under the heading above it or not. */
export interface LabelRow {
  readonly label: Label;
  /** The heading this row is an item of ("Kết quả xếp loại đảng viên:" over "- Hoàn thành tốt nhiệm vụ"). */
  parent?: Label | undefined;
  /** A row with no figure that heads the items under it: not a figure itself. */
  heading?: true;
}

/** Is `item` listed under `heading`: marked, indented deeper, or unnumbered under a numbered heading? */
function isItemOf(item: Label, heading: Label): boolean {
  if (item.numbered) return false;
  return item.marked || (item.indented && !heading.indented) || heading.numbered;
}

/**
 * The headings among label rows: a row with no figure (`blank(row)`) followed by items. Each item gets the heading
 * as its parent, the way a two-row header puts "Xếp loại đảng viên" over its four levels.
 */
export function nestLabels<T extends LabelRow>(rows: T[], blank: (row: T) => boolean): void {
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i];
    if (!head || !blank(head) || head.label.marked) continue;
    let j = i + 1;
    for (let next = rows[j]; next && isItemOf(next.label, head.label) && !(blank(next) && !next.label.marked); next = rows[++j]) next.parent = head.label;
    if (j > i + 1) head.heading = true;
  }
}

/** What a label (under its parent) means: a canonical figure's id, or undefined. */
export function meaningOf(row: LabelRow): string | undefined {
  const m = matchPath(row.parent ? [row.parent.text, row.label.text] : [row.label.text]);
  return m.kind === 'canonical' ? m.id : undefined;
}

/** How many distinct known counts the rows name. */
export function knownCounts(rows: readonly LabelRow[]): number {
  const ids = new Set<string>();
  for (const r of rows) {
    const id = meaningOf(r);
    if (id !== undefined && id !== 'name' && isCountColumn(id as Parameters<typeof isCountColumn>[0])) ids.add(id);
  }
  return ids.size;
}

/** The derived table's column for a label row. */
export function columnOf(row: LabelRow): DerivedColumn {
  const at: Origin = [row.label.row, row.label.col];
  return { label: row.label.text, at, parent: row.parent ? { label: row.parent.text, at: [row.parent.row, row.parent.col] } : undefined };
}

/** A figure written as a number or as digits ("31", "2.340,75", "15%"). */
export function isFigure(v: CellValue | undefined): boolean {
  return typeof v === 'number' || (typeof v === 'string' && /^\s*[\d.,\s]+%?\s*$/.test(v) && /\d/.test(v));
}

/** Notes and signatures end a form: "Ghi chú", "T/M CHI ỦY", "Người lập biểu". */
export const FORM_END = /^(ghi chu|chu thich|luu y|nguoi lap|t m|tm|thay mat|noi nhan|xac nhan|bi thu|pho bi thu)\b/;

/** Header words of columns that are periods or parts, not units or the one figure of a unit. */
export const PERIOD_HEADER = /\b(ky nay|ky truoc|cung ky|nam \d{4}|nam truoc|thuc hien|ke hoach|so sanh|ty le|tang giam|quy [ivx1-4]+|thang \d+)\b/;

export const foldedLabel = (l: Label): string => fold(l.text);
