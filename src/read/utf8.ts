import { isUtf8 } from 'node:buffer';

/** Where UTF-8 text goes wrong: the 1-based line and byte of the file, the byte itself, and whether the file ends there. */
export interface Utf8Fault {
  readonly line: number;
  readonly byte: number;
  readonly value: number;
  /** The file ends inside a character (cut short), rather than holding a byte UTF-8 never has there. */
  readonly cut: boolean;
}

/** How many bytes a UTF-8 sequence starting with `lead` has; 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether bytes[at..] starts a well-formed sequence (overlong forms and surrogates excluded), and its length. */
function wellFormedAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  const n = sequenceLength(lead);
  if (n <= 1) return n;
  if (at + n > bytes.length) return 0;
  for (let k = 1; k < n; k++) if (((bytes[at + k] ?? 0) & 0xc0) !== 0x80) return 0;
  const second = bytes[at + 1] ?? 0;
  if (lead === 0xe0 && second < 0xa0) return 0;
  if (lead === 0xed && second > 0x9f) return 0;
  if (lead === 0xf0 && second < 0x90) return 0;
  if (lead === 0xf4 && second > 0x8f) return 0;
  return n;
}

/**
 * The bytes above 0x7f of a text, as UTF-8 sees them: `valid` multi-byte characters and `invalid` bytes that
 * are not part of one. UTF-8 Vietnamese has hundreds of valid sequences and no invalid byte; Windows-1258,
 * TCVN3 and VNI text has invalid bytes in nearly every word and valid sequences hardly ever (none in the
 * fixtures' legacy files or in the seed articles converted to each): a file with more valid sequences than
 * invalid bytes is UTF-8 that has been damaged, not text in another encoding.
 */
export function utf8Shape(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const n = wellFormedAt(bytes, i);
    if (n > 0) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Where a sequence cut off at the end of `bytes` starts (bytes.length when none is), to be completed by the next piece. */
function completeEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && bytes.length - back >= 0; back++) {
    const b = bytes[bytes.length - back] ?? 0;
    if ((b & 0xc0) === 0xc0) return sequenceLength(b) > back ? bytes.length - back : bytes.length;
    if ((b & 0x80) === 0) break;
  }
  return bytes.length;
}

/**
 * A running check that the pieces of a file are UTF-8, for text handed to the parser as bytes (which would
 * otherwise turn a bad byte into "�" without a word). Line endings are counted as the pieces pass (LF, CRLF
 * or a lone CR) so that a fault far into a large file is still named by its line.
 */
export class Utf8Check {
  /** Bytes of the file before the current piece. */
  private offset: number;
  private line = 1;
  private lastWasCr = false;
  private carry: Uint8Array = new Uint8Array(0);
  constructor(start = 0) {
    this.offset = start;
  }

  /** Check the next piece (`last`: no more follow). Returns the first fault, or undefined when all is well so far. */
  push(piece: Uint8Array, last: boolean): Utf8Fault | undefined {
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, piece]) : piece;
    const cut = last ? data.length : completeEnd(data);
    const whole = data.subarray(0, cut);
    if (!isUtf8(whole)) return this.fault(data, last);
    this.countLines(whole);
    this.offset += cut;
    this.carry = Uint8Array.from(data.subarray(cut));
    return undefined;
  }

  private fault(data: Uint8Array, last: boolean): Utf8Fault {
    let at = 0;
    while (at < data.length) {
      if ((data[at] ?? 0) < 0x80) at++;
      else {
        const n = wellFormedAt(data, at);
        if (n === 0) break;
        at += n;
      }
    }
    this.countLines(data.subarray(0, at));
    // Cut: a lead byte whose sequence runs past the end of the file, with nothing wrong in what there is of it.
    const n = sequenceLength(data[at] ?? 0);
    let cut = last && n > 1 && at + n > data.length;
    for (let k = at + 1; cut && k < data.length; k++) if (((data[k] ?? 0) & 0xc0) !== 0x80) cut = false;
    return { line: this.line, byte: this.offset + at + 1, value: data[at] ?? 0, cut };
  }

  private countLines(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) if (!(i === 0 ? this.lastWasCr : buf[i - 1] === 13)) this.line++;
    for (let i = buf.indexOf(13); i !== -1; i = buf.indexOf(13, i + 1)) this.line++;
    this.lastWasCr = buf[buf.length - 1] === 13;
  }
}
