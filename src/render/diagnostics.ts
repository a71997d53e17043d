import { Chalk } from 'chalk';
import { describe, type Lang } from '../check/catalogue.js';
import type { Diagnostic } from '../check/diagnostic.js';
import type { TallyError } from '../read/errors.js';

export interface DiagnosticsOptions {
  readonly lang: Lang;
  readonly color: boolean;
}

function where(d: Diagnostic, lang: Lang): string {
  const l = d.location;
  let s = l.file || (lang === 'en' ? '(all files)' : '(toàn bộ các tệp)');
  if (l.sheet) s += ` [${l.sheet}]`;
  if (l.cell) s += ` ${l.cell}`;
  else if (l.row !== undefined) s += `:${l.row}`;
  return s;
}

const WORDS = {
  vi: { error: 'lỗi', warning: 'cảnh báo', fatal: 'không đọc được', write: 'không ghi', usage: 'sai cách dùng', hint: 'cách sửa' },
  en: { error: 'error', warning: 'warning', fatal: 'cannot read', write: 'cannot write', usage: 'usage', hint: 'fix' },
} as const;

/** One line a problem, like a compiler: `file [sheet] C12: lỗi TL021 message` and an indented hint. */
export function renderDiagnosticLines(diags: readonly Diagnostic[], o: DiagnosticsOptions): string[] {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const w = WORDS[o.lang];
  const lines: string[] = [];
  for (const d of diags) {
    const { message, hint } = describe(d.code, d.args, o.lang);
    const sev = d.severity === 'error' ? c.red(w.error) : c.yellow(w.warning);
    lines.push(`${c.bold(where(d, o.lang))}: ${sev} ${c.dim(d.code)} ${message}`);
    lines.push(`    ${c.dim(`${w.hint}: ${hint}`)}`);
  }
  return lines;
}

/** Failures of `-o FILE`: about the file to write, not an input. */
const OUTPUT_CODES: ReadonlySet<string> = new Set(['output-is-input', 'output-exists', 'output-format', 'write-failed']);

export function renderFailures(failures: readonly TallyError[], o: DiagnosticsOptions): string[] {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const w = WORDS[o.lang];
  const lines: string[] = [];
  for (const f of failures) {
    const { message, hint } = f.describe(o.lang);
    lines.push(`${c.red.bold(f.code === 'usage' ? w.usage : OUTPUT_CODES.has(f.code) ? w.write : w.fatal)}: ${message}`);
    lines.push(`    ${c.dim(`${w.hint}: ${hint}`)}`);
  }
  return lines;
}

import { countSeverities } from './severities.js';

export { countSeverities };

/** The closing line of `check` and of a report with problems. */
export function summaryLine(diags: readonly Diagnostic[], failures: number, files: number, lang: Lang): string {
  const { errors, warnings } = countSeverities(diags);
  // Nothing read (a path that does not exist, a folder with no spreadsheet) is a failure, not a check that passed.
  if (files === 0 && failures > 0) {
    return lang === 'en'
      ? `No file was read: ${failures} input(s) could not be read (see above).`
      : `Không đọc được tệp nào: ${failures} đầu vào không đọc được (xem trên).`;
  }
  return lang === 'en'
    ? `${files} file(s) checked: ${errors} error(s), ${warnings} warning(s)${failures ? `, ${failures} file(s) unreadable` : ''}.`
    : `Đã kiểm tra ${files} tệp: ${errors} lỗi, ${warnings} cảnh báo${failures ? `, ${failures} tệp không đọc được` : ''}.`;
}

/** GitHub Actions workflow commands: problems show up as annotations on the pull request. */
export function renderGithub(diags: readonly Diagnostic[], failures: readonly TallyError[], lang: Lang): string[] {
  const esc = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines: string[] = [];
  for (const f of failures) {
    const { message, hint } = f.describe(lang);
    const file = typeof f.args.file === 'string' ? `file=${prop(f.args.file)},` : '';
    lines.push(`::error ${file}title=${prop(`tally ${f.code}`)}::${esc(`${message} ${hint}`)}`);
  }
  for (const d of diags) {
    const { message, hint, rule } = describe(d.code, d.args, lang);
    const props = d.location.file ? [`file=${prop(d.location.file)}`] : [];
    if (d.location.row !== undefined) props.push(`line=${d.location.row}`);
    const col = d.location.cell ? /^[A-Z]+/.exec(d.location.cell)?.[0] : undefined;
    if (col) props.push(`col=${columnNumber(col)}`);
    props.push(`title=${prop(`${d.code} ${rule}${d.location.sheet ? ` [${d.location.sheet}]` : ''}${d.location.cell ? ` ${d.location.cell}` : ''}`)}`);
    lines.push(`::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${esc(`${message} ${hint}`)}`);
  }
  return lines;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
