// Shared by bench/run.js and bench/guard.js: how one command is timed and measured.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR } from './generate.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TALLY = join(ROOT, 'bin', 'tally.js');
export const OUT_DIR = join(BENCH_DIR, 'out');

const TIME_BIN = '/usr/bin/time';
export const HAS_TIME = (() => {
  if (!existsSync(TIME_BIN)) return false;
  const r = spawnSync(TIME_BIN, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/m.test(r.stderr);
})();
export const HAS_TIMEOUT = spawnSync('timeout', ['1', 'true']).status === 0;

/** Fails early, with the fix, when the CLI has not been built. */
export function requireBuild() {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')) && !existsSync(join(ROOT, 'dist'))) {
    console.error('tally is not built: run `npx tsc -p tsconfig.build.json` (or `npm run build`) first.');
    process.exit(2);
  }
}

/**
 * Runs argv once with stdout and stderr to files under OUT_DIR (the same for every command, so no command pays
 * for a pipe the others do not). Wall time is process.hrtime around spawnSync; peak memory is the maximum
 * resident set size GNU time reports (kB), or undefined without /usr/bin/time.
 */
export function measure(argv, { label, timeoutSec, cwd = ROOT } = {}) {
  mkdirSync(OUT_DIR, { recursive: true });
  const base = join(OUT_DIR, label ?? 'run');
  const memFile = base + '.mem';
  rmSync(memFile, { force: true });
  let cmd = argv;
  if (timeoutSec && HAS_TIMEOUT) cmd = ['timeout', '-s', 'KILL', String(timeoutSec), ...cmd];
  if (HAS_TIME) cmd = [TIME_BIN, '-f', '%M', '-o', memFile, ...cmd];
  const out = openSync(base + '.out', 'w');
  const err = openSync(base + '.err', 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd, stdio: ['ignore', out, err] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  closeSync(err);
  let kb;
  if (HAS_TIME && existsSync(memFile)) {
    const m = readFileSync(memFile, 'utf8').match(/^(\d+)\s*$/m);
    if (m) kb = Number(m[1]);
    // GNU time writes "Command exited with non-zero status N" / "Command terminated by signal N" before %M.
  }
  const status = r.status;
  const memText = HAS_TIME && existsSync(memFile) ? readFileSync(memFile, 'utf8') : '';
  const signal = r.signal ?? (memText.match(/terminated by signal (\d+)/)?.[1] ? `signal ${memText.match(/terminated by signal (\d+)/)[1]}` : null);
  const timedOut = Boolean(timeoutSec) && ms >= timeoutSec * 1000 - 50 && status !== 0;
  return { ms, kb, status, signal, timedOut, outFile: base + '.out', errFile: base + '.err', error: r.error?.message };
}

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Checks tally's JSON output: every generated unit counted, no error, no failure. Returns a problem or null. */
export function checkTallyOutput(outFile, expectedUnits) {
  let j;
  try {
    j = JSON.parse(readFileSync(outFile, 'utf8'));
  } catch (e) {
    return `output is not JSON (${e.message.slice(0, 80)})`;
  }
  const errors = (j.diagnostics ?? []).filter((d) => d.severity === 'error').length;
  const warnings = (j.diagnostics ?? []).length - errors;
  if (j.failures?.length) return `${j.failures.length} failure(s): ${j.failures[0].message ?? j.failures[0].code}`;
  if (errors) return `${errors} error(s), first ${j.diagnostics.find((d) => d.severity === 'error').code}`;
  if (j.organizations?.total !== expectedUnits) return `counted ${j.organizations?.total} organisations, expected ${expectedUnits}`;
  return warnings ? `${warnings} warning(s)` : null;
}

export const fmtMs = (ms) => (Number.isFinite(ms) ? (ms >= 10_000 ? ms.toFixed(0) : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : 'n/a');
export const fmtMb = (kb) => (kb === undefined ? 'n/a' : (kb / 1024).toFixed(0));
