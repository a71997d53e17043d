import { parse, CsvError } from 'csv-parse/sync';
import { decodeText } from './decode.js';
import { TallyError } from './errors.js';
import type { CellValue, RawSheet } from './types.js';

export interface CsvOptions {
  readonly encoding?: string | undefined;
  readonly delimiter?: string | undefined;
}

const CANDIDATES = [',', ';', '\t', '|'] as const;

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
    const counts = lines.map((l) => l.split(d).length - 1);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeLines = 0;
    for (const [c, n] of freq) if (n > modeLines || (n === modeLines && c > mode)) [mode, modeLines] = [c, n];
    // Lines that agree on the count, weighted a little by how many fields they make.
    const score = modeLines * 1000 + mode;
    if (mode > 0 && score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function unescapeDelimiter(d: string): string {
  if (d === '\\t' || d.toLowerCase() === 'tab') return '\t';
  if (d.toLowerCase() === 'semicolon') return ';';
  if (d.toLowerCase() === 'comma') return ',';
  return d;
}

/** Read CSV bytes (any of the encodings Excel writes) into one sheet of text cells. */
export function readCsv(bytes: Uint8Array, file: string, options: CsvOptions = {}): RawSheet {
  if (bytes.length === 0) throw new TallyError('empty', { file });
  const { text } = decodeText(bytes, file, options.encoding);
  const delimiter = options.delimiter ? unescapeDelimiter(options.delimiter) : sniffDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? 0;
      throw new TallyError('bad-csv', { file, line, detail: err.code });
    }
    throw err;
  }
  const rows: CellValue[][] = records.map((r) => r.map((v) => (v.trim() === '' ? null : v)));
  return { file, sheet: undefined, rows, merges: [], hiddenRows: new Set(), hiddenColumns: new Set() };
}
