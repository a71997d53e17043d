import { TallyError } from './errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
export const ENCODINGS: readonly string[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'windows-1252'];

/** Characters that TCVN3 (ABC) text shows when read as a Windows code page, and that Vietnamese never uses. */
const TCVN3_MARKS = /[§¶µ¸¹·¨»¾¼½©®ª¬«Æ×ÞØ÷þß¦¤¢¡£¥]/g;
/** The same for VNI: its tone marks land on letters such as û, ä, ö, ï, ñ, ø that Vietnamese does not use. */
const VNI_MARKS = /[ñÑöÖïÏäÄåÅëËÿüÜûÛøØ]/g;

/**
 * Decode bytes as Excel and LibreOffice write CSV: a BOM says UTF-8 or UTF-16; without one, strict UTF-8 is
 * tried first and Windows-1258 (Excel's "CSV" on a Vietnamese Windows) is the fallback. NFC-normalised.
 */
export function decodeText(bytes: Uint8Array, file: string, forced?: string): { text: string; encoding: string } {
  let encoding: string;
  let start = 0;
  if (forced) encoding = forced;
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [encoding, start] = ['utf-8', 3];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else if (looksUtf16(bytes)) encoding = bytes[0] === 0 ? 'utf-16be' : 'utf-16le';
  else encoding = isUtf8(bytes) ? 'utf-8' : 'windows-1258';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: forced !== undefined, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    throw new TallyError('bad-encoding', { file, encoding });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.normalize('NFC');
  const legacy = legacyEncoding(text);
  if (legacy) throw new TallyError('legacy-encoding', { file, encoding: legacy.name, sample: legacy.sample });
  return { text, encoding };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  if (n < 4) return false;
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? zerosEven++ : zerosOdd++);
  return Math.max(zerosEven, zerosOdd) > n / 4;
}

/** Text in TCVN3 or VNI decodes without error but reads as "§¶ng bé" or "Ñaûng boä": say so instead of guessing. */
export function legacyEncoding(text: string): { name: 'TCVN3 (ABC)' | 'VNI'; sample: string } | undefined {
  const sample = text.slice(0, 20_000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return undefined;
  const tcvn = (sample.match(TCVN3_MARKS) ?? []).length;
  const vni = (sample.match(VNI_MARKS) ?? []).length;
  const pick = (re: RegExp): string => {
    const word = sample.split(/[\s,;\t"]+/).find((w) => new RegExp(re.source).test(w)) ?? '';
    return word.slice(0, 30);
  };
  if (tcvn >= 3 && tcvn / letters > 0.01 && tcvn >= vni) return { name: 'TCVN3 (ABC)', sample: pick(TCVN3_MARKS) };
  if (vni >= 3 && vni / letters > 0.01) return { name: 'VNI', sample: pick(VNI_MARKS) };
  return undefined;
}
