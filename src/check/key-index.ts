import { hash } from './key-hash.js';

export { hash } from './key-hash.js';

/**
 * A set of unit keys with a number stored for each, in typed arrays: 16 bytes a key instead of the ~100 a
 * Map<string, number> takes, so that a million units fit in a few tens of megabytes. Keys are kept as two
 * independent 32-bit hashes (64 bits); two different keys collide with a probability of about n²/2⁶⁵
 * (3·10⁻⁸ for a million units).
 */
export class KeyIndex {
  /** Keys moved out of the table by `seal`, sorted by (hi, lo): 16 bytes a key and no empty slots. */
  private readonly sealed = new SortedStore();
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private values = new Float64Array(1024);
  private used = new Uint8Array(1024);
  private count = 0;

  get size(): number {
    return this.count + this.sealed.n;
  }

  /** The value stored for `key`, or undefined. */
  get(key: string): number | undefined {
    const [h, l] = hash(key);
    const mask = this.used.length - 1;
    for (let i = (h ^ l) & mask; this.used[i]; i = (i + 1) & mask) {
      if (this.hi[i] === h && this.lo[i] === l) return this.values[i];
    }
    return this.sealed.n > 0 ? this.sealed.find(h, l) : undefined;
  }

  /** Store `value` for `key`, over the value stored before, if any. */
  set(key: string, value: number): void {
    if (this.count >= SEAL_FROM) this.seal();
    const [h, l] = hash(key);
    const mask = this.used.length - 1;
    for (let i = (h ^ l) & mask; this.used[i]; i = (i + 1) & mask) {
      if (this.hi[i] === h && this.lo[i] === l) {
        this.values[i] = value;
        return;
      }
    }
    if (this.sealed.n > 0 && this.sealed.replace(h, l, value)) return;
    this.insert(h, l, value);
  }

  /** Store `value` for `key` unless it is there already; returns the value already stored, if any. */
  setIfAbsent(key: string, value: number): number | undefined {
    const [h, l] = hash(key);
    return this.setHashIfAbsent(h, l, value);
  }

  /** `setIfAbsent` of the key whose `hash` is (h, l) (see KeyHash: a key hashed without being made). */
  setHashIfAbsent(h: number, l: number, value: number): number | undefined {
    // Before any lookup: a key is then in the table or in the store, never moved between the two looks.
    if (this.count >= SEAL_FROM) this.seal();
    if (this.sealed.n > 0) {
      const before = this.sealed.find(h, l);
      if (before !== undefined) return before;
    }
    return this.insert(h, l, value);
  }

