import { detectEncoding, legacyEncoding, mostlyUtf8 } from './decode.js';
import { TallyError } from './errors.js';
import { CsvScanner, UnclosedQuote } from './csv-scan.js';
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

/** Text decomposed by Windows-1258 or a Mac is composed (NFC), cell by cell where a cell has a combining mark. */
function compose(rows: CellValue[][], from: number): void {
  for (let r = from; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (typeof v === 'string' && COMBINING.test(v)) row[i] = v.normalize('NFC');
    }
  }
}


/** The first bytes of a source, up to SNIFF_BYTES, and whether they are all of it. */
async function readHead(iterator: AsyncIterator<Uint8Array>): Promise<{ first: Buffer; ended: boolean }> {
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
  return { first: Buffer.concat(head), ended };
}

/** Bytes to text, piece by piece; UTF-8 is checked as it passes, so that a bad byte is named (line and byte), not read as "�". */
function textDecoder(file: string, encoding: string, forced: boolean, skip: number): (bytes: Uint8Array, last: boolean) => string {
  const decoder = new TextDecoder(encoding, { fatal: forced, ignoreBOM: true });
  const check = encoding === 'utf-8' && !forced ? new Utf8Check(skip) : undefined;
  return (bytes, last) => {
    const fault = check?.push(bytes, last);
    if (fault) {
      throw new TallyError('invalid-utf8', {
        file, line: fault.line, byte: fault.byte, value: `0x${fault.value.toString(16).toUpperCase().padStart(2, '0')}`, cut: fault.cut ? 'yes' : undefined,
      });
    }
    try {
      return decoder.decode(bytes, { stream: !last });
    } catch {
      throw new TallyError('bad-encoding', { file, encoding });
    }
  };
}

/**
 * Stream the rows of a CSV file in batches (the rows of each piece read), whatever encoding and delimiter Excel
 * or LibreOffice wrote it with: the first 64 KB decide the encoding (BOM, strict UTF-8, else Windows-1258), the
 * legacy-font check and the delimiter; then rows are split as the bytes come, so memory does not grow with the
 * file. A reader that stops early calls `return()`: the source is closed.
 */
export async function* csvBatches(chunks: AsyncIterable<Uint8Array>, file: string, options: CsvOptions = {}): AsyncGenerator<CellValue[][]> {
  const iterator = chunks[Symbol.asyncIterator]();
  let done = false;
  try {
    const { first, ended } = await readHead(iterator);
    done = ended;
    if (first.length === 0) throw new TallyError('empty', { file });
    const { encoding, skip } = detectEncoding(first, file, options.encoding, ended);
    const decode = textDecoder(file, encoding, options.encoding !== undefined, skip);
    const firstText = decode(first.subarray(skip), ended);
    // UTF-8 read under a one-byte encoding (--encoding windows-1258 on a damaged UTF-8 file) shows "Ä‘áº£ng",
    // which has TCVN3's marks but is not TCVN3: the legacy fonts are named only for bytes that are not UTF-8.
    const mayBeLegacy = encoding === 'utf-8' || encoding.startsWith('utf-16') || !mostlyUtf8(first);
    const legacy = mayBeLegacy ? legacyEncoding(firstText.normalize('NFC')) : undefined;
    if (legacy) throw new TallyError('legacy-encoding', { file, encoding: legacy.name, sample: legacy.sample });
    const scanner = new CsvScanner(options.delimiter ? delimiterOption(options.delimiter) : sniffDelimiter(firstText));
    // A file whose first 64 KB hold no combining mark (Excel's own UTF-8) has no cell tested for one.
    const composed = COMBINING.test(firstText);
    let batch: CellValue[][] = [];
    const take = (): CellValue[][] => {
      if (composed) compose(batch, 0);
      const rows = batch;
      batch = [];
      return rows;
    };
    scanner.push(firstText, batch);
    if (batch.length > 0) yield take();
    while (!done) {
      const next = await iterator.next();
      done = next.done === true;
      scanner.push(decode(done ? new Uint8Array(0) : next.value as Uint8Array, done), batch);
      if (batch.length > 0) yield take();
    }
    scanner.end(batch);
    if (batch.length > 0) yield take();
  } catch (err) {
    if (err instanceof UnclosedQuote) throw new TallyError('bad-csv', { file, line: err.line, detail: 'CSV_QUOTE_NOT_CLOSED' });
    throw err;
  } finally {
    if (!done) await iterator.return?.();
  }
}

/** The same rows one by one (for readers that keep a few hundred rows: rosters, tests). */
export async function* csvRows(chunks: AsyncIterable<Uint8Array>, file: string, options: CsvOptions = {}): AsyncGenerator<CellValue[]> {
  for await (const batch of csvBatches(chunks, file, options)) for (const row of batch) yield row;
}
