import { describe, expect, it } from 'vitest';
import { EntryTable, Utf8Strings } from '../src/rollup/streak-store.js';

describe('Utf8Strings', () => {
  it('gives back every string as it was added, across chunks, with Vietnamese letters and a string longer than a chunk', () => {
    const strings = new Utf8Strings();
    const texts: string[] = [];
    for (let i = 0; i < 60_000; i++) texts.push(i % 7 === 0 ? '' : `Chi bộ Trường Tiểu học Đông Hưng số ${i} — ưu tú`);
    texts.push('Đảng bộ '.repeat(200_000), 'x', '𝔘nicode ngoài BMP');
    const ids = texts.map((t) => strings.add(t));
    texts.forEach((t, i) => expect(strings.get(ids[i] ?? -1)).toBe(t));
  });
});

describe('EntryTable', () => {
  it('keeps each field of each entry, and the changes made to them', () => {
    const e = new EntryTable();
    for (let i = 0; i < 5_000; i++) e.push(i % 2 ? `CB${i}` : undefined, `Chi bộ ${i}`, i % 2 ? 'chi_bo_co_so' : undefined, i === 7 ? { code: 'DB1', name: 'Đảng bộ 1' } : undefined, i % 3);
    expect([e.codeOf(3), e.codeOf(4), e.nameOf(4), e.typeOf(3), e.typeOf(4), e.parentOf(7), e.parentOf(8), e.latestOf(5)])
      .toEqual(['CB3', undefined, 'Chi bộ 4', 'chi_bo_co_so', undefined, { code: 'DB1', name: 'Đảng bộ 1' }, undefined, 2]);
    e.setName(4, 'Tên mới');
    e.setCode(4, 'X4');
    e.setType(4, 'dang_bo_co_so');
    e.setParent(7, undefined);
    e.setLatest(5, 9);
    expect([e.nameOf(4), e.codeOf(4), e.typeOf(4), e.parentOf(7), e.latestOf(5), e.length]).toEqual(['Tên mới', 'X4', 'dang_bo_co_so', undefined, 9, 5_000]);
  });
});
