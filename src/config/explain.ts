import type { z } from 'zod';
import { ROUNDINGS } from '../rollup/percent.js';
import type { Config } from './schema.js';

type QuotaKey = keyof NonNullable<Config['quotas']>;
/** Every key of tally.config.json, nested ones with their parent: "quotas.excellent". */
export type ConfigKey = Exclude<keyof Config, 'quotas'> | 'quotas' | `quotas.${QuotaKey}`;

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

/** What each key holds, in words: the message says this, never zod's English. */
export const EXPECTED = {
  decimals: { vi: 'một số nguyên từ 0 đến 6 (số chữ số thập phân của tỷ lệ phần trăm)', en: 'a whole number from 0 to 6 (the decimals of percentages)' },
  rounding: { vi: `một trong ${quoted(ROUNDINGS)}`, en: `one of ${quoted(ROUNDINGS)}` },
  scale: { vi: 'một trong "current", "pre-2018"', en: 'one of "current", "pre-2018"' },
  excellentBase: { vi: 'một trong "goodOrBetter", "rated"', en: 'one of "goodOrBetter", "rated"' },
  quotas: { vi: 'một nhóm { "excellent": …, "minFullMembers": … }', en: 'a group { "excellent": …, "minFullMembers": … }' },
  'quotas.excellent': { vi: 'một tỷ lệ từ 0 đến 1, viết bằng dấu chấm (0.2 là 20%)', en: 'a share from 0 to 1, with a decimal point (0.2 is 20%)' },
  'quotas.minFullMembers': { vi: 'một số nguyên từ 0 trở lên', en: 'a whole number, 0 or more' },
  bloc: { vi: 'tên Đảng bộ Khối, trong dấu ngoặc kép ("Đảng bộ Khối các cơ quan tỉnh")', en: 'the bloc\'s name, in double quotes ("Đảng bộ Khối các cơ quan tỉnh")' },
  maxRows: { vi: 'một số nguyên từ 1 trở lên (số dòng tối đa của một trang bảng tính, như --max-rows)', en: 'a whole number, 1 or more (the most rows of a workbook sheet, as --max-rows)' },
  place: { vi: 'tên địa danh, trong dấu ngoặc kép ("Hà Nội")', en: 'a place name, in double quotes ("Hà Nội")' },
  indicators: { vi: 'một danh sách tên chỉ tiêu, mỗi tên trong dấu ngoặc kép (["Số cuộc học tập nghị quyết"])', en: 'a list of indicator names, each in double quotes (["Số cuộc học tập nghị quyết"])' },
} as const satisfies Record<ConfigKey, { vi: string; en: string }>;

const TOP_KEYS = ['decimals', 'rounding', 'scale', 'excellentBase', 'quotas', 'bloc', 'place', 'indicators', 'maxRows'] as const satisfies readonly Exclude<ConfigKey, `quotas.${string}`>[];
const QUOTA_KEYS = ['excellent', 'minFullMembers'] as const satisfies readonly QuotaKey[];

function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(EXPECTED, key);
}

/** A value as it stands in the file, short. */
function shown(value: unknown): string {
  const text = value === undefined ? '' : JSON.stringify(value) ?? typeof value;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let here = data;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** The nearest known key to a misspelt one ("decimal" → "decimals"), when it is one or two edits away. */
function nearest(key: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const up = row[j] ?? 0;
        row[j] = Math.min(up + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1));
        diagonal = up;
      }
    }
    return row[b.length] ?? Infinity;
  };
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(key.slice(0, 40), k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

/**
 * The problems zod found in a config, in Vietnamese and in English: each names its key, what the key takes and
 * what the file has. Worded from the issue's code and path (never its message), at most five of them.
 */
export function explainIssues(issues: readonly z.core.$ZodIssue[], data: unknown): { vi: string; en: string } {
  const vi: string[] = [];
  const en: string[] = [];
  for (const issue of issues.slice(0, 5)) {
    const key = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const known = issue.path.length === 0 ? TOP_KEYS : QUOTA_KEYS;
      for (const k of issue.keys.slice(0, 5)) {
        const name = issue.path.length === 0 ? k : `${key}.${k}`;
        const near = nearest(k, known);
        vi.push(`khóa "${name}" không có trong cấu hình của tally${near ? ` (có phải "${near}"?)` : ''}; các khóa ở đây là ${quoted(known)}`);
        en.push(`"${name}" is not a tally setting${near ? ` (did you mean "${near}"?)` : ''}; the keys here are ${quoted(known)}`);
      }
      continue;
    }
    if (issue.path.length === 0) {
      vi.push(`tệp phải là một đối tượng JSON { … } với các khóa ${quoted(TOP_KEYS)}, nhưng đang là ${shown(data)}`);
      en.push(`the file must hold one JSON object { … } with the keys ${quoted(TOP_KEYS)}, but it holds ${shown(data)}`);
      continue;
    }
    const found = shown(valueAt(data, issue.path));
    const words = isConfigKey(key) ? EXPECTED[key] : { vi: 'một giá trị khác', en: 'another value' };
    vi.push(`"${key}" phải là ${words.vi}, nhưng đang ghi ${found}`);
    en.push(`"${key}" must be ${words.en}, but the file has ${found}`);
  }
  if (issues.length > 5) {
    vi.push(`và ${issues.length - 5} lỗi khác`);
    en.push(`and ${issues.length - 5} more`);
  }
  return { vi: vi.join('; '), en: en.join('; ') };
}
