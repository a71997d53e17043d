/**
 * A set of unit keys with a number stored for each, in typed arrays: 16 bytes a key instead of the ~100 a
 * Map<string, number> takes, so that a million units fit in a few tens of megabytes. Keys are kept as two
 * independent 32-bit hashes (64 bits); two different keys collide with a probability of about n²/2⁶⁵
 * (3·10⁻⁸ for a million units).
 */
export class KeyIndex {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private values = new Float64Array(1024);
  private used = new Uint8Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value stored for `key`, or undefined. */
  get(key: string): number | undefined {
    const [h, l] = hash(key);
    const mask = this.used.length - 1;
    for (let i = (h ^ l) & mask; this.used[i]; i = (i + 1) & mask) {
      if (this.hi[i] === h && this.lo[i] === l) return this.values[i];
    }
    return undefined;
  }

  /** Store `value` for `key` unless it is there already; returns the value already stored, if any. */
  setIfAbsent(key: string, value: number): number | undefined {
    if ((this.count + 1) * 2 > this.used.length) this.grow();
    const [h, l] = hash(key);
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
