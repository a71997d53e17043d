/** Where a JSON text goes wrong and why, in words: what the config message says instead of the parser's text. */
export interface JsonFault {
  /** 1-based line and column (in characters) of the first character that cannot be read. */
  readonly line: number;
  readonly column: number;
  readonly why: JsonFaultKind;
}

export type JsonFaultKind =
  | 'end' | 'trailing-comma' | 'comment' | 'single-quote' | 'unquoted-key' | 'missing-comma' | 'missing-colon'
  | 'decimal-comma' | 'bad-value' | 'unclosed-string' | 'bad-escape' | 'control-in-string' | 'after-end';

/** The mistakes people make in a hand-written JSON file, said in words; `{}` and `[]` are the braces and brackets. */
export const JSON_FAULT_WORDS: Record<JsonFaultKind, { readonly vi: string; readonly en: string }> = {
  'end': { vi: 'tệp dừng giữa chừng: còn thiếu } hoặc ] để đóng', en: 'the file stops too early: a } or ] is missing' },
  'trailing-comma': { vi: 'dấu phẩy thừa trước } hoặc ] (JSON không cho phép)', en: 'a comma before } or ] (JSON allows none there)' },
  'comment': { vi: 'JSON không cho phép chú thích (// hoặc /* */)', en: 'JSON allows no comments (// or /* */)' },
  'single-quote': { vi: 'chuỗi phải đặt trong dấu ngoặc kép "…", không phải \'…\'', en: 'strings take double quotes "…", not \'…\'' },
  'unquoted-key': { vi: 'tên khóa phải đặt trong dấu ngoặc kép, ví dụ "decimals"', en: 'a key needs double quotes, as in "decimals"' },
  'missing-comma': { vi: 'thiếu dấu phẩy giữa hai mục', en: 'a comma is missing between two entries' },
  'missing-colon': { vi: 'thiếu dấu hai chấm (:) sau tên khóa', en: 'a colon (:) is missing after the key' },
  'decimal-comma': { vi: 'số thập phân viết bằng dấu chấm (0.2), không phải dấu phẩy', en: 'decimals are written with a point (0.2), not a comma' },
  'bad-value': { vi: 'giá trị không đọc được (dùng một số, "chữ", true, false, null, { } hoặc [ ])', en: 'a value that cannot be read (use a number, "text", true, false, null, { } or [ ])' },
  'unclosed-string': { vi: 'chuỗi chưa đóng dấu ngoặc kép', en: 'a string is not closed with a double quote' },
  'bad-escape': { vi: 'dấu \\ trong chuỗi phải đi với ", \\, /, b, f, n, r, t hoặc uXXXX', en: 'a \\ in a string must be followed by ", \\, /, b, f, n, r, t or uXXXX' },
  'control-in-string': { vi: 'chuỗi không được xuống dòng hay chứa ký tự điều khiển', en: 'a string cannot hold a line break or a control character' },
  'after-end': { vi: 'còn chữ sau dấu } cuối cùng', en: 'there is more text after the final }' },
};

class Fault extends Error {
  constructor(readonly at: number, readonly why: JsonFaultKind) {
    super(why);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /true|false|null/y;

/** The offset after white space from `at`; a comment is a fault (JSON has none). */
function skipSpace(text: string, at: number): number {
  while (at < text.length) {
    const ch = text[at];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') at++;
    else if (ch === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) throw new Fault(at, 'comment');
    else break;
  }
  return at;
}

/** The offset after the string that opens at `at`. */
function skipString(text: string, at: number): number {
  if (text[at] === "'") throw new Fault(at, 'single-quote');
  at++;
  for (;;) {
    if (at >= text.length) throw new Fault(at, 'unclosed-string');
    const code = text.charCodeAt(at);
    if (code === 0x22) return at + 1;
    if (code === 0x0a || code === 0x0d) throw new Fault(at, 'unclosed-string');
    if (code < 0x20) throw new Fault(at, 'control-in-string');
    if (code === 0x5c) {
      const next = text[at + 1] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
      else if ('"\\/bfnrt'.includes(next) && next !== '') at += 2;
      else throw new Fault(at, 'bad-escape');
      continue;
    }
    at++;
  }
}

/**
 * Find the first syntax error of a JSON text (as JSON.parse reads it), with the likeliest reason. A small
 * recursive reader, so that the message can say the line, the column and the mistake in words rather than the
 * engine's English (whose wording and position format differ between Node versions). Undefined when the text
 * is well-formed. Nesting deeper than 1,000 is reported as a bad value rather than read.
 */
export function findJsonFault(text: string): JsonFault | undefined {
  let at = 0;
  const space = (): void => {
    at = skipSpace(text, at);
  };
  const string = (): void => {
    at = skipString(text, at);
  };
  const value = (depth: number): void => {
    space();
    if (at >= text.length) throw new Fault(at, 'end');
    if (depth > 1000) throw new Fault(at, 'bad-value');
    const ch = text[at];
    if (ch === '{') return object(depth);
    if (ch === '[') return array(depth);
    if (ch === '"' || ch === "'") return string();
    NUMBER.lastIndex = at;
    WORD.lastIndex = at;
    const m = NUMBER.exec(text) ?? WORD.exec(text);
    if (!m) throw new Fault(at, 'bad-value');
    at += m[0].length;
  };
  /** After an entry: a comma, the closing bracket, or a mistake. */
  const next = (close: string): boolean => {
    space();
    if (at >= text.length) throw new Fault(at, 'end');
    if (text[at] === close) {
      at++;
      return false;
    }
    if (text[at] !== ',') throw new Fault(at, 'missing-comma');
    const comma = at;
    at++;
    space();
    if (text[at] === close) throw new Fault(comma, 'trailing-comma');
    if (/[0-9]/.test(text[at] ?? '') && /[0-9]/.test(text[comma - 1] ?? '') && close === '}') throw new Fault(comma, 'decimal-comma');
    return true;
  };
  const object = (depth: number): void => {
    at++;
    space();
    if (text[at] === '}') {
      at++;
      return;
    }
    for (;;) {
      space();
      if (at >= text.length) throw new Fault(at, 'end');
      if (text[at] !== '"' && text[at] !== "'") throw new Fault(at, 'unquoted-key');
      string();
      space();
      if (at >= text.length) throw new Fault(at, 'end');
      if (text[at] !== ':') throw new Fault(at, 'missing-colon');
      at++;
      value(depth + 1);
      if (!next('}')) return;
    }
  };
  const array = (depth: number): void => {
    at++;
    space();
    if (text[at] === ']') {
      at++;
      return;
    }
    for (;;) {
      value(depth + 1);
      if (!next(']')) return;
    }
  };
  try {
    value(0);
    space();
    if (at < text.length) throw new Fault(at, 'after-end');
    return undefined;
  } catch (err) {
    if (!(err instanceof Fault)) throw err;
    return { ...position(text, err.at), why: err.why };
  }
}

/** 1-based line and column of an offset; a CRLF is one line break. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: [...text.slice(start, offset)].length + 1 };
}
