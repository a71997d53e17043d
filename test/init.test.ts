import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { loadConfig } from '../src/config/config.js';

const tmp = mkdtempSync(join(tmpdir(), 'tally-init-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function tally(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run({ argv, cwd, env: { NO_COLOR: '1' }, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

describe('tally init', () => {
  it('writes a complete example config that tally reads back: the term 2020–2025 and the targets of its resolution, each key explained', async () => {
    const r = await tally(['init'], tmp);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã ghi tally.config.json');
    const config = await loadConfig(tmp, undefined);
    expect(config.term).toEqual({ from: 2020, to: 2025 });
    expect(config.targets?.map((t) => [t.metric, t.op, t.value, t.over])).toEqual([
      ['organizations.goodOrBetter.percent', '>=', 90, 'each-year'],
      ['memberRatings.goodOrBetter.percent', '>=', 95, 'each-year'],
      ['term.admittedOfStart.percent', '>=', 3, 'term'],
    ]);
    expect(config.$comment?.length).toBeGreaterThan(5);
    for (const key of ['decimals', 'rounding', 'scale', 'excellentBase', 'quotas.excellent', 'bloc', 'term', 'targets', 'metric', 'over']) expect(JSON.stringify(config.$comment)).toContain(key);
  });
  it('refuses to write over a config that is there (exit 2), and leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmp, 'has-'));
    writeFileSync(join(dir, 'tally.config.json'), '{"decimals": 1}\n');
    const r = await tally(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"tally.config.json" đã có; tally init không ghi đè lên cấu hình đang dùng.');
    expect(readFileSync(join(dir, 'tally.config.json'), 'utf8')).toBe('{"decimals": 1}\n');
    const other = await tally(['init', 'mau.config.json', '--lang', 'en'], dir);
    expect(other.code).toBe(0);
    expect(other.out).toContain('Wrote mau.config.json');
  });
});
