import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cli, ROOT } from './helpers.js';

/**
 * A golden transcript: the command, its exit code, stdout and stderr in one readable file under
 * test/golden/. `UPDATE_GOLDEN=1 npm test` rewrites them; review the diff before committing.
 */
export function expectGolden(name: string, args: readonly string[], input?: string): void {
  const r = cli(args, input);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const clean = (s: string): string => s.replaceAll(ROOT, '<root>').replaceAll(version, '<version>');
  const text = `$ tally ${args.join(' ')}\n# exit ${r.status}\n## stdout\n${clean(r.stdout)}## stderr\n${clean(r.stderr)}`;
  const dir = join(ROOT, 'test', 'golden');
  const file = join(dir, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`golden file ${name}.txt is missing: run UPDATE_GOLDEN=1 npm test and commit it`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}
