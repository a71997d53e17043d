import type { Analysis } from '../analyse/analyse.js';
import type { Lang } from '../check/catalogue.js';
import type { Summary } from '../rollup/summary.js';
import type { TargetsResult } from '../rollup/targets.js';
import type { DocumentOptions, TargetResult } from './heading.js';
import type { Comparison } from '../rollup/compare.js';
import type { PeriodColumn } from './periods-table.js';

/** What a report's rendering is given: the analysis, its summary and how the user wants it said. */
export interface ReportView {
  readonly analysis: Analysis;
  readonly summary: Summary;
  readonly lang: Lang;
  readonly color: boolean;
  /** False when the data have errors and the summary is printed anyway (--force). */
  readonly trusted: boolean;
  /** The bloc's name and the place for a document's title block (config `bloc`, `place`). */
  readonly bloc?: string | undefined;
  readonly place?: string | undefined;
  readonly targets?: readonly TargetResult[] | undefined;
  /** `--previous`: the previous period beside `summary` (the current one). */
  readonly comparison?: Comparison | undefined;
  /** `--by-period`: every period in order; `summary` is the last (the headline). */
  readonly series?: readonly PeriodColumn[] | undefined;
  /** The targets of the config judged on the periods read (a term, or the one period), with the term's figures. */
  readonly targetsResult?: TargetsResult | undefined;
}

/** The targets section after a rendering, when the run has targets. */
async function withTargets(v: ReportView, body: string | Promise<string>, kind: 'table' | 'text' | 'md'): Promise<string> {
  const r = v.targetsResult;
  const text = await body;
  if (!r || r.targets.length === 0) return text;
  const t = await import('./targets.js');
  const decimals = v.summary.options.decimals;
  if (kind === 'table') return `${text}${t.renderTargetsTable(r, { lang: v.lang, color: v.color, decimals, bloc: v.bloc })}`;
  if (kind === 'md') return `${text}\n${t.renderTargetsMarkdown(r, v.lang, decimals)}`;
  return `${text.replace(/\n$/, '')} ${t.targetsSentence(r, decimals, v.lang, v.bloc)}\n`;
}

/** A way of printing a report. Each loads its module only when used, so `--help` stays instant. */
export interface ReportFormat {
  /**
   * Printed whatever the analysis holds, its diagnostics and failures inside it (JSON for programs); the other
   * formats print a summary only when it can be trusted (or --force), with the problems on standard error.
   */
  readonly selfContained?: true;
  /** A document of bytes (a workbook, a Word file): written only to a file with -o. */
  readonly toFile?: true;
  render(view: ReportView): Promise<string | Buffer>;
}

/** A document's title block and the words of its tables. */
async function documentOptions(v: ReportView): Promise<DocumentOptions> {
  const { blocFromTitles } = await import('./heading.js');
  return { lang: v.lang, bloc: v.bloc ?? blocFromTitles(v.analysis.rows.skipped), place: v.place, trusted: v.trusted };
}