  /** Into the table, unless the table has the key (whose value is returned); the sorted store was looked at. */
  private insert(h: number, l: number, value: number): number | undefined {
    if ((this.count + 1) * 2 > this.used.length) this.grow();
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
   * the table into the store in place (from the back): for a million keys, 8 merges and about 4 million moves.
   */
  seal(): void {
    if (this.count === 0) return;
    const n = this.count;
    // Sorted as 64-bit integers (hi above lo) by the engine's own sort, no comparator: then each key's value is
    // found again in the table, which is still whole.
    const keys = new BigUint64Array(n);
    const words = new Uint32Array(keys.buffer);
    const { hi, lo, used, values } = this;
    let k = 0;
    for (let j = 0; j < used.length; j++) {
      if (!used[j]) continue;
      words[2 * k + HI_WORD] = hi[j] as number;
      words[2 * k + LO_WORD] = lo[j] as number;
      k++;
    }
    keys.sort();
    const out = { hi: new Uint32Array(n), lo: new Uint32Array(n), values: new Float64Array(n), n };
    const mask = used.length - 1;
    for (let m = 0; m < n; m++) {
      const h = words[2 * m + HI_WORD] as number;
      const l = words[2 * m + LO_WORD] as number;
      let i = (h ^ l) & mask;
      while (!used[i] || hi[i] !== h || lo[i] !== l) i = (i + 1) & mask;
      out.hi[m] = h;
      out.lo[m] = l;
      out.values[m] = values[i] as number;
    }
    this.sealed.merge(out);
    // The table's arrays are kept, emptied: the next keys fill them again without growing through every size.
    used.fill(0);
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
export const SEAL_FROM = 65_536;

interface Sealed {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly values: Float64Array;
  readonly n: number;
}

/** Where a key's high and low 32 bits sit in the two words of a 64-bit integer on this machine. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI_WORD = LITTLE_ENDIAN ? 1 : 0;
const LO_WORD = 1 - HI_WORD;

/** Entries a block of the sorted store holds: 1 MB a block. */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;

/**
 * Keys sorted by (hi, lo) with their values, in blocks of a fixed size that are added as the store grows and never
 * freed or copied. A merge works from the back, in place. (One array grown by copying left the memory allocator
 * with freed pieces of every size it could not give back: ~25 MB of a streak of two million-unit years.)
 */
class SortedStore {
  private readonly his: Uint32Array[] = [];
  private readonly los: Uint32Array[] = [];
  private readonly vals: Float64Array[] = [];
  /** dir[d]: the first key whose `hi` has `d` as its top DIR_BITS bits (dir[2^DIR_BITS] = n); made by the first merge. */
  private dir = new Uint32Array(2);
  /** One bit per value of the top SEEN_BITS bits of `lo`, set for each key here (false positives only). */
  private seen = new Uint32Array(0);
  n = 0;

  find(h: number, l: number): number | undefined {
    const at = this.at(h, l);
    return at < 0 ? undefined : this.vals[at >>> BLOCK_BITS]?.[at & IN_BLOCK];
  }

  /** Replace the value of a key that is here; false when it is not. */
  replace(h: number, l: number, value: number): boolean {
    const at = this.at(h, l);
    const block = this.vals[at >>> BLOCK_BITS];
    if (at >= 0 && block) block[at & IN_BLOCK] = value;
    return at >= 0;
  }

  private hiAt(k: number): number {
    return (this.his[k >>> BLOCK_BITS] as Uint32Array)[k & IN_BLOCK] as number;
  }

  private loAt(k: number): number {
    return (this.los[k >>> BLOCK_BITS] as Uint32Array)[k & IN_BLOCK] as number;
  }

  private at(h: number, l: number): number {
    if (this.n === 0) return -1;
    // Most keys looked up are new: one bit says so for most of them without a search.
    if (((this.seen[l >>> (37 - SEEN_BITS)] as number) & (1 << (l & 31))) === 0) return -1;
    // Only the keys that share the top bits of `hi`: about 16 of a million, four steps instead of twenty.
    const d = h >>> (32 - DIR_BITS);
    let a = this.dir[d] as number;
    const end = this.dir[d + 1] as number;
    let b = end;
    while (a < b) {
      const mid = (a + b) >>> 1;
      const x = this.hiAt(mid);
      if (x < h || (x === h && this.loAt(mid) < l)) a = mid + 1;
      else b = mid;
    }
    return a < end && this.hiAt(a) === h && this.loAt(a) === l ? a : -1;
  }

  /** Merge sorted keys in (none of them is here already). */
  merge(b: Sealed): void {
    const total = this.n + b.n;
    while (this.his.length * BLOCK < total) {
      this.his.push(new Uint32Array(BLOCK));
      this.los.push(new Uint32Array(BLOCK));
      this.vals.push(new Float64Array(BLOCK));
    }
    if (this.seen.length === 0) this.seen = new Uint32Array(1 << (SEEN_BITS - 5));
    for (let m = 0; m < b.n; m++) {
      const l = b.lo[m] as number;
      this.seen[l >>> (37 - SEEN_BITS)] = (this.seen[l >>> (37 - SEEN_BITS)] as number) | (1 << (l & 31));
    }
    if (this.dir.length !== DIR + 1) this.dir = new Uint32Array(DIR + 1);
    const { his, los, vals, dir } = this;
    // The ranges of the directory are found as the keys are written, from the back: a range's last write is its start.
    dir.fill(NO_KEY);
    let i = this.n - 1;
    let j = b.n - 1;
    let k = total - 1;
    while (j >= 0) {
      const bh = b.hi[j] as number;
      const bl = b.lo[j] as number;
      // The store's keys above b's next one move up, to k.
      for (; i >= 0; i--, k--) {
        const ib = i >>> BLOCK_BITS;
        const io = i & IN_BLOCK;
        const ah = (his[ib] as Uint32Array)[io] as number;
        const al = (los[ib] as Uint32Array)[io] as number;
        if (ah < bh || (ah === bh && al < bl)) break;
        const kb = k >>> BLOCK_BITS;
        const ko = k & IN_BLOCK;
        (his[kb] as Uint32Array)[ko] = ah;
        (los[kb] as Uint32Array)[ko] = al;
        (vals[kb] as Float64Array)[ko] = (vals[ib] as Float64Array)[io] as number;
        dir[ah >>> (32 - DIR_BITS)] = k;
      }
      const kb = k >>> BLOCK_BITS;
      const ko = k & IN_BLOCK;
      (his[kb] as Uint32Array)[ko] = bh;
      (los[kb] as Uint32Array)[ko] = bl;
      (vals[kb] as Float64Array)[ko] = b.values[j] as number;
      dir[bh >>> (32 - DIR_BITS)] = k;
      j--;
      k--;
    }
    // The store's first keys, below all of b's, stay where they are.
    for (; i >= 0; i--) dir[this.hiAt(i) >>> (32 - DIR_BITS)] = i;
    dir[DIR] = total;
    for (let d = DIR - 1; d >= 0; d--) if (dir[d] === NO_KEY) dir[d] = dir[d + 1] as number;
    this.n = total;
  }
}

/** A range of the directory no key is in (yet). */
const NO_KEY = 0xffffffff;

/** 2^23 bits (1 MB): for a million keys about one new key in nine is looked for in the store. */
const SEEN_BITS = 23;

/** Bits of a key's `hi` the sorted store is indexed by: 65,536 ranges, 256 KB. */
const DIR_BITS = 16;
const DIR = 1 << DIR_BITS;
