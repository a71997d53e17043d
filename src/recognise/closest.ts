import { aliasesOf, COLUMN_LABELS, COUNT_COLUMNS, TEXT_COLUMNS, type ColumnId } from './columns.js';
import { fold } from './normalise.js';

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** Every spelling of every column, folded: made when a message first needs it, not by every run that loads this. */
let all: readonly { id: ColumnId; folded: string }[] | undefined;

/** The known column a header most nearly spells, for the "no table found" message; undefined when none is near. */
export function closestColumn(header: string): { id: ColumnId; label: string } | undefined {
  const key = fold(header);
  if (key === '') return undefined;
  let best: { id: ColumnId; d: number } | undefined;
  all ??= [...TEXT_COLUMNS, ...COUNT_COLUMNS].flatMap((id) => aliasesOf(id).map((alias) => ({ id, folded: fold(alias) })));
  for (const a of all) {
    const d = distance(key, a.folded);
    if (!best || d < best.d) best = { id: a.id, d };
  }
  if (!best || best.d > Math.max(1, Math.floor(key.length / 4))) return undefined;
  return { id: best.id, label: COLUMN_LABELS[best.id] };
}
