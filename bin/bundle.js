#!/usr/bin/env node
// Build step, after tsc: bundle the compiled CLI (dist/cli/main.js) and the worker (dist/analyse/read-worker.js)
// into dist/bundle/, which bin/tally.js loads. Node's ES module loader resolves, reads and compiles each file on its
// own: a run of a 107-unit CSV loads about 130 of tally's modules, and one run in three was that loading. Bundled
// into chunks (the lazy imports stay lazy: each becomes a chunk loaded when asked for) it loads about 40 files and
// takes about a fifth less CPU (BENCHMARKS.md, "Start-up"). The packages (commander, exceljs, docx, …) stay
// external: bundling them gained nothing measurable. Every chunk sits in one folder, at the depth of dist/cli/, so
// that `new URL('./read-worker.js' | '../../package.json' | './help.txt', import.meta.url)` find the same files.
// The tsc output stays the reference: TALLY_BUNDLE=0 runs it, and the tests that import modules use it.
import { build } from 'esbuild';
import { copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));
const outdir = at('../dist/bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: at('../dist/cli/main.js'), 'read-worker': at('../dist/analyse/read-worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
copyFileSync(at('../dist/cli/help.txt'), `${outdir}/help.txt`);
