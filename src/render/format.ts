import { formatIn } from '../recognise/numbers.js';
import type { Share } from '../rollup/percent.js';
import type { Lang } from '../check/catalogue.js';

/** 92.52 → "92,52%" (vi) or "92.52%" (en), always with the run's decimals. */
export function formatPercent(p: number | null, decimals: number, lang: Lang = 'vi'): string {
  return p === null ? '—' : `${formatIn(p, decimals, lang)}%`;
}

/** "99/107 (92,52%)" */
export function formatShare(s: Share, decimals: number, lang: Lang = 'vi'): string {
  return `${formatCount(s.count, lang)}/${formatCount(s.of, lang)} (${formatPercent(s.percent, decimals, lang)})`;
}

/** 5663 → "5.663" (vi) or "5,663" (en). */
export function formatCount(n: number, lang: Lang = 'vi'): string {
  // An amount with a fraction (an indicator in "triệu đồng") keeps two decimals: 15,50.
  return formatIn(n, Number.isInteger(n) ? 0 : 2, lang);
}
