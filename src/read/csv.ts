import { parse, CsvError } from 'csv-parse';
import { detectEncoding, legacyEncoding } from './decode.js';
import { TallyError } from './errors.js';
import type { CellValue } from './types.js';

export interface CsvOptions {
  readonly encoding?: string | undefined;
  readonly delimiter?: string | undefined;
}

const CANDIDATES = [',', ';', '\t', '|'] as const;
/** How much of the start of a file decides its encoding and delimiter. */
const SNIFF_BYTES = 64 * 1024;

/** Count each candidate delimiter per line, outside quotes, over the first lines. */
export function sniffDelimiter(text: string): string {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 30; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (current.trim() !== '') lines.push(current);
      current = '';
      continue;
    }
    if (!quoted) current += ch;
  }
  if (current.trim() !== '') lines.push(current);
  let best: string = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const freq = new Map<number, number>();
    for (const l of lines) {
      const c = l.split(d).length - 1;
      if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    }
    let mode = 0;
    let modeLines = 0;
    for (const [c, n] of freq) if (n > modeLines || (n === modeLines && c > mode)) [mode, modeLines] = [c, n];
    // Lines that agree on the count win; among equals, the delimiter that makes more fields.
    const score = modeLines * 1000 + mode;
    if (mode > 0 && score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function delimiterOption(d: string): string {
  const named: Record<string, string> = { '\\t': '\t', tab: '\t', semicolon: ';', comma: ',', pipe: '|' };
  return named[d.toLowerCase()] ?? d;
}

const COMBINING = /[\u0300-\u036f]/;

/** A cell as read from CSV: blank is null; text decomposed by Windows-1258 or a Mac is composed (NFC). */
function cellOf(v: string): CellValue {
  if (v === '') return null;
  return COMBINING.test(v) ? v.normalize('NFC') : v;
}

/** The same for a file whose first 64 KB hold no combining mark (Excel's own UTF-8): no per-cell test. */
function plainCellOf(v: string): CellValue {
  return v === '' ? null : v;
}

/**
 * Stream the rows of a CSV file, whatever encoding and delimiter Excel or LibreOffice wrote it with: the first
 * 64 KB decide the encoding (BOM, strict UTF-8, else Windows-1258), the legacy-font check and the delimiter;
 * then rows are parsed as the bytes come, so memory does not grow with the file.
 */
export async function* csvRows(chunks: AsyncIterable<Uint8Array>, file: string, options: CsvOptions = {}): AsyncGenerator<CellValue[]> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const first = Buffer.concat(head);
  if (first.length === 0) throw new TallyError('empty', { file });
  const { encoding, skip } = detectEncoding(first, file, options.encoding, ended);
  const decoder = new TextDecoder(encoding, { fatal: options.encoding !== undefined, ignoreBOM: true });
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      throw new TallyError('bad-encoding', { file, encoding });
    }
  };
  const firstText = decode(first.subarray(skip), !ended);
  const legacy = legacyEncoding(firstText.normalize('NFC'));
  if (legacy) throw new TallyError('legacy-encoding', { file, encoding: legacy.name, sample: legacy.sample });
  const delimiter = options.delimiter ? delimiterOption(options.delimiter) : sniffDelimiter(firstText);

  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
  // UTF-8 goes to the parser as bytes, which it reads fastest; other encodings are decoded to text first.
  const utf8 = encoding === 'utf-8' && options.encoding === undefined;
  // Feed the parser from the byte source while rows are read from it; backpressure keeps memory flat.
  const feed = (async (): Promise<void> => {
    const write = async (chunk: string | Uint8Array): Promise<void> => {
      if (chunk.length > 0 && !parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
    };
    try {
      await write(utf8 ? first.subarray(skip) : firstText);
      if (!ended) {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) await write(utf8 ? next.value : decode(next.value, true));
        if (!utf8) await write(decode(new Uint8Array(0), false));
      }
      parser.end();
    } catch (err) {
      parser.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  try {
    const toCell = COMBINING.test(firstText) ? cellOf : plainCellOf;
    for await (const record of parser as AsyncIterable<CellValue[]>) {
      // The parser's array is new for each record: its fields become cells in place.
      for (let i = 0; i < record.length; i++) record[i] = toCell(record[i] as string);
      yield record;
    }
  } catch (err) {
    if (err instanceof TallyError) throw err;
    if (err instanceof CsvError) throw new TallyError('bad-csv', { file, line: (err as CsvError & { lines?: number }).lines ?? 0, detail: err.code });
    throw err;
  } finally {
    await feed.catch(() => undefined);
  }
}
