import type { z } from 'zod';
import type { ColumnId } from './columns.js';
import type { Origin } from './derived.js';
import type { UnitRowSchema } from './row-schema.js';

/** Where a row came from; rows are 1-based as in the spreadsheet. */
export interface RowSource {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly row: number;
  /**
   * A unit of a derived table (units as columns, a unit's own form): for each column of its table, the sheet's
   * cell that holds the figure (its row and `columns` then name no cell of the sheet by themselves).
   */
  readonly cells?: readonly (Origin | null)[] | undefined;
}

export type UnitRow = z.infer<typeof UnitRowSchema> & {
  readonly source: RowSource;
  /** 0-based column index of each canonical column, shared by all rows of a table: for cell references. */
  readonly columns: Readonly<Partial<Record<ColumnId, number>>>;
  /** Header labels of the indicator columns, shared by all rows of a table. */
  readonly indicatorNames: readonly string[];
};

/** Why a non-empty row was not counted as an organisation. */
export const SKIP_REASONS = ['title', 'header', 'numbering', 'group', 'subtotal', 'total', 'note', 'invalid', 'repeated-header', 'totals-sheet', 'comparison', 'page', 'instructions-sheet'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedRow {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly row: number;
  readonly reason: SkipReason;
  readonly text?: string;
}
