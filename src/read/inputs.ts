import { open, readdir, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { csvBatches, type CsvOptions } from './csv.js';
import { detect, type ZipEntry } from './detect.js';
import { TallyError } from './errors.js';
import type { CellValue, RawSheet } from './types.js';
// The workbook reader (and zlib) is loaded only when a workbook is read: a CSV run does without it.
import type { SheetNote } from './xlsx.js';
import type { XlsxLimits } from './xlsx-limits.js';
import type { StreamedSheet } from './xlsx-stream.js';

/** Read in a folder. A `.txt` is read when named (a tab-separated export) but not picked up from a folder, where it is a note. */
const READABLE = new Set(['.xlsx', '.xlsm', '.csv', '.tsv']);
/** Extensions that are spreadsheets tally cannot read: in a folder they are reported, not silently passed over. */
const SPREADSHEET_LIKE = new Set(['.xls', '.ods', '.xlsb', '.numbers', '.fods']);

/** Expand files and folders (recursively, sorted, so that runs are repeatable) into the files to read. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<{ files: string[]; failures: TallyError[]; ignored: Ignored[] }> {
  const files: string[] = [];
  const failures: TallyError[] = [];
  /** Files in the folders that are not spreadsheets (a cover letter, a scan, notes): passed over, said with --verbose. */
  const ignored: Ignored[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    const abs = resolve(cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch {
      failures.push(new TallyError('not-found', { file: input }));
      continue;
    }
    if (!info.isDirectory()) {
      files.push(shownPath(cwd, abs));
      continue;
    }
    const found = await walk(abs, ignored);
    if (found.length === 0) failures.push(new TallyError('no-inputs', { file: shownPath(cwd, abs) }));
    for (const f of found) files.push(shownPath(cwd, f));
  }
  // A file named twice (`tally submissions/ submissions/a.xlsx`) is read once: its units are not duplicates.
  const seen = new Set<string>();
  const once = files.filter((f) => {
    const key = f === '-' ? f : resolve(cwd, f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: once, failures, ignored: ignored.map((f) => ({ ...f, file: shownPath(cwd, f.file) })) };
}

/**
 * A path as messages show it, the same whether the file or its folder was named: relative to the working folder
 * ("submissions/a.xlsx", not "./submissions/a.xlsx" or "/home/…/submissions/a.xlsx"), absolute when outside it.
 */
export function shownPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

/** A file of a folder that is not read: an Excel lock file, or not a spreadsheet. */
export interface Ignored {
  readonly file: string;
  readonly why: 'lock-file' | 'not-a-spreadsheet';
}

async function walk(dir: string, ignored: Ignored[]): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    // Hidden files, and Excel's "~$name.xlsx" lock files left while a workbook is open.
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.name.startsWith('~$')) {
      ignored.push({ file: path, why: 'lock-file' });
      continue;
    }
    if (e.isDirectory()) for (const f of await walk(path, ignored)) out.push(f);
    else {
      const ext = extname(e.name).toLowerCase();
      if (READABLE.has(ext) || SPREADSHEET_LIKE.has(ext)) out.push(path);
      else ignored.push({ file: path, why: 'not-a-spreadsheet' });
    }
  }
  return out;
}

export interface ReadOptions extends CsvOptions {
  readonly cwd: string;
  /** Bytes of standard input, for the input "-". */
  readonly stdin?: (() => Promise<Uint8Array>) | undefined;
  /** Rows of a workbook's sheet past which it is refused as too-large (--max-rows); default DEFAULT_MAX_ROWS. */
  readonly maxRows?: number | undefined;
}

/** An input, opened: a workbook's sheets in full, or a CSV's rows as a stream. */
export type Opened =
  /** `dropped`: damaged parts tally does not need (styles), left out (see xlsx-book.ts). */
  | { readonly kind: 'workbook'; readonly sheets: RawSheet[]; readonly notes: SheetNote[]; readonly dropped: string[] }
  /** `disguised`: the extension of a workbook name the text came under (".xlsx" saved as CSV by some systems). */
  | { readonly kind: 'csv'; readonly file: string; readonly batches: AsyncGenerator<CellValue[][]>; readonly disguised?: string | undefined }
  /** A large workbook, read sheet by sheet and row by row. */
  | { readonly kind: 'stream'; readonly sheetCount: number; readonly sheets: AsyncGenerator<StreamedSheet>; readonly dropped: () => string[] };

/**
 * CSV bytes go to the parser this many at a time. The parser turns each piece into rows at once, and every row
 * of a piece is alive until it is folded: small pieces keep V8's young generation small (a 1 MB piece made the
 * 1,000,000-row benchmark peak at 190 MB; 32 KB, 140 MB) and are no slower.
 */
const CSV_CHUNK = 32 * 1024;

/** Bytes already in memory, handed on in pieces of CSV_CHUNK (views, not copies). */
async function* pieces(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CSV_CHUNK) yield bytes.subarray(at, at + CSV_CHUNK);
}

/**
 * A file read from disk this many bytes at a time, handed on in pieces of CSV_CHUNK: each read is a trip to libuv's
 * thread pool that the main thread waits for, so reads of 32 KB left it idle 4% of a 1,000,000-row run.
 */
