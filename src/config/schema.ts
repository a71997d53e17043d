import { z } from 'zod';
import { isKnownMetric, isTermMetric } from '../rollup/metrics.js';
import { ROUNDINGS } from '../rollup/percent.js';
import { TARGET_OPS, TARGET_OVER } from '../rollup/targets.js';

/** The years of the congress term: `{"from": 2020, "to": 2025}`; `--term 2020-2025` says the same. */
export const TermSchema = z.object({
  from: z.number().int().min(1945).max(2200),
  to: z.number().int().min(1945).max(2200),
}).strict().refine((t) => t.from <= t.to, { path: ['to'], params: { why: 'term-order' } });

/**
 * A target of the term: `metric` names a figure of one period's summary (`organizations.goodOrBetter.percent`), an
 * indicator (`indicators:Số cuộc học tập`) or a figure of the term (`term.membersGrowth`), judged with `op` and
 * `value` on the last period read, on each, or on the term.
 */
export const TargetSchema = z.object({
  label: z.string().min(1),
  metric: z.string().refine(isKnownMetric, { params: { why: 'unknown-metric' } }),
  op: z.enum(TARGET_OPS),
  value: z.number(),
  over: z.enum(TARGET_OVER),
}).strict().refine((t) => !isKnownMetric(t.metric) || isTermMetric(t.metric) === (t.over === 'term'), { path: ['over'], params: { why: 'term-over' } });

/** `tally.config.json`: the bloc's own choices. Every key is optional; defaults follow the regulations and the seeds. */
export const ConfigSchema = z.object({
  /** Keeps the explanation of the file inside it (JSON has no comments): `tally init` writes one; never read. */
  $comment: z.union([z.string(), z.array(z.string())]).optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  rounding: z.enum(ROUNDINGS).optional(),
  scale: z.enum(['current', 'pre-2018']).optional(),
  excellentBase: z.enum(['goodOrBetter', 'rated']).optional(),
  /** The bloc's name for the title block of -o .xlsx and .docx ("Đảng bộ Khối các cơ quan tỉnh"); default: the inputs' title rows. */
  bloc: z.string().min(1).optional(),
  /** The place of their dateline ("Hà Nội"). */
  place: z.string().min(1).optional(),
  /** The bloc's own indicators ("Số cuộc học tập nghị quyết"): a column each in the form of `tally template`. */
  indicators: z.array(z.string().min(1)).optional(),
  /** Rows of a workbook's sheet tally reads before refusing it as too large (as --max-rows). */
  maxRows: z.number().int().min(1).optional(),
  quotas: z.object({
    excellent: z.number().min(0).max(1).optional(),
    minFullMembers: z.number().int().min(0).optional(),
  }).strict().optional(),
  term: TermSchema.optional(),
  targets: z.array(TargetSchema).optional(),
}).strict();

export type Config = z.infer<typeof ConfigSchema>;
