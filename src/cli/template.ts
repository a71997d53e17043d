import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../check/catalogue.js';
import { TallyError } from '../read/errors.js';
import type { FormUnit } from '../render/template.js';
import { EXIT } from './exit-code.js';
import type { Io } from './io.js';
import { invalid } from './usage.js';

interface TemplateCliOptions {
  lang: Lang;
  output?: string;
  format: 'xlsx' | 'csv';
  config?: string;
  period?: string;
  unit?: string;
  members?: boolean;
  rows?: number;
  force?: boolean;
  roster?: string;
}

const DEFAULT_FILE = { units: 'mau-bao-cao', members: 'mau-danh-sach-dang-vien' } as const;

/** `tally template`: the form units fill in, so that reports arrive right the first time. */
export function addTemplateCommand(program: Command, io: Io, setCode: (code: number) => void): void {
  program.command('template')
    .description('write the form units fill in: every column, dropdowns, validations, totals and the balance check')
    .addOption(new Option('--lang <lang>', 'language of messages and of the instructions sheet').choices(['vi', 'en']).default('vi'))
    .option('-o, --output <file>', 'where to write it (default mau-bao-cao.xlsx; --members: mau-danh-sach-dang-vien.xlsx)')
    .addOption(new Option('-f, --format <format>', 'xlsx: the styled form; csv: the header line only (UTF-8 with BOM)').choices(['xlsx', 'csv']).default('xlsx'))
    .option('--config <file>', 'the bloc, place and indicators from a config file (default: ./tally.config.json when present)')
    .option('--period <label>', 'the period in the form\'s title (e.g. 2024)')
    .option('--unit <code>', 'one unit\'s own form: a single row with its code')
    .option('--members', 'the member-list form (Họ và tên, Ngày sinh, Số thẻ đảng viên, Chi bộ, Xếp loại)')
    .option('--roster <file>', 'one row per expected unit, its code, name, type and parent filled in (.csv/.xlsx, as tally report --roster)')
    .option('--rows <n>', 'rows of a blank form (default 30)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 5000) throw invalid('cần một số nguyên từ 1 đến 5000', 'expected a whole number from 1 to 5000');
      return n;
    })
    .option('--force', 'overwrite the output file when it exists')
    .action(async (opts: TemplateCliOptions) => {
      setCode(await template(opts, io));
    });
}

async function template(opts: TemplateCliOptions, io: Io): Promise<number> {
  const { loadConfig } = await import('../config/config.js');
  const config = await loadConfig(io.cwd, opts.config);
  const units = await formUnits(opts, io);
  const kind = opts.members ? 'members' : 'units';
  if (opts.format === 'csv' && opts.output === undefined) {
    const { templateCsv } = await import('../render/template-csv.js');
    io.stdout.write(templateCsv(kind, opts.lang, config.indicators ?? []));
    return EXIT.ok;
  }
  const file = opts.output ?? `${DEFAULT_FILE[kind]}.${opts.format}`;
  const target = resolve(io.cwd, file);
  if (!opts.force && (await exists(target))) throw new TallyError('output-exists', { file });
  const options = { lang: opts.lang, bloc: config.bloc, place: config.place, trusted: true, period: opts.period, indicators: config.indicators, units, blankRows: opts.rows };
  let content: Buffer | string;
  if (opts.format === 'csv') {
    const { templateCsv } = await import('../render/template-csv.js');
    content = templateCsv(kind, opts.lang, config.indicators ?? []);
  } else if (kind === 'members') {
    const { renderMemberTemplate } = await import('../render/template-members.js');
    content = await renderMemberTemplate(options);
  } else {
    const { renderTemplate } = await import('../render/template.js');
    content = await renderTemplate(options);
  }
  const { writeAtomically } = await import('./write-output.js');
  const bytes = await writeAtomically(target, content, file);
  const kb = Math.max(1, Math.round(bytes / 1024));
  const what = kind === 'members'
    ? { vi: 'mẫu danh sách đảng viên', en: 'the member-list form' }
    : { vi: 'mẫu báo cáo', en: 'the report form' };
  io.stderr.write(opts.lang === 'en' ? `Wrote ${what.en} to "${file}" (${kb} KB).\n` : `Đã ghi ${what.vi} vào "${file}" (${kb} KB).\n`);
  return EXIT.ok;
}

/**
 * The rows the form is made for: the roster's units (`--roster`), one of them or a code alone (`--unit`); none for a
 * blank form. A code the roster does not have is an error, not a blank row.
 */
async function formUnits(opts: TemplateCliOptions, io: Io): Promise<FormUnit[] | undefined> {
  if (opts.roster === undefined) return opts.unit !== undefined ? [{ code: opts.unit, name: '' }] : undefined;
  const { readRoster } = await import('../analyse/roster.js');
  const roster = await readRoster(opts.roster, { cwd: io.cwd, stdin: io.stdin });
  if (opts.unit === undefined) return [...roster.units];
  const one = roster.units.find((u) => u.code !== undefined && u.code.trim().toLowerCase() === opts.unit?.trim().toLowerCase());
  if (!one) {
    throw new TallyError('usage', {
      detailVi: `Danh sách đơn vị "${opts.roster}" không có mã "${opts.unit}"`,
      detailEn: `The roster "${opts.roster}" has no unit with the code "${opts.unit}"`,
    });
  }
  return [one];
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
