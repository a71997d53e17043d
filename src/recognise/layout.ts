import type { RawSheet } from '../read/types.js';
import { ColumnData, unnamedFigureColumns } from './column-data.js';
import { COLUMN_LABELS, COUNT_COLUMNS, REQUIRED_COLUMNS, type ColumnId, type CountColumn } from './columns.js';
import type { Fact, Note } from './facts.js';
import { SELF_RATING, type HeaderColumn, type HeaderMap } from './header.js';
import { fold } from './normalise.js';
import { describeCodes, findLegends, ORDER_CODES, type RatingCodes } from './rating-codes.js';
import { titlePeriod, unitNameFromTitle } from './title.js';
import type { RatingLevel, Scale } from './vocabulary.js';

/** The canonical columns of a table, as its header and (where the header says a figure twice) its data decide. */
export interface ColumnPlan {
  readonly header: HeaderMap;
  /** Column index of each canonical id: the first column of an id wins, a second is TL003. */
  readonly columns: Partial<Record<ColumnId, number>>;
  readonly others: HeaderColumn[];
  readonly tickCandidates: HeaderColumn[];
  readonly parts: { readonly col: HeaderColumn; readonly of: CountColumn }[];
  readonly percents: HeaderColumn[];
  /** A unit's own report with no name column: the name its title block gives. */
  readonly titleName: string | undefined;
  readonly data: ColumnData;
  /** What was decided on the way, in order: notes and duplicate columns. */
  readonly facts: Fact[];
}

/** A column whose figures are read from every row: a canonical count, a part of one, or an indicator. */
export interface Summed {
  /** "members", "part:<label>", "indicator:<label>": what a total row's figure is compared by. */
  readonly key: string;
  readonly col: number;
  readonly id?: CountColumn;
  /** A part of `id` ("Chuyển đến" › "Tỉnh khác"): added up into it. */
  readonly part?: true;
  /** How a message names the column. */
  readonly label: string;
}

/** A column of "Trong đó" subsets and "Chia ra" parts of another (see relateColumns). */
export interface Whole {
  readonly whole: number;
  readonly label: string;
  readonly subsets: readonly HeaderColumn[];
  readonly parts: readonly HeaderColumn[];
}

/** Everything the walk needs to know about a table's columns. */
export interface Layout extends ColumnPlan {
  readonly indicators: readonly HeaderColumn[];
  readonly indicatorNames: readonly string[];
  /** Rating levels as columns of marks ("x" under the unit's level). */
  readonly ticks: readonly { readonly col: number; readonly level: RatingLevel | 'unrated' }[];
  readonly wholes: readonly Whole[];
  /** "Đảng viên chính thức" when the table has no member total: the members are it plus the probationary. */
  readonly fullCol: HeaderColumn | undefined;
  readonly nameCol: number | undefined;
  readonly membersCol: number | undefined;
  readonly sttCol: number | undefined;
  readonly summed: readonly Summed[];
  /** Index in `summed` of the first indicator: counts before it, indicators from it. */
  readonly firstIndicator: number;
  readonly period: string | undefined;
  /** The header label of a column, for locations. */
  labelAt(col: number): string | undefined;
  /** Ratings written as codes, and what they stand for (rating-codes.ts); undefined when the column has none. */
  readonly ratingCodes: RatingCodes | undefined;
}

const note = (code: Note['code'], args: Note['args'] = {}): Fact => ({ kind: 'note', note: { code, args } });

/**
 * The canonical columns: the header's meaning of each, with what the data say where two columns mean the same
 * figure (a blank one gives way to a filled one; a unit's own rating to the decided one) or a name column holds
 * numbers. Enough to decide whether the sheet is a table of units (see sheet-kinds/unit-table.ts).
 */
