/**
 * A set of unit keys with a number stored for each, in typed arrays: 16 bytes a key instead of the ~100 a
 * Map<string, number> takes, so that a million units fit in a few tens of megabytes. Keys are kept as two
 * independent 32-bit hashes (64 bits); two different keys collide with a probability of about n²/2⁶⁵
 * (3·10⁻⁸ for a million units).
 */
export class KeyIndex {
  /** Keys moved out of the table by `seal`, sorted by (hi, lo): 16 bytes a key and no empty slots. */
  private sealed: Sealed = { hi: new Uint32Array(0), lo: new Uint32Array(0), values: new Float64Array(0) };
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private values = new Float64Array(1024);
  private used = new Uint8Array(1024);
  private count = 0;

  get size(): number {
    return this.count + this.sealed.hi.length;
  }

  /** The value stored for `key`, or undefined. */
  get(key: string): number | undefined {
    const [h, l] = hash(key);
    const mask = this.used.length - 1;
    for (let i = (h ^ l) & mask; this.used[i]; i = (i + 1) & mask) {
      if (this.hi[i] === h && this.lo[i] === l) return this.values[i];
    }
    return this.sealed.hi.length > 0 ? findSealed(this.sealed, h, l) : undefined;
  }

  /** Store `value` for `key` unless it is there already; returns the value already stored, if any. */
  setIfAbsent(key: string, value: number): number | undefined {
    if (this.count >= SEAL_FROM) this.seal();
    if ((this.count + 1) * 2 > this.used.length) this.grow();
    const [h, l] = hash(key);
    if (this.sealed.hi.length > 0) {
      const before = findSealed(this.sealed, h, l);
      if (before !== undefined) return before;
    }
    const mask = this.used.length - 1;
    let i = (h ^ l) & mask;
    for (; this.used[i]; i = (i + 1) & mask) {
      if (this.hi[i] === h && this.lo[i] === l) return this.values[i];
    }
    this.used[i] = 1;
    this.hi[i] = h;
    this.lo[i] = l;
    this.values[i] = value;
    this.count++;
    return undefined;
  }

  /**
   * Move the table's keys into the sorted store and start a small table again, done each time the table holds
   * SEAL_FROM keys: a million keys then take 16 bytes each instead of the 34 of a half-empty table (and the 51 of
   * one growing), and the table stays small. Lookups see both (a probe, then a binary search). Each seal merges
   * the table into the store: for a million keys, 8 merges and about 4 million copies, a few tens of ms.
   */
  seal(): void {
    if (this.count === 0) return;
    const n = this.count;
    const hi = new Uint32Array(n);
    const lo = new Uint32Array(n);
    const values = new Float64Array(n);
    let k = 0;
    for (let j = 0; j < this.used.length; j++) {
      if (!this.used[j]) continue;
      hi[k] = this.hi[j] ?? 0;
      lo[k] = this.lo[j] ?? 0;
      values[k++] = this.values[j] ?? 0;
    }
    this.sealed = mergeSealed(this.sealed, sortSealed({ hi, lo, values }));
    this.hi = new Uint32Array(1024);
    this.lo = new Uint32Array(1024);
    this.values = new Float64Array(1024);
    this.used = new Uint8Array(1024);
    this.count = 0;
  }

  private grow(): void {
    const { hi, lo, values, used } = this;
    const size = used.length * 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.values = new Float64Array(size);
    this.used = new Uint8Array(size);
    const mask = size - 1;
    for (let j = 0; j < used.length; j++) {
      if (!used[j]) continue;
      const h = hi[j] ?? 0;
      const l = lo[j] ?? 0;
      let i = (h ^ l) & mask;
      while (this.used[i]) i = (i + 1) & mask;
      this.used[i] = 1;
      this.hi[i] = h;
      this.lo[i] = l;
      this.values[i] = values[j] ?? 0;
    }
  }
}

/** The table holds at most this many keys before they move to the sorted store (a bloc's few hundred never do). */
export const SEAL_FROM = 131_072;

interface Sealed {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly values: Float64Array;
}

const before = (s: Sealed, i: number, h: number, l: number): boolean => {
  const a = s.hi[i] ?? 0;
  return a < h || (a === h && (s.lo[i] ?? 0) < l);
};

function findSealed(s: Sealed, h: number, l: number): number | undefined {
  let lo = 0;
  let hi = s.hi.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(s, mid, h, l)) lo = mid + 1;
    else hi = mid;
  }
  return lo < s.hi.length && s.hi[lo] === h && s.lo[lo] === l ? s.values[lo] : undefined;
}

function sortSealed(s: Sealed): Sealed {
  const n = s.hi.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => (s.hi[x] ?? 0) - (s.hi[y] ?? 0) || (s.lo[x] ?? 0) - (s.lo[y] ?? 0));
  const out = { hi: new Uint32Array(n), lo: new Uint32Array(n), values: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const j = order[i] ?? 0;
    out.hi[i] = s.hi[j] ?? 0;
    out.lo[i] = s.lo[j] ?? 0;
    out.values[i] = s.values[j] ?? 0;
  }
  return out;
}

/** Two sorted stores as one (their keys are distinct: a key in one was never added to the other). */
function mergeSealed(a: Sealed, b: Sealed): Sealed {
  if (a.hi.length === 0) return b;
  const n = a.hi.length + b.hi.length;
  const out = { hi: new Uint32Array(n), lo: new Uint32Array(n), values: new Float64Array(n) };
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const from = j >= b.hi.length || (i < a.hi.length && before(a, i, b.hi[j] ?? 0, b.lo[j] ?? 0)) ? a : b;
    const at = from === a ? i++ : j++;
    out.hi[k] = from.hi[at] ?? 0;
    out.lo[k] = from.lo[at] ?? 0;
    out.values[k] = from.values[at] ?? 0;
  }
  return out;
}

/** FNV-1a and a murmur-style mix over UTF-16 code units: two independent 32-bit hashes. */
export function hash(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  b = Math.imul(b ^ (b >>> 15), 0x85ebca6b);
  return [a >>> 0, (b ^ (b >>> 16)) >>> 0];
}
