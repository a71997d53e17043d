import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../src/check/key-index.js';

describe('KeyIndex', () => {
  it('stores a value per key, keeps the first, and grows without losing any', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 50_000; i++) expect(index.setIfAbsent(`c${i}`, i)).toBeUndefined();
    expect(index.size).toBe(50_000);
    expect(index.setIfAbsent('c123', 9)).toBe(123);
    expect(index.get('c49999')).toBe(49_999);
    expect(index.get('c50000')).toBeUndefined();
    expect(index.get('C123')).toBeUndefined();
  });
  it('tells apart keys that differ only in order or by one character', () => {
    const index = new KeyIndex();
    const keys = ['2023\u0000cdb01', '2023\u0000cbd01', '2024\u0000cdb01', '\u0000ndang bo so tai chinh', '\u0000ndang bo so tai chinhs'];
    keys.forEach((k, i) => expect(index.setIfAbsent(k, i)).toBeUndefined());
    keys.forEach((k, i) => expect(index.get(k)).toBe(i));
  });
});
