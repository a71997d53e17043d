import { XmlStream } from './xml-stream.js';

const COMMENT = Buffer.from('<!--');
const COMMENT_END = Buffer.from('-->');
const CDATA = Buffer.from('<![CDATA[');
const CDATA_END = Buffer.from(']]>');

type Sliced = Buffer & { utf8Slice?: (start: number, end: number) => string };
/**
 * The text of UTF-8 bytes: `toString('utf8', from, to)` without its checks of the arguments (a call per cell), where
 * Node has the method toString calls (it has since Node 0.x; toString otherwise).
 */
export const utf8: (b: Buffer, from: number, to: number) => string = typeof (Buffer.prototype as Sliced).utf8Slice === 'function'
  ? (b, from, to) => (b as Required<Sliced>).utf8Slice(from, to)
  : (b, from, to) => b.toString('utf8', from, to);

/** Where `c` is in `b` from `from` on, or -1: a loop for the few bytes to the next `<` or `>`, indexOf past them. */
export function find(b: Buffer, c: number, from: number): number {
  const near = Math.min(b.length, from + 32);
  for (let i = from; i < near; i++) if (b[i] === c) return i;
  return near < b.length ? b.indexOf(c, near) : -1;
}

/** Where the attribute found by `nextAttributeIn` lies in the bytes: its name and its value (without quotes). */
export const at = { name: 0, nameEnd: 0, value: 0, valueEnd: 0 };

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The next attribute of a tag's bytes from `i` (up to `to`), into `at`, without making strings; returns where to
 * look for the one after it, or -1 when there is none. As `nextAttribute` (xml-text.ts) does on text.
 */
export function nextAttributeIn(b: Buffer, i: number, to: number): number {
  while (i < to && isSpace(b[i])) i++;
  // Loops, not indexOf: a tag's attributes are a few bytes, and a call to indexOf costs more than reading them.
  let eq = i;
  while (eq < to && b[eq] !== 0x3d) eq++;
  if (eq >= to) return -1;
  let nameEnd = eq;
  while (nameEnd > i && isSpace(b[nameEnd - 1])) nameEnd--;
  let q = eq + 1;
  while (q < to && isSpace(b[q])) q++;
  const quote = b[q];
  if (quote !== 0x22 && quote !== 0x27) return -1;
  let close = q + 1;
  while (close < b.length && b[close] !== quote) close++;
  if (close >= b.length || close > to) return -1;
  at.name = i;
  at.nameEnd = nameEnd;
  at.value = q + 1;
  at.valueEnd = close;
  return close + 1;
}

/** Where the UTF-8 text of `b` between `from` and `to` can be cut without cutting a character. */
function wholeChars(b: Buffer, from: number, to: number): number {
  let i = to;
  while (i > from && i > to - 4 && ((b[i - 1] ?? 0) & 0xc0) === 0x80) i--;
  if (i <= from) return to;
  const lead = b[i - 1] ?? 0;
  if (lead < 0xc0) return to;
  const needs = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return to - (i - 1) < needs ? i - 1 : to;
}

/**
 * The XML scanner's loop on the inflated bytes themselves, not on text decoded first: the subclass reads its
 * frequent tags from the bytes (`fast`), every other tag is decoded and handed to `tag` as text, as `XmlStream`
 * does. A tag cut between two pieces waits for the next, and so does a character cut in gathered text.
 */
export abstract class XmlBytes extends XmlStream {
  private held: Buffer | undefined;

  /** A tag at `lt`..`gt` read from the bytes: where to go on, or -1 to have it decoded and handed to `tag`. */
  protected abstract fast(b: Buffer, lt: number, gt: number): number;

  pushBytes(piece: Buffer): void {
    const held = this.held;
    this.held = undefined;
    if (held === undefined) return this.scanBytes(piece, 0);
    // What was cut at the end of the last piece is finished with the head of this one, not the whole piece.
    const c = held[1];
    const joint = held[0] !== 0x3c ? piece.indexOf(0x3c) : c === 0x21 || c === 0x3f ? -1 : piece.indexOf(0x3e);
    if (joint < 0) return this.scanBytes(Buffer.concat([held, piece]), 0);
    const end = held[0] === 0x3c ? joint + 1 : joint;
    this.scanBytes(Buffer.concat([held, piece.subarray(0, end)]), 0);
    const left = this.held;
    this.held = undefined;
    if (left !== undefined) this.scanBytes(Buffer.concat([left, piece.subarray(end)]), 0);
    else this.scanBytes(piece, end);
  }

  private scanBytes(b: Buffer, from: number): void {
    let i = from;
    for (;;) {
      const lt = b[i] === 0x3c ? i : b.indexOf(0x3c, i);
      if (lt < 0) {
        if (this.collecting && i < b.length) {
          const cut = wholeChars(b, i, b.length);
          if (cut > i) this.text += utf8(b, i, cut);
          if (cut < b.length) this.held = Buffer.from(b.subarray(cut));
        }
        return;
      }
      if (this.collecting && lt > i) this.text += utf8(b, i, lt);
      const c = b[lt + 1];
      if (c === 0x21 || c === 0x3f) {
        const end = this.specialBytes(b, lt);
        if (end < 0) {
          this.held = Buffer.from(b.subarray(lt));
          return;
        }
        i = end;
        continue;
      }
      const gt = find(b, 0x3e, lt + 1);
      if (gt < 0) {
        this.held = Buffer.from(b.subarray(lt));
        return;
      }
      const next = this.fast(b, lt, gt);
      if (next >= 0) {
        i = next;
        continue;
      }
      const s = utf8(b, lt, gt + 1);
      this.tag(s, 0, s.length - 1);
      i = gt + 1;
    }
  }

  /** The end of the part: gathered text cut short is kept (a tag cut short is not a tag). */
  endBytes(): void {
    const held = this.held;
    this.held = undefined;
    if (held && this.collecting && held[0] !== 0x3c) this.text += held.toString('utf8');
  }

  /** A comment, CDATA section, declaration or processing instruction at `lt`: where it ends, or -1 if cut. */
  private specialBytes(b: Buffer, lt: number): number {
    if (b.length < lt + 9) return -1;
    if (b.compare(COMMENT, 0, 4, lt, lt + 4) === 0) {
      const end = b.indexOf(COMMENT_END, lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (b.compare(CDATA, 0, 9, lt, lt + 9) === 0) {
      const end = b.indexOf(CDATA_END, lt + 9);
      if (end < 0) return -1;
      // CDATA text needs no decoding: escaped so that it reads back as itself.
      if (this.collecting) this.text += b.toString('utf8', lt + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return end + 3;
    }
    const end = b.indexOf(0x3e, lt + 2);
    return end < 0 ? -1 : end + 1;
  }
}
