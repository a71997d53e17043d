import { z } from 'zod';
import { ROUNDINGS } from './percent.js';

const Count = z.number().int().nullable();
const ShareSchema = z.object({ count: z.number().int(), of: z.number().int(), percent: z.number().nullable() });
const RatingsSchema = z.object({ HTXSNV: z.number().int(), HTTNV: z.number().int(), HTNV: z.number().int(), KHTNV: z.number().int() });
export const RatingBlock = {
  rated: z.number().int(),
  ratings: RatingsSchema,
  /** Each level as a share of the rated; with largest-remainder they add up to exactly 100. */
  distribution: z.object({ HTXSNV: z.number().nullable(), HTTNV: z.number().nullable(), HTNV: z.number().nullable(), KHTNV: z.number().nullable() }),
  goodOrBetter: ShareSchema,
  excellent: ShareSchema,
  completed: ShareSchema,
  notCompleted: ShareSchema,
};
const UnitRefSchema = z.object({ code: z.string().nullable(), name: z.string(), file: z.string(), sheet: z.string().nullable(), row: z.number().int() });

/** The roll-up, as `--format json` prints it. Keys are stable within a schema version. */
export const SummarySchema = z.object({
  schema: z.literal('tally.summary/1'),
  periods: z.array(z.string()),
  options: z.object({ decimals: z.number().int(), rounding: z.enum(ROUNDINGS), excellentBase: z.enum(['goodOrBetter', 'rated']) }),
  organizations: z.object({
    total: z.number().int(),
    byType: z.object({ dang_bo_co_so: z.number().int(), chi_bo_co_so: z.number().int(), unknown: z.number().int() }),
    bySector: z.array(z.object({ sector: z.string(), count: z.number().int() })),
    cells: z.number().int(),
    subordinate: z.object({ chi_bo_truc_thuoc: z.number().int(), dang_bo_bo_phan: z.number().int(), rated: z.number().int(), ratings: RatingsSchema }),
    ...RatingBlock,
    unrated: z.array(UnitRefSchema),
  }),
  members: z.object({
    start: z.number().int().nullable(),
    // null: no input has the column (unknown), as against 0 reported.
    admitted: Count, transferredIn: Count, reinstated: Count, transferredOut: Count, deceased: Count,
    expelled: Count, removed: Count, resigned: Count,
    end: z.number().int(), probationary: Count, women: Count,
    admissionRate: ShareSchema.nullable(), probationaryShare: ShareSchema.nullable(), womenShare: ShareSchema.nullable(),
  }),
  memberRatings: z.object({
    ...RatingBlock, notRated: z.number().int(), exempt: z.number().int(),
    /**
     * The levels some table gave no column for, while it gave others (an HTXSNV column alone): how many members were
     * rated is then unknown, so `rated` is 0 and every share null; `ratings` keeps the counts that were given.
     */
    incomplete: z.object({ missing: z.array(z.enum(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'])) }).optional(),
  }),
  // Counts are whole; an amount column may have a fraction ("triệu đồng").
  indicators: z.array(z.object({ name: z.string(), total: z.number() })),
});
