import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Progress } from '../src/cli/progress.js';
import { defaultWorkers } from '../src/analyse/parallel.js';
import { BIN, cli, NODE, ROOT } from './helpers.js';

describe('Progress', () => {
  it('stays silent for the first second, then redraws at most ten times a second and wipes itself', () => {
    let t = 0;
    let out = '';
    const p = new Progress({ write: (s: string) => (out += s), isTTY: true }, 'vi', () => t);
    p.update({ filesDone: 1, filesTotal: 2, rows: 10 });
    expect(out).toBe('');
    t = 1200;
    p.update({ filesDone: 1, filesTotal: 2, rows: 20_000 });
    expect(out).toContain('tally: 1/2 tệp, 20.000 dòng');
    const before = out;
    t = 1250;
    p.update({ filesDone: 2, filesTotal: 2, rows: 30_000 });
    expect(out).toBe(before);
    p.done();
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
  });
  it('shows at once when there are more than 20 files', () => {
    let out = '';
    new Progress({ write: (s: string) => (out += s), isTTY: true }, 'en', () => 0).update({ filesDone: 1, filesTotal: 21, rows: 0 });
    expect(out).toContain('tally: 1/21 files, 0 rows');
  });
});

const hasScript = existsSync('/usr/bin/script');
const dir = mkdtempSync(join(tmpdir(), 'tally-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const good = readFileSync(join(ROOT, 'fixtures/rules/good.csv'), 'utf8');
for (let i = 0; i < 25; i++) writeFileSync(join(dir, `don-vi-${String(i).padStart(2, '0')}.csv`), good.replace(/^(DB|CB)(\d\d)/gm, `$1${i}$2`));

describe.skipIf(!hasScript)('the progress line on a pseudo-terminal', () => {
  const onTty = (args: string): string => {
    const r = spawnSync('script', ['-qec', `${NODE} ${BIN} ${args}`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return r.stdout;
  };
  it('is drawn on stderr for a folder of more than 20 files, and wiped before the table', () => {
    const out = onTty(dir);
    expect(out).toMatch(/tally: \d+\/25 tệp/);
    expect(out).toContain('\r\x1b[2K');
    expect(out).toContain('TỔNG HỢP BÁO CÁO');
  });
  it('is not drawn with --quiet or for JSON', () => {
    expect(onTty(`${dir} --quiet`)).not.toContain('tệp,');
    expect(onTty(`${dir} --format json`)).not.toContain('tally: ');
  });
});

describe('without a terminal', () => {
  it('no progress line reaches piped output', () => {
    const r = cli([dir]);
    expect(r.stderr).not.toContain('tally: ');
    expect(r.stdout).not.toContain('\r');
  });
});

describe('many files on worker threads', () => {
  it('are none below 4 processors unless TALLY_WORKERS asks (on 2 they were slower and took 96 MB more), at most 4', () => {
    expect([1, 2, 3, 4, 8, 64].map((n) => defaultWorkers(n))).toEqual([0, 0, 0, 4, 4, 4]);
  });
  it('give the same output, in the same order, as reading them one by one', () => {
    const parallel = cli([dir, '--format', 'json'], undefined, { TALLY_WORKERS: '2' });
    const serial = cli([dir, '--format', 'json'], undefined, { TALLY_WORKERS: '0' });
    expect(parallel.status).toBe(0);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(JSON.parse(parallel.stdout).organizations.total).toBe(75);
  });
  it('report an unreadable file among many at its place, as a serial run does', () => {
    const withBad = mkdtempSync(join(tmpdir(), 'tally-workers-'));
    for (let i = 0; i < 20; i++) writeFileSync(join(withBad, `${String(i).padStart(2, '0')}.csv`), good.replace(/^(DB|CB)(\d\d)/gm, `$1${i}$2`));
    writeFileSync(join(withBad, '07b.xlsx'), 'not a workbook');
    const parallel = cli(['check', withBad, '--format', 'json'], undefined, { TALLY_WORKERS: '2' });
    const serial = cli(['check', withBad, '--format', 'json'], undefined, { TALLY_WORKERS: '0' });
    rmSync(withBad, { recursive: true, force: true });
    expect(parallel.status).toBe(2);
    expect(parallel.stdout).toBe(serial.stdout);
  });
});
