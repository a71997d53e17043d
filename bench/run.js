#!/usr/bin/env node
// tally benchmark: whole-process wall time (median) and peak memory, for tally and for baselines measured in
// the same run on the same inputs.
//
//   npm run bench                       every case (the 1,000,000-row CSV alone can take minutes)
//   npm run bench -- --quick            only the 107- and 10,000-row cases
//   npm run bench -- --runs 3           runs per command (default 5)
//   npm run bench -- --write            also rewrite the generated part of BENCHMARKS.md and bench/results.json
//   npm run bench -- --only csv-107,xlsx-107   named cases
//   npm run bench -- --no-profile       without the CPU profile of each speed target not met
//
// A command whose run takes longer than --long-sec (default 60 s) is not run again: its "median" is then
// of fewer runs, and the table says how many. tally gets --timeout-sec (default 600 s) per run; if it dies
// of heap exhaustion it is run again with --max-old-space-size=8192 and the table says so.

import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, QUICK, NUMERIC, YEARS, generate, yearFile } from './generate.js';
import { BENCH_DIR } from './generate.js';
import { recordProfile, summarise } from './cpuprofile.js';
import { HAS_TIME, ROOT, TALLY as TALLY_IN_TREE, checkTallyOutput, fmtMb, fmtMs, measure, median, requireBuild } from './lib.js';

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  if (i < 0) return dflt;
  return argv[i + 1];
};
const RUNS = Number(opt('--runs', 5));
const LONG_SEC = Number(opt('--long-sec', 60));
const TIMEOUT_SEC = Number(opt('--timeout-sec', 600));
const QUICK_MODE = argv.includes('--quick');
const WRITE = argv.includes('--write');
const ONLY = opt('--only', undefined)?.split(',');
if (!(RUNS >= 1)) { console.error('--runs needs a number ≥ 1'); process.exit(2); }

requireBuild();

