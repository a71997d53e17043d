import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { analyse, type AnalyseOptions, type Analysis } from '../src/analyse/analyse.js';
import { DEFAULT_THRESHOLDS } from '../src/check/rule.js';
import { noteLine } from '../src/check/notes.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'tally.js');
/** The node that runs the CLI in the end-to-end tests: TALLY_TEST_NODE (CI runs them again on Node 22 and 24), else this one. */
export const NODE = process.env.TALLY_TEST_NODE || process.execPath;

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawn the built CLI, as a user would, from the repository root; colour off. */
export function cli(args: readonly string[], input?: string | Buffer, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(NODE, [BIN, ...args], {
    cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', TALLY_DEBUG: '', ...env }, timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function fixture(name: string): string {
  return join('fixtures', name);
}

/** Analyse fixtures in-process: the library path the CLI takes, without a process. */
export function analyseFixtures(names: readonly string[], options: Partial<AnalyseOptions> = {}): Promise<Analysis> {
  return analyse(names.map(fixture), {
    cwd: ROOT, scale: 'current', decimals: 2, rounding: 'half-up', excellentBase: 'goodOrBetter',
    thresholds: DEFAULT_THRESHOLDS, rollup: true, ...options,
  });
}

/** The distinct diagnostic codes of an analysis, sorted. */
export async function codesOf(name: string, options: Partial<AnalyseOptions> = {}): Promise<string[]> {
  const a = await analyseFixtures([name], options);
  return [...new Set(a.diagnostics.map((d) => d.code))].sort();
}

/** The verbose notes of an analysis as the CLI prints them (without the leading "· "), in one language. */
export function notesOf(a: Analysis, lang: 'vi' | 'en' = 'vi'): string[] {
  return a.notes.map((n) => noteLine(n, lang));
}

/** mulberry32: a small seeded generator, so that a failing case is found again by its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
