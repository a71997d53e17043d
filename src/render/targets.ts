import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { Lang } from '../check/catalogue.js';
import type { TargetOutcome, TargetsResult } from '../rollup/targets.js';
import { formatCount, formatPercent } from './format.js';
import type { TargetResult } from './heading.js';

const WORDS = {
  section: { vi: 'CHỈ TIÊU NHIỆM KỲ', en: 'TARGETS OF THE TERM' },
  tableTitle: { vi: 'Kết quả thực hiện các chỉ tiêu nhiệm kỳ', en: 'Targets of the term' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  required: { vi: 'Yêu cầu', en: 'Required' },
  actual: { vi: 'Thực hiện', en: 'Actual' },
  met: { vi: 'Đạt', en: 'Met' },
  line: { vi: 'Đạt {met}/{of} chỉ tiêu', en: '{met}/{of} targets met' },
  latest: { vi: 'năm gần nhất', en: 'latest year' },
  'each-year': { vi: 'mỗi năm', en: 'each year' },
  term: { vi: 'cả nhiệm kỳ', en: 'over the term' },
  read: { vi: 'Đã đọc {read}', en: 'Read: {read}' },
  pending: { vi: 'chưa đọc {years} (sơ kết giữa nhiệm kỳ): các chỉ tiêu tính trên các năm đã đọc', en: 'not read yet: {years} (a mid-term review): the targets are judged on the years read' },
  unknown: { vi: 'không có số liệu', en: 'no figure' },
} as const satisfies Record<string, Record<Lang, string>>;

function say(key: keyof typeof WORDS, lang: Lang, values: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

const OP_SIGN = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' } as const;

/** A target's figure as printed: "94,66%", "76", "—". */
export function targetValue(t: TargetOutcome, value: number | null, decimals: number, lang: Lang): string {
  if (value === null) return '—';
  return t.unit === '%' ? formatPercent(value, decimals, lang) : formatCount(value, lang);
}

/** "≥ 95% mỗi năm" */
export function requirement(t: TargetOutcome, lang: Lang): string {
  const v = t.unit === '%' ? `${formatCount(t.value, lang)}%` : formatCount(t.value, lang);
  return `${OP_SIGN[t.op]} ${v} ${say(t.over, lang)}`;
}

/** "94,66% (2022)": the actual value, with the period that decides it when there is one. */
export function actualText(t: TargetOutcome, decimals: number, lang: Lang): string {
  if (!t.judged && t.actual === null) return say('unknown', lang) + (t.decidingPeriod ? ` (${t.decidingPeriod})` : '');
  const v = targetValue(t, t.actual, decimals, lang);
  return t.decidingPeriod && t.over === 'each-year' ? `${v} (${t.decidingPeriod})` : v;
}

/** The line under the targets: "Đạt 6/7 chỉ tiêu". */
export function targetsMetLine(r: TargetsResult, lang: Lang): string {
  return say('line', lang, { met: r.targetsMet.count, of: r.targetsMet.of });
}

/** "Đã đọc 2021, 2022, 2023; chưa đọc 2024, 2025 (…)". */
export function periodsReadLine(r: TargetsResult, lang: Lang): string {
  const read = say('read', lang, { read: r.term.periods.join(', ') || '—' });
  return r.term.notRead.length > 0 ? `${read}; ${say('pending', lang, { years: r.term.notRead.join(', ') })}` : read;
}

/** The terminal's "CHỈ TIÊU NHIỆM KỲ" section: each target, what it requires, its actual value and ✔/✘; then "Đạt 6/7 chỉ tiêu". */
export function renderTargetsTable(r: TargetsResult, o: { readonly lang: Lang; readonly color: boolean; readonly decimals: number; readonly bloc?: string | undefined }): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const table = new Table({
    head: ['#', say('target', o.lang), say('required', o.lang), say('actual', o.lang), say('met', o.lang)].map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: ['right', 'left', 'left', 'right', 'center'],
    colWidths: [4, 46, 20, 18, 5],
    wordWrap: true,
  });
  r.targets.forEach((t, i) => {
    table.push([String(i + 1), t.label, requirement(t, o.lang), actualText(t, o.decimals, o.lang), t.met ? c.green('✔') : c.red('✘')]);
  });
  const span = r.term.from !== null && r.term.to !== null ? ` ${r.term.from}–${r.term.to}` : '';
  const of = o.bloc ? ` — ${o.bloc.toLocaleUpperCase('vi')}` : '';
  const lines = [c.bold(`${say('section', o.lang)}${span}${of}`), table.toString(), c.bold(targetsMetLine(r, o.lang)), c.dim(periodsReadLine(r, o.lang))];
  return `${lines.join('\n')}\n`;
}

/**
 * The paragraph's sentence: "Qua các năm 2021, 2022, 2023 của nhiệm kỳ 2020–2025, hoàn thành 6/7 chỉ tiêu; chưa đạt: 95% trở lên đảng viên
 * hoàn thành tốt nhiệm vụ (năm 2022: 94,66%)."
 */
export function targetsSentence(r: TargetsResult, decimals: number, lang: Lang, bloc?: string): string {
  const { count, of } = r.targetsMet;
  const missed = r.targets.filter((t) => !t.met);
  const missedText = missed.map((t) => {
    const v = targetValue(t, t.actual, decimals, lang);
    const when = t.decidingPeriod ? (lang === 'en' ? `${t.decidingPeriod}: ` : `năm ${t.decidingPeriod}: `) : '';
    return `${t.label} (${t.judged ? `${when}${v}` : say('unknown', lang)})`;
  });
  const span = r.term.from !== null && r.term.to !== null ? `${r.term.from}–${r.term.to}` : undefined;
  const years = r.term.periods.join(', ');
  if (lang === 'en') {
    const lead = span ? `Over ${years} of the term ${span}, ${bloc ?? 'the bloc'}` : (bloc ?? 'The bloc');
    const pending = r.term.notRead.length > 0 ? ` (${r.term.notRead.join(', ')} not read yet)` : '';
    return `${lead} met ${count}/${of} targets${pending}${missed.length > 0 ? `; not met: ${missedText.join('; ')}` : ''}.`;
  }
  const lead = span ? `Qua các năm ${years} của nhiệm kỳ ${span}, ${bloc ?? 'Đảng bộ Khối'}` : (bloc ?? 'Đảng bộ Khối');
  const pending = r.term.notRead.length > 0 ? ` (chưa có số liệu năm ${r.term.notRead.join(', ')})` : '';
  return `${lead} hoàn thành ${count}/${of} chỉ tiêu${pending}${missed.length > 0 ? `; chưa đạt: ${missedText.join('; ')}` : ''}.`;
}

/** The targets as the Word appendix's table: its title, header (after the number column), a row each (as the Markdown table) and the line "Đạt 6/7 chỉ tiêu". */
export function docxTargets(r: TargetsResult, lang: Lang, decimals: number): { title: string; head: string[]; rows: string[][]; total: string } {
  const span = r.term.from !== null && r.term.to !== null ? ` ${r.term.from}–${r.term.to}` : '';
  return {
    title: `${say('tableTitle', lang)}${span}`,
    head: [say('target', lang), say('required', lang), say('actual', lang), say('met', lang)],
    rows: r.targets.map((t, i) => [String(i + 1), t.label, requirement(t, lang), actualText(t, decimals, lang), t.met ? '✔' : '✘']),
    total: `${targetsMetLine(r, lang)}. ${periodsReadLine(r, lang)}.`,
  };
}

/** The targets as the documents' "Chỉ tiêu" sheet takes them. */
export function documentTargets(r: TargetsResult, lang: Lang): TargetResult[] {
  return r.targets.map((t) => ({ label: t.label, actual: t.actual, value: t.value, op: t.op, met: t.met, unit: t.unit, over: say(t.over, lang), byPeriod: t.byPeriod }));
}

/** The JSON keys a run with targets adds: `term`, `targets` (config order), `targetsMet`. */
export function targetsJson(r: TargetsResult): Record<string, unknown> {
  return {
    term: r.term,
    targets: r.targets.map((t) => ({
      label: t.label, metric: t.metric, op: t.op, value: t.value, over: t.over, actual: t.actual, met: t.met, judged: t.judged,
      byPeriod: t.byPeriod, decidingPeriod: t.decidingPeriod, missedIn: t.missedIn, unit: t.unit ?? null, pending: t.pending,
    })),
    targetsMet: r.targetsMet,
  };
}

/** The targets as a Markdown table, with the line "Đạt 6/7 chỉ tiêu". */
export function renderTargetsMarkdown(r: TargetsResult, lang: Lang, decimals: number): string {
  const cell = (t: string): string => t.replace(/\|/g, '\\|');
  const span = r.term.from !== null && r.term.to !== null ? ` ${r.term.from}–${r.term.to}` : '';
  const lines = [`## ${say('section', lang)}${span}`, '', `| # | ${say('target', lang)} | ${say('required', lang)} | ${say('actual', lang)} | ${say('met', lang)} |`, '|---:|---|---|---:|:---:|'];
  r.targets.forEach((t, i) => lines.push(`| ${i + 1} | ${cell(t.label)} | ${requirement(t, lang)} | ${actualText(t, decimals, lang)} | ${t.met ? '✔' : '✘'} |`));
  lines.push('', `**${targetsMetLine(r, lang)}.** ${periodsReadLine(r, lang)}.`, '');
  return lines.join('\n');
}
