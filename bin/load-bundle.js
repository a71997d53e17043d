// Loads the CLI as the build bundled it (bin/bundle.js), for bin/tally.js; only a run loads this, not --version.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

/**
 * The CLI as the build bundled it (bin/bundle.js): one script, compiled here with a V8 code cache in the OS temp
 * folder (or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for Node's own cache). The cache is
 * written after a run, so it holds every function that run compiled: the next run starts with them compiled
 * (BENCHMARKS.md, "Start-up"). It is keyed by the bundle's hash, size and time and by this node's version and
 * architecture, one for each kind of run (runKind); V8 checks it again and rejects a cache of another V8 or other
 * flags: then it is written anew.
 * A cache that cannot be read or written only makes the run slower, never wrong. Without a bundle (a plain tsc
 * build), with a bundle older than tsc's output, or with TALLY_BUNDLE=0, the modules tsc compiled run instead.
 */
export function loadBundle() {
  const file = fileURLToPath(new URL('../dist/bundle/tally.cjs', import.meta.url));
  let source;
  let stat;
  let hash;
  try {
    stat = statSync(file);
    // tsc run again without the bundle step (`npx tsc -p tsconfig.build.json`): the bundle is older than the code.
    // A copy of dist/ (cp -r) writes its files a few milliseconds apart, in any order: a second is allowed for it.
    if (statSync(fileURLToPath(new URL('../dist/cli/main.js', import.meta.url))).mtimeMs > stat.mtimeMs + 1000) return undefined;
    source = readFileSync(file, 'utf8');
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
      tidy(cache);
    } catch {
      // A read-only or full temp folder: the next run compiles again.
    }
  };
  return { main: mod.exports.main, save };
}

/**
 * What kind of run this is, for the cache's name: the command, the options, the words (formats, languages) and the
 * kinds of file named. A cache holds what one run compiled, so a summary of workbooks and a JSON report of a CSV
 * each keep their own: a run of another kind would find little of its code in it. Paths never make a name.
 */
function runKind(argv) {
  const parts = new Set();
  for (const arg of argv) {
    if (arg.startsWith('-')) parts.add(arg.split('=')[0]);
    else if (/^[a-z]{2,12}$/.test(arg)) parts.add(arg);
    else parts.add(extname(arg).toLowerCase().replace(/[^a-z0-9.]/g, '') || '/');
  }
  // FNV-1a, 32 bits: a name, not a check (V8 checks the cache itself), and no crypto module to load for it.
  let h = 0x811c9dc5;
  for (const c of [...parts].sort().join(' ')) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
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
  const build = `${hash}-${stat.size}-${Math.floor(stat.mtimeMs)}`;
  return { dir, build, path: join(dir, `tally-${process.version}-${process.arch}-${build}-${runKind(process.argv.slice(2))}.bin`) };
}

/** How many kinds of run keep a cache (about 0.5 MB each): the ones written last. */
const KEEP = 8;

/** The caches of earlier builds are of no more use, and of this one only the KEEP written last are kept. */
function tidy(cache) {
  const mine = [];
  for (const name of readdirSync(cache.dir)) {
    if (!name.startsWith('tally-') || !name.endsWith('.bin')) continue;
    const path = join(cache.dir, name);
    if (name.includes(cache.build)) mine.push({ path, time: statSync(path).mtimeMs });
    else rmSync(path, { force: true });
  }
  mine.sort((a, b) => b.time - a.time);
  for (const old of mine.slice(KEEP)) if (old.path !== cache.path) rmSync(old.path, { force: true });
}
