import type { z } from 'zod';
import { knownMetrics } from '../rollup/metrics.js';
import { ROUNDINGS } from '../rollup/percent.js';
import { TARGET_OPS, TARGET_OVER } from '../rollup/targets.js';
import type { Config } from './schema.js';

type QuotaKey = keyof NonNullable<Config['quotas']>;
type TermKey = keyof NonNullable<Config['term']>;
type TargetKey = keyof NonNullable<Config['targets']>[number];
/** Every key of tally.config.json, nested ones with their parent: "quotas.excellent"; a target's with "targets.": "targets.metric". */
export type ConfigKey = keyof Config | `quotas.${QuotaKey}` | `term.${TermKey}` | `targets.${TargetKey}`;

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
  $comment: { vi: 'một đoạn chữ hoặc một danh sách chữ (lời giải thích, tally không đọc)', en: 'a text or a list of texts (an explanation tally does not read)' },
  term: { vi: 'một nhóm { "from": 2020, "to": 2025 } (năm đại hội và năm cuối nhiệm kỳ)', en: 'a group { "from": 2020, "to": 2025 } (the congress year and the last year of the term)' },
  'term.from': { vi: 'một năm (số nguyên, ví dụ 2020), không sau "to"', en: 'a year (a whole number such as 2020), not after "to"' },
  'term.to': { vi: 'một năm (số nguyên, ví dụ 2025), không trước "from"', en: 'a year (a whole number such as 2025), not before "from"' },
  targets: { vi: 'một danh sách [ { "label", "metric", "op", "value", "over" }, … ]', en: 'a list [ { "label", "metric", "op", "value", "over" }, … ]' },
  'targets.label': { vi: 'tên chỉ tiêu, trong dấu ngoặc kép ("95% trở lên đảng viên hoàn thành tốt nhiệm vụ")', en: 'the target\'s words, in double quotes' },
  'targets.metric': {
    vi: `một chỉ số tally biết: ${quotedList()}`,
    en: `a figure tally knows: ${quotedList()}`,
  },
  'targets.op': { vi: `một trong ${quoted(TARGET_OPS)}`, en: `one of ${quoted(TARGET_OPS)}` },
  'targets.value': { vi: 'một số, viết bằng dấu chấm (95 hoặc 92.5)', en: 'a number, with a decimal point (95 or 92.5)' },
  'targets.over': {
    vi: `một trong ${quoted(TARGET_OVER)} ("term" dành cho chỉ số term.…, và chỉ số term.… chỉ đi với "term")`,
    en: `one of ${quoted(TARGET_OVER)} ("term" goes with the term.… figures, and they only with "term")`,
  },
} as const satisfies Record<ConfigKey, { vi: string; en: string }>;

const TOP_KEYS = ['decimals', 'rounding', 'scale', 'excellentBase', 'quotas', 'bloc', 'place', 'indicators', 'maxRows', 'term', 'targets', '$comment'] as const satisfies readonly (keyof Config)[];
const QUOTA_KEYS = ['excellent', 'minFullMembers'] as const satisfies readonly QuotaKey[];
const TERM_KEYS = ['from', 'to'] as const satisfies readonly TermKey[];
const TARGET_KEYS = ['label', 'metric', 'op', 'value', 'over'] as const satisfies readonly TargetKey[];

/** The metrics a target can name, for the message of one it cannot. */
function quotedList(): string {
  return knownMetrics().map((m) => `"${m}"`).join(', ');
}

/** The keys allowed where an unknown one was found. */
function keysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return TOP_KEYS;
  if (path[0] === 'term') return TERM_KEYS;
  if (path[0] === 'targets') return TARGET_KEYS;
  return QUOTA_KEYS;
}

/** A key as the message names it: "targets[2].metric"; and as EXPECTED knows it: "targets.metric". */
function keyNames(path: readonly PropertyKey[]): { shown: string; generic: string } {
  let shown = '';
  for (const p of path) shown += typeof p === 'number' ? `[${p}]` : `${shown ? '.' : ''}${String(p)}`;
  return { shown, generic: path.filter((p) => typeof p !== 'number').map(String).join('.') };
}

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
    const { shown: key, generic } = keyNames(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(issue.path);
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
    const words = isConfigKey(generic) ? EXPECTED[generic] : { vi: 'một giá trị khác', en: 'another value' };
    vi.push(`"${key}" phải là ${words.vi}, nhưng đang ghi ${found}`);
    en.push(`"${key}" must be ${words.en}, but the file has ${found}`);
  }
  if (issues.length > 5) {
    vi.push(`và ${issues.length - 5} lỗi khác`);
    en.push(`and ${issues.length - 5} more`);
  }
  return { vi: vi.join('; '), en: en.join('; ') };
}
