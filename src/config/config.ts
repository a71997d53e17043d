import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { TallyError } from '../read/errors.js';
import { ROUNDINGS } from '../rollup/percent.js';

/** `tally.config.json`: the bloc's own choices. Every key is optional; defaults follow the regulations and the seeds. */
export const ConfigSchema = z.object({
  decimals: z.number().int().min(0).max(6).optional(),
  rounding: z.enum(ROUNDINGS).optional(),
  scale: z.enum(['current', 'pre-2018']).optional(),
  excellentBase: z.enum(['goodOrBetter', 'rated']).optional(),
  quotas: z.object({
    excellent: z.number().min(0).max(1).optional(),
    minFullMembers: z.number().int().min(0).optional(),
  }).strict().optional(),
}).strict();
export type Config = z.infer<typeof ConfigSchema>;

export const CONFIG_FILE = 'tally.config.json';

/** Load the config named by --config, or tally.config.json in the working folder when there is one. */
export async function loadConfig(cwd: string, path: string | undefined): Promise<Config> {
  const file = resolve(cwd, path ?? CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    if (path) throw new TallyError('not-found', { file: path });
    return {};
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new TallyError('config', { file: path ?? CONFIG_FILE, detail: err instanceof Error ? err.message : 'JSON' });
  }
  const parsed = ConfigSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TallyError('config', { file: path ?? CONFIG_FILE, detail: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` });
  }
  return parsed.data;
}
