import { Checker } from '../check/checker.js';
import type { Diagnostic } from '../check/diagnostic.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../check/rule.js';
import { droppedPartDiagnostics } from '../check/parts.js';
import { formSumDiagnostics } from '../check/form-sums.js';
import { mixedPeriods, totalsSheetMismatches, type PeriodStart } from '../check/workbook.js';
import { TallyError } from '../read/errors.js';
import { expandInputs, type ReadOptions } from '../read/inputs.js';
import type { Note } from '../recognise/facts.js';
import { compareCodePoints } from '../recognise/normalise.js';
import { noTableFailure } from '../recognise/sheet-kinds/index.js';
import { instructionsSheets } from '../recognise/sheet-kinds/instructions.js';
import { findTotalsSheet, totalsSheetSums } from '../recognise/sheet-kinds/totals-sheet.js';
import type { SkippedRow, UnitRow } from '../recognise/table.js';
import type { Scale } from '../recognise/vocabulary.js';
import { Rollup, type RollupOptions, type Summary } from '../rollup/summary.js';
import type { MemberList } from '../recognise/members/read.js';
import { takeMemberLists, UnitIndex } from './members.js';
import { workerPool } from './parallel.js';
import { readFileTables, type FileResult, type SheetTable } from './read-file.js';
import { readRoster, RosterMatcher, type RosterResult } from './roster.js';
import { rosterDiagnostics } from '../check/roster.js';
import { treeDiagnostics } from '../check/tree.js';
import { TreeFold, type CommitteeTree } from '../rollup/tree.js';
import { Breakdown, type BreakdownField, type BreakdownResult } from '../rollup/breakdown.js';
import type { Comparison } from '../rollup/compare.js';
import { FormPrevious } from './form-previous.js';

export interface AnalyseOptions extends ReadOptions, RollupOptions {
  readonly scale: Scale;
  readonly period?: string | undefined;
  /** `--unit`: the reporting unit of an official form (of one form: the CLI refuses it for several, see `unitForms`). */
  readonly unit?: string | undefined;
  readonly thresholds?: Thresholds | undefined;
  /** Roll up as well as check (the report command); `check` skips the summary. */
  readonly rollup: boolean;
  /** Worker threads for many files: 0 reads them one after the other. Default: one per core, at most 4. */
  readonly workers?: number | undefined;
  /** Called as files and rows are read (every 10.000 rows and after each file), for a progress line. */
  readonly onProgress?: ((state: { filesDone: number; filesTotal: number; rows: number }) => void) | undefined;
  /** Also return every counted unit row (`units`), for outputs that list them (the XLSX "Chi tiết" sheet). Off by default: a long run stays flat. */
  readonly keepUnits?: boolean | undefined;
  /** Also hand every counted unit row to this sink as it is read (a series folds one roll-up per period with it). */
  readonly onRow?: ((row: UnitRow) => void) | undefined;
  /**
   * Only the summary and the checks of each row: no tree of committees and no index for member lists (the previous
   * side of `--previous`, whose units are matched by the caller).
   */
  readonly lean?: boolean | undefined;
  /** A roster file (`--roster`): the units expected to report, matched against the rows read (TL060, TL061). */
  readonly roster?: string | undefined;
  /** With a roster: a missing report or a unit not on it is an error, not a warning (`--require-all`). */
  readonly requireAll?: boolean | undefined;
  /** Break the ratings and members down by this field (`--by`), as a fold beside the summary. */
  readonly by?: BreakdownField | undefined;
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
  readonly notes: readonly Note[];
  /** The member lists read (one person a row), for a streak of members. */
  readonly memberLists?: readonly MemberList[] | undefined;
  /** Every row fed to the roll-up, in order; only with `keepUnits`. */
  readonly units?: readonly UnitRow[] | undefined;
  /** The roster against the reports, with `roster`. */
  readonly roster?: RosterResult | undefined;
  /** Each committee with the cells that name it as their parent: its own figures beside theirs, its cells by rating. */
  readonly committees?: readonly CommitteeTree[] | undefined;
  /** With `by`: the ratings and members of each part, and of the whole. */
  readonly breakdown?: BreakdownResult | undefined;
  /**
   * The previous period that official forms state ("Cùng kỳ năm trước" of Biểu 1), compared with this run as
   * `--previous` would (which wins when given); only in a report's run.
   */
  readonly formComparison?: Comparison | undefined;
  /** With `unit`: the official forms it named ("file [sheet]"); more than one is refused by the CLI. */
  readonly unitForms?: readonly string[] | undefined;
}

