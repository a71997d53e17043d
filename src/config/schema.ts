import { z } from 'zod';
import { ROUNDINGS } from '../rollup/percent.js';

/** `tally.config.json`: the bloc's own choices. Every key is optional; defaults follow the regulations and the seeds. */
export const ConfigSchema = z.object({
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
}).strict();

export type Config = z.infer<typeof ConfigSchema>;
