import { Checker } from './check/checker.js';
import type { Diagnostic } from './check/diagnostic.js';
import { DEFAULT_THRESHOLDS, locate, type Locatable, type Thresholds } from './check/rule.js';
import { expandInputs, openInput, type ReadOptions } from './read/inputs.js';
import { TallyError, type FatalCode } from './read/errors.js';
import { workerPool } from './parallel.js';
import { categoryRows, isMemberList, recogniseSheet, startSheet, type RecogniseOptions, type SheetResult } from './recognise/rows.js';
import { HEADER_SEARCH_ROWS, indicatorRows } from './recognise/header.js';
import type { SkippedRow, UnitRow } from './recognise/table.js';
import { compareCodePoints, fold } from './recognise/normalise.js';
import { closestColumn } from './recognise/closest.js';
import { COLUMN_LABELS, type ColumnId } from './recognise/columns.js';
import type { Scale } from './recognise/vocabulary.js';
import { Rollup, type RollupOptions, type Summary } from './rollup/summary.js';
import type { CellValue, RawSheet } from './read/types.js';

export interface AnalyseOptions extends ReadOptions, RollupOptions {
  readonly scale: Scale;
  readonly period?: string | undefined;
  readonly thresholds?: Thresholds | undefined;
  /** Roll up as well as check (the report command); `check` skips the summary. */
  readonly rollup: boolean;
  /** Worker threads for many files: 0 reads them one after the other. Default: one per core, at most 4. */
  readonly workers?: number | undefined;
  /** Called as files and rows are read (every 10.000 rows and after each file), for a progress line. */
  readonly onProgress?: ((state: { filesDone: number; filesTotal: number; rows: number }) => void) | undefined;
  /** Also return every counted unit row (`units`), for outputs that list them (the XLSX "Chi tiết" sheet). Off by default: a long run stays flat. */
  readonly keepUnits?: boolean | undefined;
}

export interface RowAccount {
  readonly read: number;
  readonly counted: number;
  readonly skipped: readonly SkippedRow[];
}

export interface Analysis {
  readonly files: readonly string[];
  readonly summary: Summary | undefined;
  readonly rows: RowAccount;
  readonly diagnostics: readonly Diagnostic[];
  /** Inputs that could not be read at all: exit 2. */
  readonly failures: readonly TallyError[];
  /** Verbose-only facts: sheets passed over, hidden rows read, columns ignored. */
  readonly notes: readonly string[];
  /** Every row fed to the roll-up, in order; only with `keepUnits`. */
  readonly units?: readonly UnitRow[] | undefined;
}

/** What is said of a sheet with no report table: the headers it has, or the figures it holds as row labels. */
function noTable(sheet: string | undefined, raw: RawSheet): FileResult['empty'][number] {
  if (raw.rows.length === 0) return { sheet, headers: '' };
  return { sheet, headers: headersFound(raw), indicatorRows: indicatorRows(raw), categoryRows: categoryRows(raw), memberList: isMemberList(raw) };
}

/** The header-like row of a sheet with no table, each text with the known column it most nearly spells. */
function headersFound(sheet: RawSheet): string {
  let best: string[] = [];
  for (const row of sheet.rows.slice(0, 20)) {
    // Texts with letters: a numbering row ("1 | 2 | 4(=2*100/3)") is not what a user would call a header.
    const texts = row.filter((v): v is string => typeof v === 'string' && /\p{L}/u.test(v)).map((v) => v.trim().replace(/\s+/g, ' '));
    if (texts.length > best.length) best = texts;
  }
  if (best.length === 0) return '(không có / none)';
  return best.slice(0, 15).map((t) => {
    const near = closestColumn(t);
    return near ? `"${t}" (gần với / close to "${near.label}")` : `"${t}"`;
  }).join(', ');
}

type SheetTable = { readonly sheet: string | undefined; readonly result: SheetResult; readonly rows: readonly UnitRow[] };

