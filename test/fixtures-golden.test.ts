import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { ROOT } from './helpers.js';

/**
 * Every fixture, run through the CLI in-process twice: the table with --verbose (how each sheet and row was read,
 * every message in words) and the JSON report (every figure, every skipped row, every diagnostic with its cell).
 * The transcripts under test/golden/fixtures/ are the behaviour of tally on its own fixtures: a change in any of
 * them is a change in behaviour, to be reviewed (`UPDATE_GOLDEN=1 npm test` rewrites them).
 */

/** Folders that are read as one input (per-unit reports and their variants), besides each file on its own. */
const FOLDERS = ['per-unit', 'per-unit-duplicate', 'per-unit-title', 'periods', 'round2/own-forms', 'members/beside-agree', 'members/beside-differ', 'official-forms/mixed', 'official-forms/previous', 'official-forms/previous-partial'];
const READABLE = /\.(xlsx|csv|xls|ods|txt)$/;

function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'src') for (const f of fixtureFiles(path)) out.push(f);
    } else if (READABLE.test(e.name) && !(e.name.endsWith('.txt') && dir.endsWith('per-unit'))) out.push(relative(ROOT, path));
  }
  return out;
}

async function transcript(argv: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv, cwd: ROOT, env: { NO_COLOR: '1', TALLY_WORKERS: '0' },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: () => Promise.resolve(new Uint8Array()),
  });
  return `$ tally ${argv.join(' ')}\n# exit ${code}\n## stdout\n${stdout}## stderr\n${stderr}`;
}

const inputs = [...fixtureFiles(join(ROOT, 'fixtures')), ...FOLDERS.map((f) => `fixtures/${f}`)];

describe('every fixture, read as today', () => {
  it('has a transcript for each fixture', () => {
    expect(inputs.length).toBeGreaterThan(120);
  });
  for (const input of inputs) {
    it(`reads ${input} as its transcript says`, async () => {
      const text = [
        await transcript(['report', input, '--verbose', '--force']),
        await transcript(['report', input, '--format', 'json', '--force']),
      ].join('\n');
      const file = join(ROOT, 'test', 'golden', `${input}.txt`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
        if (process.env.CI && !existsSync(file)) throw new Error(`golden file for ${input} is missing: run UPDATE_GOLDEN=1 npm test and commit it`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
      expect(statSync(file).isFile()).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
