import { z } from 'zod';
import { COUNT_COLUMNS, type CountColumn } from './columns.js';
import { ORG_TYPES, RATING_LEVELS } from './vocabulary.js';

const count = z.number().int().nonnegative();

/**
 * One organisation's row, after recognition: the contract between `recognise` and everything after it, and
 * the source of the `UnitRow` type. `members` and `name` are required, every other count is optional (blank
 * = 0). It is not parsed row by row at run time (loading zod alone costs more than reading a 107-row report):
 * `recognise` builds rows that satisfy it by construction, and `test/row-schema.test.ts` parses every row of
 * every fixture with it to hold it to that.
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
  // An indicator may be an amount with a fraction ("triệu đồng"); never negative.
  indicators: z.array(z.number().nonnegative().optional()),
});

