import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { ROOT, seeded } from './helpers.js';
import { bomb, cell, makeZip, SHEET_HEAD, SHEET_TAIL, workbookParts } from './zip.js';


const dir = mkdtempSync(join(tmpdir(), 'tally-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK = /\n\s+at .+[:(]\d+/;
const NASTY = ['"', ',', ';', '\t', '\n', '\r\n', '=SUM(A1:A9)', '+1', '-', '#REF!', '__proto__', 'constructor', 'prototype',
  'toString', '\u0000', '\ufeff', 'ﾟ', 'x'.repeat(5000), '9'.repeat(30), '1e309', 'NaN', '-0', '4.288,5', 'Tổng cộng', 'Cộng',
  'I.', 'Ghi chú', '(1)', 'HTXSNV', 'Tỷ lệ %', '""', '"a""b"', 'đ', 'Đảng bộ'];

async function runOn(bytes: Uint8Array | string, ext: string, args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const file = join(dir, `case${ext}`);
  writeFileSync(file, bytes);
  let out = '';
  let err = '';
  const code = await run({
    argv: [...args, file], cwd: ROOT, env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}

function expectSane(r: { code: number; out: string; err: string }, label: string): void {
  expect([0, 1, 2], label).toContain(r.code);
  expect(r.err, label).not.toMatch(STACK);
  expect(r.out, label).not.toMatch(STACK);
}

function mutateText(text: string, rand: () => number): string {
  let s = text;
  const edits = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (s.length + 1));
    const kind = Math.floor(rand() * 6);
    const nasty = NASTY[Math.floor(rand() * NASTY.length)] ?? '';
    if (kind === 0) s = s.slice(0, at) + nasty + s.slice(at);
    else if (kind === 1) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 40));
    else if (kind === 2) s = s.slice(0, at);
    else if (kind === 3) {
      const lines = s.split('\n');
      const k = Math.floor(rand() * lines.length);
      lines.splice(k, 0, lines[Math.floor(rand() * lines.length)] ?? '');
      s = lines.join('\n');
    } else if (kind === 4) {
      const lines = s.split('\n');
      const cells = (lines[0] ?? '').split(',');
      cells[Math.floor(rand() * cells.length)] = nasty;
      lines[0] = cells.join(',');
      s = lines.join('\n');
    } else s = s.replace(/\d+/, nasty);
  }
  return s;
}

/** Every small CSV and workbook fixture, in name order: the seeds of the corpus. */
function corpus(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (rel !== 'fixtures/src') walk(rel);
      } else if (/\.(csv|tsv|xlsx)$/.test(e.name) && statSync(join(ROOT, rel)).size < 60_000) out.push({ name: rel, bytes: readFileSync(join(ROOT, rel)) });
    }
  };
  walk('fixtures');
  return out;
}

/** tally in-process on bytes: as a file (its extension kept) or on standard input. */
async function runBytes(bytes: Uint8Array, ext: string, args: string[], viaStdin: boolean): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let target = '-';
  if (!viaStdin) {
    target = join(dir, `case${ext}`);
    writeFileSync(target, bytes);
  }
  const code = await run({
    argv: [...args, target], cwd: ROOT, env: { NO_COLOR: '1', TALLY_WORKERS: '0' },
    stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) },
    stdin: async () => bytes,
  });
  return { code, out, err };
}

const pick = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)] as T;

