#!/usr/bin/env node
// Top self-time functions of a V8 .cpuprofile (from `node --cpu-prof`).
//   node bench/profile.js FILE.cpuprofile [N]
//   node bench/profile.js --run FILE_TO_TALLY [N] [tally args...]   profiles tally on FILE, then reports
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, TALLY } from './lib.js';

let [file, n = '10', ...rest] = process.argv.slice(2);
if (file === '--run') {
  const input = n;
  n = rest[0] && /^\d+$/.test(rest[0]) ? rest.shift() : '10';
  const dir = mkdtempSync(join(tmpdir(), 'tally-prof-'));
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, TALLY, input, ...rest], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) console.error(`tally exited ${r.status}`);
  file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile')));
  console.log(`profile: ${file}`);
}
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const self = new Map();
let total = 0;
for (let i = 0; i < prof.samples.length; i++) {
  const dt = prof.timeDeltas[i + 1] ?? 0; // the delta after a sample is the time spent in it
  total += dt;
  const cf = byId.get(prof.samples[i]).callFrame;
  const url = cf.url ? relative(ROOT, cf.url.replace(/^file:\/\//, '')) : '';
  const key = `${cf.functionName || '(anonymous)'}  ${url ? `${url}:${cf.lineNumber + 1}` : ''}`.trim();
  self.set(key, (self.get(key) ?? 0) + dt);
}
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(n));
for (const [k, us] of top) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${(100 * us / total).toFixed(1).padStart(5)}%  ${k}`);
