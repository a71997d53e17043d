import type { Lang } from '../check/catalogue.js';
import type { Summary } from '../rollup/summary.js';
import { formatIn } from '../recognise/numbers.js';
import { formatCount } from './format.js';
import { summarySections, type Figure } from './table.js';

/** One figure of several summaries side by side (periods of a series, or the previous and the current). */
export interface AlignedLine {
  readonly depth: number;
  readonly label: string;
  /** As the terminal prints it, per summary; undefined where that summary has no such line. */
  readonly values: readonly (string | undefined)[];
  readonly figures: readonly (Figure | undefined)[];
}

export interface AlignedSection {
  readonly title: string;
  readonly lines: readonly AlignedLine[];
}

/**
 * The sections of several summaries, line by line: a line is the same figure when its section, label and depth
 * agree (a sector, an indicator only one period has is a line of its own, blank in the others). Lines come in
 * the order of the last summary (the headline), then those only earlier ones have, each after its section.
 */
export function alignSections(summaries: readonly Summary[], lang: Lang): AlignedSection[] {
  const all = summaries.map((s) => summarySections(s, { lang }));
  const order: string[] = [];
  const sections = new Map<string, { keys: string[]; lines: Map<string, { depth: number; label: string; values: (string | undefined)[]; figures: (Figure | undefined)[] }> }>();
  // The headline's order first, then the others' (latest first): a line an earlier period alone has keeps its place in that period.
  const visit = [...all.keys()].reverse();
  for (const i of visit) {
    for (const section of all[i] ?? []) {
      let sec = sections.get(section.title);
      if (!sec) {
        sec = { keys: [], lines: new Map() };
        sections.set(section.title, sec);
        order.push(section.title);
      }
      for (const line of section.lines) {
        const key = `${line.depth}\u0000${line.label}`;
        let entry = sec.lines.get(key);
        if (!entry) {
          entry = { depth: line.depth, label: line.label, values: summaries.map(() => undefined), figures: summaries.map(() => undefined) };
          sec.lines.set(key, entry);
          sec.keys.push(key);
        }
        entry.values[i] = line.value;
        entry.figures[i] = line.figure;
      }
    }
  }
  return order.map((title) => {
    const sec = sections.get(title);
    return { title, lines: sec ? sec.keys.map((k) => sec.lines.get(k)).filter((l) => l !== undefined) : [] };
  });
}

/** A signed difference as a report writes it: "+3", "−2", "±0" (vi and en alike). */
export function formatSigned(n: number, lang: Lang, decimals?: number): string {
  const abs = Math.abs(n);
  const text = decimals === undefined ? formatCount(abs, lang) : formatIn(abs, decimals, lang);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : `±${text}`;
}

/** "điểm %" / "pp": the unit of a change of a percentage. */
export const pointsWord = (lang: Lang): string => (lang === 'en' ? 'pp' : 'điểm %');

/** The change from `before` to `after` as printed in a column: "+1", or "+1 (+0,64 điểm %)" for a share. */
export function changeText(before: Figure | undefined, after: Figure | undefined, decimals: number, lang: Lang): string {
  if (!before || !after) return '';
  const count = formatSigned(after.count - before.count, lang);
  const hasShare = after.of !== undefined && before.of !== undefined;
  if (!hasShare) return count;
  const [p, q] = [after.percent, before.percent];
  if (p === null || p === undefined || q === null || q === undefined) return count;
  const k = 10 ** decimals;
  return `${count} (${formatSigned(Math.round((p - q) * k) / k, lang, decimals)} ${pointsWord(lang)})`;
}
