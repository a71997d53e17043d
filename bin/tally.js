#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (commander, exceljs, tally itself): faster start-up. No-op on Node 20.
module.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process);
