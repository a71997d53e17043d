import { z } from 'zod';
import { COUNT_COLUMNS, type ColumnId, type CountColumn } from './columns.js';
import { ORG_TYPES, RATING_LEVELS } from './vocabulary.js';

/** Where a row came from; rows are 1-based as in the spreadsheet. */
export interface RowSource {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly row: number;
}

const count = z.number().int().nonnegative();

/**
 * One organisation's row, after recognition. The schema is the contract between `recognise` and everything
 * after it; `members` and `name` are required, every other count is optional (blank = 0).
 */
export const UnitRowSchema = z.object({
  code: z.string().min(1).optional(),
  name: z.string().min(1),
  type: z.enum(ORG_TYPES).optional(),
  parent: z.string().min(1).optional(),
  sector: z.string().min(1).optional(),
  period: z.string().min(1).optional(),
  group: z.string().min(1).optional(),
  rating: z.enum([...RATING_LEVELS, 'unrated']).optional(),
  counts: z.object(Object.fromEntries(COUNT_COLUMNS.map((id) => [id, count.optional()])) as Record<CountColumn, z.ZodOptional<typeof count>>)
    .extend({ members: count }),
  /**
   * Values of the table's indicator columns, in the order of `indicatorNames` (blank cells are undefined).
   * An array, not an object keyed by header, so that a header such as "__proto__" is data like any other.
   */
  indicators: z.array(count.optional()),
});

export type UnitRow = z.infer<typeof UnitRowSchema> & {
  readonly source: RowSource;
  /** 0-based column index of each canonical column, shared by all rows of a table: for cell references. */
  readonly columns: Readonly<Partial<Record<ColumnId, number>>>;
  /** Header labels of the indicator columns, shared by all rows of a table. */
  readonly indicatorNames: readonly string[];
};

/** Why a non-empty row was not counted as an organisation. */
export const SKIP_REASONS = ['title', 'header', 'numbering', 'group', 'subtotal', 'total', 'note', 'invalid', 'repeated-header', 'totals-sheet'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedRow {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly row: number;
  readonly reason: SkipReason;
  readonly text?: string;
}
