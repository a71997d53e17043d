import type { CellValue, MergeRange, RawSheet } from '../read/types.js';
import type { Fact, Note } from './facts.js';
import type { HeaderMap } from './header.js';
import { completeLayout, type ColumnPlan, type Layout } from './layout.js';
import { cellText, cleanText, fold } from './normalise.js';
import { formulaHeaders } from './formula-text.js';
import { BLOC_NAME, CLOSING_TOTAL, GRAND_TOTAL, OUTLINE, OUTLINE_MARK } from './patterns.js';
import { describeCodes, findLegends } from './rating-codes.js';
import { ROW_KINDS } from './rows/index.js';
import type { RowContext, RowKind } from './rows/kind.js';
import { groupType, isEmptyRow } from './rows/labels.js';
import { CleanCache, RowView, TextCache, typeCache } from './rows/view.js';
import type { SkipReason, SkippedRow, UnitRow } from './table.js';
import { classifySheet, type SheetDecision } from './sheet-kinds/index.js';
import { titleLines } from './title.js';
import { parseRating, type Scale } from './vocabulary.js';
import { Committees } from './walk/committee.js';
import { Sums, totalValues, type TotalRow } from './walk/sums.js';
import { walkDerived } from './walk/derived.js';
import { namedBy, previousPeriod, walkPrevious } from './walk/form-previous.js';
import { readUnit, type Group, type UnitHost } from './walk/unit.js';

export interface RecogniseOptions {
  readonly scale: Scale;
  /** `--period`: overrides any period found in the file. */
  readonly period?: string | undefined;
  /** `--unit`: the reporting unit of an official form, over what its title block or file name says. */
  readonly unit?: string | undefined;
}

/** Where the walk's output goes: unit rows to the fold, facts to check/ (see check/facts.ts). */
export interface SheetSink {
  row(row: UnitRow): void;
  fact(fact: Fact): void;
}

/** A table, walked: its header, period, indicators and the account of every non-empty row. */
export interface SheetResult {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly header: HeaderMap;
  readonly period: string | undefined;
  readonly indicators: readonly string[];
  readonly skipped: readonly SkippedRow[];
  /** Non-empty rows read in the sheet. */
  readonly rowsRead: number;
  readonly rowsCounted: number;
  /**
   * An official form that states its previous period ("Cùng kỳ năm trước"): its unit's row of that period, labelled
   * a year back; not counted in this run's roll-up (analyse/ compares it, as `--previous` would).
   */
  readonly previousRows?: readonly UnitRow[] | undefined;
}

/** What walks a sheet's rows once its header is known: rows may come all at once or streamed. */
export interface SheetWalker {
  /** 0-based index of the first row after the header. */
  readonly firstDataRow: number;
  walk(row: readonly CellValue[], r: number): void;
  finish(): SheetResult;
}

/**
 * Start the walk of a table of units (see sheet-kinds/: `plan` comes from that decision). `sheet.rows` may hold
 * only the first rows when the rest is streamed.
 */
export function startSheet(sheet: RawSheet, plan: ColumnPlan, options: RecogniseOptions, sink: SheetSink): SheetWalker {
  const walk = new Walk(sheet, plan, options, sink);
  return { firstDataRow: plan.header.bottom + 1, walk: (row, r) => walk.walk(row, r), finish: () => walk.finish() };
}

/** A decision on a sheet that has a table of units: one as it stands, or one derived from another layout. */
export type TableDecision = Extract<SheetDecision, { readonly plan: ColumnPlan }>;

export function isTableDecision(d: SheetDecision): d is TableDecision {
  return 'plan' in d;
}

/**
 * Start the walk of the table a decision found: the sheet's own rows, or the derived table's (walked at once: a
 * derived table is whole when it is decided).
 */