/** One mutation of a seed's bytes: the kinds of damage and hostility the issue lists. */
function mutate(seed: Buffer, other: Buffer, rand: () => number): { bytes: Buffer; kind: string } {
  const at = Math.floor(rand() * (seed.length + 1));
  const kinds = ['truncate', 'flip', 'splice', 'proto', 'wide', 'huge-cell', 'blank-run', 'bad-utf8', 'text'] as const;
  const kind = pick(kinds, rand);
  switch (kind) {
    case 'truncate':
      return { kind, bytes: seed.subarray(0, at) };
    case 'flip': {
      const b = Buffer.from(seed);
      for (let k = 0; k < 1 + rand() * 20; k++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
      return { kind, bytes: b };
    }
    case 'splice':
      return { kind, bytes: Buffer.concat([seed.subarray(0, at), other.subarray(Math.floor(rand() * other.length))]) };
    case 'proto':
      return { kind, bytes: Buffer.concat([Buffer.from(`${pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'], rand)},`), seed]) };
    case 'wide':
      return { kind, bytes: Buffer.concat([seed.subarray(0, at), Buffer.from(`\n${Array.from({ length: 1001 + Math.floor(rand() * 2000) }, (_, i) => (i % 3 ? i : 'x')).join(',')}\n`), seed.subarray(at)]) };
    case 'huge-cell':
      return { kind, bytes: Buffer.concat([seed.subarray(0, at), Buffer.from(`"${'Đ'.repeat(20_000 + Math.floor(rand() * 40_000))}"`), seed.subarray(at)]) };
    case 'blank-run':
      return { kind, bytes: Buffer.concat([seed.subarray(0, at), Buffer.from(pick(['\n', ',,,,\n', '\r\n', ';;\n'], rand).repeat(1000 + Math.floor(rand() * 4000))), seed.subarray(at)]) };
    case 'bad-utf8':
      return { kind, bytes: Buffer.concat([seed.subarray(0, at), Buffer.from([pick([0xff, 0xc3, 0xe1, 0xed, 0x80, 0xf4], rand)]), seed.subarray(at)]) };
    case 'text':
      return { kind, bytes: Buffer.from(mutateText(seed.toString('utf8'), rand)) };
  }
}

/** Small zip bombs and odd sheets, made on the fly: each refused or read, never inflated whole. */
function workbooks(rand: () => number): Buffer[] {
  const head = `${SHEET_HEAD}<row>${cell('Tên tổ chức cơ sở đảng')}${cell('Tổng số đảng viên')}</row>`;
  const out: Buffer[] = [];
  for (let i = 0; i < 6; i++) {
    const unit = pick(['<row><c><v>1</v></c><c><v>2</v></c></row>', `<row>${cell('Chi bộ A')}${cell(5)}</row>`, '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'], rand);
    out.push(makeZip(workbookParts({ name: 'xl/worksheets/sheet1.xml', ...bomb(head, unit.repeat(2000), 300 + Math.floor(rand() * 1500), SHEET_TAIL) })));
  }
  const noRefs = `${head}${Array.from({ length: 50 }, (_, i) => `<row>${cell(`Chi bộ ${i}`)}${cell(5)}</row>`).join('')}${SHEET_TAIL}`;
  out.push(makeZip(workbookParts({ name: 'xl/worksheets/sheet1.xml', data: noRefs }, '<styleSheet><fonts></font>')));
  return out;
}

const PER_INPUT_MS = 8_000;
const RSS_CEILING_MB = 1_200;

describe('fuzz: tally always ends with exit 0, 1 or 2, never a stack trace, never a hang', () => {
  it('survives 2,000 inputs made from every small fixture (truncated, flipped, spliced, __proto__ headers, wide rows, huge cells, blank runs, invalid UTF-8) and zip bombs', async () => {
    const rand = seeded(20261204);
    const seeds = corpus();
    expect(seeds.length).toBeGreaterThan(100);
    const started = performance.now();
    let slowest = { ms: 0, label: '' };
    let peakRss = 0;
    const kinds = new Map<string, number>();
    const cases: { bytes: Buffer; ext: string; label: string; kind: string }[] = [];
    const timeOf = new Map<string, number>();
    for (let i = 0; i < Number(process.env.FUZZ_N ?? 2000); i++) {
      const seed = pick(seeds, rand);
      const { bytes, kind } = i % 10 === 0
        ? { bytes: Buffer.from(Uint8Array.from({ length: Math.floor(rand() * 3000) }, () => Math.floor(rand() * 256))), kind: 'random' }
        : mutate(seed.bytes, pick(seeds, rand).bytes, rand);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      cases.push({ bytes, ext: /\.\w+$/.exec(seed.name)?.[0] ?? '.csv', label: `case ${i} (${kind} of ${seed.name})`, kind });
    }
    for (const [k, b] of workbooks(rand).entries()) cases.push({ bytes: b, ext: '.xlsx', label: `workbook ${k}`, kind: 'bomb' });
    for (const [i, c] of cases.entries()) {
      const args = i % 3 === 0 ? ['check', '--format', 'json'] : i % 3 === 1 ? ['--format', 'json', '--max-rows', '5000'] : ['--lang', 'en'];
      const t0 = performance.now();
      // FUZZ_DEBUG=FILE: the input under way is written there, to find one that hangs.
      if (process.env.FUZZ_DEBUG) writeFileSync(process.env.FUZZ_DEBUG, `${c.label}\n`);
      const r = await runBytes(c.bytes, c.ext, args, i % 4 !== 0);
      const ms = performance.now() - t0;
      if (ms > slowest.ms) slowest = { ms, label: c.label };
      timeOf.set(c.kind, (timeOf.get(c.kind) ?? 0) + ms);
      expectSane(r, c.label);
      expect(r.err + r.out, c.label).not.toContain('internal error');
      expect(ms, c.label).toBeLessThan(PER_INPUT_MS);
      if (i % 50 === 0) {
        const rss = process.memoryUsage().rss / 1024 / 1024;
        if (rss > peakRss) peakRss = rss;
        expect(rss, c.label).toBeLessThan(RSS_CEILING_MB);
      }
    }
    if (process.env.FUZZ_N === undefined) expect(cases.length).toBeGreaterThanOrEqual(2000);
    if (process.env.FUZZ_N === undefined) for (const k of ['truncate', 'flip', 'splice', 'proto', 'wide', 'huge-cell', 'blank-run', 'bad-utf8', 'text', 'random']) expect(kinds.get(k), k).toBeGreaterThan(50);
    // For the log: how long the corpus took and its slowest input.
    console.log([...timeOf].map(([k, t]) => `${k} ${Math.round(t)}`).join(', '));
    console.log(`fuzz: ${cases.length} inputs in ${Math.round(performance.now() - started)} ms; slowest ${Math.round(slowest.ms)} ms (${slowest.label}); peak RSS ${Math.round(peakRss)} MB`);
  }, 240_000);

  it('handles a 1 MB cell, 10.000 columns and prototype names as headers', async () => {
    expectSane(await runOn(`Tên đơn vị,Tổng số đảng viên\n"${'a'.repeat(1_000_000)}",5\n`, '.csv'), 'huge cell');
    const wide = Array.from({ length: 10_000 }, (_, i) => (i === 0 ? 'Tên đơn vị' : i === 1 ? 'Tổng số đảng viên' : `Cột ${i}`));
    const started = Date.now();
    expectSane(await runOn(`${wide.join(',')}\n${wide.map((_, i) => (i === 0 ? 'Chi bộ A' : String(i))).join(',')}\n`, '.csv'), 'wide');
    expect(Date.now() - started).toBeLessThan(20_000);
    const proto = await runOn('Tên đơn vị,Tổng số đảng viên,__proto__,constructor,toString,hasOwnProperty\nChi bộ A,5,1,2,3,4\nChi bộ B,6,1,2,3,4\n', '.csv', ['--format', 'json']);
    expectSane(proto, 'proto');
    expect(proto.code).toBe(0);
    const j = JSON.parse(proto.out) as { indicators: { name: string; total: number }[] };
    expect(j.indicators).toEqual([
      { name: '__proto__', total: 2 }, { name: 'constructor', total: 4 }, { name: 'toString', total: 6 }, { name: 'hasOwnProperty', total: 8 },
    ]);
  }, 60_000);
});