/** From how many files a run reads them on worker threads. */
const PARALLEL_FROM = 16;

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/** What the run gathers from its files, one after the other, in the files' order. */
class Gathered {
  readonly diagnostics: Diagnostic[] = [];
  readonly skipped: SkippedRow[] = [];
  readonly notes: Note[] = [];
  /** Member lists, one person a row: rolled up when read alone, checked against the reports beside them. */
  readonly memberLists: MemberList[] = [];
  /** The units of the previous period that official forms state, and how many forms state it. */
  readonly previousRows: UnitRow[] = [];
  previousForms = 0;
  read = 0;
  counted = 0;

  constructor(private readonly feed: (row: UnitRow) => void, private readonly failures: TallyError[]) {}

  /** One file's result: its tables checked and folded, an instructions or totals sheet told apart, or its failure. */
  take(fr: FileResult): void {
    const { file } = fr;
    for (const n of fr.notes) this.notes.push(n);
    for (const d of droppedPartDiagnostics(file, fr.dropped ?? [])) this.diagnostics.push(d);
    if (fr.failure) {
      this.failures.push(new TallyError(fr.failure.code, fr.failure.args));
      return;
    }
    const instructions = instructionsSheets(fr.tables);
    const tables = instructions.length > 0 ? fr.tables.filter((t) => !instructions.includes(t)) : fr.tables;
    for (const t of instructions) {
      this.account(t);
      for (const row of t.rows) this.skipped.push({ file, sheet: t.sheet, row: row.source.row, reason: 'instructions-sheet', text: row.name });
      this.notes.push({ code: 'instructions-sheet', file, sheet: t.sheet ?? '', args: {} });
    }
    // A Biểu 7A is not rolled up (its refusal says why), but the sums it states are checked all the same.
    for (const o of fr.others) if (o.decision.kind === 'indicator-form' && o.decision.bieu7a) for (const d of formSumDiagnostics({ kind: 'form-sums', form: '7A', sums: o.decision.bieu7a.sums }, file, o.sheet)) this.diagnostics.push(d);
    const totals = findTotalsSheet(tables);
    for (const t of tables) {
      for (const d of t.diagnostics) this.diagnostics.push(d);
      this.account(t);
      if (t === totals) {
        for (const row of t.rows) this.skipped.push({ file, sheet: t.sheet, row: row.source.row, reason: 'totals-sheet', text: row.name });
        this.notes.push({ code: 'totals-sheet', file, sheet: t.sheet, args: {} });
        for (const d of totalsSheetMismatches(file, t.sheet, totalsSheetSums(t, tables.filter((x) => x !== totals)))) this.diagnostics.push(d);
        continue;
      }
      this.counted += t.result.rowsCounted;
      for (const row of t.rows) this.feed(row);
      if (t.result.previousRows) this.previousForms++;
      for (const row of t.result.previousRows ?? []) this.previousRows.push(row);
      const { header, rowsCounted, period } = t.result;
      const rows = `${header.top + 1}${header.bottom > header.top ? `–${header.bottom + 1}` : ''}`;
      this.notes.push({ code: 'header-at', file, sheet: t.sheet, args: { rows, count: rowsCounted, ...(period ? { period } : {}) } });
      for (const n of t.notes) this.notes.push(n);
    }
    for (const l of fr.memberLists ?? []) this.memberLists.push(l);
    if (tables.length > 0) for (const o of fr.others) this.notes.push({ code: 'sheet-without-table', file, sheet: o.sheet ?? '', args: {} });
    else if (!fr.memberLists?.length) this.failures.push(noTableFailure(file, fr.others, fr.sheetCount));
  }

  private account(t: SheetTable): void {
    for (const s of t.result.skipped) this.skipped.push(s);
    this.read += t.result.rowsRead;
  }
}

/** With `--unit`: the official forms it named ("file [sheet]"), and a note in `notes` when it named none. */
function unitFormsOf(notes: Note[], unit: string | undefined): string[] | undefined {
  if (unit === undefined) return undefined;
  const forms = notes.filter((n) => n.code === 'sheet-kind' && n.args.nameFrom === 'option').map((n) => `${n.file ?? ''}${n.sheet !== undefined ? ` [${n.sheet}]` : ''}`);
  if (forms.length === 0) notes.push({ code: 'unit-unused', args: { unit } });
  return forms;
}

