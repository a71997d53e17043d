#!/usr/bin/env node
// Build step, after tsc and write-help: bundle the compiled CLI into one script, dist/bundle/tally.cjs, which
// bin/tally.js runs with a V8 code cache, and the worker into dist/bundle/read-worker.js.
//
// Why (BENCHMARKS.md, "Start-up"): a run of a 107-unit CSV loaded about 130 of tally's modules through Node's ES
// module loader, one by one, and then compiled each function it called the first time it was called. One script
// is read and compiled once; its code cache (see bin/tally.js) holds the compiled functions of an earlier run, so
// a later run neither parses nor compiles them again. Lazy imports stay lazy: esbuild wraps each lazily imported
// module in a function that runs on first use, and the packages tally loads lazily (exceljs, docx, zod) are
// required only then. exceljs, docx, zod, commander and cli-table3 stay in node_modules (they ship CommonJS);
// chalk, which ships only as an ES module, is bundled. The chunks sit in one folder at the depth of dist/cli/, so
// that `new URL('./read-worker.js' | '../../package.json' | './help.txt', import.meta.url)` find the same files.
// The tsc output stays the reference: TALLY_BUNDLE=0 runs it, and the tests that import modules use it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));
const outdir = at('../dist/bundle');
const external = ['exceljs', 'docx', 'zod', 'commander', 'cli-table3'];
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [at('../dist/cli/main.js')],
  outfile: `${outdir}/tally.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  // bin/tally.js passes the script's own file URL; `import()` becomes `require`, since a script run by node:vm has
  // no module loader of its own.
  define: { 'import.meta.url': '__tally_url' },
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});
// The worker is an ES module (a Worker loads it by URL), in one file: it starts only with 4 processors or more.
await build({
  entryPoints: [at('../dist/analyse/read-worker.js')],
  outfile: `${outdir}/read-worker.js`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  logLevel: 'warning',
});
copyFileSync(at('../dist/cli/help.txt'), `${outdir}/help.txt`);
// The bundle's hash keys its code cache (bin/tally.js): a cache is only ever used with the script it was made from.
writeFileSync(`${outdir}/tally.cjs.hash`, `${createHash('sha256').update(readFileSync(`${outdir}/tally.cjs`)).digest('hex').slice(0, 16)}\n`);
