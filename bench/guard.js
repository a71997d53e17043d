#!/usr/bin/env node
// Performance guard: the 107-row CSV and XLSX and the 10,000-row CSV, median of 3 runs each, against
// bench/baseline.json (recorded on the project's machine). Exits 1 only when a case is more than 3× slower
// than its recorded median; prints one line per case. Generates the inputs it needs (a few seconds) and
// finishes well under a minute. Needs the CLI built first (npx tsc -p tsconfig.build.json).
//
//   node bench/guard.js              check
//   node bench/guard.js --record     measure and rewrite bench/baseline.json

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, generate } from './generate.js';
import { ROOT, TALLY, checkTallyOutput, fmtMs, measure, median, requireBuild } from './lib.js';

const IDS = ['csv-107', 'xlsx-107', 'csv-10000'];
const RUNS = 3;
const LIMIT = 3;
const BASELINE = join(ROOT, 'bench', 'baseline.json');
const record = process.argv.includes('--record');

requireBuild();
await generate(IDS, { log: () => {} });

let baseline = {};
if (!record) {
  try {
    baseline = JSON.parse(readFileSync(BASELINE, 'utf8'));
  } catch {
    console.error(`no ${BASELINE}: run \`node bench/guard.js --record\` on the reference machine first`);
    process.exit(2);
  }
}

let failed = false;
const measured = {};
for (const id of IDS) {
  const c = CASES.find((x) => x.id === id);
  const argv = [process.execPath, TALLY, c.path, '--format', 'json'];
  measure(argv, { label: `guard-${id}-warmup` });
  const times = [];
  let problem = null;
  for (let r = 0; r < RUNS; r++) {
    const m = measure(argv, { label: `guard-${id}` });
    if (m.status !== 0) { problem = `tally exited ${m.status ?? m.signal}: ${readFileSync(m.errFile, 'utf8').trim().split('\n')[0]}`; break; }
    if (r === 0) problem = checkTallyOutput(m.outFile, c.rows);
    times.push(m.ms);
  }
  const ms = median(times);
  measured[id] = Math.round(ms);
  const base = baseline[id];
  const ratio = base ? ms / base : NaN;
  const bad = Boolean(problem && !/warning/.test(problem)) || (!record && !(ratio <= LIMIT));
  if (bad) failed = true;
  const vs = record ? 'recorded' : base ? `baseline ${fmtMs(base)} ms, ${ratio.toFixed(2)}× (limit ${LIMIT}×)` : 'no baseline for this case';
  console.log(`${bad ? 'FAIL' : 'ok  '} ${id.padEnd(10)} ${fmtMs(ms).padStart(7)} ms  ${vs}${problem ? `  [${problem}]` : ''}`);
}

if (record) {
  writeFileSync(BASELINE, JSON.stringify(measured, null, 2) + '\n');
  console.log(`wrote ${BASELINE}`);
}
process.exit(failed ? 1 : 0);
