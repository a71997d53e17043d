import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** Every source file of the project: tally's own, its build and bench scripts, the fixture generators, the tests. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      for (const f of sources(rel)) out.push(f);
    }
    else if (/\.(ts|js|mjs)$/.test(e.name)) out.push(rel);
  }
  return out;
}

describe('no spreading of arrays into arguments', () => {
  it('push(...array), unshift(...array) and fromCharCode(...array) appear nowhere: past ~100,000 elements they overflow the stack', () => {
    // ESLint forbids push/unshift spread in src/ and test/; this covers bin/, bench/ and fixtures/src/ too.
    const files = ['src', 'bin', 'bench', 'fixtures/src', 'test'].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return [...text.matchAll(/\.(push|unshift|fromCharCode)\(\s*\.\.\./g)].map((m) => `${f}: ${m[0]}`);
    });
    expect(found).toEqual([]);
  });
});
