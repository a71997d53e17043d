import type { Lang } from '../check/catalogue.js';
import { memberColumns } from './template-members.js';
import { formColumns } from './template.js';

function field(text: string): string {
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The header line of the form as CSV, UTF-8 with a byte-order mark so that Excel opens it in the right encoding:
 * each column once by its own name (a grouped one without its parent: "Kết nạp" is understood alone); no formula
 * column (a CSV holds none).
 */
export function templateCsv(kind: 'units' | 'members', lang: Lang, indicators: readonly string[]): string {
  const labels = kind === 'members'
    ? memberColumns(lang).map((c) => c.label)
    : formColumns(lang, indicators).filter((c) => c.input !== 'check').map((c) => c.label);
  return `\ufeff${labels.map(field).join(',')}\r\n`;
}
