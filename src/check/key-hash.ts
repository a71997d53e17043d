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

/**
 * `hash` of a key given in pieces, without the key being made: `start` with the key's whole length, the pieces in
 * order, then `end`; `hi` and `lo` are then what `hash` gives for the pieces joined (test/key-index.test.ts).
 * A million keys joined from a period, a letter and a code each cost a concatenation, its flattening and a
 * lower-cased copy of the code (of a two-byte string, when the CSV has Vietnamese text).
 */
export class KeyHash {
  hi = 0;
  lo = 0;
  private a = 0;
  private b = 0;

  start(length: number): this {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c ^ length;
    return this;
  }

  char(c: number): this {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    const b = Math.imul(this.b ^ c, 0x5bd1e995);
    this.b = b ^ (b >>> 13);
    return this;
  }

  text(s: string): this {
    for (let i = 0; i < s.length; i++) this.char(s.charCodeAt(i));
    return this;
  }

  /** The text with A–Z lower-cased (what `fold` gives of ASCII letters and digits, see `isAsciiAlnum`). */
  lowerAscii(s: string): this {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.char(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
    }
    return this;
  }

  end(): this {
    const b = Math.imul(this.b ^ (this.b >>> 15), 0x85ebca6b);
    this.hi = this.a >>> 0;
    this.lo = (b ^ (b >>> 16)) >>> 0;
    return this;
  }
}

/** Letters A–Z, a–z and digits only, not empty: `fold` of it is it lower-cased. */
export function isAsciiAlnum(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 ? c > 0x7a : c < 0x30 || (c > 0x39 && (c < 0x41 || c > 0x5a))) return false;
  }
  return true;
}
