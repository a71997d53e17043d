#!/usr/bin/env node
// Top self-time functions of a V8 .cpuprofile (from `node --cpu-prof`), and the time by part of tally.
//   node bench/profile.js FILE.cpuprofile [N]
//   node bench/profile.js --run FILE_TO_TALLY [N] [tally args...]   profiles tally on FILE, then reports
import { TALLY } from './lib.js';
import { recordProfile, summarise } from './cpuprofile.js';

let [file, n = '10', ...rest] = process.argv.slice(2);
if (file === '--run') {
  const input = n;
  n = rest[0] && /^\d+$/.test(rest[0]) ? rest.shift() : '10';
  const r = recordProfile([TALLY, input, ...rest]);
  if (r.error) { console.error(r.error); process.exit(1); }
  if (r.status !== 0) console.error(`tally exited ${r.status}`);
  file = r.file;
  console.log(`profile: ${file}`);
}
const s = summarise(file, Number(n));
console.log(`total sampled ${s.totalMs.toFixed(0)} ms`);
for (const x of s.top) console.log(`${x.ms.toFixed(1).padStart(8)} ms ${x.pct.toFixed(1).padStart(5)}%  ${x.name}`);
console.log('by part:');
for (const x of s.areas) console.log(`${x.ms.toFixed(1).padStart(8)} ms ${x.pct.toFixed(1).padStart(5)}%  ${x.name}`);