export function startDecided(sheet: RawSheet, decision: TableDecision, options: RecogniseOptions, sink: SheetSink): SheetWalker {
  if (decision.kind === 'unit-table') return startSheet(sheet, decision.plan, options, sink);
  // An official form's own sums are about the sheet's cells: said before the derived table's origin.
  if (decision.kind === 'official-form') sink.fact({ kind: 'form-sums', form: decision.form.form, sums: decision.form.sums });
  if (decision.kind === 'official-form' && options.unit !== undefined) decision = namedBy(decision, options.unit);
  const more: Record<string, string | number> = decision.kind === 'official-form'
    ? { form: decision.form.form, edition: decision.form.edition, column: decision.form.column, nameFrom: decision.form.nameFrom, ...(decision.form.named !== undefined ? { named: decision.form.named } : {}) } : {};
  const previous = decision.kind === 'official-form' ? decision.form.previous : undefined;
  if (!previous) return walkDerived(decision.kind, decision.table, decision.plan, options, sink, startSheet, more);
  // The previous column's period is the current one's a year back: known once the current column is walked, said
  // in the same note. A form with no year of its own has no previous period tally could name: not read.
  const notes: Fact[] = [];
  const walker = walkDerived(decision.kind, decision.table, decision.plan, options, { row: (u) => sink.row(u), fact: (f) => notes.push(f) }, startSheet, more);
  const result = walker.finish();
  const period = previousPeriod(result.period);
  for (const f of notes) sink.fact(f.kind === 'note' && f.note.code === 'sheet-kind' && period !== undefined ? { ...f, note: { ...f.note, args: { ...f.note.args, previousColumn: previous.column, previousPeriod: period } } } : f);
  const previousRows = period !== undefined ? walkPrevious(previous, period, options, startSheet) : undefined;
  const done: SheetResult = previousRows ? { ...result, previousRows } : result;
  return { firstDataRow: walker.firstDataRow, walk: () => undefined, finish: () => done };
}

/** The walk of one table: the row kinds decide what each row is; unit rows are read in walk/unit.ts. */
class Walk implements RowContext, UnitHost {
  readonly layout: Layout;
  readonly scale: Scale;
  readonly period: string | undefined;
  readonly titleLines: ReadonlySet<string>;
  readonly headerKeys = new Set<string>();
  readonly headerNames = new Set<string>();
  readonly committees: Committees;
  readonly ratings: TextCache<ReturnType<typeof parseRating>>;
  readonly cleaned = new CleanCache();
  readonly hiddenErrorCols = new Set<number>();
  rowsCounted = 0;
  afterGrandTotal = false;
  group: Group | undefined;
  private inNotes = false;
  private rowsRead = 0;
  private hiddenRead = 0;
  private readonly skipped: SkippedRow[] = [];
  private readonly sums: Sums;
  private readonly view: RowView;
  private readonly deferredTotals: TotalRow[] = [];
  /** The totals a group heading carried, checked when its group ends. */
  private groupTotal: TotalRow | undefined;
  // Data cells merged down over several rows: the value is known when the walk reaches the merge's top row
  // (which may come from a stream), and is then lent to the rows below it.
  private readonly masters = new Map<string, CellValue>();
  private readonly mergesFrom = new Map<number, MergeRange[]>();

  constructor(readonly sheet: RawSheet, plan: ColumnPlan, options: RecogniseOptions, private readonly sink: SheetSink) {
    this.scale = options.scale;
    this.period = options.period;
    const header = plan.header;
    this.layout = completeLayout(sheet, plan, options.scale, options.period, (f) => this.emit(f));
    for (const f of formulaHeaders(this.layout)) this.emit(f);
    for (let r = header.top; r <= header.bottom; r++) if (!isEmptyRow(sheet.rows[r])) this.skip(r, 'header');
    for (let r = 0; r < header.top; r++) if (!isEmptyRow(sheet.rows[r])) this.skip(r, 'title', cellText(sheet.rows[r]?.find((v) => cellText(v) !== '')));
    for (const m of sheet.merges) {
      if (m.bottom <= header.bottom || m.bottom === m.top) continue;
      const top = Math.max(m.top, header.bottom + 1);
      this.mergesFrom.set(top, [...(this.mergesFrom.get(top) ?? []), m]);
    }
    this.sums = new Sums(this.layout, sheet.hiddenRows);
    this.titleLines = titleLines(sheet, header.top);
    const nameCol = this.layout.nameCol;
    for (let r = header.top; r <= header.bottom; r++) {
      const row = sheet.rows[r] ?? [];
      if (/[^|]/.test(this.rowKey(row))) this.headerKeys.add(this.rowKey(row));
      const n = nameCol !== undefined ? cellText(row[nameCol] ?? null) : '';
      if (n !== '') this.headerNames.add(n);
    }
    this.view = new RowView(this.layout, typeCache(), this.cleaned);
    this.ratings = new TextCache((t) => parseRating(t, options.scale));
    this.committees = new Committees(this.layout, {
      emit: (f) => this.emit(f), onRow: (u) => this.onRow(u), addToSums: (r, v) => this.addToSums(r, v), groupType: () => this.group?.type,
    });
  }

