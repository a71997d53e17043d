import { cellText } from './normalise.js';
import type { MergeRange, RawSheet } from '../read/types.js';

/**
 * The header region as text with merged cells filled in: a merged "Xếp loại đảng viên" over four columns
 * reads as that text in each of them, so children can be read in the context of their parent. Each row's texts
 * are worked out once, as arrays (the header is read cell by cell many times over; a string key per cell made a
 * row of 20,000 fields take seconds).
 */
export class FilledGrid {
  /** Per row: merged cells' texts and ranges, by column. */
  private readonly fill = new Map<number, Map<number, { readonly text: string; readonly merge: MergeRange }>>();
  private readonly texts = new Map<number, readonly string[]>();
  /** Per row: for each column, the nearest column to its left with text, or -1. */
  private readonly lefts = new Map<number, Int32Array>();
  private readonly merged: boolean;
  constructor(private readonly sheet: RawSheet, limit: number) {
    for (const m of sheet.merges) {
      if (m.top >= limit) continue;
      const text = cellText(sheet.rows[m.top]?.[m.left]);
      for (let r = m.top; r <= Math.min(m.bottom, limit - 1); r++) {
        let row = this.fill.get(r);
        if (!row) this.fill.set(r, (row = new Map<number, { readonly text: string; readonly merge: MergeRange }>()));
        for (let c = m.left; c <= m.right; c++) row.set(c, { text, merge: m });
      }
    }
    this.merged = this.fill.size > 0;
  }
  /** The texts of a row, merged cells filled in, as far as its last cell or merge. */
  private row(row: number): readonly string[] {
    let texts = this.texts.get(row);
    if (texts) return texts;
    const cells = this.sheet.rows[row] ?? [];
    const out: string[] = [];
    for (let c = 0; c < cells.length; c++) out.push(cellText(cells[c]));
    for (const [c, f] of this.fill.get(row) ?? []) {
      while (out.length < c) out.push('');
      out[c] = f.text;
    }
    this.texts.set(row, (texts = out));
    return texts;
  }
  text(row: number, col: number): string {
    return this.row(row)[col] ?? '';
  }
  merge(row: number, col: number): MergeRange | undefined {
    return this.fill.get(row)?.get(col)?.merge;
  }
  get hasMerges(): boolean {
    return this.merged;
  }
  width(row: number): number {
    return this.sheet.rows[row]?.length ?? 0;
  }
  /** One past the last column of the row with text (merged cells included); 0 for a blank row. */
  textWidth(row: number): number {
    const texts = this.row(row);
    let end = texts.length;
    while (end > 0 && texts[end - 1] === '') end--;
    return end;
  }
  /** The nearest column left of `col` with text on the row, or -1 when there is none. */
  leftOf(row: number, col: number): number {
    let lefts = this.lefts.get(row);
    if (!lefts) {
      const texts = this.row(row);
      lefts = new Int32Array(texts.length + 1);
      let last = -1;
      for (let c = 0; c <= texts.length; c++) {
        lefts[c] = last;
        if (c < texts.length && texts[c] !== '') last = c;
      }
      this.lefts.set(row, lefts);
    }
    return lefts[Math.min(col, lefts.length - 1)] ?? -1;
  }
}
