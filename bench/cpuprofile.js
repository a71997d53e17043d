// Reads a V8 .cpuprofile (from `node --cpu-prof`): the top self-time functions, and the time by part of tally
// (dist/read, dist/recognise, dist/check, ...), Node's own code, the garbage collector and the rest.
// Used by bench/profile.js (one file, on the command line) and bench/run.js (the profile of each target not met).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './lib.js';

/** Runs `node --cpu-prof argv...` once (output to /dev/null) and returns the profile's file, or an error. */
export function recordProfile(argv, { node = process.execPath, env } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-prof-'));
  const r = spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', dir, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });
  const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!name) {
    rmSync(dir, { recursive: true, force: true });
    return { error: `no profile written (exit ${r.status}): ${(r.stderr ?? '').trim().slice(-200)}` };
  }
  return { file: join(dir, name), status: r.status };
}

/** A file's name as in the tree: a run from bench/run.js's copy of bin/ and dist/ names the same files. */
function shown(url) {
  return relative(ROOT, url.replace(/^file:\/\//, '')).replace(/^.*?\/(dist|node_modules|bin)\//, '$1/');
}

/** The part of the code a call frame belongs to, by its URL. */
function area(url) {
  if (!url) return null;
  if (url.startsWith('node:')) return 'node (built-in modules)';
  const path = shown(url);
  const m = path.match(/^dist\/([^/]+)\//);
  if (m) return `dist/${m[1]}/`;
  if (path.startsWith('node_modules/')) return `node_modules/${path.split('/')[1]}`;
  return path.startsWith('bin/') ? 'bin/' : path.split('/')[0] || 'other';
}

/** Self time by function (top n) and by area, in ms, from a .cpuprofile file. */
export function summarise(file, n = 10) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  const self = new Map();
  const areas = new Map();
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i + 1] ?? 0; // the delta after a sample is the time spent in it
    total += dt;
    const cf = byId.get(prof.samples[i]).callFrame;
    const url = cf.url ? shown(cf.url) : '';
    const key = `${cf.functionName || '(anonymous)'}  ${url ? `${url}:${cf.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
    const a = area(cf.url) ?? cf.functionName ?? '(other)';
    areas.set(a, (areas.get(a) ?? 0) + dt);
  }
  const rows = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k)
    .map(([name, us]) => ({ name, ms: us / 1000, pct: (100 * us) / total }));
  return { totalMs: total / 1000, top: rows(self, n), areas: rows(areas, 12) };
}