  rowKey(row: readonly CellValue[]): string {
    return this.layout.header.columns.map((c) => fold(cellText(row[c.index] ?? null))).join('|');
  }

  emit(f: Fact): void {
    // Notes about the table say where they are.
    if (f.kind === 'note' && f.note.file === undefined) this.sink.fact({ kind: 'note', note: { ...f.note, file: this.sheet.file, sheet: this.sheet.sheet } });
    else this.sink.fact(f);
  }

  note(code: Note['code'], args: Note['args']): void {
    this.emit({ kind: 'note', note: { code, args } });
  }

  onRow(row: UnitRow): void {
    this.sink.row(row);
  }

  counted(): void {
    this.rowsCounted++;
  }

  addToSums(r: number, values: Float64Array): void {
    this.sums.add(r, values);
  }

  skipInvalid(r: number, label: string): void {
    this.skip(r, 'invalid', label);
  }

  sumsAgree(values: Float64Array): 'all' | 'group' | undefined {
    if (this.rowsCounted < 2) return undefined;
    return this.sums.agreeing(values, this.layout.summed.findIndex((s) => s.key === 'members'), this.group !== undefined);
  }

  mergedAbove(r: number, c: number): CellValue {
    return this.masters.size === 0 ? null : this.masters.get(`${r}:${c}`) ?? null;
  }

  private skip(row: number, reason: SkipReason, text?: string): void {
    this.skipped.push({ file: this.sheet.file, sheet: this.sheet.sheet, row: row + 1, reason, ...(text ? { text } : {}) });
  }

  private lendMerged(row: readonly CellValue[], r: number): void {
    for (const m of this.mergesFrom.get(r) ?? []) {
      const value = m.top === r ? (row[m.left] ?? null) : (this.sheet.rows[m.top]?.[m.left] ?? null);
      for (let rr = r; rr <= m.bottom; rr++) for (let cc = m.left; cc <= m.right; cc++) this.masters.set(`${rr}:${cc}`, value);
    }
  }

  walk(row: readonly CellValue[], r: number): void {
    if (this.mergesFrom.size > 0) this.lendMerged(row, r);
    if (isEmptyRow(row)) return;
    this.rowsRead++;
    if (this.sheet.hiddenRows.has(r)) this.hiddenRead++;
    const v = this.view;
    v.reset(row, r);
    if (this.inNotes) {
      this.lateLegend(row, r);
      this.skip(r, 'note', v.label);
      return;
    }
    v.readFigures();
    for (const kind of ROW_KINDS) {
      if (kind.test(v, this)) {
        this.apply(kind, v);
        return;
      }
    }
    readUnit(this, v);
  }

  /**
   * A legend of rating codes under a table longer than the rows the layout looked at (a streamed CSV): the codes
   * above it were read without it. Where it gives any code another level than the one read, the figures are wrong.
   */
  private lateLegend(row: readonly CellValue[], r: number): void {
    const used = this.layout.ratingCodes;
    if (!used || r < this.sheet.rows.length) return;
    for (const found of findLegends([row])) {
      const differs = [...found.codes].filter(([code, level]) => used.codes.get(code) !== level);
      if (differs.length === 0) continue;
      const kind = /\d/.test(differs[0]?.[0] ?? '') ? 'digits' : 'letters';
      this.emit({ kind: 'late-legend', row: r, col: found.col, column: undefined, legend: describeCodes(found.codes), used: describeCodes(used.codes, kind) });
    }
  }

  private apply(kind: RowKind, v: RowView): void {
    switch (kind.effect ?? 'skip') {
      case 'end':
        this.inNotes = true;
        this.lateLegend(v.row, v.r);
        this.skip(v.r, kind.reason, v.label);
        return;
      case 'total':
      case 'bloc-total':
        this.total(v, kind.effect === 'bloc-total');
        return;
      case 'group':
      case 'group-total':
        this.openGroup(v, kind.effect === 'group-total');
        return;
      default:
        this.skip(v.r, kind.reason, kind.quiet ? undefined : v.label);
    }
  }

