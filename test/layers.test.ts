import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** Every module of src/ with the modules of src/ it imports (static and dynamic imports, types included). */
function importGraph(): Map<string, string[]> {
  const src = join(ROOT, 'src');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) files.push(p);
    }
  };
  walk(src);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/(?:from\s+|import\s*\(?)\s*'(\.{1,2}\/[^']+)'/g)) {
      targets.push(relative(src, resolve(dirname(f), (m[1] ?? '').replace(/\.js$/, '.ts'))));
    }
    graph.set(relative(src, f), targets);
  }
  return graph;
}

describe('the layers of src/', () => {
  const graph = importGraph();
  it('recognise/ states facts and imports nothing from check/, analyse/, render/ or cli/', () => {
    const wrong = [...graph].flatMap(([f, ts]) => (f.startsWith('recognise/') ? ts.filter((t) => /^(check|analyse|render|cli)\//.test(t)).map((t) => `${f} → ${t}`) : []));
    expect(wrong).toEqual([]);
  });
  it('read/ imports only read/', () => {
    const wrong = [...graph].flatMap(([f, ts]) => (f.startsWith('read/') ? ts.filter((t) => !t.startsWith('read/')).map((t) => `${f} → ${t}`) : []));
    expect(wrong).toEqual([]);
  });
  it('has no import circles', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        circles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) if (graph.has(t)) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(circles).toEqual([]);
  });
  it('makes diagnostics only in check/', () => {
    // A Diagnostic is made by check/diagnostic.ts `diagnose`; a severity is typed only in the catalogue.
    const wrong = [...graph.keys()].filter((f) => !f.startsWith('check/') && /severity:\s*'(error|warning)'|\bdiagnose\(/.test(readFileSync(join(ROOT, 'src', f), 'utf8')));
    expect(wrong).toEqual([]);
  });
});
