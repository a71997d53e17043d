#!/usr/bin/env node
import { readFileSync, writeSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `tally --version` and `tally --help` alone answer here, before any of tally is loaded, and write to the file
 * descriptor itself: making process.stdout (a stream) costs as much again as the rest. The help is the text the
 * build wrote beside the CLI (bin/write-help.js); without it, or with TALLY_STATIC_HELP=0, commander prints it.
 */
function answer(text) {
  const bytes = Buffer.from(text);
  try {
    for (let at = 0; at < bytes.length;) at += writeSync(1, bytes, at);
    return true;
  } catch (err) {
    // A reader that has gone (`tally --help | head -1`) ends the run quietly; anything else (a full non-blocking
    // pipe, a full disk) goes the long way, where the stream waits or says what went wrong.
    if (err.code === 'EPIPE') return true;
    return false;
  }
}

function early(argv) {
  if (argv.length !== 1) return false;
  if (argv[0] === '--version' || argv[0] === '-V') {
    return answer(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  }
  if ((argv[0] === '--help' || argv[0] === '-h') && process.env.TALLY_STATIC_HELP !== '0') {
    let help;
    try {
      help = readFileSync(new URL('../dist/cli/help.txt', import.meta.url), 'utf8');
    } catch {
      return false;
    }
    return answer(help);
  }
  return false;
}

if (!early(process.argv.slice(2))) {
  // Node 22.1+ keeps the compiled top level of bin/ and of the packages between runs, in the OS temp folder (or where
  // NODE_COMPILE_CACHE says); Node 20 has no such cache: the call is skipped there. tally's own bundle has a cache
  // of its own that holds every function a run compiled (bin/load-bundle.js). A cache that cannot be written is
  // only slower, never an error.
  module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'tally-compile-cache'));
  const bundle = process.env.TALLY_BUNDLE === '0' ? undefined : (await import('./load-bundle.js')).loadBundle();
  const { main } = bundle ?? (await import('../dist/cli/main.js'));
  process.exitCode = await main(process);
  bundle?.save();
}
