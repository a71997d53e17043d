import type { Lang } from '../check/catalogue.js';
import type { Summary } from '../rollup/summary.js';
import { formatCount, formatPercent } from './format.js';

/** The roll-up as the paragraph of a tổng kết report, ready to paste (the style of the seeds' own lines). */
export function renderText(s: Summary, lang: Lang): string {
  const d = s.options.decimals;
  const n = (x: number): string => formatCount(x, lang);
  const p = (x: number | null): string => formatPercent(x, d, lang);
  const o = s.organizations;
  const m = s.members;
  const mr = s.memberRatings;
  const period = s.periods.length === 1 ? s.periods[0] : undefined;
  const parts: string[] = [];
  if (lang === 'en') {
    parts.push(`${period ? `In ${period}, the` : 'The'} bloc has ${n(o.total)} grassroots party organisations (${n(o.byType.dang_bo_co_so)} committees and ${n(o.byType.chi_bo_co_so)} cells) with ${n(m.end)} members.`);
    if (o.rated > 0) {
      parts.push(`${n(o.goodOrBetter.count)}/${n(o.goodOrBetter.of)} organisations were rated good or better (${p(o.goodOrBetter.percent)}), of which ${n(o.excellent.count)} excellent (${p(o.excellent.percent)}); ${n(o.completed.count)}/${n(o.completed.of)} completed their tasks (${p(o.completed.percent)})${o.notCompleted.count > 0 ? `; ${n(o.notCompleted.count)}/${n(o.notCompleted.of)} did not (${p(o.notCompleted.percent)})` : ''}.`);
    }
    if (mr.rated > 0) parts.push(`${n(mr.ratings.HTXSNV)} members were rated excellent; ${n(mr.goodOrBetter.count)}/${n(mr.goodOrBetter.of)} good or better (${p(mr.goodOrBetter.percent)}).`);
    else if (mr.incomplete && !mr.incomplete.missing.includes('HTXSNV')) parts.push(`${n(mr.ratings.HTXSNV)} members were rated excellent.`);
    if (m.admitted !== null) parts.push(`${n(m.admitted)} new members were admitted${m.admissionRate ? ` (${p(m.admissionRate.percent)} of the ${n(m.admissionRate.of)} at the start)` : ''}, bringing the total to ${n(m.end)}.`);
    for (const i of s.indicators) parts.push(`${i.name}: ${n(i.total)}.`);
    return `${parts.join(' ')}\n`;
  }
  parts.push(`${period ? `Năm ${period}, ` : ''}Đảng bộ Khối có ${n(o.total)} tổ chức cơ sở đảng trực thuộc, gồm: ${n(o.byType.dang_bo_co_so)} đảng bộ và ${n(o.byType.chi_bo_co_so)} chi bộ cơ sở với ${n(m.end)} đảng viên.`);
  if (o.rated > 0) {
    parts.push(`Có ${n(o.goodOrBetter.count)}/${n(o.goodOrBetter.of)} cơ sở đảng đạt hoàn thành tốt nhiệm vụ (đạt ${p(o.goodOrBetter.percent)}), trong đó có ${n(o.excellent.count)} cơ sở đảng đạt hoàn thành xuất sắc nhiệm vụ (đạt ${p(o.excellent.percent)}); có ${n(o.completed.count)}/${n(o.completed.of)} cơ sở đảng hoàn thành nhiệm vụ (đạt ${p(o.completed.percent)})${o.notCompleted.count > 0 ? `; ${n(o.notCompleted.count)}/${n(o.notCompleted.of)} cơ sở đảng không hoàn thành nhiệm vụ (${p(o.notCompleted.percent)})` : ''}.`);
  }
  if (mr.rated > 0) parts.push(`Có ${n(mr.ratings.HTXSNV)} đảng viên hoàn thành xuất sắc nhiệm vụ; ${n(mr.goodOrBetter.count)}/${n(mr.goodOrBetter.of)} đảng viên hoàn thành tốt nhiệm vụ trở lên (đạt ${p(mr.goodOrBetter.percent)}).`);
  // The levels given in part (an HTXSNV column alone): the count given, and no share of an unknown number rated.
  else if (mr.incomplete && !mr.incomplete.missing.includes('HTXSNV')) parts.push(`Có ${n(mr.ratings.HTXSNV)} đảng viên hoàn thành xuất sắc nhiệm vụ.`);
  if (m.admitted !== null) parts.push(`Kết nạp ${n(m.admitted)} đảng viên mới${m.admissionRate ? ` (đạt ${p(m.admissionRate.percent)} so với đầu kỳ)` : ''}, nâng tổng số đảng viên lên ${n(m.end)} đảng viên.`);
  for (const i of s.indicators) parts.push(`${i.name}: ${n(i.total)}.`);
  return `${parts.join(' ')}\n`;
}
