/**
 * A set of unit keys with a number stored for each, in typed arrays: 16 bytes a key instead of the ~100 a
 * Map<string, number> takes, so that a million units fit in a few tens of megabytes. Keys are kept as two
 * independent 32-bit hashes (64 bits); two different keys collide with a probability of about n²/2⁶⁵
 * (3·10⁻⁸ for a million units).
 */
export class KeyIndex {
  /**
   * One slot of 16 bytes per key: the two hashes and the value plus one (0: an empty slot), side by side, so that a
   * probe (and each key moved when the table grows) touches one cache line, not four arrays (a million random reads
   * each). Values are numbers ≥ 0 (the checker's packed places).
   */
  private words = new Uint32Array(1024 * 4);
  private values = new Float64Array(this.words.buffer);
  private slots = 1024;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value stored for `key`, or undefined. */
  get(key: string): number | undefined {
    const [h, l] = hash(key);
    const { words } = this;
    const mask = this.slots - 1;
    for (let i = (h ^ l) & mask; this.values[i * 2 + 1]; i = (i + 1) & mask) {
      if (words[i * 4] === h && words[i * 4 + 1] === l) return (this.values[i * 2 + 1] ?? 0) - 1;
    }
    return undefined;
  }

  /** Store `value` for `key` unless it is there already; returns the value already stored, if any. */
  setIfAbsent(key: string, value: number): number | undefined {
    if ((this.count + 1) * 2 > this.slots) this.grow();
    const [h, l] = hash(key);
    const { words } = this;
    const mask = this.slots - 1;
    let i = (h ^ l) & mask;
    for (; this.values[i * 2 + 1]; i = (i + 1) & mask) {
      if (words[i * 4] === h && words[i * 4 + 1] === l) return (this.values[i * 2 + 1] ?? 0) - 1;
    }
    words[i * 4] = h;
    words[i * 4 + 1] = l;
    this.values[i * 2 + 1] = value + 1;
    this.count++;
    return undefined;
  }

  private grow(): void {
    const { words, values, slots } = this;
    const size = slots * 2;
    const into = new Uint32Array(size * 4);
    const intoValues = new Float64Array(into.buffer);
    const mask = size - 1;
    for (let j = 0; j < slots; j++) {
      const stored = values[j * 2 + 1] ?? 0;
      if (stored === 0) continue;
      const h = words[j * 4] ?? 0;
      const l = words[j * 4 + 1] ?? 0;
      let i = (h ^ l) & mask;
      while (intoValues[i * 2 + 1]) i = (i + 1) & mask;
      into[i * 4] = h;
      into[i * 4 + 1] = l;
      intoValues[i * 2 + 1] = stored;
    }
    this.words = into;
    this.values = intoValues;
    this.slots = size;
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
