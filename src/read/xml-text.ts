/**
 * Small pieces of XML reading for the workbook reader (xlsx-*.ts): entities, attributes, and a tokenizer for the
 * small parts (workbook.xml, its relationships, styles.xml) that also says when a part is not well formed.
 */

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Text or an attribute value as an XML parser gives it: line ends normalised to "\n" (XML 1.0 §2.11: a "\r" of the
 * file is not text; Excel writes a carriage return of a cell as `_x000D_`), entities (`&amp;`, `&#x1EA1;`,
 * `&#7841;`) replaced.
 */
export function decodeXml(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e] ?? whole;
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Excel's escapes of characters XML cannot hold (`_x000D_` for a carriage return), in shared strings and rich
 * text runs, decoded as exceljs decodes them (upper-case hex only).
 */
export function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The attributes of a tag's text between `from` and `to` (after its name, before `>`), each handed to `take`
 * with its local name (a prefix such as `r:` left off) and its raw value; decoded by the caller where needed.
 */
export function eachAttribute(s: string, from: number, to: number, take: (name: string, value: string) => void): void {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    const eq = s.indexOf('=', i);
    if (eq < 0 || eq >= to) return;
    let nameEnd = eq;
    while (nameEnd > i && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (q < to && isSpace(s.charCodeAt(q))) q++;
    const quote = s.charCodeAt(q);
    if (quote !== 0x22 && quote !== 0x27) return;
    const close = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
    if (close < 0 || close > to) return;
    const full = s.slice(i, nameEnd);
    const colon = full.indexOf(':');
    take(colon >= 0 && !full.startsWith('xmlns') ? full.slice(colon + 1) : full, s.slice(q + 1, close));
    i = close + 1;
  }
}

/** Where the attribute found by `nextAttribute` lies: its name and its value (without quotes). */
export const found = { name: 0, nameEnd: 0, value: 0, valueEnd: 0 };

/**
 * The next attribute of a tag from `i` (up to `to`), into `found`, without making strings; returns where to look
 * for the one after it, or -1 when there is none. For the hot tags of a sheet (`<c>`, `<row>`).
 */
export function nextAttribute(s: string, i: number, to: number): number {
  while (i < to && isSpace(s.charCodeAt(i))) i++;
  const eq = s.indexOf('=', i);
  if (eq < 0 || eq >= to) return -1;
  let nameEnd = eq;
  while (nameEnd > i && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
  let q = eq + 1;
  while (q < to && isSpace(s.charCodeAt(q))) q++;
  const quote = s.charCodeAt(q);
  if (quote !== 0x22 && quote !== 0x27) return -1;
  const close = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
  if (close < 0 || close > to) return -1;
  found.name = i;
  found.nameEnd = nameEnd;
  found.value = q + 1;
  found.valueEnd = close;
  return close + 1;
}

/** One tag of a small part: its local name, attributes, and whether it opens, closes or is empty. */
export interface Tag {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly kind: 'open' | 'close' | 'empty';
}

/** The end of a tag that starts at `lt`, minding quoted attribute values (`formatCode="[>=1]0"`); -1 if cut. */
function tagEnd(s: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

/**
 * Every tag of a small part, in order. Throws when the part is not well formed (a tag cut short, a closing tag
 * that closes another element, an element left open): a damaged part, named by the caller.
 */
export function* smallTags(xml: string): Generator<Tag> {
  const open: string[] = [];
  let i = xml.indexOf('<');
  while (i >= 0) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) throw new SyntaxError('comment not closed');
      i = xml.indexOf('<', end + 3);
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0) throw new SyntaxError('CDATA not closed');
      i = xml.indexOf('<', end + 3);
      continue;
    }
    const gt = tagEnd(xml, i);
    if (gt < 0) throw new SyntaxError('tag cut short');
    const first = xml.charCodeAt(i + 1);
    if (first === 0x3f || first === 0x21) {
      i = xml.indexOf('<', gt + 1);
      continue;
    }
    if (first === 0x2f) {
      const name = xml.slice(i + 2, gt).trim();
      if (open.pop() !== name) throw new SyntaxError(`</${name}> closes no open element`);
      yield { name: localName(name), attrs: {}, kind: 'close' };
    } else {
      const empty = xml.charCodeAt(gt - 1) === 0x2f;
      let end = i + 1;
      while (end < gt && !isSpace(xml.charCodeAt(end)) && xml.charCodeAt(end) !== 0x2f) end++;
      const name = xml.slice(i + 1, end);
      const attrs: Record<string, string> = {};
      eachAttribute(xml, end, empty ? gt - 1 : gt, (n, v) => (attrs[n] = decodeXml(v)));
      if (!empty) open.push(name);
      yield { name: localName(name), attrs, kind: empty ? 'empty' : 'open' };
    }
    i = xml.indexOf('<', gt + 1);
  }
  if (open.length > 0) throw new SyntaxError(`<${open[open.length - 1] ?? ''}> not closed`);
}
