import { isCellError, type CellValue, type RawSheet } from '../../read/types.js';
import type { ColumnId, CountColumn } from '../columns.js';
import type { Fact, Note } from '../facts.js';
import { formulaCells } from '../formula-text.js';
import type { Layout } from '../layout.js';
import { cellText } from '../normalise.js';
import { BAD_CELL, BLANK_CELL, countOf, NA_CELL, parseCount, parsePercent, writtenDecimals } from '../numbers.js';
import { INDENT, MARK, SUB_BULLET, SUB_LETTER, SUB_STT } from '../patterns.js';
import { describeCodes, ratingCode } from '../rating-codes.js';
import type { CleanCache, TextCache, RowView } from '../rows/view.js';
import type { UnitRow } from '../table.js';
import { inferOrgType, type OrgType, type parseRating, type Scale } from '../vocabulary.js';
import type { Committees } from './committee.js';
import { countsLiteral } from './counts-literal.js';

/** A group heading's reading: the units under it take its type or its sector. */
export interface Group {
  readonly label: string;
  readonly type?: OrgType | undefined;
  readonly sector?: string | undefined;
}

/** What reading a unit row needs of the walk. */
export interface UnitHost {
  readonly sheet: RawSheet;
  readonly layout: Layout;
  readonly scale: Scale;
  /** `--period`: over any period the file gives. */
  readonly period: string | undefined;
  readonly group: Group | undefined;
  readonly committees: Committees;
  readonly ratings: TextCache<ReturnType<typeof parseRating>>;
  /** Type, rating and sector cells, cleaned once per distinct text. */
  readonly cleaned: CleanCache;
  emit(f: Fact): void;
  note(code: Note['code'], args: Note['args']): void;
  onRow(row: UnitRow): void;
  skipInvalid(r: number, label: string): void;
  addToSums(r: number, values: Float64Array): void;
  /** A text cell merged down over several rows lends its value to each of them. */
  mergedAbove(r: number, c: number): CellValue;
  /** The row was counted as a unit. */
  counted(): void;
  /** Hidden helper columns already said to hold a formula error. */
  readonly hiddenErrorCols: Set<number>;
}

function yearOf(value: CellValue | undefined): string | undefined {
  if (value instanceof Date) return String(value.getUTCFullYear());
  const t = cellText(value);
  if (t === '') return undefined;
  // "Năm 2023", "năm 2023", "2023" are one period; "6 tháng đầu năm 2024" stays as written.
  const year = /^(?:năm\s*)?((?:19|20)\d\d)$/i.exec(t);
  return year?.[1] ?? t;
}

type Candidate = Omit<UnitRow, 'source' | 'columns' | 'counts' | 'indicatorNames'> & { counts: Partial<Record<CountColumn, number>> };

/**
 * An organisation row: its figures, type, rating and the rest read from the cells; a committee's cell listed under
 * it told apart from a unit of its own; a row missing its name or members said as such and kept out.
 */
