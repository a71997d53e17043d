import type { CellValue, RawSheet } from '../../read/types.js';
import type { Origin } from '../derived.js';
import type { FormFigure, FormSum } from '../facts.js';
import { cellText, cleanText, fold } from '../normalise.js';
import { parseCount } from '../numbers.js';

/**
 * The rows of an official statistical form as an outline: "A - …" and "I. …" sections, "1. …" items under them,
 * "a) …" / "a. …" under those, "+ …" / "- …" under those; "Trong đó: …" a subset of the row above it (never added)
 * and "Chia ra: …" a part of it. Each row with the figure of the form's figure column ("Kỳ này").
 */
export interface OutlineRow {
  /** The label without its outline mark and without "Trong đó:" / "Chia ra:", as written. */
  readonly text: string;
  readonly folded: string;
  /** The mark: "A", "I", "1", "a", "+" (empty for a plain label). */
  readonly mark: string;
  readonly level: number;
  readonly row: number;
  readonly col: number;
  /** The figure cell's value, as written, and where it is; the count read from it (undefined: blank, "X", bad). */
  readonly cell: CellValue;
  readonly at: Origin;
  readonly value: number | undefined;
  /** The "Chia ra" parts of this row (its items), and its "Trong đó" subsets. */
  readonly children: OutlineRow[];
  readonly subsets: OutlineRow[];
  readonly subset: boolean;
}

const SECTION = /^([A-GĐ]|[IVX]{1,4})\s*[-–.):]\s*(?=\S)/;
const ITEM = /^(\d{1,2})\s*[-–.):]\s*(?=\S)/;
const SUB = /^([a-zđ])\s*[.)]\s*(?=\S)/;
const BULLET = /^([-+–•])\s*(?=\S)/;
const SUBSET = /^trong do\b/;
const PARTS = /^chia ra\b/;

/** The mark and level of a label: 0 a section, 1 an item, 2 a lettered sub-item, 3 a bullet; 1 for a plain label. */
function outlineOf(raw: string): { mark: string; level: number; text: string } {
  for (const [re, level] of [[SECTION, 0], [ITEM, 1], [SUB, 2], [BULLET, 3]] as const) {
    const m = re.exec(raw);
    if (m?.[1]) return { mark: m[1], level, text: raw.slice(m[0].length).trim() };
  }
  return { mark: '', level: 1, text: raw };
}

/** The kind of an outline mark: "1" and "2" are one kind, "a" and "b" another. */
const markKind = (mark: string): string => (/^\d/.test(mark) ? 'digit' : /^[a-zđ]$/.test(mark) ? 'lower' : /^[A-ZĐIVX]/.test(mark) ? 'upper' : mark === '' ? 'plain' : 'bullet');

/** The count a row gives: its own figure, or, left blank, what its parts add up to ("2. Chuyển đến" over a. and b.). */
export function valueOf(row: OutlineRow): number | undefined {
  if (row.value !== undefined) return row.value;
  const parts = row.children.map(valueOf).filter((v): v is number => v !== undefined);
  return parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : undefined;
}

/** Read the outline of rows `from`..`to` (0-based, `to` excluded), labels in `labelCol` or the first text cell. */
export function readOutline(sheet: RawSheet, from: number, to: number, figureCol: number, end: RegExp): OutlineRow[] {
  const roots: OutlineRow[] = [];
  const stack: OutlineRow[] = [];
  let shift: { kind: string; from: number; to: number } | undefined;
  for (let r = from; r < to; r++) {
    const cells = sheet.rows[r] ?? [];
    const col = cells.findIndex((v, c) => c < figureCol && typeof v === 'string' && /\p{L}{2}/u.test(v));
    if (col < 0) continue;
    let raw = cleanText(cellText(cells[col]));
    let f = fold(raw);
    if (end.test(f)) break;
    const subset = SUBSET.test(f);
    const part = PARTS.test(f);
    if (subset || part) {
      raw = raw.replace(/^\S+\s+\S+\s*:?\s*/u, '');
      f = fold(raw);
    }
    const o = outlineOf(raw);
    const cell = cells[figureCol] ?? null;
    const p = parseCount(cell);
    const row: OutlineRow = {
      text: o.text.replace(/\s*:\s*$/, ''), folded: fold(o.text), mark: o.mark, level: o.level, row: r, col, cell, at: [r, figureCol],
      value: p.kind === 'value' ? p.value : undefined, children: [], subsets: [], subset,
    };
    if (subset) {
      // "Trong đó" belongs to the row just above it at its level or higher.
      const host = stack.at(-1);
      if (host) host.subsets.push(row);
      continue;
    }
    // "Chia ra: 1) …" goes under the row above it, and so do the "2) …", "3) …" after it.
    const kind = markKind(o.mark);
    if (shift && (kind !== shift.kind || o.level < shift.from)) shift = undefined;
    if (part && stack.length > 0 && !shift) shift = { kind, from: o.level, to: Math.max(o.level, (stack.at(-1)?.level ?? 0) + 1) };
    const level = shift && o.level === shift.from ? shift.to : o.level;
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
    const parent = stack.at(-1);
    const placed = level === o.level ? row : { ...row, level };
    if (parent) parent.children.push(placed);
    else roots.push(placed);
    stack.push(placed);
  }
  return roots;
}

/** Every row of an outline, depth first. */
export function allRows(rows: readonly OutlineRow[]): OutlineRow[] {
  return rows.flatMap((r) => [r, ...allRows(r.children)]);
}

const figure = (r: OutlineRow, sign: 1 | -1 = 1): FormFigure => ({ label: r.mark ? `${r.mark}. ${r.text}` : r.text, value: valueOf(r) ?? null, row: r.at[0], col: r.at[1], sign });

/**
 * The checks an outline carries: each row written with a figure equals its parts when they are written ("Chia ra",
 * the items of a section); each "Trong đó" row is at most its row.
 */
export function outlineChecks(rows: readonly OutlineRow[]): FormSum[] {
  const sums: FormSum[] = [];
  for (const r of allRows(rows)) {
    const parts = r.children.filter((c) => valueOf(c) !== undefined);
    if (r.value !== undefined && parts.length > 0) sums.push({ relation: 'parts', whole: figure(r), terms: r.children.map((c) => figure(c)) });
    for (const s of r.subsets) if (s.value !== undefined) sums.push({ relation: 'subset', whole: figure(r), terms: [figure(s)] });
  }
  return sums;
}

/** The balance "D = A + B − C" of a form's sections: the end, and the terms that make it. */
export function balanceCheck(end: OutlineRow, plus: readonly OutlineRow[], minus: readonly OutlineRow[]): FormSum {
  return { relation: 'balance', whole: figure(end), terms: [...plus.map((r) => figure(r, 1)), ...minus.map((r) => figure(r, -1))] };
}
