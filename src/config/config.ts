import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import type { ConfigSchema } from './schema.js';
import { TallyError } from '../read/errors.js';

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
  // zod is loaded only when there is a config file to check.
  const { ConfigSchema: schema } = await import('./schema.js');
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TallyError('config', { file: path ?? CONFIG_FILE, detail: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` });
  }
  return parsed.data;
}
