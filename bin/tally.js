#!/usr/bin/env node
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Node 22.1+ keeps the compiled code of tally and its dependencies between runs, in the OS temp folder (or where
// NODE_COMPILE_CACHE says): a run then skips most of the parsing and compiling of ~100 modules. Node 20 has no
// such cache: the call is skipped there. A cache that cannot be written is only slower, never an error.
module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'tally-compile-cache'));
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process);
