import { describe, expect, it } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, cli, NODE, ROOT } from './helpers.js';
import { expectGolden } from './golden.js';
import { run } from '../src/cli/run.js';
import { exitCode } from '../src/cli/exit-code.js';

const STACK = /\n\s+at .+:\d+:\d+/;

describe('golden transcripts', () => {
  it('report table on the 2020 workbook', () => expectGolden('report-table-2020', ['fixtures/khoi-2020.xlsx']));
  it('report table in English on the 2023 CSV', () => expectGolden('report-table-2023-en', ['fixtures/khoi-2023.csv', '--lang', 'en']));
  it('report text paragraph', () => expectGolden('report-text-2020', ['fixtures/khoi-2020.xlsx', '--format', 'text']));
  it('report as Markdown', () => expectGolden('report-md-2023', ['fixtures/khoi-2023.csv', '--format', 'md']));
  it('report as CSV', () => expectGolden('report-csv-2023', ['fixtures/khoi-2023.csv', '--format', 'csv']));
  it('check, text format, on a file with errors', () => expectGolden('check-text-balance', ['check', 'fixtures/rules/balance.csv']));
  it('check, json format', () => expectGolden('check-json-balance', ['check', 'fixtures/rules/balance.csv', '--format', 'json']));
  it('check, github format', () => expectGolden('check-github-balance', ['check', 'fixtures/rules/balance.csv', '--format', 'github']));
  it('check, english', () => expectGolden('check-text-en-total', ['check', 'fixtures/rules/total-mismatch.csv', '--lang', 'en']));
  it('report refuses a summary it cannot trust', () => expectGolden('report-refuses', ['fixtures/rules/not-a-number.csv']));
});

describe('exit codes', () => {
  it('are a pure function of what was found and the options', () => {
    expect(exitCode({ failures: 0, errors: 0, warnings: 0, strict: false })).toBe(0);
    expect(exitCode({ failures: 0, errors: 0, warnings: 3, strict: false })).toBe(0);
    expect(exitCode({ failures: 0, errors: 0, warnings: 3, strict: true })).toBe(1);
    expect(exitCode({ failures: 0, errors: 0, warnings: 3, strict: false, maxWarnings: 2 })).toBe(1);
    expect(exitCode({ failures: 0, errors: 1, warnings: 0, strict: false })).toBe(1);
    expect(exitCode({ failures: 1, errors: 1, warnings: 0, strict: false })).toBe(2);
  });
  it('a bad cell gives exit 1 and names the file, row and cell', () => {
    const r = cli(['fixtures/rules/not-a-number.csv']);
    expect(r.status).toBe(1);
    // One error, at H3, and nothing else.
    const problems = r.stderr.split('\n').filter((l) => /: (lỗi|cảnh báo) TL\d{3} /.test(l));
    expect(problems).toEqual(['fixtures/rules/not-a-number.csv H3: lỗi TL010 Ô H3 (Tổng số đảng viên) phải là số, nhưng có "11a".']);
    expect(r.stdout).toBe('');
  });
  it('--force prints the summary anyway, marked as not trusted', () => {
    const r = cli(['fixtures/rules/not-a-number.csv', '--force']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('CHƯA TIN CẬY');
  });
  it('warnings fail only with --strict, or past --max-warnings', () => {
    expect(cli(['check', 'fixtures/rules/member-quota.csv']).status).toBe(0);
    expect(cli(['check', 'fixtures/rules/member-quota.csv', '--strict']).status).toBe(1);
    expect(cli(['check', 'fixtures/rules/member-quota.csv', '--max-warnings', '0']).status).toBe(1);
    expect(cli(['check', 'fixtures/rules/member-quota.csv', '--max-warnings', '1']).status).toBe(0);
  });
  it('a missing file gives exit 2 with a sentence, no stack trace', () => {
    const r = cli(['fixtures/khong-co.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Không tìm thấy "fixtures/khong-co.xlsx"');
    expect(r.stderr).not.toMatch(STACK);
  });
  it('bad usage gives exit 2', () => {
    expect(cli([]).status).toBe(2);
    expect(cli(['fixtures/khoi-2023.csv', '--format', 'pdf']).status).toBe(2);
    expect(cli(['fixtures/khoi-2023.csv', '--decimals', 'nine']).status).toBe(2);
    expect(cli(['fixtures/khoi-2023.csv', '--no-such-option']).status).toBe(2);
  });
});

describe('help and version', () => {
  it('--help lists every option with an example', () => {
    const r = cli(['report', '--help']);
    expect(r.status).toBe(0);
    for (const option of ['--format', '--rounding', '--decimals', '--period', '--scale', '--encoding', '--delimiter', '--config', '--strict', '--force', '--lang', '--verbose', '--previous', '--by-period', '--term']) {
      expect(r.stdout).toContain(option);
      expect(r.stdout.split('Examples:')[1]).toContain(option === '--verbose' ? '--verbose' : option);
    }
  });
  it('tally --help is served from the text the build wrote, the same as commander prints', () => {
    const fast = cli(['--help']);
    const slow = cli(['--help'], undefined, { TALLY_STATIC_HELP: '0' });
    expect(fast.status).toBe(0);
    expect(fast.stdout).toContain('Usage: tally');
    expect(fast.stdout).toBe(slow.stdout);
    expect(cli(['-h']).stdout).toBe(slow.stdout);
  });
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
  });
});

