#!/usr/bin/env node
// Build step: keep `tally --help` as text beside the built CLI, so that printing it loads neither the command-line
// parser nor the commands (dist/cli/main.js serves it; TALLY_STATIC_HELP=0 asks commander instead). Written from
// commander's own output at 80 columns, the width it uses when the output is not a terminal.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('./tally.js', import.meta.url));
const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env: { ...process.env, TALLY_STATIC_HELP: '0', TALLY_BUNDLE: '0', NO_COLOR: '1', COLUMNS: '80' } });
if (r.status !== 0 || !r.stdout.includes('Usage: tally')) {
  process.stderr.write(`write-help: tally --help failed (${r.status}): ${r.stderr}\n`);
  process.exit(1);
}
writeFileSync(fileURLToPath(new URL('../dist/cli/help.txt', import.meta.url)), r.stdout);
