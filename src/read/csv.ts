import { parse, CsvError, type Parser } from 'csv-parse';
import { detectEncoding, legacyEncoding, mostlyUtf8 } from './decode.js';
import { TallyError } from './errors.js';
import { Utf8Check } from './utf8.js';
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
 * Rows of different lengths are normal in a report (a title of one cell, blank lines, notes), and
 * `relax_column_count` lets them through; but csv-parse 6 still builds a `CsvError` for each of them before it
 * looks at that option (`__onRecord` in lib/api/index.js: a stack trace and a JSON copy of its options and of the
 * record), which made 100,000 blank lines take seconds. It compares each record's length with
 * `state.expectedRecordLength`, set from the first record: setting that to the record's own length just before
 * the comparison means no record ever differs. (A getter on `state` would do the same, but turns the parser's
 * state into a slow dictionary object and halves its speed.) Only speed depends on this: if a later csv-parse
 * has no such method or state, it is left alone and every row is still read (test/read.test.ts times it, so an
 * upgrade that breaks it shows).
 */
function acceptEveryLength(parser: object): void {
  type Api = { state?: { record?: unknown[]; expectedRecordLength?: unknown }; __onRecord?: (this: Api, push: unknown) => unknown };
  const api = (parser as { api?: Api }).api;
  const onRecord = api?.__onRecord;
  if (!api || typeof onRecord !== 'function' || typeof api.state !== 'object' || !Array.isArray(api.state.record)) return;
  api.__onRecord = function (this: Api, push: unknown): unknown {
    if (this.state?.record) this.state.expectedRecordLength = this.state.record.length;
    return onRecord.call(this, push);
  };
}

/** The parser with the options tally reads every CSV with (rows of any length, stray quotes kept as text). */
export function csvParser(delimiter: string): Parser {
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
  acceptEveryLength(parser);
  return parser;
}

/**
 * Write a source into the parser with backpressure, then end it. A reader that stops early (a sheet with no
 * table: its first rows were enough) destroys the parser: a write waiting for 'drain' then waits for 'close' too,
 * or it would wait for ever (20,000 blank lines and no table), and the source is closed.
 */
async function feedParser(parser: Parser, iterator: AsyncIterator<Uint8Array>, first: string | Uint8Array, ended: boolean,
  convert: { piece: (bytes: Uint8Array) => string | Uint8Array; end: () => string | Uint8Array }): Promise<void> {
  const write = async (chunk: string | Uint8Array): Promise<void> => {
    if (chunk.length === 0 || parser.destroyed || parser.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        parser.off('drain', done);
        parser.off('close', done);
        resolve();
      };
      parser.on('drain', done);
      parser.on('close', done);
    });
  };
  try {
    await write(first);
    if (!ended) {
      for (let next = await iterator.next(); !next.done && !parser.destroyed; next = await iterator.next()) await write(convert.piece(next.value));
      if (parser.destroyed) {
        await iterator.return?.();
        return;
      }
      await write(convert.end());
    }
    parser.end();
  } catch (err) {
    parser.destroy(err instanceof Error ? err : new Error(String(err)));
  }
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
  // UTF-8 goes to the parser as bytes, which it reads fastest; other encodings are decoded to text first. The
  // bytes are checked as they pass, so that a bad byte is named (line and byte), not read as "�".
  const utf8 = encoding === 'utf-8' && options.encoding === undefined;
  const check = utf8 ? new Utf8Check(skip) : undefined;
  const checked = (bytes: Uint8Array, last: boolean): Uint8Array => {
    const fault = check?.push(bytes, last);
    if (fault) {
      throw new TallyError('invalid-utf8', {
        file, line: fault.line, byte: fault.byte, value: `0x${fault.value.toString(16).toUpperCase().padStart(2, '0')}`, cut: fault.cut ? 'yes' : undefined,
      });
    }
    return bytes;
  };
  if (utf8) checked(first.subarray(skip), ended);
  const firstText = decode(first.subarray(skip), !ended);
  // UTF-8 read under a one-byte encoding (--encoding windows-1258 on a damaged UTF-8 file) shows "Ä‘áº£ng",
  // which has TCVN3's marks but is not TCVN3: the legacy fonts are named only for bytes that are not UTF-8.
  const mayBeLegacy = encoding === 'utf-8' || encoding.startsWith('utf-16') || !mostlyUtf8(first);
  const legacy = mayBeLegacy ? legacyEncoding(firstText.normalize('NFC')) : undefined;
  if (legacy) throw new TallyError('legacy-encoding', { file, encoding: legacy.name, sample: legacy.sample });
  const delimiter = options.delimiter ? delimiterOption(options.delimiter) : sniffDelimiter(firstText);

  const parser = csvParser(delimiter);
  // Feed the parser from the byte source while rows are read from it; backpressure keeps memory flat.
  const feed = feedParser(parser, iterator, utf8 ? first.subarray(skip) : firstText, ended, {
    piece: (bytes) => (utf8 ? checked(bytes, false) : decode(bytes, true)),
    end: () => (utf8 ? checked(new Uint8Array(0), true) : decode(new Uint8Array(0), false)),
  });
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