export function planColumns(sheet: RawSheet, header: HeaderMap): ColumnPlan {
  const facts: Fact[] = [];
  const data = new ColumnData(sheet, header);
  const columns: Partial<Record<ColumnId, number>> = {};
  const others: HeaderColumn[] = [];
  const tickCandidates: HeaderColumn[] = [];
  const parts: { col: HeaderColumn; of: CountColumn }[] = [];
  const percents: HeaderColumn[] = [];
  const byIndex = (i: number | undefined): HeaderColumn | undefined => header.columns.find((c) => c.index === i);
  for (const col of header.columns) {
    const m = col.meaning;
    if (m.kind === 'canonical') {
      const first = columns[m.id];
      const firstCol = byIndex(first);
      if (first === undefined) columns[m.id] = col.index;
      else if (m.id === 'rating' && firstCol && SELF_RATING.test(fold(firstCol.label)) !== SELF_RATING.test(fold(col.label))) {
        // The unit's own or proposed rating beside the one its superior decided: the decided one counts.
        const [kept, left] = SELF_RATING.test(fold(col.label)) ? [firstCol, col] : [col, firstCol];
        columns.rating = kept.index;
        facts.push(note('self-rating-column', { left: left.label, kept: kept.label }));
      } else if (data.isBlank(col.index) || data.isBlank(first)) {
        // One of the two is left empty in every row ("Xếp loại chi bộ" filled, "Xếp loại đảng bộ" blank): the filled one.
        const [kept, left] = data.isBlank(col.index) ? [firstCol, col] : [col, firstCol];
        if (kept) columns[m.id] = kept.index;
        facts.push(note('blank-twin-column', { left: left?.label ?? '', kept: kept?.label ?? '' }));
      } else {
        facts.push({
          kind: 'duplicate-column', row: header.bottom, col: col.index, column: col.label, id: m.id,
          first: { label: firstCol?.label ?? '', col: first }, second: { label: col.label, col: col.index },
        });
      }
    } else if (m.kind === 'other') others.push(col);
    else if (m.kind === 'ratingTick') tickCandidates.push(col);
    else if (m.kind === 'part') parts.push({ col, of: m.of });
    else if (m.kind === 'percent') {
      // A lone "Tỷ lệ %" is the share of the count column just before it; a share of something tally cannot
      // name is not checked, and the verbose output says so.
      if (m.of !== undefined) percents.push(col);
      else if (m.unknownPart !== undefined) facts.push(note('percent-part-unknown', { label: col.label }));
      else {
        const left = [...header.columns].reverse().find((c) => c.index < col.index && c.meaning.kind === 'canonical');
        if (left?.meaning.kind === 'canonical') percents.push({ ...col, meaning: { kind: 'percent', of: left.meaning.id } });
      }
    } else if (m.kind === 'derived') facts.push(note('derived-column', { label: col.label }));
    else if (m.kind === 'remark') facts.push(note('remark-column', { label: col.label }));
  }
  // A "name" column holding numbers is a count under a name-like header (a formula sheet's "TCCSĐ"): not the name.
  if (columns.name !== undefined && data.holdsOnlyNumbers(columns.name)) {
    facts.push(note('numbers-in-name-column', { label: byIndex(columns.name)?.label ?? '' }));
    delete columns.name;
  }
  // A unit's own report often has no name column: its name heads the sheet ("ĐẢNG BỘ KHỐI …" / "CHI BỘ TRƯỜNG …").
  const titleName = columns.name === undefined ? unitNameFromTitle(sheet, header.top) : undefined;
  if (titleName) facts.push(note('name-from-title', { name: titleName }));
  return { header, columns, others, tickCandidates, parts, percents, titleName, data, facts };
}

const MEMBER_RATING_LEVELS: readonly (readonly [CountColumn, RatingLevel | 'unrated'])[] = [
  ['membersHTXSNV', 'HTXSNV'], ['membersHTTNV', 'HTTNV'], ['membersHTNV', 'HTNV'], ['membersKHTNV', 'KHTNV'], ['membersNotRated', 'unrated'],
];

/**
 * The rest of the layout, once the sheet is known to be a table of units: the columns that are read from the data
 * (indicators, a type or rating column under an unknown header, marks), the pieces of other columns, and the list
 * of columns summed on every row. Facts (missing columns, text columns, notes) go to `emit` in order.
 */