describe('the bundled build', () => {
  it('is what bin/tally.js runs, and says what the modules tsc compiled say (TALLY_BUNDLE=0)', () => {
    expect(existsSync(`${ROOT}/dist/bundle/tally.cjs`)).toBe(true);
    expect(existsSync(`${ROOT}/dist/bundle/read-worker.js`)).toBe(true);
    for (const args of [['fixtures/khoi-2023.csv', '--format', 'json'], ['fixtures/khoi-2020.xlsx'], ['check', 'fixtures/per-unit'], ['check', '--help'], ['list', 'fixtures/per-unit']]) {
      const bundled = cli(args);
      const modules = cli(args, undefined, { TALLY_BUNDLE: '0' });
      expect(bundled.stdout.length).toBeGreaterThan(0);
      expect(bundled).toEqual(modules);
    }
    expect(cli(['--help'], undefined, { TALLY_STATIC_HELP: '0' })).toEqual(cli(['--help'], undefined, { TALLY_STATIC_HELP: '0', TALLY_BUNDLE: '0' }));
  });
  it('is passed over when tsc has built again since it was made: the modules run, never an older bundle', () => {
    const copy = mkdtempSync(join(tmpdir(), 'tally-stale-bundle-'));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    writeFileSync(join(copy, 'dist/bundle/tally.cjs'), 'throw new Error("the stale bundle ran");\n');
    utimesSync(join(copy, 'dist/bundle/tally.cjs'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const args = [join(copy, 'bin/tally.js'), 'fixtures/khoi-2023.csv', '--format', 'json'];
    const r = spawnSync(NODE, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(cli(['fixtures/khoi-2023.csv', '--format', 'json']).stdout);
  });
  it('keeps a code cache of the bundle in NODE_COMPILE_CACHE (an earlier build\'s removed), rewrites one V8 rejects, never reads one from a folder others can write', () => {
    const args = ['fixtures/khoi-2023.csv', '--format', 'json'];
    const expected = cli(args, undefined, { TALLY_BUNDLE: '0' }).stdout;
    const cache = mkdtempSync(join(tmpdir(), 'tally-code-cache-'));
    const files = (): string[] => (existsSync(join(cache, 'bundle')) ? readdirSync(join(cache, 'bundle')) : []);
    expect(cli(args, undefined, { NODE_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: '1' }).stdout).toBe(expected);
    expect(files()).toEqual([]);
    mkdirSync(join(cache, 'bundle'), { mode: 0o700 });
    writeFileSync(join(cache, 'bundle', 'tally-v0.0.0-x64-an-earlier-build.bin'), '');
    expect(cli(args, undefined, { NODE_COMPILE_CACHE: cache }).stdout).toBe(expected);
    expect(files()).toHaveLength(1);
    const [file] = files();
    expect(file).toMatch(/^tally-v\d+\.\d+\.\d+-.+\.bin$/);
    const path = join(cache, 'bundle', file ?? '');
    expect(cli(args, undefined, { NODE_COMPILE_CACHE: cache }).stdout).toBe(expected);
    writeFileSync(path, 'not a code cache');
    expect(cli(args, undefined, { NODE_COMPILE_CACHE: cache }).stdout).toBe(expected);
    expect(readFileSync(path, 'utf8')).not.toBe('not a code cache');
    const shared = mkdtempSync(join(tmpdir(), 'tally-code-cache-'));
    mkdirSync(join(shared, 'bundle'));
    chmodSync(join(shared, 'bundle'), 0o777);
    writeFileSync(join(shared, 'bundle', file ?? ''), 'not a code cache');
    expect(cli(args, undefined, { NODE_COMPILE_CACHE: shared }).stdout).toBe(expected);
    expect(readFileSync(join(shared, 'bundle', file ?? ''), 'utf8')).toBe('not a code cache');
  });
});

describe('a reader that stops early', () => {
  it('ends the run quietly when the output pipe is closed (tally ... | head), no EPIPE stack trace', async () => {
    for (const args of [['check', '--help'], ['fixtures/khoi-2020.xlsx', '--format', 'json']]) {
      const child = spawn(NODE, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed before the CLI has started: its first write meets a broken pipe.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).not.toMatch(STACK);
      expect(stderr).not.toContain('EPIPE');
      expect(status).toBe(0);
    }
  });
});

describe('run() in-process', () => {
  it('takes argv and streams as values, and returns the exit code', async () => {
    let out = '';
    let err = '';
    const code = await run({
      argv: ['fixtures/khoi-2023.csv', '--format', 'json'], cwd: ROOT, env: {},
      stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) },
    });
    expect(code).toBe(0);
    expect(JSON.parse(out).members.end).toBe(4288);
    expect(err).toBe('');
  });
  it('reads CSV from standard input with "-"', () => {
    const csv = readFileSync(`${ROOT}/fixtures/khoi-2023.csv`);
    const r = cli(['-', '--format', 'json'], csv);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).members.end).toBe(4288);
  });
});
