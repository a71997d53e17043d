import type { Lang } from '../check/catalogue.js';

/** The words of the comparisons and series, in both languages (apart from labels.ts, which other outputs share). */
const PERIOD_LABELS = {
  change: { vi: 'Thay đổi', en: 'Change' },
  previousColumn: { vi: 'Kỳ trước', en: 'Previous' },
  currentColumn: { vi: 'Kỳ này', en: 'Current' },
  compareTitle: { vi: 'TỔNG HỢP BÁO CÁO — Kỳ {current} so với {previous} ({files} tệp)', en: 'BLOC SUMMARY — {current} against {previous} ({files} file(s))' },
  seriesTitle: { vi: 'TỔNG HỢP BÁO CÁO QUA CÁC KỲ — {periods}, số liệu mới nhất: {latest} ({files} tệp)', en: 'BLOC SUMMARY BY PERIOD — {periods}, latest: {latest} ({files} file(s))' },
  matched: { vi: 'Tổ chức cơ sở đảng có ở cả hai kỳ: {count} ({byCode} khớp theo mã, {byName} theo tên)', en: 'Grassroots organisations in both periods: {count} ({byCode} matched by code, {byName} by name)' },
  appeared: { vi: 'Có ở kỳ {current}, không có ở kỳ {previous} ({count}):', en: 'In {current}, not in {previous} ({count}):' },
  disappeared: { vi: 'Có ở kỳ {previous}, không còn ở kỳ {current} ({count}):', en: 'In {previous}, no longer in {current} ({count}):' },
  more: { vi: '… và {count} tổ chức khác', en: '… and {count} more' },
  noneChanged: { vi: 'Không có tổ chức cơ sở đảng nào mới hay không còn so với kỳ {previous}.', en: 'No grassroots organisation came or went since {previous}.' },
  previousWord: { vi: 'kỳ trước', en: 'the previous period' },
  filesOf: { vi: 'Kỳ {period}: {files}', en: '{period}: {files}' },
} as const satisfies Record<string, Record<Lang, string>>;

export type PeriodLabelKey = keyof typeof PERIOD_LABELS;

export function periodLabel(key: PeriodLabelKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return PERIOD_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
