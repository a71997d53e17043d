// tally's CSV reader against csv-parse (the oracle, with the options tally read CSV with before): the same rows
// from every CSV fixture and from a seeded corpus of hostile texts, whatever the size of the pieces they come in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvBatches, sniffDelimiter } from '../src/read/csv.js';
import { detectEncoding } from '../src/read/decode.js';
import { TallyError } from '../src/read/errors.js';
import type { CellValue } from '../src/read/types.js';
import { oracleRows } from './csv-oracle.js';
import { ROOT, seeded } from './helpers.js';

type Read = CellValue[][] | { error: string };

/** Bytes handed over in pieces of the given sizes (cycled), as a file stream would. */
async function* inPieces(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let k = 0;
  for (let at = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** What tally's reader gives: the rows, or the code of its error (bad-csv: the parser's code, as the oracle says it). */
async function tallyRows(bytes: Uint8Array, sizes: readonly number[], delimiter?: string): Promise<Read> {
  const rows: CellValue[][] = [];
  try {
    for await (const batch of csvBatches(inPieces(bytes, sizes), 'x.csv', { delimiter })) for (const row of batch) rows.push(row);
  } catch (err) {
    if (err instanceof TallyError) return { error: err.code === 'bad-csv' ? String(err.args.detail) : err.code };
    throw err;
  }
  return rows;
}

/** What csv-parse gives on the same text: decoded and split as tally decides (encoding, delimiter, NFC where marks are). */
async function expected(bytes: Uint8Array, delimiter?: string): Promise<Read> {
  const { encoding, skip } = detectEncoding(bytes, 'x.csv', undefined, true);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(skip));
  const rows = await oracleRows(text, delimiter ?? sniffDelimiter(text));
  if ('error' in rows || !/[\u0300-\u036f]/.test(text)) return rows;
  return rows.map((row) => row.map((v) => (typeof v === 'string' ? v.normalize('NFC') : v)));
}

function csvFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const f of csvFiles(path)) found.push(f);
    else if (name.toLowerCase().endsWith('.csv')) found.push(path);
  }
  return found;
}

/** Errors that are about the bytes, not about the CSV: the oracle is not asked (they are tested in read and hostile). */
const NOT_CSV = new Set(['empty', 'legacy-encoding', 'invalid-utf8', 'bad-encoding']);

describe('the CSV reader gives the rows csv-parse gives', () => {
  const files = [...csvFiles(join(ROOT, 'fixtures')), ...csvFiles(join(ROOT, 'test'))];
  it(`on every CSV fixture (${files.length}), in one piece, in pieces of 64 KB, and in pieces of 1 to 7 bytes`, async () => {
    expect(files.length).toBeGreaterThan(100);
    let compared = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const whole = await tallyRows(bytes, [bytes.length || 1]);
      const name = relative(ROOT, file);
      expect(await tallyRows(bytes, [64 * 1024]), name).toEqual(whole);
      expect(await tallyRows(bytes, [1, 3, 7, 2, 5]), name).toEqual(whole);
      if ('error' in whole && NOT_CSV.has(whole.error)) continue;
      expect(whole, name).toEqual(await expected(bytes));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('on 3,000 seeded texts of quotes, "", embedded line breaks, ; and tabs, BOMs, CRLF and CR, ragged and empty lines, cut multi-byte characters', async () => {
    const random = seeded(18);
    const tokens = ['"', '""', '"', ',', ';', '\t', '\r\n', '\n', '\r', 'a', 'bc', ' ', 'Đảng', 'ệ', '😀', '4.288', '\uFEFF', 'x"y', ',,'];
    for (let n = 0; n < 3000; n++) {
      let text = random() < 0.2 ? '\uFEFF' : '';
      const length = Math.floor(random() * 40);
      for (let k = 0; k < length; k++) text += tokens[Math.floor(random() * tokens.length)];
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0 || (bytes.length === 3 && text === '\uFEFF')) continue;
      const delimiter = [',', ';', '\t'][n % 3];
      const sizes = [1 + Math.floor(random() * 4), 1 + Math.floor(random() * 9)];
      const want = await expected(bytes, delimiter);
      expect(await tallyRows(bytes, sizes, delimiter), JSON.stringify({ text, delimiter, sizes })).toEqual(want);
      expect(await tallyRows(bytes, [bytes.length], delimiter), JSON.stringify({ text, delimiter })).toEqual(want);
    }
  });
});

describe('the CSV reader stops when asked', () => {
  it('closes its source when the reader returns after the first batch', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        for (let k = 0; k < 1000; k++) yield Buffer.from('a,b\n'.repeat(20_000));
      } finally {
        closed = true;
      }
    }
    const batches = csvBatches(source(), 'x.csv');
    const first = await batches.next();
    expect(first.done).toBe(false);
    await batches.return(undefined);
    expect(closed).toBe(true);
  });
  it('names the line where a quote that is never closed was opened', async () => {
    const bytes = Buffer.from('a,b\r\nc,"d\r\ne\r\n');
    const rows = csvBatches(inPieces(bytes, [4]), 'x.csv');
    const caught = await (async () => {
      for await (const _ of rows) void _;
    })().catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(TallyError);
    expect((caught as TallyError).code).toBe('bad-csv');
    expect((caught as TallyError).args).toMatchObject({ line: 2, detail: 'CSV_QUOTE_NOT_CLOSED' });
  });
});