// tally is run from a snapshot of bin/ and dist/ taken now, so that a rebuild in the work tree during a long
// run cannot mix two builds in one table. --no-snapshot runs bin/tally.js in place.
const git = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
const BUILD = {
  commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
  dirty: git('status', '--porcelain', '--', 'src') !== '',
  built: new Date(Math.max(...readdirSync(join(ROOT, 'dist'), { recursive: true })
    .map((f) => statSync(join(ROOT, 'dist', f)).mtimeMs))).toISOString(),
};
let TALLY = TALLY_IN_TREE;
if (!argv.includes('--no-snapshot')) {
  const snap = join(BENCH_DIR, 'snapshot');
  rmSync(snap, { recursive: true, force: true });
  mkdirSync(snap, { recursive: true });
  cpSync(join(ROOT, 'bin'), join(snap, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(snap, 'dist'), { recursive: true, preserveTimestamps: true });
  cpSync(join(ROOT, 'package.json'), join(snap, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(snap, 'node_modules'), 'dir');
  TALLY = join(snap, 'bin', 'tally.js');
}
const caseIds = ONLY ?? (QUICK_MODE ? QUICK : CASES.map((c) => c.id));

// ---------------------------------------------------------------- tools present on this machine
function findPython() {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import pandas, openpyxl; print(pandas.__version__, openpyxl.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { py, version: r.stdout.trim() };
  }
  return undefined;
}
const python = findPython();
const mlr = spawnSync('mlr', ['--version'], { encoding: 'utf8' });
const hasMlr = mlr.status === 0;
const duck = spawnSync(process.execPath, ['-e', "import('@duckdb/node-api').then(()=>{},()=>process.exit(1))"], { cwd: ROOT });
const hasDuck = duck.status === 0;
let DUCK_VERSION = 'unknown';
try { DUCK_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/@duckdb/node-api/package.json'), 'utf8')).version; } catch { /* removed since */ }

const skipped = [];
const skip = (what, why) => { const line = `skip: ${what} — ${why}`; skipped.push(line); console.log(line); };
if (!HAS_TIME) console.log('note: /usr/bin/time not found (apt-get install -y time): peak memory is reported as n/a');
if (!python) skip('pandas baselines', 'no python3 with pandas and openpyxl (apt-get install -y python3-pandas python3-openpyxl)');
if (!hasMlr) skip('Miller baseline', 'mlr not installed (apt-get install -y miller)');
if (!hasDuck) skip('DuckDB baseline', '@duckdb/node-api not installed (npm install --no-save @duckdb/node-api: it is not a devDependency, as its lock entry breaks npm ci here)');

// ---------------------------------------------------------------- commands
const node = process.execPath;
const rel = (p) => (p === TALLY ? 'bin/tally.js' : p.replace(ROOT + '/', ''));
const tallyCmd = (file) => ({ name: 'tally', tally: true, argv: [node, TALLY, file, '--format', 'json'] });

function commandsFor(c) {
  const f = c.path;
  const list = [tallyCmd(f)];
  if (c.kind === 'csv') {
    list.push({ name: 'csv-parse', argv: [node, join(ROOT, 'bench/baselines/csv-parse.js'), f] });
    list.push({ name: 'byte scanner', argv: [node, join(ROOT, 'bench/baselines/byte-scan.js'), f] });
    if (hasDuck) list.push({ name: 'duckdb', argv: [node, join(ROOT, 'bench/baselines/duckdb.js'), f] });
    if (python) list.push({ name: 'pandas', argv: [python.py, join(ROOT, 'bench/baselines/pandas_sum.py'), f] });
    if (hasMlr) list.push({ name: 'mlr', argv: ['mlr', '--icsv', '--ojson', 'stats1', '-a', 'sum', '-f', NUMERIC.join(','), '-g', 'Loại hình', f] });
  } else if (c.kind === 'years') {
    // Two years of a million units each: the previous year beside the current one, and a two-year streak. Each
    // command's output is checked by its exit status only (the JSON is not a summary of c.rows units).
    const [prev, cur] = YEARS.map((y) => yearFile(c, y));
    return [
      { name: 'tally --previous', tally: 'plain', argv: [node, TALLY, cur, '--previous', prev, '--format', 'json'] },
      { name: 'tally streak', tally: 'plain', argv: [node, TALLY, 'streak', prev, cur, '--years', '2', '--format', 'json'] },
    ];
  } else if (c.kind === 'xlsx') {
    // The floor of any XLSX reader: inflate the sheets and shared strings as streams and scan their bytes.
    list.push({ name: 'inflate+scan', argv: [node, join(ROOT, 'bench/baselines/inflate-scan.js'), f] });
    list.push({ name: 'exceljs-read', argv: [node, join(ROOT, 'bench/baselines/exceljs-read.js'), f] });
    list.push({ name: 'exceljs-stream', argv: [node, join(ROOT, 'bench/baselines/exceljs-stream.js'), f] });
    if (python) list.push({ name: 'pandas+openpyxl', argv: [python.py, join(ROOT, 'bench/baselines/pandas_sum.py'), f] });
  } else {
    list.push({ name: 'exceljs-read', argv: [node, join(ROOT, 'bench/baselines/exceljs-read.js'), f] });
  }
  return list;
}

const startup = {
  id: 'startup', rows: 0, kind: 'startup', commands: [
    { name: 'node -e 0', argv: [node, '-e', '0'] },
    { name: 'tally --version', tally: 'plain', argv: [node, TALLY, '--version'] },
    { name: 'tally --help', tally: 'plain', argv: [node, TALLY, '--help'] },
  ],
};

// The documents a clerk hands in: -o out.xlsx (exceljs loaded to write, every unit kept) and -o out.docx on the
// 107-unit seed fixture, next to the plain run of the same file.
const FIXTURE_2020 = join(ROOT, 'fixtures', 'khoi-2020.xlsx');
const output = {
  id: 'output-107', rows: 107, kind: 'output', path: FIXTURE_2020, commands: [
    { name: 'tally', tally: 'plain', argv: [node, TALLY, FIXTURE_2020] },
    { name: 'tally -o out.xlsx', tally: 'plain', argv: [node, TALLY, FIXTURE_2020, '-o', join(BENCH_DIR, 'out.xlsx')] },
    { name: 'tally -o out.docx', tally: 'plain', argv: [node, TALLY, FIXTURE_2020, '-o', join(BENCH_DIR, 'out.docx')] },
  ],
};

/** What the hostile cases add to the units, for their titles. */
const SHAPES = { 'blank-lines': ', then 100,000 blank lines', 'wide-rows': ', every row padded with 1,000 empty fields, a last line of 20,000' };

// ---------------------------------------------------------------- run
function runCase(c) {
  const cheap = c.rows <= 10_000;
  const timeoutSec = c.rows >= 100_000 ? TIMEOUT_SEC : undefined;
  const state = c.commands.map((cmd) => ({ cmd, times: [], kbs: [], notes: [], done: false, failed: false }));
  if (cheap) for (const s of state) measure(s.cmd.argv, { label: `${c.id}-${s.cmd.name}-warmup` });
  for (let r = 0; r < RUNS; r++) {
    // Round-robin, so that drift of the machine falls on every command alike.
    for (const s of state) {
      if (s.done) continue;
      const label = `${c.id}-${s.cmd.name.replace(/[^\w.+-]+/g, '_')}`;
      let m = measure(s.cmd.argv, { label, timeoutSec });
      if (m.status !== 0 && s.cmd.tally === true && !s.bigHeap) {
        const err = readFileSync(m.errFile, 'utf8');
        if (/heap out of memory|Allocation failed/i.test(err)) {
          s.notes.push(`ran out of heap with the default limit after ${fmtMs(m.ms)} ms (peak ${fmtMb(m.kb)} MB); re-run with --max-old-space-size=8192`);
          s.cmd.argv = [node, '--max-old-space-size=8192', ...s.cmd.argv.slice(1)];
          s.bigHeap = true;
          m = measure(s.cmd.argv, { label, timeoutSec });
        }
      }
      const line = `${c.id.padEnd(12)} ${s.cmd.name.padEnd(16)} run ${r + 1}: ${fmtMs(m.ms).padStart(8)} ms  ${fmtMb(m.kb).padStart(5)} MB`;
      if (m.timedOut) {
        s.notes.push(`killed by the ${timeoutSec} s timeout (peak ${fmtMb(m.kb)} MB before it)`);
        s.failed = true; s.done = true; s.timeoutMs = m.ms; s.kbs.push(m.kb);
        console.log(line + '  TIMEOUT');
        continue;
      }
      if (m.status !== 0) {
        const err = readFileSync(m.errFile, 'utf8').trim().split('\n').slice(-3).join(' | ').slice(0, 300);
        s.notes.push(`exit ${m.status ?? m.signal} after ${fmtMs(m.ms)} ms: ${err}`);
        s.failed = true; s.done = true; s.kbs.push(m.kb);
        console.log(line + `  FAILED (exit ${m.status ?? m.signal}) ${err}`);
        continue;
      }
      s.times.push(m.ms);
      if (m.kb !== undefined) s.kbs.push(m.kb);
      if (s.cmd.tally === true && r === 0) {
        const problem = checkTallyOutput(m.outFile, c.rows);
        if (problem) s.notes.push(`output check: ${problem}`);
      }
      console.log(line);
      if (m.ms > LONG_SEC * 1000) s.done = true;
    }
  }
  return state.map((s) => ({
    name: s.cmd.name,
    command: s.cmd.argv.map((a) => (a === node ? 'node' : /[\s,'"]/.test(rel(a)) ? `'${rel(a).replace(/'/g, "'\\''")}'` : rel(a))).join(' '),
    runs: s.times.length,
    medianMs: s.times.length ? median(s.times) : null,
    minMs: s.times.length ? Math.min(...s.times) : null,
    maxMs: s.times.length ? Math.max(...s.times) : null,
    peakKb: s.kbs.length ? Math.max(...s.kbs.filter((k) => k !== undefined)) : null,
    failed: s.failed,
    timeoutMs: s.timeoutMs ?? null,
    notes: s.notes,
  }));
}

await generate(caseIds.filter((id) => CASES.some((c) => c.id === id)));
const cases = [startup, output, ...CASES.filter((c) => caseIds.includes(c.id)).map((c) => ({ ...c, commands: commandsFor(c) }))];
const results = [];
const PARTIAL = join(BENCH_DIR, 'results-partial.json');
for (const c of cases) {
  results.push({ id: c.id, rows: c.rows, kind: c.kind, ...(c.shape ? { shape: c.shape } : {}), file: c.path ?? null, commands: runCase(c) });
  writeFileSync(PARTIAL, JSON.stringify({ build: BUILD, results }, null, 2) + '\n'); // kept if a later step fails
}

// ---------------------------------------------------------------- targets
const get = (caseId, name) => results.find((r) => r.id === caseId)?.commands.find((x) => x.name === name);
const ratio = (a, b) => (a?.medianMs && b?.medianMs ? a.medianMs / b.medianMs : null);
function target(text, caseId, tallyName, baseName, limit, { faster = false } = {}) {
  const t = get(caseId, tallyName), b = get(caseId, baseName);
  if (!t || !b) return { text, status: 'not measured', detail: !t ? 'case not run' : `${baseName} not available` };
  if (t.failed || t.medianMs === null) return { text, status: 'not met', detail: `tally did not finish: ${t.notes.join('; ')}` };
  if (b.medianMs === null) return { text, status: 'not measured', detail: `${baseName} failed: ${b.notes.join('; ')}` };
  if (faster) {
    const x = b.medianMs / t.medianMs;
    return { text, status: x >= limit ? 'met' : 'not met', value: x, detail: `${baseName} ${fmtMs(b.medianMs)} ms ÷ tally ${fmtMs(t.medianMs)} ms = ${x.toFixed(2)}× faster (needs ≥ ${limit}×)` };
  }
  const x = ratio(t, b);
  return { text, status: x <= limit ? 'met' : 'not met', value: x, limit, caseId, tallyName, detail: `tally ${fmtMs(t.medianMs)} ms ÷ ${baseName} ${fmtMs(b.medianMs)} ms = ${x.toFixed(2)}× (limit ${limit}×)` };
}
const targets = [
  target('`tally --version` within 1.2× `node -e 0`', 'startup', 'tally --version', 'node -e 0', 1.2),
  target('`tally --help` within 1.2× `node -e 0`', 'startup', 'tally --help', 'node -e 0', 1.2),
  (() => {
    const t = get('csv-107', 'tally'), f = get('startup', 'node -e 0');
    if (!t || !f?.medianMs || !t.medianMs) return { text: '107-unit CSV within 2× `node -e 0`', status: 'not measured', detail: 'case not run' };
    const x = t.medianMs / f.medianMs;
    return { text: '107-unit CSV within 2× `node -e 0`', status: x <= 2 ? 'met' : 'not met', value: x, limit: 2, caseId: 'csv-107', tallyName: 'tally', detail: `tally ${fmtMs(t.medianMs)} ms ÷ node -e 0 ${fmtMs(f.medianMs)} ms = ${x.toFixed(2)}× (limit 2×)` };
  })(),
  target('107-unit XLSX within 1.2× a bare exceljs read', 'xlsx-107', 'tally', 'exceljs-read', 1.2),
  target('1,000,000-row CSV within 1.3× csv-parse alone', 'csv-1000000', 'tally', 'csv-parse', 1.3),
  target('1,000,000-row CSV faster than pandas (read_csv + groupby)', 'csv-1000000', 'tally', 'pandas', 1, { faster: true }),
  target('1,000,000-row CSV within 3× DuckDB', 'csv-1000000', 'tally', 'duckdb', 3),
  (() => {
    const t = get('csv-1000000', 'tally');
    const text = '1,000,000-row CSV: peak memory under 200 MB';
    if (!t) return { text, status: 'not measured', detail: 'case not run' };
    if (t.peakKb === null) return { text, status: 'not measured', detail: 'no /usr/bin/time' };
    const mb = t.peakKb / 1024;
    return { text, status: mb < 200 && !t.failed ? 'met' : 'not met', value: mb, detail: `peak RSS ${mb.toFixed(0)} MB${t.failed ? ' (run did not finish)' : ''}` };
  })(),
  ...['tally --previous', 'tally streak'].map((name) => {
    const t = get('years-1000000', name);
    const text = `\`${name}\` on the 1,000,000-row CSV as two years: peak memory under 200 MB`;
    if (!t) return { text, status: 'not measured', detail: 'case not run' };
    if (t.peakKb === null) return { text, status: 'not measured', detail: 'no /usr/bin/time' };
    const mb = t.peakKb / 1024;
    return { text, status: mb < 200 && !t.failed ? 'met' : 'not met', value: mb, detail: `peak RSS ${mb.toFixed(0)} MB, ${fmtMs(t.medianMs)} ms${t.failed ? ' (run did not finish)' : ''}` };
  }),
  target('100,000-row XLSX within 1.2× exceljs streaming', 'xlsx-100000', 'tally', 'exceljs-stream', 1.2),
  target('100,000-row XLSX within 1.5× the streaming inflate + byte scanner floor', 'xlsx-100000', 'tally', 'inflate+scan', 1.5),
  (() => {
    const t = get('xlsx-100000', 'tally');
    const text = '100,000-row XLSX: peak memory at most 150 MB';
    if (!t) return { text, status: 'not measured', detail: 'case not run' };
    if (t.peakKb === null) return { text, status: 'not measured', detail: 'no /usr/bin/time' };
    const mb = t.peakKb / 1024;
    return { text, status: mb <= 150 && !t.failed ? 'met' : 'not met', value: mb, detail: `peak RSS ${mb.toFixed(0)} MB${t.failed ? ' (run did not finish)' : ''}` };
  })(),
  target('100,000-row XLSX ≥ 3× faster than pandas+openpyxl', 'xlsx-100000', 'tally', 'pandas+openpyxl', 3, { faster: true }),
  (() => {
    const plain = get('output-107', 'tally'), xlsx = get('output-107', 'tally -o out.xlsx'), docx = get('output-107', 'tally -o out.docx');
    const text = '`-o out.xlsx` and `-o out.docx` on the 107-unit fixture: record the time';
    if (!plain?.medianMs || !xlsx?.medianMs || !docx?.medianMs) return { text, status: 'not measured', detail: 'case not run' };
    return { text, status: 'recorded', detail: `plain ${fmtMs(plain.medianMs)} ms, -o out.xlsx ${fmtMs(xlsx.medianMs)} ms (${(xlsx.medianMs / plain.medianMs).toFixed(2)}×), -o out.docx ${fmtMs(docx.medianMs)} ms (${(docx.medianMs / plain.medianMs).toFixed(2)}×)` };
  })(),
  (() => {
    const t = get('dir-1000', 'tally');
    const text = '1,000 one-unit XLSX files: record the time';
    if (!t) return { text, status: 'not measured', detail: 'case not run' };
    return { text, status: 'recorded', detail: t.medianMs ? `tally ${fmtMs(t.medianMs)} ms, peak ${fmtMb(t.peakKb ?? undefined)} MB` : t.notes.join('; ') };
  })(),
];

// ---------------------------------------------------------------- profiles
// Each speed target not met, slowest first (by how far it is over its limit): one run of tally on its case under
// `node --cpu-prof`, summarised by part of the code and by function. --no-profile leaves them out.
const profiles = [];
if (!argv.includes('--no-profile')) {
  const over = targets.filter((t) => t.status === 'not met' && t.limit && t.value && t.caseId).sort((a, b) => b.value / b.limit - a.value / a.limit);
  for (const t of over) {
    const cmd = cases.find((c) => c.id === t.caseId)?.commands.find((x) => x.name === t.tallyName);
    if (!cmd) continue;
    console.log(`profiling ${t.caseId} (${t.text})`);
    // A large case runs the modules tsc compiled (TALLY_BUNDLE=0), whose files name the parts of the code; the
    // bundle, one file, would show as one part. A start-up case keeps the bundle, which is what it measures.
    const large = (cases.find((c) => c.id === t.caseId)?.rows ?? 0) > 10_000;
    const r = recordProfile(cmd.argv.slice(1), { node: cmd.argv[0], env: large ? { TALLY_BUNDLE: '0' } : {} });
    if (r.error) { profiles.push({ target: t.text, caseId: t.caseId, error: r.error }); continue; }
    profiles.push({ target: t.text, caseId: t.caseId, bundle: !large, command: rel(cmd.argv[1]) + ' ' + cmd.argv.slice(2).map(rel).join(' '), ...summarise(r.file, 12) });
  }
}

// ---------------------------------------------------------------- report
function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(cpus().length);
  return {
    date: new Date().toISOString(), nproc, cpu: model, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version,
    python: python ? `${python.py} (pandas/openpyxl ${python.version})` : null, mlr: hasMlr ? mlr.stdout.trim() : null,
    duckdb: hasDuck ? DUCK_VERSION : null,
    build: BUILD,
    peakMemory: HAS_TIME ? '/usr/bin/time -f %M (max RSS)' : 'n/a (no /usr/bin/time)',
  };
}

function markdown(m) {
  const L = [];
  L.push(`Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC by \`${['node bench/run.js', ...argv].join(' ')}\`.`);
  L.push('');
  L.push(`Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB memory, Node ${m.node}` +
    `${m.python ? `, ${m.python}` : ''}${m.mlr ? `, ${m.mlr}` : ''}${m.duckdb ? `, @duckdb/node-api ${m.duckdb}` : ''}. Peak memory: ${m.peakMemory}.`);
  L.push('');
  L.push(`tally measured: commit ${m.build.commit}${m.build.dirty ? ' plus uncommitted changes in src/' : ''}, dist/ built ${m.build.built.slice(0, 16).replace('T', ' ')} UTC${argv.includes('--no-snapshot') ? '' : ' (run from a copy of bin/ and dist/ taken at the start)'}.`);
  L.push('');
  L.push('### Targets');
  L.push('');
  L.push('| target | status | numbers |');
  L.push('|---|---|---|');
  for (const t of targets) L.push(`| ${t.text} | **${t.status}** | ${t.detail} |`);
  L.push('');
  L.push('### Results');
  L.push('');
  L.push(`Median wall time of the whole process (${RUNS} runs unless the runs column says fewer), peak RSS, and tally's median ÷ each baseline's.`);
  for (const r of results) {
    L.push('');
    const tallyRow = r.commands.find((x) => x.name === 'tally');
    const title = r.id === 'startup' ? 'Start-up' : `${r.id} (${r.rows.toLocaleString('en')} units${r.kind === 'dir' ? ' in 1,000 files' : ''}${SHAPES[r.shape] ?? ''})`;
    L.push(`#### ${title}`);
    L.push('');
    L.push('| command | median ms | min–max ms | runs | peak MB | tally ÷ this |');
    L.push('|---|---:|---:|---:|---:|---:|');
    const floor = r.commands.find((x) => x.name === 'node -e 0');
    for (const x of r.commands) {
      const ref = r.id === 'startup' ? floor : tallyRow;
      let rt = '';
      if (r.id === 'startup' && x !== floor && x.medianMs && floor?.medianMs) rt = `${(x.medianMs / floor.medianMs).toFixed(2)}× node -e 0`;
      else if (r.id !== 'startup' && x !== ref && x.medianMs && ref?.medianMs) rt = `${(ref.medianMs / x.medianMs).toFixed(2)}×`;
      const med = x.medianMs !== null ? fmtMs(x.medianMs) : x.timeoutMs ? `> ${fmtMs(x.timeoutMs)}` : 'failed';
      const range = x.minMs !== null ? `${fmtMs(x.minMs)}–${fmtMs(x.maxMs)}` : '';
      L.push(`| \`${x.name}\` | ${med} | ${range} | ${x.runs} | ${x.peakKb !== null ? fmtMb(x.peakKb) : 'n/a'} | ${rt} |`);
    }
    const notes = r.commands.flatMap((x) => x.notes.map((n) => `${x.name}: ${n}`));
    if (notes.length) { L.push(''); for (const n of notes) L.push(`- ${n.replace(/\|/g, '\\|')}`); }
  }
  if (skipped.length) { L.push(''); for (const s of skipped) L.push(`- ${s}`); }
  if (profiles.length) {
    L.push('');
    L.push('### Profiles of the targets not met');
    L.push('');
    L.push('One run of tally under `node --cpu-prof` on each case (slowest against its limit first), self time by part of the code, then the top functions. `node (built-in modules)` is Node\'s own JavaScript: the module loader, streams, file system, zlib.');
    for (const p of profiles) {
      L.push('');
      L.push(`#### ${p.caseId}: ${p.target.replace(/`/g, '')}`);
      L.push('');
      if (p.error) { L.push(`- profile failed: ${p.error}`); continue; }
      L.push(`Sampled ${fmtMs(p.totalMs)} ms (the profiler itself slows the run)${p.bundle ? '; the bundled build, as a run starts it' : '; the modules tsc compiled (`TALLY_BUNDLE=0`), so that the parts show'}.`);
      L.push('');
      L.push('| part | self ms | share |');
      L.push('|---|---:|---:|');
      for (const a of p.areas) L.push(`| ${a.name} | ${fmtMs(a.ms)} | ${a.pct.toFixed(1)}% |`);
      L.push('');
      L.push('| function | self ms | share |');
      L.push('|---|---:|---:|');
      for (const f of p.top) L.push(`| \`${f.name.replace(/\|/g, '\\|')}\` | ${fmtMs(f.ms)} | ${f.pct.toFixed(1)}% |`);
    }
  }
  L.push('');
  L.push('<details><summary>Exact commands</summary>');
  L.push('');
  L.push('```');
  const seen = new Set();
  for (const r of results) for (const x of r.commands) {
    const line = x.command.replace(/\/tmp\/tally-bench|\S*tally-bench/g, '$TMP/tally-bench');
    if (!seen.has(line)) { seen.add(line); L.push(line); }
  }
  L.push('```');
  L.push('');
  L.push('</details>');
  return L.join('\n');
}

const m = machine();
const md = markdown(m);
console.log('\n' + md);
const payload = { machine: m, options: { runs: RUNS, longSec: LONG_SEC, timeoutSec: TIMEOUT_SEC, cases: caseIds }, targets, results, profiles };
writeFileSync(join(CASES[0].path, '..', 'results.json'), JSON.stringify(payload, null, 2) + '\n');
if (WRITE) {
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(payload, null, 2) + '\n');
  const file = join(ROOT, 'BENCHMARKS.md');
  const START = '<!-- bench:generated:start -->', END = '<!-- bench:generated:end -->';
  const block = `${START}\n${md}\n${END}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  if (!text.includes(START)) text += `\n${START}\n${END}\n`;
  text = text.replace(new RegExp(`${START}[\\s\\S]*?${END}`), () => block);
  writeFileSync(file, text);
  console.log(`\nwrote ${rel(file)} and bench/results.json`);
}