function unitKey(row: UnitRow): string {
  return row.code ? `code:${fold(row.code)}` : `name:${fold(row.name)}`;
}

function sums(rows: readonly UnitRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row.counts)) out.set(k, (out.get(k) ?? 0) + v);
    row.indicators.forEach((v, i) => {
      const key = `indicator:${fold(row.indicatorNames[i] ?? '')}`;
      if (v !== undefined) out.set(key, (out.get(key) ?? 0) + v);
    });
  }
  return out;
}

const TOTALS_NAME = /^(tong hop|tonghop|th|tong cong|toan khoi|tong so|tong)\b/;

/**
 * In a workbook of several tables, the sheet that only totals the others ("Tổng hợp"): it has their units
 * again, or its members add up to theirs. Counting it would count every unit twice.
 */
function findTotalsSheet(tables: readonly SheetTable[]): SheetTable | undefined {
  const periodOf = (t: SheetTable): string => t.rows[0]?.period ?? '';
  for (const t of tables) {
    // Sheets of other periods ("Năm 2023" beside "Năm 2022") repeat the same units without totalling them.
    const others = tables.filter((x) => x !== t && x.rows.length > 0 && periodOf(x) === periodOf(t));
    if (others.length === 0 || t.rows.length === 0) continue;
    const otherKeys = new Set(others.flatMap((o) => o.rows.map(unitKey)));
    const keys = t.rows.map(unitKey);
    const covers = keys.filter((k) => otherKeys.has(k)).length;
    const mine = sums(t.rows).get('members') ?? 0;
    const theirs = others.reduce((a, o) => a + (sums(o.rows).get('members') ?? 0), 0);
    const named = TOTALS_NAME.test(fold(t.sheet ?? ''));
    // A "Tổng hợp" of pasted figures, one row per sector, that disagrees a little is still the totals sheet:
    // fewer rows than the units it sums, and about their members.
    const summary = t.rows.length < others.reduce((a, o) => a + o.rows.length, 0) && theirs > 0 && Math.abs(mine - theirs) <= 0.2 * theirs;
    if ((covers === otherKeys.size && covers === keys.length) || (named && (mine === theirs || covers * 2 >= keys.length || summary))) return t;
  }
  return undefined;
}

/** A sheet of instructions for the clerk ("Hướng dẫn", "Ví dụ"): its sample rows are not units. */
const INSTRUCTIONS_NAME = /^(huong dan|hd|luu y|vi du|mau vi du|instructions?|readme|guide)\b/;

function compareTotalsSheet(file: string, totals: SheetTable, others: readonly SheetTable[]): Diagnostic[] {
  const mine = sums(totals.rows);
  const theirs = sums(others.flatMap((o) => o.rows));
  const out: Diagnostic[] = [];
  for (const key of new Set([...mine.keys(), ...theirs.keys()])) {
    const value = mine.get(key) ?? 0;
    const expected = theirs.get(key) ?? 0;
    if (value === expected) continue;
    const column = key.startsWith('indicator:') ? key.slice('indicator:'.length) : COLUMN_LABELS[key as ColumnId];
    out.push({
      code: 'TL032', severity: 'error',
      location: { file, sheet: totals.sheet, column },
      args: { sheet: totals.sheet ?? '', column, value, expected },
    });
  }
  return out;
}

/** Rows kept from the start of a streamed CSV: enough to find the header and judge its columns. */
const HEAD_ROWS = HEADER_SEARCH_ROWS + 400;

/**
 * Recognise a CSV as its rows arrive: the first rows find the header, every later row goes straight into the
 * fold, so a file of a million rows is never held in memory.
 */
