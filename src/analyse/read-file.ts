import type { Diagnostic } from '../check/diagnostic.js';
import { SheetFacts } from '../check/facts.js';
import { TallyError, type FatalCode } from '../read/errors.js';
import { openInput, type ReadOptions } from '../read/inputs.js';
import type { CellValue, RawSheet } from '../read/types.js';
import type { Note } from '../recognise/facts.js';
import { HEADER_SEARCH_ROWS } from '../recognise/header.js';
import { DATA_SAMPLE_ROWS } from '../recognise/patterns.js';
import { classifySheet, type DecidedSheet } from '../recognise/sheet-kinds/index.js';
import { isTableDecision, recogniseSheet, startDecided, type RecogniseOptions, type SheetResult, type SheetSink } from '../recognise/sheet.js';
import type { UnitRow } from '../recognise/table.js';
import { readMemberList, type MemberList } from '../recognise/members/read.js';

/** A table of units read from one sheet, with what check/ made of its facts. */
export interface SheetTable {
  readonly sheet: string | undefined;
  readonly result: SheetResult;
  /** Its unit rows, when they were kept (a workbook of several sheets); empty when they went straight to the fold. */
  readonly rows: readonly UnitRow[];
  readonly diagnostics: readonly Diagnostic[];
  readonly notes: readonly Note[];
}

/** One file, read and recognised. Plain data, so that a worker thread can send it back. */
export interface FileResult {
  readonly file: string;
  readonly tables: SheetTable[];
  /** Sheets that are no table of units, with what they are (for the message when no sheet is one). */
  readonly others: DecidedSheet[];
  readonly sheetCount: number;
  readonly notes: Note[];
  readonly failure?: { readonly code: FatalCode; readonly args: TallyError['args'] } | undefined;
  /** Damaged parts of a workbook that tally does not need, left out (TL006). */
  readonly dropped?: readonly string[] | undefined;
  /** Sheets that list members, one person a row, read (they are among `others` too, as member-list). */
  readonly memberLists?: MemberList[] | undefined;
}

/** The most rows a member list is read to: a committee of ten thousand members, with room to spare. */
const MEMBER_LIST_ROWS = 100_000;

/** Rows kept from the start of a streamed sheet: enough to find the header and judge its columns. */
const HEAD_ROWS = HEADER_SEARCH_ROWS + DATA_SAMPLE_ROWS;

type Streamed = {
  readonly sheet: RawSheet; readonly other?: DecidedSheet | undefined; readonly table?: Omit<SheetTable, 'rows'> | undefined;
  readonly list?: MemberList | undefined;
};

/** Rows in batches (a CSV gives the rows of each piece it reads), with what is left of the batch the head ended in. */
class Batches {
  private rest: CellValue[][] = [];
  ended = false;
  constructor(private readonly source: AsyncGenerator<CellValue[][]>) {}

  /** The next batch, or undefined at the end. */
  async next(): Promise<CellValue[][] | undefined> {
    if (this.rest.length > 0) {
      const rows = this.rest;
      this.rest = [];
      return rows;
    }
    if (this.ended) return undefined;
    const next = await this.source.next();
    if (next.done) this.ended = true;
    return next.done ? undefined : next.value;
  }

  /** Add rows to `into` until it holds `limit` (the rest of a batch waits for `next`); false when the source ended first. */
  async fill(into: CellValue[][], limit: number): Promise<boolean> {
    while (into.length < limit) {
      const batch = await this.next();
      if (!batch) return false;
      const room = limit - into.length;
      for (let i = 0; i < batch.length && i < room; i++) into.push(batch[i] ?? []);
      if (batch.length > room) this.rest = batch.slice(room);
    }
    return true;
  }

  async close(): Promise<void> {
    this.rest = [];
    if (!this.ended) await this.source.return(undefined);
    this.ended = true;
  }
}

/**
 * Recognise a sheet as its rows arrive: the first rows decide what the sheet is and find the header, every later
 * row goes straight into the fold (a batch at a time, in a plain loop), so a file of a million rows is never held
 * in memory.
 */
