import { fold } from '../recognise/normalise.js';
import type { UnitRow } from '../recognise/table.js';
import type { OrgType } from '../recognise/vocabulary.js';

/** A grassroots organisation as the comparison lists it. */
export interface UnitRef {
  readonly code: string | null;
  readonly name: string;
  readonly type: OrgType | null;
  readonly file: string;
  readonly row: number;
}

/** Which grassroots organisations the two periods share, and which came or went. */
export interface UnitChanges {
  /** Matched by code (both rows have the same code), and by folded name (else). */
  readonly matched: { readonly byCode: number; readonly byName: number };
  readonly appeared: readonly UnitRef[];
  readonly disappeared: readonly UnitRef[];
  /** How many came and went: more than listed when there are more than LIST_LIMIT. */
  readonly appearedCount: number;
  readonly disappearedCount: number;
}

/** Units listed as come or gone, at most: a bloc has a few hundred; a run of a million rows is counted, not listed. */
export const LIST_LIMIT = 1000;
/** Previous units whose name is kept (to list those gone): beyond it they are only counted. */
const KEEP_LIMIT = 10_000;

const GRASSROOTS = new Set<OrgType | undefined>(['dang_bo_co_so', 'chi_bo_co_so', undefined]);
/** Is the row a grassroots organisation (or of a type not said), as the comparison matches them? */
export const isGrassroots = (row: UnitRow): boolean => GRASSROOTS.has(row.type);
export const ref = (row: UnitRow): UnitRef => ({ code: row.code ?? null, name: row.name, type: row.type ?? null, file: row.source.file, row: row.source.row });

/** Each UTF-16 unit as `fold` reads it: its folded letters, "" for a separator, null for a combining mark (dropped). */
const foldedUnits = new Map<number, string | null>();
function foldedUnit(c: number): string | null {
  let f = foldedUnits.get(c);
  if (f === undefined) {
    f = c >= 0x300 && c <= 0x36f ? null : fold(String.fromCharCode(c));
    if (foldedUnits.size < 20_000) foldedUnits.set(c, f);
  }
  return f;
}

/**
 * The hash of `fold(text)` computed without building it (a million names fold without a million new strings): two
 * independent 32-bit hashes folded into 53 bits, exact in a double, n²/2⁵⁴ odds of a collision.
 */
function foldHash53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let started = false;
  let space = false;
  const mix = (c: number): void => {
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ? null : foldedUnit(c);
    if (f === null && !((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) continue;
    const out = f ?? String.fromCharCode(c);
    if (out === '') {
      space = true;
      continue;
    }
    for (let j = 0; j < out.length; j++) {
      const o = out.charCodeAt(j);
      if (o === 0x20) {
        space = true;
        continue;
      }
      if (space && started) mix(0x20);
      space = false;
      started = true;
      mix(o);
    }
  }
  b = Math.imul(b ^ (b >>> 15), 0x85ebca6b);
  return (a >>> 0) * 2 ** 21 + (((b ^ (b >>> 16)) >>> 0) >>> 11);
}

/**
 * Hashed keys with the ordinal of their unit, appended then sorted once and searched: 12 bytes a key, a third of
 * what a hash table takes, so that the keys of a million units on one side stay small.
 */
class SortedKeys {
  private keys = new Float64Array(1024);
  private ords = new Uint32Array(1024);
  private n = 0;

  push(key: string, ord: number): void {
    if (this.n === this.keys.length) {
      const k = new Float64Array(this.n * 2);
      k.set(this.keys);
      this.keys = k;
      const o = new Uint32Array(this.n * 2);
      o.set(this.ords);
      this.ords = o;
    }
    this.keys[this.n] = foldHash53(key);
    this.ords[this.n++] = ord;
  }

  /** Sort by key (the first ordinal first among equal keys); no push after. */
  seal(): void {
    const idx = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) idx[i] = i;
    const { keys, ords } = this;
    idx.sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0) || (ords[x] ?? 0) - (ords[y] ?? 0));
    const k = new Float64Array(this.n);
    const o = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const j = idx[i] ?? 0;
      k[i] = keys[j] ?? 0;
      o[i] = ords[j] ?? 0;
    }
    this.keys = k;
    this.ords = o;
  }

  /** The first ordinal stored under `key` (folded as it is hashed), or undefined. */
  get(key: string): number | undefined {
    const h = foldHash53(key);
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] ?? 0) < h) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.n && this.keys[lo] === h ? this.ords[lo] : undefined;
  }
}

/**
 * Matches the grassroots organisations of two periods as rows arrive, the previous period's first: by code when
 * both have one, else by folded name (case, diacritics, tone-mark placement, spacing). Keys are hashed and kept in
 * sorted typed arrays, so a million units on each side stay small; the names of the previous ones are kept up to
 * KEEP_LIMIT (to list those gone).
 */
export class UnitMatcher {
  private readonly byCode = new SortedKeys();
  private readonly byName = new SortedKeys();
  private sealed = false;
  private matchedFlags = new Uint8Array(1024);
  private previousCount = 0;
  private readonly kept: UnitRef[] = [];
  private readonly appeared: UnitRef[] = [];
  private appearedCount = 0;
  private readonly matched = { byCode: 0, byName: 0 };

  addPrevious(row: UnitRow): void {
    if (!GRASSROOTS.has(row.type)) return;
    const i = this.previousCount++;
    // A unit written twice (TL020) is listed under its first row: the search finds the first ordinal.
    if (row.code) this.byCode.push(row.code, i);
    this.byName.push(row.name, i);
    if (this.previousCount > this.matchedFlags.length) {
      const grown = new Uint8Array(this.matchedFlags.length * 2);
      grown.set(this.matchedFlags);
      this.matchedFlags = grown;
    }
    if (this.kept.length < KEEP_LIMIT) this.kept.push(ref(row));
  }

  /** The previous side is over: its keys are sorted for searching (done by the first current row, if not before). */
  seal(): void {
    if (this.sealed) return;
    this.byCode.seal();
    this.byName.seal();
    this.sealed = true;
  }

  addCurrent(row: UnitRow): void {
    this.seal();
    if (!GRASSROOTS.has(row.type)) return;
    const byCode = row.code ? this.byCode.get(row.code) : undefined;
    const at = byCode ?? this.byName.get(row.name);
    if (at === undefined || this.matchedFlags[at]) {
      this.appearedCount++;
      if (this.appeared.length < LIST_LIMIT) this.appeared.push(ref(row));
      return;
    }
    this.matchedFlags[at] = 1;
    if (byCode !== undefined) this.matched.byCode++;
    else this.matched.byName++;
  }

  result(): UnitChanges {
    const disappeared: UnitRef[] = [];
    let disappearedCount = 0;
    for (let i = 0; i < this.previousCount; i++) {
      if (this.matchedFlags[i]) continue;
      disappearedCount++;
      const r = this.kept[i];
      if (r && disappeared.length < LIST_LIMIT) disappeared.push(r);
    }
    return { matched: { ...this.matched }, appeared: [...this.appeared], disappeared, appearedCount: this.appearedCount, disappearedCount };
  }
}
