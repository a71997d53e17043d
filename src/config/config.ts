import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from './schema.js';
import { TallyError } from '../read/errors.js';

export type { Config } from './schema.js';

export const CONFIG_FILE = 'tally.config.json';

/** Load the config named by --config, or tally.config.json in the working folder when there is one. */
export async function loadConfig(cwd: string, path: string | undefined): Promise<Config> {
  const name = path ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(resolve(cwd, name), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (path) throw new TallyError('not-found', { file: path });
      return {};
    }
    throw new TallyError('read-failed', { file: name, detail: code ?? 'unknown error' });
  }
  // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses although the file is right.
  if (text.startsWith('\ufeff')) text = text.slice(1);
  if (text.trim() === '') {
    throw new TallyError('config', {
      file: name,
      detailVi: 'tệp trống; một cấu hình không đặt gì là {}',
      detailEn: 'the file is empty; a config that sets nothing is {}',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The position and the reason come from tally's own reading of the text, not from the engine's message.
    const { findJsonFault, JSON_FAULT_WORDS } = await import('./json-error.js');
    const fault = findJsonFault(text) ?? { line: 1, column: 1, why: 'bad-value' as const };
    const words = JSON_FAULT_WORDS[fault.why];
    throw new TallyError('config', {
      file: name,
      detailVi: `không phải JSON hợp lệ ở dòng ${fault.line}, cột ${fault.column}: ${words.vi}`,
      detailEn: `not valid JSON at line ${fault.line}, column ${fault.column}: ${words.en}`,
    });
  }
  // zod is loaded only when there is a config file to check.
  const { ConfigSchema: schema } = await import('./schema.js');
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const { explainIssues } = await import('./explain.js');
    const { vi, en } = explainIssues(parsed.error.issues, data);
    throw new TallyError('config', { file: name, detailVi: vi, detailEn: en });
  }
  return parsed.data;
}
