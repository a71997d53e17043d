import { describe, type Lang } from '../check/catalogue.js';
import type { Diagnostic } from '../check/diagnostic.js';
import type { Analysis } from '../analyse/analyse.js';
import type { TallyError } from '../read/errors.js';
import { countSeverities } from './severities.js';
import { rosterJson } from './roster.js';
import { byJson, byTable } from './by-field.js';

export function diagnosticJson(d: Diagnostic, lang: Lang): Record<string, unknown> {
  const { message, hint, rule } = describe(d.code, d.args, lang);
  return {
    code: d.code, severity: d.severity, rule,
    location: { file: d.location.file, sheet: d.location.sheet ?? null, row: d.location.row ?? null, column: d.location.column ?? null, cell: d.location.cell ?? null },
    value: d.args.value ?? null, expected: d.args.expected ?? null, args: d.args, message, hint,
  };
}

export function failureJson(f: TallyError, lang: Lang): Record<string, unknown> {
  const { message, hint } = f.describe(lang);
  return { code: f.code, file: f.args.file ?? null, message, hint };
}

/** `tally --format json`: the summary object itself, with the row accounting and the problems beside it. */
export function renderReportJson(a: Analysis, lang: Lang, trusted: boolean, extra?: Record<string, unknown>): string {
  return `${JSON.stringify({
    ...a.summary,
    ...extra,
    trusted,
    files: a.files,
    rows: a.rows,
    diagnostics: a.diagnostics.map((d) => diagnosticJson(d, lang)),
    failures: a.failures.map((f) => failureJson(f, lang)),
    ...(a.roster ? { roster: rosterJson(a.roster) } : {}),
    ...(a.breakdown ? { breakdown: byJson(byTable(a.breakdown, a.committees ?? [], lang)), committees: (a.committees ?? []).map(({ row, ...c }) => ({ ...c, file: row.source.file, sheet: row.source.sheet ?? null, row: row.source.row })) } : {}),
  }, null, 2)}\n`;
}

/** `tally check --format json`: schema `tally.check/1`. */
export function renderCheckJson(a: Analysis, lang: Lang): string {
  const { errors, warnings } = countSeverities(a.diagnostics);
  return `${JSON.stringify({
    schema: 'tally.check/1',
    files: a.files,
    counts: { errors, warnings, unreadable: a.failures.length },
    rows: a.rows,
    diagnostics: a.diagnostics.map((d) => diagnosticJson(d, lang)),
    failures: a.failures.map((f) => failureJson(f, lang)),
    ...(a.roster ? { roster: rosterJson(a.roster) } : {}),
  }, null, 2)}\n`;
}