  /** A total row closes the open committee and is checked against the rows it covers. */
  private total(v: RowView, blocLine: boolean): void {
    this.committees.close();
    // A row with no label is a total of the scope whose sums it equals (see rows/unlabelled-total.ts).
    const scope = v.label === '' ? this.sumsAgree(v.values) : undefined;
    const kind = scope ? (scope === 'all' ? 'total' : 'subtotal')
      : GRAND_TOTAL.test(v.folded) || BLOC_NAME.test(v.folded) || this.group === undefined ? 'total' : 'subtotal';
    if (kind === 'total') this.closeGroup();
    const total: TotalRow = { row: v.r, label: v.label, kind, values: totalValues(this.layout, v.values, v.row) };
    // A total above its rows (some forms put "Tổng số" first) is checked once all rows are read.
    if (this.rowsCounted === 0) this.deferredTotals.push(total);
    else this.compare(total, kind === 'subtotal' ? 'group' : 'all');
    // Only the bloc's closing total ("Tổng cộng", "Toàn khối") ends the table; a "Tổng số" may close a section.
    if (kind === 'total' && this.rowsCounted > 0 && (blocLine || CLOSING_TOTAL.test(v.folded))) this.afterGrandTotal = true;
    this.skip(v.r, kind, v.label);
  }

  /** A group heading: the units under it take its type or sector; the totals it carries are checked when it ends. */
  private openGroup(v: RowView, withTotals: boolean): void {
    this.committees.close();
    this.closeGroup();
    const text = v.label.replace(OUTLINE, (m) => m.slice(-1)).replace(OUTLINE_MARK, '');
    const type = groupType(text);
    this.group = { label: cleanText(text), type, sector: type ? undefined : cleanText(text) };
    this.sums.openGroup();
    if (withTotals) this.groupTotal = { row: v.r, label: v.label, kind: 'subtotal', values: totalValues(this.layout, v.values, v.row) };
    this.skip(v.r, 'group', v.label);
  }

  private compare(t: TotalRow, scope: 'all' | 'group'): void {
    this.emit({ kind: 'total', row: t.row, label: t.label, covers: this.sums.covers(t, scope) });
  }

  private closeGroup(): void {
    // A heading with no rows under it (a table of sectors, not units) has nothing to be checked against.
    if (this.groupTotal && this.sums.groupRows > 0) this.compare(this.groupTotal, 'group');
    this.groupTotal = undefined;
  }

  finish(): SheetResult {
    const { header } = this.layout;
    if (this.hiddenRead > 0) this.note('hidden-rows-read', { count: this.hiddenRead });
    for (const c of this.sheet.hiddenColumns) {
      const col = header.columns.find((h) => h.index === c);
      if (col) this.note('hidden-column-read', { label: col.label });
    }
    this.committees.close();
    const invalid = this.skipped.some((x) => x.reason === 'invalid');
    if (this.rowsCounted === 0 && !invalid) this.emit({ kind: 'no-data-rows', row: header.bottom });
    // With no unit rows at all (a missing column or no data says why), a total has nothing to be checked against.
    if (this.rowsCounted > 0 || invalid) for (const t of this.deferredTotals) this.compare(t, 'all');
    this.closeGroup();
    this.skipped.sort((a, b) => a.row - b.row);
    return {
      file: this.sheet.file, sheet: this.sheet.sheet, header, period: this.layout.period, indicators: this.layout.indicatorNames, skipped: this.skipped,
      rowsRead: this.rowsRead + this.skipped.filter((s) => s.reason === 'title' || s.reason === 'header').length, rowsCounted: this.rowsCounted,
    };
  }
}

/** A sheet read in full: what it is, and for a table of units, its walk. */
export interface Recognised {
  readonly decision: SheetDecision;
  readonly result?: SheetResult | undefined;
}

/** Recognise a sheet held in memory: decide what it is, and walk its rows when it is a table of units. */
export function recogniseSheet(sheet: RawSheet, options: RecogniseOptions, sink: SheetSink): Recognised {
  const decision = classifySheet(sheet);
  if (!isTableDecision(decision)) return { decision };
  const walker = startDecided(sheet, decision, options, sink);
  for (let r = walker.firstDataRow; r < sheet.rows.length; r++) walker.walk(sheet.rows[r] ?? [], r);
  return { decision, result: walker.finish() };
}
