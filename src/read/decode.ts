import { TallyError } from './errors.js';
import { utf8Shape } from './utf8.js';

export const ENCODINGS: readonly string[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'windows-1252'];

/** Characters that TCVN3 (ABC) text shows when read as a Windows code page, and that Vietnamese never uses. */
const TCVN3_MARKS = /[§¶µ¸¹·¨»¾¼½©®ª¬«Æ×ÞØ÷þß¦¤¢¡£¥]/g;
/** The same for VNI: its tone marks land on letters such as û, ä, ö, ï, ñ, ø that Vietnamese does not use. */
const VNI_MARKS = /[ñÑöÖïÏäÄåÅëËÿüÜûÛøØ]/g;

/**
 * The encoding of CSV bytes as Excel and LibreOffice write them: a BOM says UTF-8 or UTF-16; without one,
 * UTF-16 shows as NUL bytes in every other place, valid UTF-8 is UTF-8 (and so is UTF-8 with a fault in it),
 * and Windows-1258 (Excel's "CSV" on a Vietnamese Windows) is the fallback. `complete` says whether `head` is
 * the whole file: if not, a UTF-8 sequence cut at its end is not held against it.
 */
export function detectEncoding(head: Uint8Array, file: string, forced: string | undefined, complete: boolean): { encoding: string; skip: number } {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? ['utf-8', 3] as const
    : head[0] === 0xff && head[1] === 0xfe ? ['utf-16le', 2] as const
      : head[0] === 0xfe && head[1] === 0xff ? ['utf-16be', 2] as const : undefined;
  if (forced) {
    try {
      new TextDecoder(forced);
    } catch {
      throw new TallyError('bad-encoding', { file, encoding: forced });
    }
    return { encoding: forced, skip: bom && forced.startsWith(bom[0].slice(0, 6)) ? bom[1] : 0 };
  }
  if (bom) return { encoding: bom[0], skip: bom[1] };
  if (looksUtf16(head)) return { encoding: head[0] === 0 ? 'utf-16be' : 'utf-16le', skip: 0 };
  const text = complete ? head : trimPartial(head);
  if (isUtf8(text)) return { encoding: 'utf-8', skip: 0 };
  // One bad byte in UTF-8 (a damaged copy, a file cut mid-character) is UTF-8 still, and said so where it is
  // broken (csv.ts); only bytes that are not UTF-8 throughout are another encoding.
  return { encoding: mostlyUtf8(text) ? 'utf-8' : 'windows-1258', skip: 0 };
}

/** UTF-8 with a fault in it (more well-formed multi-byte characters than bytes out of place): see `utf8Shape`. */
export function mostlyUtf8(bytes: Uint8Array): boolean {
  const { valid, invalid } = utf8Shape(bytes);
  return valid > 0 && valid >= invalid;
}

/** Drop a UTF-8 sequence cut off at the end of a prefix of the file. */
function trimPartial(bytes: Uint8Array): Uint8Array {
  const end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i] ?? 0;
    if ((b & 0xc0) === 0xc0) return bytes.subarray(0, end - i);
    if ((b & 0x80) === 0) break;
  }
  return bytes;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  if (n < 4) return false;
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) zerosEven++;
    else zerosOdd++;
  }
  return Math.max(zerosEven, zerosOdd) > n / 4 && Math.min(zerosEven, zerosOdd) < n / 50;
}

/** Text in TCVN3 or VNI decodes without error but reads as "§¶ng bé" or "Ñaûng boä": say so instead of guessing. */
export function legacyEncoding(text: string): { name: 'TCVN3 (ABC)' | 'VNI'; sample: string } | undefined {
  const sample = text.slice(0, 20_000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return undefined;
  const tcvn = (sample.match(TCVN3_MARKS) ?? []).length;
  const vni = (sample.match(VNI_MARKS) ?? []).length;
  // The word that shows the garbling best: the one with the most telltale characters.
  const pick = (re: RegExp): string => {
    let best = '';
    let most = 0;
    for (const w of sample.split(/[\s,;\t"]+/)) {
      const n = (w.match(re) ?? []).length;
      if (n > most || (n === most && n > 0 && w.length > best.length)) [best, most] = [w, n];
    }
    return best.slice(0, 30);
  };
  if (tcvn >= 3 && tcvn / letters > 0.01 && tcvn >= vni) return { name: 'TCVN3 (ABC)', sample: pick(TCVN3_MARKS) };
  if (vni >= 3 && vni / letters > 0.01) return { name: 'VNI', sample: pick(VNI_MARKS) };
  return undefined;
}
