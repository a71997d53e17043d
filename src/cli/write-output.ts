import { randomBytes } from 'node:crypto';
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Lang } from '../check/catalogue.js';
import { TallyError } from '../read/errors.js';
import { formatCount } from '../render/format.js';
import { REPORT_FORMAT_NAMES, REPORT_FORMATS, type ReportFormatName, type ReportView } from '../render/formats.js';

/** What `-o FILE` can write: every format of `report` (the two documents only to a file). */
export type OutputFormat = ReportFormatName;

const BY_EXTENSION: Readonly<Record<string, OutputFormat>> = { '.xlsx': 'xlsx', '.docx': 'docx', '.csv': 'csv', '.json': 'json', '.md': 'md', '.txt': 'text' };

/** The format of `-o FILE`: `--format` when the user gave one, else the file's extension. */
export function outputFormat(file: string, given: string | undefined): OutputFormat {
  if (given !== undefined) {
    if ((REPORT_FORMAT_NAMES as readonly string[]).includes(given)) return given as OutputFormat;
    throw new TallyError('output-format', { file, detail: `--format ${given}` });
  }
  const format = BY_EXTENSION[extname(file).toLowerCase()];
  if (!format) throw new TallyError('output-format', { file, detail: extname(file) || 'no extension' });
  return format;
}

/** A file's identity: the same for a path, a symlink to it and a hard link to it. */
async function identity(path: string): Promise<{ dev: number; ino: number; real: string } | undefined> {
  try {
    const [info, real] = await Promise.all([stat(path), realpath(path)]);
    return { dev: info.dev, ino: info.ino, real };
  } catch {
    return undefined;
  }
}

/**
 * Refuse to write onto any input of the run, compared by real path and by inode (a symlink or a hard link to an
 * input is that input). An earlier output may be overwritten; a report that was read, never.
 */
export async function refuseInputs(target: string, inputs: readonly string[], cwd: string, shown: string): Promise<void> {
  const mine = await identity(target);
  if (mine === undefined) return;
  for (const input of inputs) {
    if (input === '-') continue;
    const theirs = await identity(resolve(cwd, input));
    if (theirs && ((theirs.dev === mine.dev && theirs.ino === mine.ino) || theirs.real === mine.real)) {
      throw new TallyError('output-is-input', { file: shown, input });
    }
  }
}

/**
 * Write to a temporary file beside the target, then rename it over the target: a reader never sees half a file,
 * and a run that fails leaves nothing (the temporary file is removed).
 */
export async function writeAtomically(target: string, content: Buffer | string, shown: string): Promise<number> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    throw new TallyError('write-failed', { file: shown, detail: WHY[code ?? ''] ?? code ?? (err instanceof Error ? err.message : 'unknown') });
  }
  return bytes.length;
}

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'thư mục không tồn tại / the folder does not exist',
  EACCES: 'không có quyền ghi / permission denied',
  EPERM: 'không được phép ghi / not permitted',
  EISDIR: 'đó là một thư mục / it is a folder',
  EROFS: 'ổ đĩa chỉ đọc / read-only file system',
  ENOSPC: 'ổ đĩa đã đầy / no space left on the disk',
  EBUSY: 'tệp đang bị khóa / the file is locked',
};

const KIND: Readonly<Record<OutputFormat, Record<Lang, string>>> = {
  xlsx: { vi: 'bảng tính Excel', en: 'the Excel workbook' },
  docx: { vi: 'phụ lục Word', en: 'the Word appendix' },
  csv: { vi: 'bảng CSV', en: 'the CSV table' },
  json: { vi: 'báo cáo JSON', en: 'the JSON report' },
  md: { vi: 'bảng Markdown', en: 'the Markdown table' },
  text: { vi: 'đoạn văn tổng hợp', en: 'the summary paragraph' },
  table: { vi: 'bảng tổng hợp', en: 'the summary table' },
};

/** The one line said once the file is written: what, where, how large. */
export function writtenLine(format: OutputFormat, file: string, bytes: number, units: number, lang: Lang): string {
  const kb = formatCount(Math.max(1, Math.round(bytes / 1024)), lang);
  return lang === 'en'
    ? `Wrote ${KIND[format].en} (${formatCount(units, lang)} organisations) to "${file}" (${kb} KB).`
    : `Đã ghi ${KIND[format].vi} (${formatCount(units, lang)} tổ chức) vào "${file}" (${kb} KB).`;
}

/**
 * `-o FILE`: render the report in its format, refuse to write onto an input, write atomically and say so in one
 * line. `view` is undefined when there is no summary to write (not trusted and no --force): nothing is written.
 * Returns the line for standard error; throws a TallyError (exit 2) when it cannot write.
 */
export async function writeReport(file: string, format: OutputFormat, view: ReportView | undefined, cwd: string, lang: Lang): Promise<string> {
  if (!view) return lang === 'en' ? `Nothing written to "${file}".` : `Không ghi tệp "${file}".`;
  const a = view.analysis;
  const target = resolve(cwd, file);
  await refuseInputs(target, a.files, cwd, file);
  const rendered = await REPORT_FORMATS[format].render(view);
  // A text format carries what it prints after the summary (--by, --roster), as it does on the terminal.
  const content = typeof rendered === 'string' ? rendered + await (await import('../render/extras.js')).reportExtras(format, view) : rendered;
  const bytes = await writeAtomically(target, content, file);
  return writtenLine(format, file, bytes, a.rows.counted, lang);
}