/** Every output format of `tally report`: the `--format` choices are this registry's keys. */
export const REPORT_FORMATS = {
  table: {
    async render(v) {
      const a = v.analysis;
      const columns = { lang: v.lang, color: v.color, trusted: v.trusted, files: a.files.length };
      if (v.comparison) return withTargets(v, (await import('./periods-table.js')).renderCompareTable(v.summary, v.comparison, columns), 'table');
      if (v.series) return withTargets(v, (await import('./periods-table.js')).renderSeriesTable(v.series, columns), 'table');
      const { renderTable } = await import('./table.js');
      return withTargets(v, renderTable(v.summary, {
        lang: v.lang, color: v.color, trusted: v.trusted, files: a.files.length,
        rows: { read: a.rows.read, counted: a.rows.counted, skipped: a.rows.skipped.length },
      }), 'table');
    },
  },
  json: {
    selfContained: true,
    async render(v) {
      const extra = v.targetsResult ? (await import('./targets.js')).targetsJson(v.targetsResult) : undefined;
      if (v.comparison) return (await import('./periods-json.js')).renderCompareJson(v.analysis, v.summary, v.comparison, v.lang, v.trusted);
      if (v.series) return (await import('./periods-json.js')).renderSeriesJson(v.analysis, v.series, v.lang, v.trusted, extra);
      return (await import('./json.js')).renderReportJson(v.analysis, v.lang, v.trusted, extra);
    },
  },
  text: {
    async render(v) {
      if (v.comparison) return (await import('./periods-text.js')).renderCompareText(v.summary, v.comparison, v.lang);
      if (v.series) return withTargets(v, (await import('./periods-text.js')).renderSeriesText(v.series, v.lang), 'text');
      return withTargets(v, (await import('./text.js')).renderText(v.summary, v.lang), 'text');
    },
  },
  md: {
    async render(v) {
      const o = { lang: v.lang, trusted: v.trusted, files: v.analysis.files.length };
      if (v.comparison) return (await import('./periods-md.js')).renderCompareMarkdown(v.summary, v.comparison, o);
      if (v.series) return withTargets(v, (await import('./periods-md.js')).renderSeriesMarkdown(v.series, o), 'md');
      return withTargets(v, (await import('./markdown.js')).renderMarkdown(v.summary, { lang: v.lang, trusted: v.trusted }), 'md');
    },
  },
  csv: {
    async render(v) {
      if (v.comparison) return (await import('./periods-md.js')).renderCompareCsv(v.summary, v.comparison, v.lang);
      if (v.series) return (await import('./periods-md.js')).renderSeriesCsv(v.series, v.lang);
      return (await import('./markdown.js')).renderCsv(v.summary);
    },
  },
  xlsx: {
    toFile: true,
    async render(v) {
      const a = v.analysis;
      const by = a.breakdown ? (await import('./by-field.js')).byTable(a.breakdown, a.committees ?? [], v.lang) : undefined;
      return (await import('./xlsx.js')).renderXlsx({ summary: v.summary, units: a.units ?? [], diagnostics: a.diagnostics, failures: a.failures,
        targets: v.targets ?? (v.targetsResult ? (await import('./targets.js')).documentTargets(v.targetsResult, v.lang) : undefined), by, roster: a.roster }, await documentOptions(v));
    },
  },
  docx: {
    toFile: true,
    async render(v) {
      const a = v.analysis;
      const by = a.breakdown ? (await import('./by-field.js')).byTable(a.breakdown, a.committees ?? [], v.lang) : undefined;
      return (await import('./docx.js')).renderDocx(v.summary, await documentOptions(v), { targets: v.targetsResult, by, roster: a.roster });
    },
  },
} as const satisfies Record<string, ReportFormat>;

export type ReportFormatName = keyof typeof REPORT_FORMATS;
export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as ReportFormatName[];

/** What `tally check` prints: every problem, in words for a person, as JSON, or as GitHub annotations. */
export interface CheckView {
  readonly analysis: Analysis;
  readonly lang: Lang;
  readonly color: boolean;
  /** The verbose lines, when asked for (--verbose). */
  readonly verbose: readonly string[];
}

export interface CheckFormat {
  render(view: CheckView): Promise<string>;
}

/** Every output format of `tally check`. */
export const CHECK_FORMATS = {
  text: {
    async render(v) {
      const { renderDiagnosticLines, renderFailures, summaryLine } = await import('./diagnostics.js');
      const a = v.analysis;
      const lines = [...v.verbose];
      for (const l of renderFailures(a.failures, { lang: v.lang, color: v.color })) lines.push(l);
      for (const l of renderDiagnosticLines(a.diagnostics, { lang: v.lang, color: v.color })) lines.push(l);
      lines.push(summaryLine(a.diagnostics, a.failures.length, a.files.length, v.lang));
      return `${lines.join('\n')}\n`;
    },
  },
  json: {
    async render(v) {
      return (await import('./json.js')).renderCheckJson(v.analysis, v.lang);
    },
  },
  github: {
    async render(v) {
      const { renderGithub, summaryLine } = await import('./diagnostics.js');
      const a = v.analysis;
      const lines = renderGithub(a.diagnostics, a.failures, v.lang);
      lines.push(summaryLine(a.diagnostics, a.failures.length, a.files.length, v.lang));
      return `${lines.join('\n')}\n`;
    },
  },
} as const satisfies Record<string, CheckFormat>;

export type CheckFormatName = keyof typeof CHECK_FORMATS;
export const CHECK_FORMAT_NAMES = Object.keys(CHECK_FORMATS) as CheckFormatName[];
