/**
 * The loop of a streaming XML scanner: text comes in pieces (a part as it inflates), each complete tag is handed
 * to `tag`, and the text between tags is gathered while `collecting` is set. A tag cut between two pieces waits
 * for the next; text is gathered raw (entities are decoded by the subclass, once the element is closed).
 */
export abstract class XmlStream {
  protected collecting = false;
  protected text = '';
  private carry = '';

  /** A complete tag: `s[lt]` is `<` and `s[gt]` is `>`. */
  protected abstract tag(s: string, lt: number, gt: number): void;

  push(piece: string): void {
    const s = this.carry.length > 0 ? this.carry + piece : piece;
    this.carry = '';
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (this.collecting) this.text += s.slice(i);
        return;
      }
      if (this.collecting && lt > i) this.text += s.slice(i, lt);
      const c = s.charCodeAt(lt + 1);
      if (c === 0x21 || c === 0x3f) {
        const end = this.special(s, lt);
        if (end < 0) {
          this.carry = s.slice(lt);
          return;
        }
        i = end;
        continue;
      }
      const gt = s.indexOf('>', lt + 1);
      if (gt < 0) {
        this.carry = s.slice(lt);
        return;
      }
      this.tag(s, lt, gt);
      i = gt + 1;
    }
  }

  /** A comment, CDATA section, declaration or processing instruction at `lt`: where it ends, or -1 if cut. */
  private special(s: string, lt: number): number {
    if (s.length < lt + 9) return -1;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      // CDATA text needs no decoding: escaped so that it reads back as itself.
      if (this.collecting) this.text += s.slice(lt + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return end + 3;
    }
    const end = s.indexOf('>', lt + 2);
    return end < 0 ? -1 : end + 1;
  }

  /** Whether a tag was left cut short at the end of the part. */
  get cut(): boolean {
    return this.carry.length > 0;
  }
}

/** Names of the tags the scanners act on, as small numbers (the name's local part, any prefix left off). */
export const Name = { Other: 0, Row: 1, C: 2, V: 3, F: 4, Is: 5, T: 6, R: 7, RPh: 8, Col: 9, MergeCell: 10, Si: 11, SheetData: 12 } as const;
export type Name = (typeof Name)[keyof typeof Name];

/** Where the name read by `nameAt` ends (a module variable, not an object made for each of millions of tags). */
export const nameEnd = { at: 0 };

/** The name of the tag whose name starts at `start` (after `<` or `</`); where it ends goes to `nameEnd.at`. */
export function nameAt(s: string, start: number, gt: number): Name {
  let end = start;
  let local = start;
  for (; end < gt; end++) {
    const ch = s.charCodeAt(end);
    if (ch === 0x20 || ch === 0x2f || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
    if (ch === 0x3a) local = end + 1;
  }
  nameEnd.at = end;
  return nameOf(s, local, end);
}

function nameOf(s: string, at: number, end: number): Name {
  const a = s.charCodeAt(at);
  switch (end - at) {
    case 1:
      return a === 0x63 ? Name.C : a === 0x76 ? Name.V : a === 0x66 ? Name.F : a === 0x74 ? Name.T : a === 0x72 ? Name.R : Name.Other;
    case 2:
      if (a === 0x69 && s.charCodeAt(at + 1) === 0x73) return Name.Is;
      return a === 0x73 && s.charCodeAt(at + 1) === 0x69 ? Name.Si : Name.Other;
    case 3:
      if (s.startsWith('row', at)) return Name.Row;
      if (s.startsWith('col', at)) return Name.Col;
      return s.startsWith('rPh', at) ? Name.RPh : Name.Other;
    case 9:
      if (s.startsWith('mergeCell', at)) return Name.MergeCell;
      return s.startsWith('sheetData', at) ? Name.SheetData : Name.Other;
    default:
      return Name.Other;
  }
}
