// The fast paths of fold, cleanText and countOf (one pass over the characters, no regular expression) against the
// regular expressions they stand in for, on a seeded corpus of the texts CSV cells hold.
import { describe, expect, it } from 'vitest';
import { cleanText, fold } from '../src/recognise/normalise.js';
import { countOf } from '../src/recognise/numbers.js';
import { looksLikeFormula } from '../src/recognise/formula-text.js';
import { CleanCache } from '../src/recognise/rows/view.js';

const COMBINING = /[\u0300-\u036f]/g;
function foldByRegex(text: string): string {
  let s = text.toLowerCase();
  if (!/^[^\u0080-\uffff]*$/.test(s)) s = s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd');
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}
function cleanByRegex(text: string): string {
  let s = /[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text;
  if (/\s{2,}|[\t\n\r\u00a0\u2000-\u200b\u202f\u3000]/.test(s)) s = s.replace(/\s+/g, ' ');
  return s.trim();
}

function corpus(): string[] {
  let a = 18;
  const random = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = ['DB', '0000001', 'a', 'Z', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u202f', '\u3000', '\u2009', '\u0085', '\u1680', '\ufeff', '\u000b',
    'Đảng bộ', 'Chi bộ', 'ệ', 'e\u0302\u0323', '-', '.', ',', '4.288', '12', '(1)', 'Ⅳ', '１２', 'İ', 'ß'];
  const texts: string[] = [];
  for (let n = 0; n < 5000; n++) {
    let t = '';
    const length = Math.floor(random() * 8);
    for (let k = 0; k < length; k++) t += pieces[Math.floor(random() * pieces.length)];
    texts.push(t);
  }
  return texts;
}

describe('text folding and cleaning', () => {
  it('fold gives what its regular expressions give, on codes, names and every kind of space', () => {
    for (const t of corpus()) expect(fold(t), JSON.stringify(t)).toBe(foldByRegex(t));
  });
  it('fold gives what its regular expressions give on every character of the BMP, alone and between letters, and on Vietnamese, Latin and Greek text', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, `A${ch}b`, `${ch}${ch} 1${ch}`, `Đ${ch}\u0301x`]) expect(fold(t), `U+${c.toString(16)} in ${JSON.stringify(t)}`).toBe(foldByRegex(t));
    }
    const texts = ['Đảng bộ Sở Tài chính số 0000001', 'ĐẢNG BỘ CƠ SỞ', 'Hoàn thành xuất sắc nhiệm vụ', 'Tổng số\n ĐV', 'Ưu tú – ơn', 'Œuvre Æsir ﬁ',
      'İstanbul ΣΟΦΟΣ σοφος', 'e\u0302\u0323 Nguye\u0302\u0303n', 'Straße ǅemal ǈ', '  -- Chi bộ (1) --  ', 'x'.repeat(600) + 'ệ', 'ệ'.repeat(513)];
    for (const t of texts) expect(fold(t), JSON.stringify(t.slice(0, 40))).toBe(foldByRegex(t));
  });
  it('cleanText gives what its regular expressions give', () => {
    for (const t of corpus()) expect(cleanText(t), JSON.stringify(t)).toBe(cleanByRegex(t));
  });
  it('countOf reads digits as Number does, and leaves the rest to parseCount', () => {
    for (const t of ['0', '007', '4288', '999999999999999', '1234567890123456', '4.288', '4 288', ' 12', '12 ', '', '-1', '１２', '12a']) {
      const expected = /^\d{1,15}$/.test(t) ? Number(t) : undefined;
      if (expected !== undefined) expect(countOf(t), t).toBe(expected);
    }
    expect(countOf('4.288')).toBe(4288);
    expect(countOf('1234567890123456')).toBe(1234567890123456);
    expect(countOf('-1')).toBeLessThan(0);
  });
});

describe('CleanCache', () => {
  it('gives what cleanText gives, the same string for the same text on every row, and stops keeping past 1,000 texts', () => {
    const cache = new CleanCache();
    for (const t of corpus()) expect(cache.get(t), JSON.stringify(t)).toBe(cleanText(t));
    const a = cache.get(` Đảng bộ cơ sở${' '.repeat(0)}`.slice(0));
    expect(cache.get(' Đảng bộ cơ sở')).toBe(a);
    expect(a).toBe('Đảng bộ cơ sở');
    expect(cache.get('Chi bộ  \n cơ sở ')).toBe('Chi bộ cơ sở');
  });
});

function looksLikeFormulaByRegex(text: string): boolean {
  if (text === '') return false;
  if (/^[\t\r]/.test(text)) return true;
  const t = text.trimStart();
  if (t.startsWith('=')) return t.length > 1;
  if (/^[+\-@]\S/.test(t)) return !/^[+-]?[\d.,\s]+%?$/.test(t);
  return false;
}

describe('looksLikeFormula', () => {
  it('tells a text by its first character as its regular expressions do, whatever that character is', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, `${ch}=1`, `${ch}+cmd`, `${ch}A1`, `${ch}${ch}-2+3`]) expect(looksLikeFormula(t), `U+${c.toString(16)} ${JSON.stringify(t)}`).toBe(looksLikeFormulaByRegex(t));
    }
  });
});
