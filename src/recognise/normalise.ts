/**
 * Text folding used for every comparison of headers and labels: case, diacritics, composed or decomposed
 * Unicode, đ/d, punctuation and spacing are all ignored. The display form of a text is `cleanText`.
 */

const COMBINING = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;

/** Fold a header or label to its comparison key: "Tổng số\n ĐV" → "tong so dv". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(NON_ALNUM, ' ')
    .trim();
}

/** NFC, trimmed, inner whitespace and line breaks collapsed to one space: what a user sees. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