const CSV_READ = 256 * 1024;

/**
 * A file's bytes, read CSV_READ at a time into one buffer and handed on in pieces of CSV_CHUNK (views of it). The
 * buffer is read into again only when every piece of the last read has been asked for and the next is wanted: the
 * reader decodes each piece before it asks for the next (csv.ts; its head copies what it keeps). A fresh buffer per
 * read, as a read stream makes, left ~10 MB of freed 256 KB blocks in the C heap of a two-year streak. A read that
 * comes back short before the end of the file (not on a local disk) gets a buffer of its own next time, so that no
 * piece is overwritten while the head still looks at it.
 */
async function* filePieces(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(CSV_READ);
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, CSV_READ, null);
      if (bytesRead === 0) return;
      yield* pieces(buf.subarray(0, bytesRead));
      if (bytesRead < CSV_READ) buf = Buffer.allocUnsafe(CSV_READ);
    }
  } finally {
    await handle.close();
  }
}

/** Files up to this size are read whole at once: one open, one read (a folder of a thousand small files). */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

/** The start of a file, or all of it when it is small (`whole`). */
async function head(path: string, size: number): Promise<{ bytes: Uint8Array; whole: boolean }> {
  const handle = await open(path, 'r');
  try {
    const { size: total } = await handle.stat();
    if (total <= WHOLE_FILE_BYTES) return { bytes: await handle.readFile(), whole: true };
    const buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    return { bytes: buf.subarray(0, bytesRead), whole: false };
  } finally {
    await handle.close();
  }
}

/** A large workbook, opened to be read sheet by sheet: its map, styles and shared strings are read now. */
async function streamed(bytes: Uint8Array, entries: readonly ZipEntry[], file: string, limits: XlsxLimits): Promise<Opened> {
  const [{ openBook }, { streamXlsx }] = await Promise.all([import('./xlsx.js'), import('./xlsx-stream.js')]);
  const book = await openBook(bytes, entries, file, limits);
  return { kind: 'stream', sheetCount: book.map.sheets.length, sheets: streamXlsx(bytes, entries, file, limits, book), dropped: () => book.dropped };
}

/** Open one input, judging its format by its content, not its name; a failure is a TallyError (exit 2). */
export async function openInput(file: string, options: ReadOptions): Promise<Opened> {
  if (file === '-' && !options.stdin) throw new TallyError('usage', { detail: 'No standard input.' });
  const path = resolve(options.cwd, file);
  let start: { bytes: Uint8Array; whole: boolean };
  try {
    // Standard input is all in memory, and judged as a file is: a workbook piped in (`cat a.xlsx | tally -`)
    // is read as a workbook, a PDF is named as one.
    start = file === '-' && options.stdin ? { bytes: await options.stdin(), whole: true } : await head(path, 64 * 1024);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TallyError('not-found', { file });
    throw new TallyError('read-failed', { file, detail: code ?? 'unknown error' });
  }
  const ext = extname(file).toLowerCase();
  let what = detect(start.bytes);
  if (file === '-' && what.kind === 'other') throw new TallyError('stdin-format', { file, actual: what.what });
  // The zip directory is at the end of the file: a workbook is judged on all of it.
  let bytes: Uint8Array | undefined = start.whole ? start.bytes : undefined;
  if (!bytes && (what.kind === 'corrupt-zip' || what.kind === 'xlsx')) {
    bytes = await readFile(path);
    what = detect(bytes);
  }
  switch (what.kind) {
    case 'empty':
      throw new TallyError('empty', { file });
    case 'xls':
      throw new TallyError('xls', { file });
    case 'encrypted':
      throw new TallyError('encrypted', { file });
    case 'ods':
      throw new TallyError('ods', { file });
    case 'corrupt-zip':
      throw new TallyError('corrupt', { file, detail: what.detail });
    case 'other':
      throw new TallyError('wrong-format', { file, ext: ext || '(none)', actual: what.what });
    case 'xlsx': {
      const all = bytes ?? (await readFile(path));
      const [{ readXlsx }, { DEFAULT_MAX_ROWS }, { sheetBytes, shouldStream }] = await Promise.all([
        import('./xlsx.js'), import('./xlsx-limits.js'), import('./xlsx-stream.js')]);
      const limits = { rows: options.maxRows ?? DEFAULT_MAX_ROWS };
      if (shouldStream({ xmlBytes: sheetBytes(what.entries), largestOther: 0 })) return streamed(all, what.entries, file, limits);
      const { sheets, notes, dropped } = await readXlsx(all, file, what.entries, limits);
      return { kind: 'workbook', sheets, notes, dropped };
    }
    case 'text':
      // A ".xls" or ".xlsx" that is really tab- or comma-separated text (what many web systems export) reads as
      // CSV; if it holds no table either, it is said to be text under a workbook's name.
      return {
        kind: 'csv', file, batches: csvBatches(bytes ? pieces(bytes) : filePieces(path), file, options),
        disguised: ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' ? ext : undefined,
      };
  }
}