export function readUnit(h: UnitHost, v: RowView): void {
  const { layout } = h;
  const { columns, nameCol, sttCol } = layout;
  const row = v.row;
  const r = v.r;
  let name = v.name;
  if (name === '' && layout.titleName) name = layout.titleName;
  const { counts, indicators } = readFigures(h, v);
  const text = (id: ColumnId, repeats?: true): string => {
    const c = columns[id];
    if (c === undefined) return '';
    const cell = row[c];
    const own = repeats && typeof cell === 'string' ? h.cleaned.get(cell) : cellText(cell);
    // A text cell merged down over several units (a sector or parent written once for a block of rows) belongs
    // to each of them; counts are never spread this way, they would be added twice.
    return own !== '' ? own : cellText(h.mergedAbove(r, c));
  };
  let type: OrgType | undefined;
  const typeText = text('type', true);
  if (typeText !== '') {
    type = v.types.get(typeText);
    if (!type) h.emit({ kind: 'unknown-type', row: r, col: columns.type, column: at(layout, columns.type), value: typeText });
  }
  // The marks of a cell under its committee: a bullet ("- ", "+ ") or a letter ("a) "), an indent, a number "1.1"
  // under its "1", or no number at all where the committee has one (unless its type says it is a grassroots
  // organisation of its own).
  const committee = h.committees.current;
  const sttText = v.sttText;
  const bullet = SUB_BULLET.exec(name) ?? SUB_LETTER.exec(name);
  const rawName = nameCol !== undefined ? row[nameCol] : null;
  const indented = typeof rawName === 'string' && INDENT.test(rawName);
  const subStt = SUB_STT.exec(sttText);
  const sub = committee !== undefined && committee.isCommittee && type !== 'dang_bo_co_so' && type !== 'chi_bo_co_so'
    && ((subStt !== null && subStt[1] === committee.stt)
      || (bullet !== null && !committee.bulleted)
      || (indented && !committee.indented)
      || (sttCol !== undefined && sttText === '' && committee.stt !== ''));
  if (sub && bullet) name = name.slice(bullet[0].length);
  const parent = text('parent') || (sub ? committee?.key : undefined);
  type ??= sub ? (inferOrgType(name, true) ?? 'chi_bo_truc_thuoc') : h.group?.type ?? inferOrgType(name, parent !== undefined);
  const rating = readRating(h, v, text);
  for (const col of layout.percents) readShare(h, row, r, col, counts);
  const code = text('code');
  for (const f of formulaCells(layout, row, r)) h.emit(f);
  const sector = text('sector', true) || h.group?.sector;
  const rowPeriod = h.period ?? (columns.period !== undefined ? yearOf(row[columns.period]) : undefined) ?? layout.period;
  const candidate: Candidate = { name, counts, indicators };
  if (code) candidate.code = code;
  if (type) candidate.type = type;
  if (parent) candidate.parent = parent;
  if (sector) candidate.sector = sector;
  if (rowPeriod) candidate.period = rowPeriod;
  if (h.group) candidate.group = h.group.label;
  if (rating) candidate.rating = rating;
  // Every field but the name and the member count is valid by construction (see row-schema.ts).
  fullAndProbationary(h, row, r, counts);
  if (name === '' || counts.members === undefined) {
    // With no name column at all, TL002 has said it once; a TL016 on every row would only bury it.
    if (name === '') {
      if (nameCol !== undefined) h.emit({ kind: 'missing-name', row: r, col: nameCol, column: at(layout, nameCol) });
    } else if (layout.membersCol !== undefined && parseCount(row[layout.membersCol] ?? null).kind !== 'bad') {
      h.emit({ kind: 'missing-members', row: r, col: layout.membersCol, column: at(layout, layout.membersCol), name });
    }
    // Its figures are most likely in the totals: kept in the sums they are checked against.
    if (v.anyCount) h.addToSums(r, v.values);
    h.skipInvalid(r, v.label);
    return;
  }
  if (layout.wholes.length > 0) readPieces(h, row, r, name);
  h.counted();
  const unitRow = (): UnitRow => Object.assign(candidate as Omit<UnitRow, 'source' | 'columns' | 'indicatorNames'>, {
    source: { file: h.sheet.file, sheet: h.sheet.sheet, row: r + 1 }, columns, indicatorNames: layout.indicatorNames,
  });
  if (sub && committee && subStt === null) {
    // Only looks like a cell: held until the committee's list ends.
    h.committees.hold(unitRow(), v.values, r, text('parent') !== '', typeText !== '' ? v.types.get(typeText) : undefined);
    return;
  }
  if (sub && committee) h.committees.addCell(v.values);
  else {
    const stt = /^\d{1,3}\.?$/.test(sttText) ? sttText.replace('.', '') : '';
    h.committees.open(r, name, code || name, stt, bullet !== null, indented, type === 'dang_bo_co_so' || type === 'dang_bo_bo_phan', v.values);
    h.addToSums(r, v.values);
  }
  h.onRow(unitRow());
}

const at = (layout: Layout, col: number | undefined): string | undefined => (col === undefined ? undefined : layout.labelAt(col));