async function streamSheet(rows: AsyncGenerator<CellValue[]>, meta: Omit<RawSheet, 'rows'>, options: RecogniseOptions, feed: (row: UnitRow) => void): Promise<{ sheet: RawSheet; result: SheetResult | undefined }> {
  const head: CellValue[][] = [];
  let next = await rows.next();
  while (!next.done && head.length < HEAD_ROWS) {
    head.push(next.value);
    if (head.length < HEAD_ROWS) next = await rows.next();
  }
  const sheet: RawSheet = { ...meta, rows: head };
  const walker = startSheet(sheet, options, feed);
  if (!walker) {
    await rows.return(undefined);
    return { sheet, result: undefined };
  }
  for (let r = walker.firstDataRow; r < head.length; r++) walker.walk(head[r] ?? [], r);
  if (!next.done) {
    let r = head.length;
    for (next = await rows.next(); !next.done; next = await rows.next()) walker.walk(next.value, r++);
  }
  return { sheet, result: walker.finish() };
}

/** One file, read and recognised. Plain data, so that a worker thread can send it back. */
export interface FileResult {
  readonly file: string;
  readonly tables: SheetTable[];
  /** Sheets with no report table, with the headers found in them (for the message when no sheet has one). */
  readonly empty: { readonly sheet: string | undefined; readonly headers: string; readonly indicatorRows?: string[] | undefined; readonly categoryRows?: string[] | undefined; readonly memberList?: boolean | undefined }[];
  readonly sheetCount: number;
  readonly notes: string[];
  readonly failure?: { readonly code: FatalCode; readonly args: TallyError['args'] } | undefined;
}

/**
 * Read and recognise one file. With `feed`, the rows of a file with a single table go straight into it as they
 * are read (a CSV streams); otherwise, and for workbooks of several sheets, rows are kept in `tables`.
 */
export async function readFileTables(file: string, options: ReadOptions & RecogniseOptions, feed?: (row: UnitRow) => void): Promise<FileResult> {
  const tables: SheetTable[] = [];
  const empty: FileResult['empty'] = [];
  const notes: string[] = [];
  let sheetCount = 0;
  try {
    const opened = await openInput(file, options);
    if (opened.kind === 'csv') {
      sheetCount = 1;
      const rows: UnitRow[] = [];
      const meta = { file, sheet: undefined, merges: [], hiddenRows: new Set<number>(), hiddenColumns: new Set<number>() };
      const streamed = await streamSheet(opened.rows, meta, options, feed ?? ((row) => rows.push(row)));
      if (streamed.result) {
        tables.push({ sheet: undefined, result: streamed.result, rows });
        if (opened.disguised) notes.push(`${file}: có đuôi ${opened.disguised} nhưng là văn bản CSV, đọc như CSV / named ${opened.disguised} but is CSV text, read as CSV`);
      } else if (opened.disguised && opened.disguised !== '.xls') {
        return { file, tables: [], empty: [], sheetCount, notes, failure: { code: 'wrong-format', args: { file, ext: opened.disguised, actual: 'text' } } };
      } else empty.push(noTable(undefined, streamed.sheet));
    } else if (opened.kind === 'stream') {
      sheetCount = opened.sheetCount;
      for await (const s of opened.sheets) {
        if (s.hidden) {
          notes.push(`${file} [${s.name}]: trang bị ẩn, không đọc / hidden sheet, not read`);
          for await (const _ of s.rows) void _;
          continue;
        }
        const rows: UnitRow[] = [];
        const meta = { file, sheet: s.name, merges: s.merges, hiddenRows: s.hiddenRows, hiddenColumns: s.hiddenColumns };
        const streamed = await streamSheet(s.rows, meta, options, feed && sheetCount === 1 ? feed : (row) => rows.push(row));
        for await (const _ of s.rows) void _;
        if (streamed.result) tables.push({ sheet: s.name, result: streamed.result, rows });
        else empty.push(noTable(s.name, streamed.sheet));
      }
    } else {
      sheetCount = opened.sheets.length;
      for (const n of opened.notes) notes.push(`${file} [${n.sheet}]: ${n.note}`);
      for (const sheet of opened.sheets) {
        // A one-sheet workbook goes straight into the fold; with several sheets the rows wait until it is
        // known whether one sheet only totals the others.
        const rows: UnitRow[] = [];
        const result = recogniseSheet(sheet, options, feed && opened.sheets.length === 1 ? feed : (row) => rows.push(row));
        if (!result) empty.push(noTable(sheet.sheet, sheet));
        else tables.push({ sheet: sheet.sheet, result, rows });
      }
    }
  } catch (err) {
    if (err instanceof TallyError) return { file, tables: [], empty: [], sheetCount, notes, failure: { code: err.code, args: err.args } };
    throw err;
  }
  return { file, tables, empty, sheetCount, notes };
}

