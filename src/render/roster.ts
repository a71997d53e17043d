import type { RosterResult } from '../recognise/roster.js';
import type { Lang } from '../check/catalogue.js';
import type { RowSource } from '../recognise/table.js';
import { formatCount } from './format.js';
import { csvLines } from './markdown.js';

/** The roster in a report's JSON: who reported, who did not, who is not on it. */
export function rosterJson(r: RosterResult): Record<string, unknown> {
  const received = r.units.filter((u) => u.found).length;
  const place = (s: RowSource): Record<string, unknown> => ({ file: s.file, sheet: s.sheet ?? null, row: s.row });
  return {
    file: r.roster.file,
    expected: r.units.length,
    received,
    units: r.units.map(({ unit, found, by }) => ({
      code: unit.code ?? null, name: unit.name, type: unit.type ?? null, parent: unit.parent ?? null,
      report: found ? { ...place(found), matchedBy: by ?? null } : null,
    })),
    missing: r.units.filter((u) => !u.found).map(({ unit }) => ({ code: unit.code ?? null, name: unit.name, row: unit.row })),
    notOnRoster: r.strangers.map((s) => ({ code: s.code ?? null, name: s.name, ...place(s.source) })),
  };
}

const WORDS = {
  vi: { received: 'Nhận', reports: 'báo cáo', roster: 'danh sách', missing: 'Chưa gửi báo cáo', stranger: 'Không có trong danh sách' },
  en: { received: 'Received', reports: 'reports', roster: 'roster', missing: 'No report from', stranger: 'Not on the roster' },
} as const;

/** Where a report's row is: "file [sheet]:row". */
export const where = (s: RowSource): string => `${s.file}${s.sheet ? ` [${s.sheet}]` : ''}:${s.row}`;
/** A unit as the roster's lines name it: "CB09 Chi bộ …". */
export const unitText = (code: string | undefined, name: string): string => (code ? `${code} ${name}` : name);

/** "Nhận 3/4 báo cáo (danh sách units.csv)": the roster's first line. */
export function receivedLine(r: RosterResult, lang: Lang): string {
  const w = WORDS[lang];
  const received = r.units.filter((u) => u.found).length;
  return `${w.received} ${formatCount(received, lang)}/${formatCount(r.units.length, lang)} ${w.reports} (${w.roster} ${r.roster.file})`;
}

/** The roster's lines under a report, in the words of a terminal, a paragraph, Markdown or CSV. */
export function renderRoster(r: RosterResult, format: 'table' | 'text' | 'md' | 'csv', lang: Lang): string {
  const w = WORDS[lang];
  const missing = r.units.filter((u) => !u.found).map((u) => unitText(u.unit.code, u.unit.name));
  const strangers = r.strangers.map((s) => `${unitText(s.code, s.name)} — ${where(s.source)}`);
  if (format === 'csv') {
    const received = r.units.length - missing.length;
    return csvLines([
      ['roster', 'received', received, r.units.length, null],
      ...missing.map((m) => ['roster.missing', m, null, null, null]),
      ...r.strangers.map((s) => ['roster.notOnRoster', `${unitText(s.code, s.name)} (${where(s.source)})`, null, null, null]),
    ]);
  }
  const head = receivedLine(r, lang);
  if (format === 'md') {
    const list = (title: string, items: readonly string[]): string[] => (items.length === 0 ? [] : ['', `**${title} (${items.length}):**`, '', ...items.map((i) => `- ${i}`)]);
    return `\n**${head}.**\n${[...list(w.missing, missing), ...list(w.stranger, strangers)].join('\n')}\n`;
  }
  if (format === 'text') {
    const parts = [`${head}.`];
    if (missing.length > 0) parts.push(`${w.missing} (${missing.length}): ${missing.join('; ')}.`);
    if (strangers.length > 0) parts.push(`${w.stranger} (${strangers.length}): ${strangers.join('; ')}.`);
    return `\n${parts.join(' ')}\n`;
  }
  const lines = [`${head}.`];
  for (const [title, items] of [[w.missing, missing], [w.stranger, strangers]] as const) {
    if (items.length === 0) continue;
    lines.push(`${title} (${items.length}):`);
    for (const i of items) lines.push(`  ${i}`);
  }
  return `${lines.join('\n')}\n`;
}
