import type { CellValue } from './types.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * A CSV record splitter over decoded text, fed piece by piece, that gives the records csv-parse 6 gives with the
 * options tally used it with (`relax_column_count`, `relax_quotes`, `skip_empty_lines: false`, record
 * delimiters CRLF, LF and CR; test/csv-differential.test.ts holds it to that):
 * - a field that starts with `"` is quoted: `""` in it is one quote, line breaks and delimiters are text, and the
 *   quote that closes it is one followed by the delimiter, a line break or the end of the file;
 * - a quote followed by anything else does not close the field (relax_quotes): the field is kept as written,
 *   its quotes included (`"ab"c` is `"ab"c`), and read on unquoted to the next delimiter or line break;
 * - a quote inside an unquoted field is text;
 * - an empty line is a record of one empty field, except after the last line break of the file.
 * Blank fields are `null`, as the readers give them.
 *
 * It works on the text of each piece with `charCodeAt` and `slice`: a field is one slice of the piece (V8 keeps
 * it as a view of the piece until it is copied: tally copies the few strings it keeps, see rollup/tree.ts `own`).
 * Only a field cut by the end of a piece is carried over, never re-read, so a field of any length costs its length.
 */
export class CsvScanner {
  private readonly delimiter: number;
  private record: CellValue[] = [];
  /** The current field's text so far (quotes already undone), when a piece ended inside it. */
  private field = '';
  private quoting = false;
  /** The current field had a quoted part: at the end of the file it makes a record even when empty. */
  private quoted = false;
  /** A quote ended the last piece inside a quoted field: what it means depends on the next character. */
  private pendingQuote = false;
  /** A CR ended the last piece outside quotes: a LF starting the next one belongs to it. */
  private skipLf = false;
  /** Line breaks so far, and the line where the quote still open was opened (for the message). */
  private line = 1;
  private quoteLine = 0;

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new Error(`one-character delimiter expected, got ${JSON.stringify(delimiter)}`);
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Read the next piece of text; complete records are added to `out`. */
  push(piece: string, out: CellValue[][]): void {
    let text = piece;
    if (this.pendingQuote) {
      this.pendingQuote = false;
      text = '"' + text;
    }
    let i = 0;
    if (this.skipLf && text.length > 0) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    this.scan(text, i, false, out);
  }

  /** The end of the file: the last record, if the file does not end with a line break. Throws on a quote never closed. */
  end(out: CellValue[][]): void {
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.scan('"', 0, true, out);
    }
    if (this.quoting) throw new UnclosedQuote(this.quoteLine);
    if (this.quoted || this.record.length > 0 || this.field.length > 0) this.endRecord(this.field, out);
  }

  private scan(text: string, from: number, last: boolean, out: CellValue[][]): void {
    const n = text.length;
    const delimiter = this.delimiter;
    let i = from;
    while (i < n) {
      if (this.quoting) {
        i = this.scanQuoted(text, i, last);
        continue;
      }
      if (this.field.length === 0 && text.charCodeAt(i) === QUOTE) {
        this.quoting = true;
        this.quoted = true;
        this.quoteLine = this.line;
        i++;
        continue;
      }
      // Unquoted: to the next delimiter or line break.
      let j = i;
      let c = 0;
      for (; j < n; j++) {
        c = text.charCodeAt(j);
        if (c === delimiter || c === LF || c === CR) break;
      }
      if (j === n) {
        this.field += text.slice(i, j);
        return;
      }
      const value = this.field.length > 0 ? this.field + text.slice(i, j) : text.slice(i, j);
      if (c === delimiter) {
        this.record.push(value === '' ? null : value);
        this.field = '';
        this.quoted = false;
        i = j + 1;
        continue;
      }
      this.endRecord(value, out);
      this.line++;
      if (c === CR) {
        if (j + 1 < n) {
          if (text.charCodeAt(j + 1) === LF) j++;
        } else this.skipLf = true;
      }
      i = j + 1;
    }
  }

  /** Inside a quoted field from `i`: returns where scanning goes on. */
  private scanQuoted(text: string, i: number, last: boolean): number {
    const n = text.length;
    const q = text.indexOf('"', i);
    if (q === -1) {
      this.field += text.slice(i);
      this.line += breaks(text, i, n);
      return n;
    }
    if (q > i) {
      this.field += text.slice(i, q);
      this.line += breaks(text, i, q);
    }
    if (q + 1 >= n && !last) {
      this.pendingQuote = true;
      return n;
    }
    const next = q + 1 < n ? text.charCodeAt(q + 1) : -1;
    if (next === QUOTE) {
      this.field += '"';
      return q + 2;
    }
    this.quoting = false;
    // Not followed by a delimiter or a line break: the quotes are text, and the field reads on unquoted.
    if (next !== -1 && next !== this.delimiter && next !== LF && next !== CR) this.field = '"' + this.field + '"';
    return q + 1;
  }

  private endRecord(value: string, out: CellValue[][]): void {
    const record = this.record;
    record.push(value === '' ? null : value);
    out.push(record);
    this.record = [];
    this.field = '';
    this.quoted = false;
  }
}

/** Line breaks (CRLF, LF or CR) in text[from, to). */
function breaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF) count++;
    else if (c === CR) {
      count++;
      if (k + 1 < to && text.charCodeAt(k + 1) === LF) k++;
    }
  }
  return count;
}

/** The file ended inside a quoted field; `line` is where its quote was opened. */
export class UnclosedQuote extends Error {
  constructor(readonly line: number) {
    super(`quote opened at line ${line} is never closed`);
  }
}