export function completeLayout(sheet: RawSheet, plan: ColumnPlan, scale: Scale, period: string | undefined, emit: (f: Fact) => void): Layout {
  const { header, columns, titleName } = plan;
  const others = [...plan.others];
  for (const f of plan.facts) emit(f);
  for (const c of unnamedFigureColumns(sheet, header, plan.data)) emit({ kind: 'unnamed-column', row: header.bottom, col: c });
  const labels = new Map(header.columns.map((c) => [c.index, c.label]));
  const labelAt = (col: number): string | undefined => labels.get(col);
  // "Đảng viên chính thức | Đảng viên dự bị" with no total: the members are the two together.
  const fullCol = columns.members === undefined && columns.probationary !== undefined
    ? others.find((c) => /^(?:so )?(?:dang vien |dv )?chinh thuc$/.test(fold(c.path.at(-1) ?? '')))
    : undefined;
  if (fullCol) {
    others.splice(others.indexOf(fullCol), 1);
    emit(note('full-plus-probationary', { full: fullCol.label, probationary: labelAt(columns.probationary ?? -1) ?? '' }));
  }
  for (const id of REQUIRED_COLUMNS) {
    if (id === 'name' && titleName) continue;
    if (id === 'members' && fullCol) continue;
    if (columns[id] === undefined) emit({ kind: 'missing-column', row: header.bottom, id });
  }
  const titled = titlePeriod(sheet, header.top);
  if (period === undefined && titled && titled.from !== 'title') emit(note(titled.from === 'as-of' ? 'period-as-of' : 'period-from-dateline', { period: titled.period, text: titled.text }));
  // `--period` over a title that names another year: said, since one of the two is wrong.
  if (period !== undefined && titled?.from === 'title' && titled.period !== period) {
    emit({ kind: 'period-differs', row: titled.row, col: titled.col, column: undefined, given: period, title: titled.period, text: titled.text });
  }
  memberLevelNotes(columns, labelAt, emit);
  const indicators = readIndicators(plan, others, scale, emit);
  const ticks = readTicks(plan, others, indicators);
  memberLevelsIncomplete(plan, labelAt, emit);
  const ratingCodes = columns.rating !== undefined ? codesOf(sheet, plan, columns.rating, emit) : undefined;
  // Parts of a count add up to it when the table has no column for the count; beside one, they are indicators.
  const partCols = plan.parts.filter((p) => columns[p.of] === undefined);
  for (const p of plan.parts) if (columns[p.of] !== undefined) indicators.push(p.col);
  const countCols = COUNT_COLUMNS.filter((id) => columns[id] !== undefined).map((id) => [id, columns[id] as number] as const);
  const summed: Summed[] = [
    ...countCols.map(([id, c]): Summed => ({ key: id, col: c, id, label: COLUMN_LABELS[id] })),
    ...partCols.map((p): Summed => ({ key: `part:${p.col.label}`, col: p.col.index, id: p.of, part: true, label: p.col.label })),
    ...indicators.map((c): Summed => ({ key: `indicator:${c.label}`, col: c.index, label: c.label })),
  ];
  return {
    ...plan, others, indicators, indicatorNames: indicators.map((c) => c.label), ticks, wholes: wholesOf(header), fullCol,
    nameCol: columns.name, membersCol: columns.members, sttCol: header.columns.find((c) => c.meaning.kind === 'stt')?.index,
    summed, firstIndicator: summed.length - indicators.length, period: period ?? titled?.period, labelAt, ratingCodes,
  };
}

/**
 * The member levels a table gives only in part: HTTNV worked out from "HTTNV trở lên" (walk/unit.ts), or no base for
 * the excellent members' quota at all (an HTXSNV column alone: TL041 is not judged, and said so).
 */
function memberLevelNotes(columns: ColumnPlan['columns'], labelAt: (col: number) => string | undefined, emit: (f: Fact) => void): void {
  if (columns.membersHTXSNV === undefined || columns.membersHTTNV !== undefined) return;
  const excellent = labelAt(columns.membersHTXSNV) ?? '';
  if (columns.membersGoodOrBetter !== undefined) emit(note('httnv-from-good-or-better', { whole: labelAt(columns.membersGoodOrBetter) ?? '', excellent }));
  else emit(note('member-quota-not-judged', { excellent }));
}

/**
 * Some of the four member levels as columns and not all (an HTXSNV column alone): how many members were rated is
 * unknown, so the summary keeps the counts given and works out no share (rollup/summary.ts), and the verbose output
 * says so. A correct file gets no warning for it.
 */
function memberLevelsIncomplete(plan: ColumnPlan, labelAt: (col: number) => string | undefined, emit: (f: Fact) => void): void {
  const { columns } = plan;
  const levels = MEMBER_RATING_LEVELS.filter(([, level]) => level !== 'unrated');
  const at = (id: CountColumn): number | undefined => columns[id] ?? (id === 'membersHTTNV' ? columns.membersGoodOrBetter : undefined);
  const present = levels.filter(([id]) => at(id) !== undefined);
  if (present.length === 0 || present.length === levels.length) return;
  emit(note('member-levels-incomplete', {
    present: present.map(([id]) => labelAt(at(id) ?? -1) ?? id).join(', '),
    missing: levels.filter(([id]) => at(id) === undefined).map(([, level]) => level).join(', '),
  }));
}

/**
 * Ratings written as codes in the rating column: read by the sheet's legend, or by the order of the four levels
 * when there is none (said so); two legends that disagree are not guessed between (every code is then TL013).
 */