/** The row's counts and indicators from its parsed figures; an unreadable cell is a fact of its own. */
function readFigures(h: UnitHost, v: RowView): { counts: Partial<Record<CountColumn, number>>; indicators: (number | undefined)[] } {
  const { summed, firstIndicator } = h.layout;
  const indicators: (number | undefined)[] = new Array<number | undefined>(summed.length - firstIndicator);
  // Every count cell filled (nearly every row): the counts at once, and only the indicators read one by one.
  const literal = countsLiteral(summed, firstIndicator);
  let filled = literal !== undefined;
  for (let i = 0; filled && i < firstIndicator; i++) filled = (v.values[i] as number) >= 0;
  const counts: Partial<Record<CountColumn, number>> = filled && literal ? literal(v.values) : {};
  for (let i = filled ? firstIndicator : 0; i < summed.length; i++) {
    const s = summed[i] as (typeof summed)[number];
    const value = v.values[i] ?? BLANK_CELL;
    if (value >= 0) {
      if (s.part && s.id) counts[s.id] = (counts[s.id] ?? 0) + value;
      else if (s.id) counts[s.id] = value;
      else indicators[i - firstIndicator] = value;
    } else if (value === BAD_CELL) {
      const p = parseCount(v.row[s.col] ?? null);
      if (p.kind !== 'bad') continue;
      // A formula error in a hidden helper column of other figures (a VLOOKUP's #N/A) is the clerk's scaffolding:
      // left out of the sums and said once with --verbose, not an error that blocks the report.
      if (p.problem === 'cell-error' && !s.id && h.sheet.hiddenColumns.has(s.col)) {
        if (!h.hiddenErrorCols.has(s.col)) h.note('hidden-helper-error', { label: s.label, value: p.shown });
        h.hiddenErrorCols.add(s.col);
        continue;
      }
      h.emit({
        kind: 'bad-cell', row: v.r, col: s.col, column: at(h.layout, s.col), label: s.label,
        problem: p.problem === 'cell-error' && p.shown.startsWith('=') ? 'no-result' : p.problem, shown: p.shown,
      });
    }
  }
  goodOrBetter(h.layout, counts);
  return { counts, indicators };
}

/**
 * "Số ĐV HTTNV trở lên › Tổng số | Trong đó: HTXSNV" with no HTTNV column: the HTTNV members are the good or better
 * less the excellent (more excellent than good or better is TL041 against that base, not a negative count).
 */
function goodOrBetter(layout: Layout, counts: Partial<Record<CountColumn, number>>): void {
  const total = counts.membersGoodOrBetter;
  if (total === undefined || layout.columns.membersHTTNV !== undefined) return;
  const excellent = counts.membersHTXSNV ?? 0;
  if (total >= excellent) counts.membersHTTNV = total - excellent;
}

/** The unit's rating: its rating column, or the level column marked "x". */
function readRating(h: UnitHost, v: RowView, text: (id: ColumnId, repeats?: true) => string): UnitRow['rating'] {
  const { columns, ticks } = h.layout;
  let rating: UnitRow['rating'];
  if (columns.rating !== undefined) {
    const ratingText = text('rating', true);
    const p = h.ratings.get(ratingText);
    if (p.kind === 'level') rating = p.level;
    else if (p.kind === 'unrated') rating = 'unrated';
    else {
      // A code ("2", "B"): by the sheet's legend, or the order of the levels (rating-codes.ts); a code it lacks is TL013.
      const { ratingCodes } = h.layout;
      const code = ratingCodes && p.kind === 'unknown' ? ratingCode(ratingText) : undefined;
      const coded = code !== undefined ? ratingCodes?.codes.get(code) : undefined;
      if (coded) rating = coded;
      else {
        const codes = code !== undefined && ratingCodes
          ? { known: describeCodes(ratingCodes.codes, ratingCodes.from.kind === 'order' ? (/\d/.test(code) ? 'digits' : 'letters') : undefined), legend: ratingCodes.from.kind === 'legend' }
          : undefined;
        h.emit({ kind: 'unknown-rating', row: v.r, col: columns.rating, column: at(h.layout, columns.rating), value: ratingText, oldScale: p.kind === 'old-scale', codes });
      }
    }
  }
  if (ticks.length > 0) {
    const marked = ticks.filter((t) => {
      const cell = v.row[t.col] ?? null;
      return (typeof cell === 'string' && MARK.test(cell.trim())) || countOf(cell) === 1;
    });
    if (marked.length === 1) rating = marked[0]?.level;
    else if (marked.length === 0) rating = 'unrated';
    else {
      const col = marked[1]?.col;
      h.emit({ kind: 'unknown-rating', row: v.r, col, column: at(h.layout, col), value: marked.map((t) => (t.level === 'unrated' ? 'chưa xếp loại' : t.level)).join(' + '), oldScale: false });
    }
  }
  return rating;
}

