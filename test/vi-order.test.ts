import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareViText, viKey } from '../src/recognise/vi-order.js';
import { ROOT } from './helpers.js';

const collator = new Intl.Collator('vi');
const sign = (n: number): number => Math.sign(n);

/** Every field of the CSV fixtures: unit names, sectors, types, ratings, headers, as clerks write them. */
function fixtureWords(): string[] {
  const words = new Set<string>();
  for (const f of readdirSync(join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.csv') || f.includes('encodings') || f.includes('hostile')) continue;
    for (const field of readFileSync(join(ROOT, 'fixtures', f), 'utf8').split(/[,;\t\r\n]+/)) {
      const w = field.replace(/^"|"$/g, '').trim();
      if (w !== '') words.add(w);
    }
  }
  return [...words];
}

/** mulberry32: the same words on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠUƯ  -,.()0123456789'];
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = new Set([...'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY']);

/** Random syllables with tones on their vowels, composed or decomposed, in either case. */
function randomWords(n: number): string[] {
  const r = rng(2026);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    const len = 1 + Math.floor(r() * 8);
    for (let j = 0; j < len; j++) {
      const c = LETTERS[Math.floor(r() * LETTERS.length)] as string;
      w += c;
      if (VOWELS.has(c)) w += TONES[Math.floor(r() * TONES.length)] as string;
    }
    out.push(r() < 0.5 ? w.normalize('NFC') : w);
  }
  return out;
}

describe('Vietnamese order without ICU', () => {
  it('sorts the fixtures\' words as Intl.Collator("vi") does', () => {
    const words = fixtureWords();
    expect(words.length).toBeGreaterThan(200);
    expect(words.filter((w) => viKey(w) === undefined).length).toBeLessThan(words.length / 20);
    expect([...words].sort(compareViText)).toEqual([...words].sort(collator.compare));
  });
  it('agrees with the collator on every pair of 3,000 random words (tones, case, ă â đ ê ô ơ ư, spaces, digits)', () => {
    const words = randomWords(3_000);
    const pairs = words.map((w, i) => [w, words[(i * 7 + 1) % words.length] as string] as const);
    // Near pairs too: a word against itself with one tone or case changed.
    const near = words.map((w) => [w, w.toUpperCase()] as const);
    const differ = [...pairs, ...near].filter(([a, b]) => sign(compareViText(a, b)) !== sign(collator.compare(a, b)));
    expect(differ).toEqual([]);
    expect([...words].sort(compareViText)).toEqual([...words].sort(collator.compare));
  });
  it('orders the letters and the tones as Vietnamese does', () => {
    expect(['ư', 'u', 'đ', 'd', 'ơ', 'ô', 'o', 'â', 'ă', 'a'].sort(compareViText)).toEqual(['a', 'ă', 'â', 'd', 'đ', 'o', 'ô', 'ơ', 'u', 'ư']);
    expect(['ạ', 'á', 'ã', 'ả', 'à', 'a'].sort(compareViText)).toEqual(['a', 'à', 'ả', 'ã', 'á', 'ạ']);
    expect(['Đoàn', 'Doanh nghiệp', 'Ủy ban', 'Uỷ ban', 'Bệnh viện'].sort(compareViText)).toEqual(['Bệnh viện', 'Doanh nghiệp', 'Đoàn', 'Ủy ban', 'Uỷ ban'].sort(collator.compare));
  });
  it('hands text it does not cover to the collator', () => {
    expect(viKey('Peña')).toBeUndefined();
    expect(viKey('北京')).toBeUndefined();
    expect(sign(compareViText('Peña', 'Pena'))).toBe(sign(collator.compare('Peña', 'Pena')));
    expect(sign(compareViText('a\u00a0b', 'a b'))).toBe(sign(collator.compare('a\u00a0b', 'a b')));
  });
});
