import type { Lang } from '../check/catalogue.js';
import type { Comparison } from '../rollup/compare.js';
import type { Summary } from '../rollup/summary.js';
import { formatCount, formatPercent } from './format.js';
import type { PeriodColumn } from './periods-table.js';
import { renderText } from './text.js';

type Share = { readonly count: number; readonly of: number; readonly percent: number | null };

/** "tăng 3 TCCSĐ (12 → 15)", "giảm 2 đảng viên", "không đổi (12)"; en "up 3 (12 → 15)". */
function countPhrase(before: number | null, after: number | null, unit: string, lang: Lang): string | undefined {
  if (before === null || after === null) return undefined;
  const d = after - before;
  const n = (x: number): string => formatCount(x, lang);
  if (lang === 'en') return d === 0 ? `unchanged (${n(after)})` : `${d > 0 ? 'up' : 'down'} ${n(Math.abs(d))} (${n(before)} → ${n(after)})`;
  return d === 0 ? `không đổi (${n(after)} ${unit})` : `${d > 0 ? 'tăng' : 'giảm'} ${n(Math.abs(d))} ${unit} (${n(before)} → ${n(after)})`;
}

/** "tăng 0,64 điểm % (91,67% → 92,31%)"; en "up 0.64 pp (91.67% → 92.31%)". */
function sharePhrase(before: Share | null, after: Share | null, decimals: number, lang: Lang): string | undefined {
  if (!before || !after || before.percent === null || after.percent === null) return undefined;
  const k = 10 ** decimals;
  const d = Math.round((after.percent - before.percent) * k) / k;
  const p = (x: number | null): string => formatPercent(x, decimals, lang);
  const range = `(${p(before.percent)} → ${p(after.percent)})`;
  if (lang === 'en') return d === 0 ? `unchanged ${range}` : `${d > 0 ? 'up' : 'down'} ${p(Math.abs(d)).replace('%', '')} pp ${range}`;
  return d === 0 ? `không đổi ${range}` : `${d > 0 ? 'tăng' : 'giảm'} ${p(Math.abs(d)).replace('%', '')} điểm % ${range}`;
}

/** The sentence a comparison adds to the paragraph: "So với năm 2022, tổ chức cơ sở đảng tăng 1 TCCSĐ (12 → 13); …". */
export function comparisonSentence(current: Summary, c: Comparison, lang: Lang): string {
  const prev = c.previous;
  const d = current.options.decimals;
  const o = current.organizations;
  const po = prev.organizations;
  const vi = lang === 'vi';
  const parts: [string, string | undefined][] = [
    [vi ? 'tổ chức cơ sở đảng' : 'grassroots organisations', countPhrase(po.total, o.total, 'TCCSĐ', lang)],
    [vi ? 'tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên' : 'organisations rated good or better', o.rated > 0 && po.rated > 0 ? sharePhrase(po.goodOrBetter, o.goodOrBetter, d, lang) : undefined],
    [vi ? 'tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ' : 'organisations rated excellent', o.rated > 0 && po.rated > 0 ? countPhrase(po.ratings.HTXSNV, o.ratings.HTXSNV, 'TCCSĐ', lang) : undefined],
    [vi ? 'đảng viên' : 'members', countPhrase(prev.members.end, current.members.end, 'đảng viên', lang)],
    [vi ? 'kết nạp' : 'admitted', countPhrase(prev.members.admitted, current.members.admitted, 'đảng viên', lang)],
    [vi ? 'tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên' : 'members rated good or better', current.memberRatings.rated > 0 && prev.memberRatings.rated > 0
      ? sharePhrase(prev.memberRatings.goodOrBetter, current.memberRatings.goodOrBetter, d, lang) : undefined],
  ];
  const said = parts.filter((p): p is [string, string] => p[1] !== undefined).map(([what, how]) => `${what} ${how}`);
  const when = prev.periods.length > 0 ? (vi ? `năm ${prev.periods.join(', ')}` : prev.periods.join(', ')) : (vi ? 'kỳ trước' : 'the previous period');
  const u = c.change.units;
  const units: string[] = [];
  const names = (refs: readonly { code: string | null; name: string }[], count: number): string =>
    `${refs.map((r) => r.name).join(', ')}${count > refs.length ? (vi ? ` và ${formatCount(count - refs.length, lang)} tổ chức khác` : ` and ${formatCount(count - refs.length, lang)} more`) : ''}`;
  if (u.appearedCount > 0) units.push(vi ? `thêm ${formatCount(u.appearedCount, lang)} tổ chức cơ sở đảng (${names(u.appeared, u.appearedCount)})` : `${formatCount(u.appearedCount, lang)} organisations came (${names(u.appeared, u.appearedCount)})`);
  if (u.disappearedCount > 0) units.push(vi ? `không còn ${formatCount(u.disappearedCount, lang)} tổ chức cơ sở đảng (${names(u.disappeared, u.disappearedCount)})` : `${formatCount(u.disappearedCount, lang)} went (${names(u.disappeared, u.disappearedCount)})`);
  const head = vi ? `So với ${when}, ${said.join('; ')}.` : `Compared with ${when}: ${said.join('; ')}.`;
  return units.length > 0 ? `${head} ${vi ? 'Có' : 'Of the organisations,'} ${units.join(vi ? '; ' : '; ')}.` : head;
}

/** `--previous --format text`: the paragraph of the current period, then how it compares with the previous one. */
export function renderCompareText(current: Summary, c: Comparison, lang: Lang): string {
  return `${renderText(current, lang).trimEnd()} ${comparisonSentence(current, c, lang)}\n`;
}

/** `--by-period --format text`: the paragraph of the latest period, then each headline figure over the periods. */
export function renderSeriesText(periods: readonly PeriodColumn[], lang: Lang): string {
  const latest = periods[periods.length - 1];
  if (!latest) return '';
  const d = latest.summary.options.decimals;
  const n = (x: number): string => formatCount(x, lang);
  const p = (x: number | null): string => formatPercent(x, d, lang);
  const vi = lang === 'vi';
  const over = (f: (s: Summary) => string): string => periods.map((x) => `${f(x.summary)} (${x.period})`).join(', ');
  const range = `${periods[0]?.period ?? ''}–${latest.period}`;
  const lines = vi
    ? [`Giai đoạn ${range}: số tổ chức cơ sở đảng ${over((s) => n(s.organizations.total))}`,
      `tỷ lệ hoàn thành tốt nhiệm vụ trở lên ${over((s) => p(s.organizations.goodOrBetter.percent))}`,
      `số đảng viên ${over((s) => n(s.members.end))}`]
    : [`Over ${range}: grassroots organisations ${over((s) => n(s.organizations.total))}`,
      `rated good or better ${over((s) => p(s.organizations.goodOrBetter.percent))}`,
      `members ${over((s) => n(s.members.end))}`];
  return `${renderText(latest.summary, lang).trimEnd()} ${lines.join('; ')}.\n`;
}