/** "Đảng viên chính thức | Đảng viên dự bị" with no total column: the members are the two together. */
function fullAndProbationary(h: UnitHost, row: readonly CellValue[], r: number, counts: Partial<Record<CountColumn, number>>): void {
  const fullCol = h.layout.fullCol;
  if (!fullCol || counts.members !== undefined) return;
  const full = countOf(row[fullCol.index] ?? null);
  if (full >= 0) counts.members = full + (counts.probationary ?? 0);
  else if (full === BAD_CELL) {
    const p = parseCount(row[fullCol.index] ?? null);
    if (p.kind === 'bad') h.emit({ kind: 'bad-cell', row: r, col: fullCol.index, column: fullCol.label, label: fullCol.label, problem: p.problem, shown: p.shown });
  }
}

/** A percentage the row writes, with what it may be a share of: set against tally's own figure in check/. */
function readShare(h: UnitHost, row: readonly CellValue[], r: number, col: Layout['percents'][number], counts: Partial<Record<CountColumn, number>>): void {
  const m = col.meaning;
  if (m.kind !== 'percent' || !m.of) return;
  const cell = row[col.index] ?? null;
  if (isCellError(cell)) return;
  const given = parsePercent(cell);
  const part = m.of === 'goodOrBetter'
    ? (counts.membersHTTNV === undefined ? undefined : counts.membersHTTNV + (counts.membersHTXSNV ?? 0))
    : counts[m.of as CountColumn];
  if (given === undefined || part === undefined) return;
  const rated = (counts.membersHTXSNV ?? 0) + (counts.membersHTTNV ?? 0) + (counts.membersHTNV ?? 0) + (counts.membersKHTNV ?? 0);
  const named = m.base === undefined ? undefined : { rated, members: counts.members ?? 0, membersStart: counts.membersStart ?? 0 }[m.base];
  // The base the header names, or else any the share may be of: the admission rate of the members at the start
  // (as tally computes it), other shares of the rated or of the members.
  const bases = (named !== undefined ? [named] : [rated, counts.members ?? 0, m.of === 'admitted' ? (counts.membersStart ?? 0) : 0]).filter((b) => b > 0);
  if (bases.length === 0) return;
  // A cell formatted as a percentage holds the fraction (0,45 shown as 45%).
  const fraction = typeof cell === 'number' && given <= 1;
  h.emit({ kind: 'share', row: r, col: col.index, column: col.label, given, decimals: writtenDecimals(cell), fraction, part, bases });
}

/** A "Trong đó" figure and the "Chia ra" figures of each whole in the row, for check/ to set against it. */
function readPieces(h: UnitHost, row: readonly CellValue[], r: number, name: string): void {
  for (const w of h.layout.wholes) {
    const v = countOf(row[w.whole] ?? null);
    if (v === BAD_CELL || v === NA_CELL) continue;
    const whole = v === BLANK_CELL ? 0 : v;
    const subsets = [];
    for (const s of w.subsets) {
      const part = countOf(row[s.index] ?? null);
      if (part >= 0) subsets.push({ col: s.index, label: s.label, value: part });
    }
    let parts;
    if (w.parts.length > 0) {
      let sum = 0;
      let filled = 0;
      let unreadable = false;
      for (const p of w.parts) {
        const part = countOf(row[p.index] ?? null);
        if (part >= 0) {
          sum += part;
          filled++;
        } else if (part === BAD_CELL) unreadable = true;
      }
      parts = { names: w.parts.map((p) => p.path.at(-1) ?? p.label).join(' + '), sum, filled, unreadable };
    }
    h.emit({ kind: 'pieces', row: r, col: w.whole, column: h.layout.labelAt(w.whole), name, label: w.label, whole, subsets, parts });
  }
}
