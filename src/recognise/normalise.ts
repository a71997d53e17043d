import type { CellValue } from '../read/types.js';
import { compareViText } from './vi-order.js';

/**
 * Text folding used for every comparison of headers and labels: case, diacritics, composed or decomposed
 * Unicode, đ/d, punctuation and spacing are all ignored. The display form of a text is `cleanText`.
 */

const COMBINING = /[\u0300-\u036f]/g;
const HAS_COMBINING = /[\u0300-\u036f]/;
const NON_ALNUM = /[^a-z0-9]+/g;
const ASCII = /^[^\u0080-\uffff]*$/;
const LOOSE_SPACE = /\s{2,}|[\t\n\r\u00a0\u2000-\u200b\u202f\u3000]/;
/** Anything cleanText has to change besides the ends: one scan rules out both passes for most cells. */
const NEEDS_CLEANING = /[\u0300-\u036f\t\n\r\u00a0\u2000-\u200b\u202f\u3000]|\s\s/;

/** Fold a header or label to its comparison key: "Tổng số\n ĐV" → "tong so dv". */
export function fold(text: string): string {
  // Codes and plain words ("DB0000001", "hcm"): letters and digits only, nothing to take out.
  let upper = false;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 ? c > 0x7a : c < 0x30 || (c > 0x39 && (c < 0x41 || c > 0x5a))) break;
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  if (i === text.length) return upper ? text.toLowerCase() : text;
  const fast = text.length <= FAST_FOLD_MAX ? foldByTable(text) : undefined;
  if (fast !== undefined) return fast;
  let s = text.toLowerCase();
  if (!ASCII.test(s)) s = s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd');
  return s.replace(NON_ALNUM, ' ').trim();
}

/** Up to U+1EFF (Latin with Vietnamese, and what else the table can say alone), Greek left out (Σ lower-cases by context). */
const TABLE_END = 0x1f00;
const FAST_FOLD_MAX = 512;
/** Each character as `fold` makes it alone, before the runs of other characters become one space: filled as met. */
const FOLDED_CHAR: (string | undefined)[] = [];
const folded = new Uint16Array(FAST_FOLD_MAX * 4);

function foldChar(c: number): string {
  let f = FOLDED_CHAR[c];
  if (f === undefined) {
    f = String.fromCharCode(c).toLowerCase().normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd');
    FOLDED_CHAR[c] = f;
  }
  return f;
}

/**
 * `fold` one character at a time through a table (no normalisation and no regular expression over the whole text):
 * lower-casing, decomposing and taking the marks off each letter of these scripts alone gives what they give of the
 * whole text. Undefined for a text with any other character (test/normalise.test.ts holds the two to each other).
 */
function foldByTable(text: string): string | undefined {
  let n = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= TABLE_END || (c >= 0x370 && c <= 0x3ff)) return undefined;
    const f = c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c + 0x20 : c) : -1;
    if (f >= 0) {
      if ((f >= 0x61 && f <= 0x7a) || (f >= 0x30 && f <= 0x39)) {
        if (space && n > 0) folded[n++] = 0x20;
        space = false;
        folded[n++] = f;
      } else space = true;
      continue;
    }
    const piece = foldChar(c);
    if (n + 2 * piece.length >= folded.length) return undefined;
    for (let k = 0; k < piece.length; k++) {
      const p = piece.charCodeAt(k);
      if ((p >= 0x61 && p <= 0x7a) || (p >= 0x30 && p <= 0x39)) {
        if (space && n > 0) folded[n++] = 0x20;
        space = false;
        folded[n++] = p;
      } else space = true;
    }
  }
  return String.fromCharCode.apply(null, folded.subarray(0, n) as unknown as number[]);
}

/**
 * Whether a text may need more than trimming (see NEEDS_CLEANING): one pass over its characters, no regular
 * expression, for the names and labels read on every row. Whitespace other than the space sends it the long way.
 */
function mayNeedCleaning(text: string): boolean {
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (space) return true;
      space = true;
      continue;
    }
    space = false;
    if (c < 0x20 ? c >= 0x09 && c <= 0x0d : c >= 0x85 && (c === 0x85 || c === 0xa0 || (c >= 0x300 && c <= 0x36f) || c === 0x1680
      || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) return true;
  }
  return false;
}

/** NFC, trimmed, inner whitespace and line breaks collapsed to one space: what a user sees. */
export function cleanText(text: string): string {
  if (!mayNeedCleaning(text)) {
    const n = text.length;
    return n > 0 && (text.charCodeAt(0) === 0x20 || text.charCodeAt(n - 1) === 0x20) ? text.trim() : text;
  }
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  let s = HAS_COMBINING.test(text) ? text.normalize('NFC') : text;
  if (LOOSE_SPACE.test(s)) s = s.replace(/\s+/g, ' ');
  return s.trim();
}

/** A cell as the text a user sees in it: numbers as written, dates as YYYY-MM-DD, errors as "#REF!". */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return String(value);
  return value.error;
}

/** Vietnamese alphabetical order ("Đ" after "D", "Ư" after "U"), without making ICU's collator (vi-order.ts). */
export function compareVi(a: string, b: string): number {
  return compareViText(a, b);
}

/** Plain code-point order: the same on every machine whatever its locale (file paths, codes). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A copy of a text that holds nothing else: a name read from a CSV or a streamed sheet can be a slice of the whole
 * chunk it was decoded from, and keeping a slice keeps the chunk (V8 keeps a slice's parent alive).
 */
export function own(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