function codesOf(sheet: RawSheet, plan: ColumnPlan, col: number, emit: (f: Fact) => void): RatingCodes | undefined {
  const used = plan.data.ratingCodes(col);
  if (used.size === 0) return undefined;
  const label = plan.header.columns.find((c) => c.index === col)?.label ?? '';
  const legends = findLegends(sheet.rows);
  const distinct = [...new Map(legends.map((l) => [describeCodes(l.codes), l])).values()];
  const [legend, other] = distinct;
  if (legend && other) {
    emit(note('rating-codes-conflict', { label, row: legend.row + 1, col: legend.col, otherRow: other.row + 1, otherCol: other.col }));
    return undefined;
  }
  if (legend) {
    emit(note('rating-codes-legend', { label, row: legend.row + 1, col: legend.col, codes: describeCodes(legend.codes) }));
    return { codes: legend.codes, from: { kind: 'legend', row: legend.row, col: legend.col } };
  }
  const kind = [...used].every((c) => /\d/.test(c)) ? 'digits' : [...used].every((c) => /[A-Z]/.test(c)) ? 'letters' : undefined;
  emit(note('rating-codes-assumed', { label, codes: describeCodes(ORDER_CODES, kind) }));
  return { codes: ORDER_CODES, from: { kind: 'order' } };
}

/** An unrecognised column is an indicator when its data are numbers, and ignored (with a warning) when text. */
function readIndicators(plan: ColumnPlan, others: readonly HeaderColumn[], scale: Scale, emit: (f: Fact) => void): HeaderColumn[] {
  const { columns, data, header } = plan;
  const indicators: HeaderColumn[] = [];
  let dataRating: HeaderColumn | undefined;
  for (const col of others) {
    const { numbers, texts } = data.numbersAndTexts(col.index);
    if (numbers > 0 && numbers >= texts) indicators.push(col);
    else if (texts > 0) {
      // A column of unit types ("ĐBCS", "CBTT") or of ratings under a header tally does not know is read for what
      // its data are, when the table has no such column yet.
      if (columns.type === undefined && data.holdsTypes(col.index) && data.typesAgreeWithNames(col.index, columns)) {
        columns.type = col.index;
        emit(note('type-column-from-data', { label: col.label }));
      } else if (data.holdsRatings(col.index, scale)
        && (columns.rating === undefined || (dataRating !== undefined && SELF_RATING.test(fold(dataRating.label)) && !SELF_RATING.test(fold(col.label))))) {
        // Of two such columns, the unit's own ("tự đánh giá") gives way to the one decided above it.
        if (dataRating) emit(note('self-rating-from-data', { left: dataRating.label, kept: col.label }));
        columns.rating = col.index;
        dataRating = col;
        emit(note('rating-column-from-data', { label: col.label }));
      } else emit({ kind: 'text-column', row: header.bottom, col: col.index, column: col.label, label: col.label });
    }
  }
  return indicators;
}

/**
 * Rating levels as columns of marks ("x" under the unit's level), the common layout of hand-made forms. A level
 * column under the organisation's rating holding counts is an indicator instead; a member-rating column ("HTXSNV"
 * with no parent) holding only marks is the organisation's rating.
 */
function readTicks(plan: ColumnPlan, others: HeaderColumn[], indicators: HeaderColumn[]): { col: number; level: RatingLevel | 'unrated' }[] {
  const { columns, data, tickCandidates } = plan;
  const ticks: { col: number; level: RatingLevel | 'unrated' }[] = [];
  // The levels of one rating go together: one column of counts makes them all counts.
  const tickCounts = tickCandidates.some((col) => data.marks(col.index).counts > 0);
  for (const col of tickCandidates) {
    const m = col.meaning;
    if (m.kind !== 'ratingTick') continue;
    if (tickCounts) others.push(col);
    else ticks.push({ col: col.index, level: m.level });
  }
  const marked = MEMBER_RATING_LEVELS.some(([id]) => {
    const c = columns[id];
    return c !== undefined && columns.rating === undefined && data.marks(c).counts === 0 && data.hasWrittenMark(c);
  });
  // The levels go together: beside one column of marks, a level's column left blank is a column of marks no unit
  // ticked, not a count of members (which would make the member ratings look given in part).
  for (const [id, level] of marked ? MEMBER_RATING_LEVELS : []) {
    const c = columns[id];
    if (c === undefined || data.marks(c).counts > 0) continue;
    delete columns[id];
    ticks.push({ col: c, level });
  }
  for (const col of others) {
    if (col.meaning.kind !== 'ratingTick' || indicators.includes(col)) continue;
    indicators.push(col);
  }
  if (columns.rating !== undefined) ticks.length = 0;
  return ticks;
}

/** "Trong đó" and "Chia ra" columns, grouped by the column they are pieces of. */
function wholesOf(header: HeaderMap): Whole[] {
  const pieces = new Map<number, { subsets: HeaderColumn[]; parts: HeaderColumn[] }>();
  for (const col of header.columns) {
    if (!col.within) continue;
    const entry = pieces.get(col.within.whole) ?? { subsets: [], parts: [] };
    (col.within.how === 'part' ? entry.parts : entry.subsets).push(col);
    pieces.set(col.within.whole, entry);
  }
  return [...pieces].map(([whole, p]) => ({ whole, label: header.columns.find((c) => c.index === whole)?.label ?? '', ...p }));
}
