#!/usr/bin/env node
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

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

/**
 * The CLI as the build bundled it (bin/bundle.js): one script, compiled here with a V8 code cache in the OS temp
 * folder (or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for Node's own cache). The cache is
 * written after a run, so it holds every function that run compiled: the next run starts with them compiled
 * (BENCHMARKS.md, "Start-up"). It is keyed by the bundle's hash, size and time and by this node's version and
 * architecture, and V8 checks it again and rejects a cache of another V8 or other flags: then it is written anew.
 * A cache that cannot be read or written only makes the run slower, never wrong. Without a bundle (a plain tsc
 * build), or with TALLY_BUNDLE=0, the modules tsc compiled run instead.
 */
function loadBundle() {
  const file = fileURLToPath(new URL('../dist/bundle/tally.cjs', import.meta.url));
  let source;
  let stat;
  let hash;
  try {
    source = readFileSync(file, 'utf8');
    stat = statSync(file);
    hash = readFileSync(`${file}.hash`, 'utf8').trim();
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
  const cache = cacheFile(hash, stat);
  let cachedData;
  try {
    if (cache) cachedData = readFileSync(cache.path);
  } catch {
    // No cache yet.
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __tally_url) {${source}\n})`, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, dirname(file), pathToFileURL(file).href);
  const save = () => {
    if (!cache || (cachedData && !script.cachedDataRejected)) return;
    try {
      mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
      const part = `${cache.path}.${process.pid}`;
      writeFileSync(part, script.createCachedData());
      renameSync(part, cache.path);
    } catch {
      // A read-only or full temp folder: the next run compiles again.
    }
  };
  return { main: mod.exports.main, save };
}

/** Where the code cache of this bundle is, for this node; undefined where it is off or the folder is not ours alone. */
function cacheFile(hash, stat) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') return undefined;
  const dir = join(process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'tally-compile-cache'), 'bundle');
  try {
    // A shared temp folder: code another user could have written there is never run.
    const own = statSync(dir);
    if (process.getuid && (own.uid !== process.getuid() || (own.mode & 0o022) !== 0)) return undefined;
  } catch {
    // Not there yet: made with mode 0700 when the cache is first written.
  }
  const key = `${process.version}-${process.arch}-${hash}-${stat.size}-${Math.floor(stat.mtimeMs)}`;
  return { dir, path: join(dir, `tally-${key}.bin`) };
}

if (!early(process.argv.slice(2))) {
  // Node 22.1+ keeps the compiled code of tally and its dependencies between runs, in the OS temp folder (or where
  // NODE_COMPILE_CACHE says). Node 20 has no such cache: the call is skipped there. A cache that cannot be written
  // is only slower, never an error.
  module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'tally-compile-cache'));
  const bundle = process.env.TALLY_BUNDLE === '0' ? undefined : loadBundle();
  const { main } = bundle ?? (await import('../dist/cli/main.js'));
  process.exitCode = await main(process);
  bundle?.save();
}
