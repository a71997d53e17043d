import { describe, expect, it } from 'vitest';
import { jsonPieces, writePieces } from '../src/render/json-pieces.js';

const whole = (v: Record<string, unknown>): string => `${JSON.stringify(v, null, 2)}\n`;
const joined = (v: Record<string, unknown>): string => [...jsonPieces(v, 'items')].join('');

describe('jsonPieces', () => {
  it('writes the same text as JSON.stringify(value, null, 2), to the byte, with the array in batches', () => {
    const items = Array.from({ length: 4_321 }, (_, i) => ({
      code: i % 3 ? `DB${i}` : null, name: `Đảng bộ "số" ${i}\nhai dòng`, years: ['2022', '2023'], parent: { code: undefined, name: 'x' },
    }));
    const value = { schema: 'tally.streak/1', counts: { organizations: 4_321 }, items, trusted: true, files: ['a.csv'], diagnostics: [] };
    expect(joined(value)).toBe(whole(value));
    expect([...jsonPieces(value, 'items')].length).toBeGreaterThan(3);
  });
  it('handles an empty array, an array of one, and a value without the key', () => {
    for (const value of [{ a: 1, items: [] }, { items: [{ b: [1, { c: 2 }] }], z: 'end' }, { a: 'no items' }, { items: [null, 3, 'x'] }]) {
      expect(joined(value)).toBe(whole(value));
    }
  });
  it('waits for drain when the stream asks', async () => {
    const out: string[] = [];
    let drains = 0;
    const stream = {
      write(chunk: string): boolean { out.push(chunk); return out.length % 2 === 0; },
      once(_event: 'drain', listener: () => void): void { drains++; setImmediate(listener); },
    };
    const value = { items: Array.from({ length: 5_000 }, (_, i) => ({ i })) };
    await writePieces(stream, jsonPieces(value, 'items'));
    expect(out.join('')).toBe(whole(value));
    expect(drains).toBeGreaterThan(0);
  });
});
