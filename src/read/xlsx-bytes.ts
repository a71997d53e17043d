/**
 * A cell's attributes and value read from a sheet's bytes, without making a string (xlsx-sheet.ts, `fast`): the
 * same readings as the text functions of xlsx-values.ts and parseFloat/parseInt, for the forms they cover.
 */

/** `B12` → 1 (0-based), from the bytes between `from` and `to`, as `columnAt` reads it; -1 when none. */
export function columnIn(b: Buffer, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const ch = b[i] ?? 0;
    if (ch === 0x24 && i === from) continue;
    if (ch < 0x41 || ch > 0x5a) break;
    col = col * 26 + (ch - 64);
  }
  return col - 1;
}

/** A non-negative integer written between `from` and `to`; -1 when it is not one (or too long to be exact). */
export function digitsIn(b: Buffer, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = (b[i] ?? 0) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A cell's type (`t`) as the text the scanner compares, the usual ones without making a string. */
export function typeIn(b: Buffer, from: number, to: number): string {
  const a = b[from];
  switch (to - from) {
    case 1:
      if (a === 0x73) return 's';
      if (a === 0x6e) return 'n';
      if (a === 0x62) return 'b';
      if (a === 0x65) return 'e';
      if (a === 0x64) return 'd';
      break;
    case 3:
      if (a === 0x73 && b[from + 1] === 0x74 && b[from + 2] === 0x72) return 'str';
      break;
    case 9:
      if (b.toString('latin1', from, to) === 'inlineStr') return 'inlineStr';
      break;
    default:
      break;
  }
  return b.toString('utf8', from, to);
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A number written `-?digits(.digits)?` between `from` and `to`, as parseFloat reads it, or undefined for any
 * other form (left to parseFloat). At most 15 digits: the digits and the power of ten are both exact doubles, so
 * their quotient is the correctly rounded value, which is what parseFloat gives.
 */
export function decimalIn(b: Buffer, from: number, to: number): number | undefined {
  let i = from;
  const negative = b[i] === 0x2d;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let scale = -1;
  for (; i < to; i++) {
    const c = b[i] ?? 0;
    if (c === 0x2e) {
      if (scale >= 0) return undefined;
      scale = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
    digits++;
    if (scale >= 0) scale++;
  }
  if (digits === 0 || digits > 15) return undefined;
  const v = scale > 0 ? n / (POWERS[scale] ?? 1) : n;
  return negative ? -v : v;
}
