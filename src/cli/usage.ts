import { CommanderError, InvalidArgumentError } from 'commander';
import type { Lang } from '../check/catalogue.js';
import { TallyError } from '../read/errors.js';

/**
 * A usage mistake (an unknown option, a missing value, a value an option does not take) in the user's language,
 * with the closest option and the way to the help, as a `usage` failure (exit 2). commander's own English words
 * are never shown: its message is only read for the option and the value it names.
 */
export function usageError(err: CommanderError): TallyError {
  const m = err.message;
  const quoted = [...m.matchAll(/'([^']*)'/g)].map((q) => q[1] ?? '');
  // "-f, --format <format>": the long name, which the help lists.
  const words = (quoted[0] ?? '').split(/[ ,]+/);
  const flag = words.find((w) => w.startsWith('--')) ?? words[0] ?? '';
  const near = /Did you mean (\S+?)\?/.exec(m)?.[1];
  const hintVi = 'Xem `tally --help` để biết mọi tùy chọn, mỗi tùy chọn có một ví dụ.';
  const hintEn = 'See `tally --help` for every option, each with an example.';
  const say = (vi: string, en: string): TallyError => new TallyError('usage', { detailVi: vi, detailEn: en, hintVi, hintEn });
  switch (err.code) {
    case 'commander.unknownOption':
      return say(
        `Không có tùy chọn ${flag}${near ? ` (có phải ${near}?)` : ''}.`,
        `There is no option ${flag}${near ? ` (did you mean ${near}?)` : ''}.`);
    case 'commander.optionMissingArgument':
      return say(`Tùy chọn ${flag} cần một giá trị: ${quoted[0] ?? flag}.`, `Option ${flag} needs a value: ${quoted[0] ?? flag}.`);
    case 'commander.missingArgument':
      return say(
        'Chưa có tệp hay thư mục báo cáo nào để đọc (ví dụ: tally bao-cao.xlsx, tally thu-muc/, hoặc - cho đầu vào chuẩn).',
        'No report file or folder to read (for example: tally report.xlsx, tally folder/, or - for standard input).');
    case 'commander.invalidArgument': {
      const value = quoted[1] ?? '';
      const choices = /Allowed choices are (.+)\.$/m.exec(m)?.[1];
      const own = /is invalid\. (.+)$/m.exec(m)?.[1] ?? '';
      const [wantVi, wantEn] = choices
        ? [`chọn một trong: ${choices}`, `choose one of: ${choices}`]
        : own.includes(' | ') ? own.split(' | ') as [string, string] : [own, own];
      return say(`Giá trị "${value}" của ${flag} không dùng được: ${wantVi}.`, `${flag} cannot take "${value}": ${wantEn}.`);
    }
    default:
      return say(`Dòng lệnh không đúng (${m.replace(/^error: /, '')}).`, `The command line is not right (${m.replace(/^error: /, '')}).`);
  }
}

/** The language asked for on the command line, for a message given before the options are parsed. */
export function langOf(argv: readonly string[]): Lang {
  const at = argv.indexOf('--lang');
  return (at >= 0 && argv[at + 1] === 'en') || argv.includes('--lang=en') ? 'en' : 'vi';
}

/** An option's value parser that fails in both languages ("vi | en"): usageError splits them. */
export function invalid(vi: string, en: string): InvalidArgumentError {
  return new InvalidArgumentError(`${vi} | ${en}`);
}

/** A value that is the next option ("--period --lang en"): the value was left out, not given as "--lang". */
export function notAnOption(value: string): string {
  if (/^--?[a-z]/i.test(value)) throw invalid('thiếu giá trị, tùy chọn kế tiếp bị lấy làm giá trị', 'its value is missing, the next option was taken for it');
  return value;
}

/** --delimiter: one of , ; tab | (also "\t", a real tab, and their names). */
export function delimiterArg(value: string): string {
  const named: Record<string, string> = { ',': ',', ';': ';', '|': '|', '\t': '\t', '\\t': '\t', tab: '\t', comma: ',', semicolon: ';', pipe: '|' };
  const d = named[value.toLowerCase()];
  if (d === undefined) throw invalid('chỉ nhận "," ";" "tab" hoặc "|"', 'it takes only "," ";" "tab" or "|"');
  return d;
}

/** TALLY_WORKERS: a whole number, 0 or more (0 reads the files one after the other). */
export function workersFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (/^\d+$/.test(value.trim()) && Number.isSafeInteger(n)) return n;
  throw new TallyError('usage', {
    detailVi: `TALLY_WORKERS phải là một số nguyên từ 0 trở lên (số luồng đọc tệp; 0 là đọc lần lượt), nhưng đang là "${value}".`,
    detailEn: `TALLY_WORKERS must be a whole number, 0 or more (threads that read the files; 0 reads them one by one), but it is "${value}".`,
    hintVi: 'Đặt TALLY_WORKERS=0, TALLY_WORKERS=2…, hoặc bỏ biến này để tally tự chọn.',
    hintEn: 'Set TALLY_WORKERS=0, TALLY_WORKERS=2…, or unset it to let tally choose.',
  });
}
