import { describe, expect, it } from 'vitest';
import { hash, isAsciiAlnum, KeyHash } from '../src/check/key-hash.js';
import { KeyIndex } from '../src/check/key-index.js';
import { fold } from '../src/recognise/normalise.js';

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

describe('KeyIndex.seal', () => {
  it('keeps every key and its first value when the table moves into the sorted store, on its own and by hand', () => {
    const index = new KeyIndex();
    index.seal(); // empty: nothing to move
    // More than SEAL_FROM a period: the table moves into the store on its own, then once more by hand.
    for (let i = 0; i < 150_000; i++) expect(index.setIfAbsent(`2022\u0000c${i}`, i)).toBeUndefined();
    index.seal();
    for (let i = 0; i < 150_000; i++) expect(index.setIfAbsent(`2023\u0000c${i}`, 1_000_000 + i)).toBeUndefined();
    // A key of the sealed period again: the first value is kept, whichever store holds it.
    expect(index.setIfAbsent('2022\u0000c5', 7)).toBe(5);
    expect(index.setIfAbsent('2023\u0000c149999', 7)).toBe(1_149_999);
    index.seal();
    expect(index.size).toBe(300_000);
    for (let i = 0; i < 150_000; i += 997) {
      expect(index.get(`2022\u0000c${i}`)).toBe(i);
      expect(index.get(`2023\u0000c${i}`)).toBe(1_000_000 + i);
      expect(index.setIfAbsent(`2023\u0000c${i}`, 3)).toBe(1_000_000 + i);
    }
    expect(index.get('2024\u0000c5')).toBeUndefined();
    expect(index.setIfAbsent('2024\u0000c5', 1)).toBeUndefined();
    expect(index.get('2024\u0000c5')).toBe(1);
  });
});

describe('KeyIndex.set', () => {
  it('replaces the value of a key in the table or in the sorted store, and adds a new one', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 140_000; i++) index.set(`k${i}`, i);
    index.set('k5', -5); // moved into the store at SEAL_FROM keys
    index.set('k139999', -1); // still in the table
    index.set('new', 42);
    expect([index.get('k5'), index.get('k139999'), index.get('new'), index.get('k6'), index.size]).toEqual([-5, -1, 42, 6, 140_001]);
  });
});

describe('KeyHash', () => {
  it('hashes a key given in pieces as hash() hashes the key written out, codes lower-cased as fold lower-cases them', () => {
    const periods = ['', '2023', 'Năm 2023', '6 tháng đầu năm 2024'];
    const codes = ['DB0000001', 'db01', 'A', '0', 'ZzAa09', 'CB7777777777'];
    const k = new KeyHash();
    for (const period of periods) {
      for (const code of codes) {
        expect(isAsciiAlnum(code)).toBe(true);
        const joined = `${period}\u0000c${fold(code)}`;
        k.start(period.length + 2 + code.length).text(period).char(0).char(0x63).lowerAscii(code).end();
        expect([k.hi, k.lo], joined).toEqual(hash(joined));
      }
    }
    for (const code of ['', 'DB-01', 'Đ01', 'db 01', 'ĐB01', 'db_1', '１２']) expect(isAsciiAlnum(code), code).toBe(false);
  });
  it('stores and finds a key set by its hash as the same key set as a string', () => {
    const index = new KeyIndex();
    const k = new KeyHash().start(2 + 4).text('').char(0).char(0x63).lowerAscii('DB01').end();
    expect(index.setHashIfAbsent(k.hi, k.lo, 5)).toBeUndefined();
    expect(index.setIfAbsent('\u0000cdb01', 6)).toBe(5);
    expect(index.get('\u0000cdb01')).toBe(5);
  });
});