/** Read, recognise, check and (optionally) roll up a set of inputs. The only I/O is in `read`. */
export async function analyse(inputs: readonly string[], options: AnalyseOptions): Promise<Analysis> {
  const { files, failures, ignored } = await expandInputs(inputs, options.cwd);
  // Read first: a roster that cannot be read stops the run (exit 2) before any report is read.
  const roster = options.roster !== undefined ? new RosterMatcher(await readRoster(options.roster, options)) : undefined;
  const checker = new Checker({ thresholds: options.thresholds ?? DEFAULT_THRESHOLDS });
  const rollup = new Rollup(options);
  let rowsSeen = 0;
  let filesDone = 0;
  const report = (): void => options.onProgress?.({ filesDone, filesTotal: files.length, rows: rowsSeen });
  // Where each period was first met: a roll-up of several periods would add years together (TL033).
  const periods = new Map<string, PeriodStart>();
  const units: UnitRow[] | undefined = options.keepUnits ? [] : undefined;
  const tree = new TreeFold();
  const by = options.by !== undefined ? new Breakdown(options.by, options, true) : undefined;
  const index = new UnitIndex();
  const formPrevious = options.rollup && !options.lean ? new FormPrevious() : undefined;
  /** Into the roll-up (and the series); a member list read alone comes in here too, as its organisation's row. */
  const fold = (row: UnitRow): void => {
    units?.push(row);
    if (options.rollup) rollup.add(row);
    options.onRow?.(row);
    roster?.add(row);
    if (!options.lean) tree.add(row);
    by?.add(row);
    formPrevious?.addCurrent(row);
    if (row.period !== undefined && !periods.has(row.period)) periods.set(row.period, { source: row.source, columns: row.columns, name: row.name });
  };
  const feed = (row: UnitRow): void => {
    // A unit sent both as a table's row and as its form is TL020 and counted once, as first read.
    const counted = checker.add(row);
    if (!options.lean) index.add(row);
    if (counted) fold(row);
    else run.counted--;
    if (++rowsSeen % 10_000 === 0) report();
  };
  const run = new Gathered(feed, failures);
  for (const f of ignored) run.notes.push({ code: f.why, file: f.file, args: {} });
  const parallel = files.length >= PARALLEL_FROM && options.workers !== 0 ? await workerPool(options) : undefined;
  if (parallel) {
    try {
      await parallel.run(files, (fr, i) => {
        filesDone = i + 1;
        report();
        run.take(fr);
      });
    } finally {
      await parallel.close();
    }
  } else {
    for (const file of files) {
      report();
      filesDone++;
      run.take(await readFileTables(file, options, feed));
    }
  }
  const lists = takeMemberLists(run.memberLists, index, run.counted > 0, options.period);
  // Checked like every other row (two lists of one organisation and year are TL020, never added twice), then folded.
  for (const row of lists.rows) {
    checker.add(row);
    fold(row);
  }
  for (const n of lists.notes) run.notes.push(n);
  const summary = options.rollup ? rollup.result() : undefined;
  const fromForms = summary ? formPrevious?.result(summary, run.previousRows, run.previousForms, options) : undefined;
  if (fromForms) run.notes.push(fromForms.note);
  const unitForms = unitFormsOf(run.notes, options.unit);
  const diagnostics = run.diagnostics;
  for (const d of lists.diagnostics) diagnostics.push(d);
  for (const d of checker.finish()) diagnostics.push(d);
  const mixed = options.rollup ? mixedPeriods(periods) : undefined;
  if (mixed) diagnostics.push(mixed);
  const committees = tree.result();
  for (const d of treeDiagnostics(committees, diagnostics)) diagnostics.push(d);
  const rosterResult = roster?.result();
  if (rosterResult) for (const d of rosterDiagnostics(rosterResult, options.requireAll === true)) diagnostics.push(d);
  diagnostics.sort((a, b) =>
    compareCodePoints(a.location.file, b.location.file) || compareCodePoints(a.location.sheet ?? '', b.location.sheet ?? '')
    || (a.location.row ?? 0) - (b.location.row ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareCodePoints(a.code, b.code));
  return {
    files, summary, rows: { read: run.read + lists.persons, counted: run.counted + lists.rows.length, skipped: run.skipped }, diagnostics, failures, notes: run.notes,
    ...(units ? { units } : {}), ...(run.memberLists.length > 0 ? { memberLists: run.memberLists } : {}),
    ...(rosterResult ? { roster: rosterResult } : {}), committees, ...(by ? { breakdown: by.result() } : {}),
    ...(fromForms ? { formComparison: fromForms.comparison } : {}), ...(unitForms ? { unitForms } : {}),
  };
}