async function streamSheet(source: AsyncGenerator<CellValue[][]>, meta: Omit<RawSheet, 'rows'>, options: RecogniseOptions, onRow: (row: UnitRow) => void): Promise<Streamed> {
  const batches = new Batches(source);
  const head: CellValue[][] = [];
  await batches.fill(head, HEAD_ROWS);
  let sheet: RawSheet = { ...meta, rows: head };
  let decision = classifySheet(sheet);
  if (decision.kind === 'member-list') {
    // A list of members is read whole (a person a row: a few hundred rows), then read as persons.
    await batches.fill(head, MEMBER_LIST_ROWS);
    await batches.close();
    return { sheet, other: { sheet: meta.sheet, decision }, list: readMemberList(sheet, options.scale) };
  }
  if (decision.kind === 'own-form' || decision.kind === 'units-as-columns' || decision.kind === 'official-form') {
    // A table derived from another layout is read whole (such a sheet is a page or two): decided again on all its rows.
    await batches.fill(head, Infinity);
    if (head.length > HEAD_ROWS) {
      sheet = { ...meta, rows: head };
      decision = classifySheet(sheet);
    }
  }
  if (!isTableDecision(decision)) {
    await batches.close();
    return { sheet, other: { sheet: meta.sheet, decision } };
  }
  const facts = new SheetFacts(meta.file, meta.sheet);
  const walker = startDecided(sheet, decision, options, { row: onRow, fact: facts.fact });
  for (let r = walker.firstDataRow; r < head.length; r++) walker.walk(head[r] ?? [], r);
  let r = head.length;
  for (let batch = await batches.next(); batch; batch = await batches.next()) {
    for (let i = 0; i < batch.length; i++) walker.walk(batch[i] ?? [], r++);
  }
  return { sheet, table: { sheet: meta.sheet, result: walker.finish(), diagnostics: facts.diagnostics, notes: facts.notes } };
}

/**
 * Read and recognise one file. With `feed`, the rows of a file with a single table go straight into it as they
 * are read (a CSV streams); otherwise, and for workbooks of several sheets, rows are kept in `tables`.
 */
export async function readFileTables(file: string, options: ReadOptions & RecogniseOptions, feed?: (row: UnitRow) => void): Promise<FileResult> {
  const tables: SheetTable[] = [];
  const others: DecidedSheet[] = [];
  const notes: Note[] = [];
  const memberLists: MemberList[] = [];
  let sheetCount = 0;
  let dropped: string[] = [];
  const fail = (code: FatalCode, args: TallyError['args']): FileResult => ({ file, tables: [], others: [], sheetCount, notes, failure: { code, args } });
  try {
    const opened = await openInput(file, options);
    if (opened.kind === 'csv') {
      sheetCount = 1;
      const rows: UnitRow[] = [];
      const meta = { file, sheet: undefined, merges: [], hiddenRows: new Set<number>(), hiddenColumns: new Set<number>() };
      const s = await streamSheet(opened.batches, meta, options, feed ?? ((row) => rows.push(row)));
      if (s.table) {
        tables.push({ ...s.table, rows });
        if (opened.disguised) notes.push({ code: 'disguised-csv', file, args: { ext: opened.disguised } });
      } else if (opened.disguised && opened.disguised !== '.xls') {
        return fail('wrong-format', { file, ext: opened.disguised, actual: 'text' });
      } else if (s.other) others.push(s.other);
      if (s.list) memberLists.push(s.list);
    } else if (opened.kind === 'stream') {
      sheetCount = opened.sheetCount;
      for await (const sheet of opened.sheets) {
        if (sheet.hidden) {
          notes.push({ code: 'hidden-sheet', file, sheet: sheet.name, args: {} });
          for await (const _ of sheet.rows) void _;
          continue;
        }
        const rows: UnitRow[] = [];
        const meta = { file, sheet: sheet.name, merges: sheet.merges, hiddenRows: sheet.hiddenRows, hiddenColumns: sheet.hiddenColumns };
        const s = await streamSheet(sheet.rows, meta, options, feed && sheetCount === 1 ? feed : (row) => rows.push(row));
        for await (const _ of sheet.rows) void _;
        if (s.table) tables.push({ ...s.table, rows });
        else if (s.other) others.push(s.other);
        if (s.list) memberLists.push(s.list);
      }
      dropped = opened.dropped();
    } else {
      dropped = opened.dropped;
      sheetCount = opened.sheets.length;
      for (const n of opened.notes) notes.push({ code: 'hidden-sheet', file, sheet: n.sheet, args: {} });
      for (const sheet of opened.sheets) {
        // A one-sheet workbook goes straight into the fold; with several sheets the rows wait until it is
        // known whether one sheet only totals the others.
        const rows: UnitRow[] = [];
        const facts = new SheetFacts(file, sheet.sheet);
        const sink: SheetSink = { row: feed && opened.sheets.length === 1 ? feed : (row) => rows.push(row), fact: facts.fact };
        const { decision, result } = recogniseSheet(sheet, options, sink);
        if (result) tables.push({ sheet: sheet.sheet, result, rows, diagnostics: facts.diagnostics, notes: facts.notes });
        else others.push({ sheet: sheet.sheet, decision });
        const list = decision.kind === 'member-list' ? readMemberList(sheet, options.scale) : undefined;
        if (list) memberLists.push(list);
      }
    }
  } catch (err) {
    if (err instanceof TallyError) return fail(err.code, err.args);
    throw err;
  }
  return { file, tables, others, sheetCount, notes, ...(dropped.length > 0 ? { dropped } : {}), ...(memberLists.length > 0 ? { memberLists } : {}) };
}