/** From how many files a run reads them on worker threads. */
const PARALLEL_FROM = 16;

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/** Read, recognise, check and (optionally) roll up a set of inputs. The only I/O is in `read`. */
export async function analyse(inputs: readonly string[], options: AnalyseOptions): Promise<Analysis> {
  const { files, failures, ignored } = await expandInputs(inputs, options.cwd);
  const checker = new Checker({ thresholds: options.thresholds ?? DEFAULT_THRESHOLDS });
  const rollup = new Rollup(options);
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedRow[] = [];
  const notes: string[] = [];
  for (const f of ignored) {
    notes.push(f.why === 'lock-file'
      ? `${f.file}: tệp khóa Excel để lại khi bảng tính đang mở, bỏ qua / Excel lock file of an open workbook, skipped`
      : `${f.file}: không phải bảng tính (.xlsx, .csv), bỏ qua / not a spreadsheet (.xlsx, .csv), skipped`);
  }
  let read = 0;
  let counted = 0;
  let rowsSeen = 0;
  let filesDone = 0;
  const report = (): void => options.onProgress?.({ filesDone, filesTotal: files.length, rows: rowsSeen });
  // Where each period was first met: a roll-up of several periods would add years together (TL033).
  const periods = new Map<string, Locatable>();
  const units: UnitRow[] | undefined = options.keepUnits ? [] : undefined;
  const feed = (row: UnitRow): void => {
    checker.add(row);
    units?.push(row);
    if (options.rollup) rollup.add(row);
    if (row.period !== undefined && !periods.has(row.period)) periods.set(row.period, { source: row.source, columns: row.columns, name: row.name });
    if (++rowsSeen % 10_000 === 0) report();
  };
  const take = (fr: FileResult): void => {
    const { file } = fr;
    for (const n of fr.notes) notes.push(n);
    if (fr.failure) {
      failures.push(new TallyError(fr.failure.code, fr.failure.args));
      return;
    }
    const instructions = fr.tables.length >= 2 ? fr.tables.filter((t) => INSTRUCTIONS_NAME.test(fold(t.sheet ?? ''))) : [];
    const tables = instructions.length < fr.tables.length ? fr.tables.filter((t) => !instructions.includes(t)) : fr.tables;
    for (const t of tables === fr.tables ? [] : instructions) {
      skipped.push(...t.result.skipped);
      read += t.result.rowsRead;
      for (const row of t.rows) skipped.push({ file, sheet: t.sheet, row: row.source.row, reason: 'instructions-sheet', text: row.name });
      notes.push(`${file} [${t.sheet ?? ''}]: trang hướng dẫn, các dòng mẫu không được cộng / instructions sheet, its sample rows not added`);
    }
    const totals = tables.length >= 2 ? findTotalsSheet(tables) : undefined;
    for (const t of tables) {
      const where = `${file}${t.sheet ? ` [${t.sheet}]` : ''}`;
      diagnostics.push(...t.result.diagnostics);
      skipped.push(...t.result.skipped);
      read += t.result.rowsRead;
      if (t === totals) {
        for (const row of t.rows) skipped.push({ file, sheet: t.sheet, row: row.source.row, reason: 'totals-sheet', text: row.name });
        notes.push(`${where}: trang tổng hợp của các trang khác, được đối chiếu chứ không cộng thêm / totals sheet, checked against the others, not added`);
        diagnostics.push(...compareTotalsSheet(file, t, tables.filter((x) => x !== totals)));
        continue;
      }
      counted += t.result.rowsCounted;
      for (const row of t.rows) feed(row);
      notes.push(`${where}: tiêu đề cột ở dòng ${t.result.header.top + 1}${t.result.header.bottom > t.result.header.top ? `–${t.result.header.bottom + 1}` : ''}, ${t.result.rowsCounted} tổ chức${t.result.period ? `, kỳ ${t.result.period}` : ''} / header at row ${t.result.header.top + 1}${t.result.header.bottom > t.result.header.top ? `–${t.result.header.bottom + 1}` : ''}, ${t.result.rowsCounted} organisations`);
      for (const n of t.result.notes) notes.push(`${where}: ${n}`);
    }
    for (const e of fr.empty) {
      if (tables.length > 0) notes.push(`${file} [${e.sheet ?? ''}]: không có bảng báo cáo, bỏ qua / no report table, skipped`);
    }
    if (tables.length === 0) {
      const form = fr.empty.find((e) => e.indicatorRows);
      const byCategory = fr.empty.find((e) => e.categoryRows);
      const first = fr.empty.find((e) => e.headers !== '') ?? fr.empty[0];
      if (form?.indicatorRows) {
        failures.push(new TallyError('indicator-rows', { file, sheet: form.sheet ?? '', examples: form.indicatorRows.slice(0, 4).map((t) => `"${t}"`).join(', ') }));
      } else if (fr.empty.some((e) => e.memberList)) {
        failures.push(new TallyError('member-list', { file, sheet: fr.empty.find((e) => e.memberList)?.sheet ?? '' }));
      } else if (byCategory?.categoryRows) {
        failures.push(new TallyError('category-rows', { file, sheet: byCategory.sheet ?? '', examples: byCategory.categoryRows.map((t) => `"${t}"`).join(', ') }));
      } else failures.push(new TallyError('no-table', { file, sheet: fr.sheetCount > 1 ? undefined : first?.sheet, headers: first?.headers || '(không có / none)' }));
    }
  };
  const parallel = files.length >= PARALLEL_FROM && options.workers !== 0 ? await workerPool(options) : undefined;
  if (parallel) {
    try {
      await parallel.run(files, (fr, i) => {
        filesDone = i + 1;
        report();
        take(fr);
      });
    } finally {
      await parallel.close();
    }
  } else {
    for (const file of files) {
      report();
      filesDone++;
      take(await readFileTables(file, options, feed));
    }
  }
  const summary = options.rollup ? rollup.result() : undefined;
  diagnostics.push(...checker.finish());
  if (options.rollup && periods.size > 1) {
    // Said at the first row of the second period: where the reports stop being one period.
    const [first, second] = [...periods.values()];
    const at = (u: Locatable): string => `${u.source.file}${u.source.sheet ? ` [${u.source.sheet}]` : ''}:${u.source.row}`;
    const value = [...periods].map(([p, u]) => `${p} (${at(u)})`).join(', ');
    const column = second?.columns.period !== undefined ? 'period' as const : undefined;
    if (second && first) diagnostics.push(locate('TL033', second, { column, args: { count: periods.size, value } }));
  }
  diagnostics.sort((a, b) =>
    compareCodePoints(a.location.file, b.location.file) || compareCodePoints(a.location.sheet ?? '', b.location.sheet ?? '')
    || (a.location.row ?? 0) - (b.location.row ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareCodePoints(a.code, b.code));
  return { files, summary, rows: { read, counted, skipped }, diagnostics, failures, notes, ...(units ? { units } : {}) };
}
