import type { RawSheet } from '../../read/types.js';
import { cellText, fold } from '../normalise.js';
import { FORM_ROWS } from '../patterns.js';

/** The official forms tally reads, each by the words of its rows (folded): the more a sheet has, the nearer it is. */
const FORMS: readonly (readonly [form: '1' | '7B' | '5', words: readonly RegExp[]])[] = [
  ['1', [/\bket nap\b/, /\bchuyen den\b/, /\bchuyen di\b/, /\bphuc hoi\b/, /\btu tran\b/, /\bkhai tru\b/, /\bxoa ten\b/, /\bra khoi dang\b/, /\b(dau ky|cuoi ky truoc)\b/, /\bcuoi ky\b/, /\b(tang|giam) trong ky\b/]],
  ['7B', [/\bxuat sac\b/, /\bhoan thanh tot\b/, /\bhoan thanh nhiem vu\b/, /\b(khong hoan thanh|vi pham tu cach|yeu kem)\b/, /\btrong sach vung manh\b/, /\bmien danh gia\b/, /\bchua (duoc )?danh gia\b/]],
  ['5', [/^\W*\d*\W*(xa|phuong|thi tran)\b/, /\bco quan\b/, /\bdon vi su nghiep\b/, /\bdoanh nghiep\b/, /\bquan doi\b/, /\bcong an\b/, /\bhop tac xa\b/, /\bcong lap\b/]],
];

/**
 * The official form a sheet tally does not read looks most like (for the refusal: "the closest form is Biểu 1"):
 * the one whose row words it has most of; undefined when it has fewer than two of any.
 */
export function closestForm(sheet: RawSheet): '1' | '7B' | '5' | undefined {
  const labels = sheet.rows.slice(0, FORM_ROWS).map((row) => fold(cellText(row.find((v) => typeof v === 'string' && /\p{L}{2}/u.test(v)) ?? null)));
  let best: { form: '1' | '7B' | '5'; score: number } | undefined;
  for (const [form, words] of FORMS) {
    const score = words.filter((w) => labels.some((l) => w.test(l))).length;
    if (score >= 2 && (!best || score > best.score)) best = { form, score };
  }
  return best?.form;
}
