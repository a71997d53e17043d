import type { ColumnId, CountColumn } from './columns.js';
import type { CellOrigin } from './derived.js';

/**
 * What the recogniser found, stated as plain data. src/check/ turns these into diagnostics (codes, severities,
 * words): the recogniser never judges how bad a thing is or says it in a language. Rows are 0-based here, as the
 * walk counts them; columns are 0-based indexes with the header label they carry.
 */
export type Fact =
  /** A required column is not in the header. */
  | (At & { readonly kind: 'missing-column'; readonly id: ColumnId })
  /** Two columns mean the same canonical figure. */
  | (At & { readonly kind: 'duplicate-column'; readonly id: ColumnId; readonly first: ColumnRef; readonly second: ColumnRef })
  /** A column tally does not know that holds text: not read. */
  | (At & { readonly kind: 'text-column'; readonly label: string })
  /** A column of figures with no header: not added, since nothing says what it counts. */
  | (At & { readonly kind: 'unnamed-column' })
  /** A header with no row of figures under it. */
  | (At & { readonly kind: 'no-data-rows' })
  /** A cell that should hold a count and does not. `no-result`: a formula saved without its result. */
  | (At & { readonly kind: 'bad-cell'; readonly label: string; readonly problem: CellProblem; readonly shown: string })
  /**
   * A legend of rating codes found under a long streamed table after its codes were read another way (`used`):
   * the ratings read above it may be wrong.
   */
  | (At & { readonly kind: 'late-legend'; readonly legend: string; readonly used: string })
  /** A rating tally cannot read; `oldScale`: it is a pre-2018 label. */
  | (At & {
    readonly kind: 'unknown-rating'; readonly value: string; readonly oldScale: boolean;
    /** A code the rating column's legend (or the order of the levels) does not have: the codes it has, in words. */
    readonly codes?: { readonly known: string; readonly legend: boolean } | undefined;
  })
  /** A type tally cannot read. */
  | (At & { readonly kind: 'unknown-type'; readonly value: string })
  /** A row with figures and no name. */
  | (At & { readonly kind: 'missing-name' })
  /** A named row with no member count. */
  | (At & { readonly kind: 'missing-members'; readonly name: string })
  /** A column with "Trong đó" subsets and "Chia ra" parts, as one row gives them. */
  | (At & { readonly kind: 'pieces'; readonly name: string; readonly label: string; readonly whole: number; readonly subsets: readonly Piece[]; readonly parts: PartsSum | undefined })
  /**
   * A percentage written in a row, with what it may be a share of: `decimals` as written (a fraction's own, for a
   * cell formatted as a percentage), so that "44,6" is compared with 44,64 at one decimal.
   */
  | (At & { readonly kind: 'share'; readonly given: number; readonly decimals: number; readonly fraction: boolean; readonly part: number; readonly bases: readonly number[] })
  /** A total or subtotal row: what it says in each column and what the rows it covers add up to. */
  | (At & { readonly kind: 'total'; readonly label: string; readonly covers: readonly Cover[] })
  /** A committee with the cells listed under it: its own figures and what the cells add up to. */
  | (At & { readonly kind: 'committee'; readonly name: string; readonly cells: number; readonly columns: readonly CellsSum[] })
  /** A name, code or header that a spreadsheet would run as a formula ("=HYPERLINK(…)"): neutralised in the outputs. */
  | (At & { readonly kind: 'formula-text'; readonly text: string })
  /** `--period` names another period than the report's title. */
  | (At & { readonly kind: 'period-differs'; readonly given: string; readonly title: string; readonly text: string })
  /**
   * The sums an official statistical form states in its rows (Biểu 1: B = 1 + 2 + 3, "Trong đó" ≤ its row,
   * D = A + B − C), with the sheet's own cells: stated before the derived table's `origin`.
   */
  | { readonly kind: 'form-sums'; readonly form: string; readonly sums: readonly FormSum[] }
  /** The facts after this one are of a derived table (units as columns, a unit's own form): where its cells are. */
  | { readonly kind: 'origin'; readonly origin: CellOrigin }
  /** Something said with --verbose: which column was read how, which sheet was passed over. */
  | { readonly kind: 'note'; readonly note: Note };

/** Where a fact is: a 0-based row, and a 0-based column with its header label when it is about one cell. */
export interface At {
  readonly row: number;
  readonly col?: number | undefined;
  readonly column?: string | undefined;
}

/** A figure of an official form: its row's label, its count (null: blank or unreadable), its cell, its sign in a sum. */
export interface FormFigure {
  readonly label: string;
  readonly value: number | null;
  readonly row: number;
  readonly col: number;
  readonly sign: 1 | -1;
}

/**
 * A sum an official form states: `parts`, the whole equals its terms ("Chia ra", a section's items); `subset`, the
 * one term ("Trong đó") is at most the whole; `balance`, the whole (D) equals the signed terms (A + B − C).
 */
export interface FormSum {
  readonly relation: 'parts' | 'subset' | 'balance';
  readonly whole: FormFigure;
  readonly terms: readonly FormFigure[];
}

/** A "Trong đó" column's figure in a row (the part it names of its whole). */
export interface Piece {
  readonly col: number;
  readonly label: string;
  readonly value: number;
}

/** The "Chia ra" columns of a whole in a row: their names, their sum, how many were filled, and any unreadable. */
export interface PartsSum {
  readonly names: string;
  readonly sum: number;
  readonly filled: number;
  readonly unreadable: boolean;
}

export type CellProblem = 'not-a-number' | 'not-whole' | 'negative' | 'cell-error' | 'no-result';

export interface ColumnRef {
  readonly label: string;
  readonly col: number;
}

/** One column of a total row: the figure written, the rows' sum (null when a cell above could not be read). */
export interface Cover {
  readonly col: number;
  readonly label: string;
  readonly value: number;
  /** The decimals the figure is written with: the sum is compared at that precision. */
  readonly decimals: number;
  readonly sum: number | null;
  /** The part of the sum from hidden rows. */
  readonly hidden: number;
}

/** One count column of a committee: its own figure and the sum of its listed cells. */
export interface CellsSum {
  readonly col: number;
  /** The column's header label. */
  readonly column: string | undefined;
  readonly id: CountColumn;
  readonly own: number;
  readonly sum: number;
}

/** Verbose notes, each worded in check/notes.ts in both languages. */
export const NOTE_CODES = [
  'header-at', 'hidden-rows-read', 'hidden-column-read', 'self-rating-column', 'blank-twin-column', 'derived-column',
  'remark-column', 'percent-part-unknown', 'numbers-in-name-column', 'name-from-title', 'full-plus-probationary', 'type-column-from-data',
  'rating-column-from-data', 'self-rating-from-data', 'hidden-helper-error', 'hidden-sheet', 'disguised-csv',
  'instructions-sheet', 'totals-sheet', 'sheet-without-table', 'lock-file', 'not-a-spreadsheet', 'period-as-of', 'period-from-dateline', 'member-levels-incomplete',
  'httnv-from-good-or-better', 'member-quota-not-judged', 'rating-codes-legend', 'rating-codes-assumed', 'rating-codes-conflict',
  'sheet-kind',
  'member-list-alone', 'member-list-beside', 'member-list-unmatched', 'term-not-read', 'form-previous', 'form-previous-overridden', 'unit-unused',
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

/** A verbose note: a code and what it names. `file` and `sheet` say where, when the note is about a place. */
export interface Note {
  readonly code: NoteCode;
  readonly file?: string | undefined;
  readonly sheet?: string | undefined;
  readonly args: Readonly<Record<string, string | number>>;
}
