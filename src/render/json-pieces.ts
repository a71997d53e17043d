/** Items of the long array serialised together, per piece written. */
const BATCH = 2000;

/**
 * `JSON.stringify(value, null, 2)` in pieces, the same text to the byte: the long array under `key` (a streak of
 * 150,000 organisations) is written a batch of items at a time, so the whole document is never one string (a
 * 38 MB JSON text took 76 MB as a string and as much again as the bytes written).
 */
export function* jsonPieces(value: Readonly<Record<string, unknown>>, key: string): Generator<string> {
  const items = value[key];
  if (!Array.isArray(items) || items.length === 0) {
    yield `${JSON.stringify(value, null, 2)}\n`;
    return;
  }
  // The document with a placeholder where the array goes: its text splits there.
  const marker = '\u0000tally-items\u0000';
  const shell = JSON.stringify({ ...value, [key]: marker }, null, 2);
  const at = shell.indexOf(JSON.stringify(marker));
  yield `${shell.slice(0, at)}[\n`;
  for (let start = 0; start < items.length; start += BATCH) {
    const end = Math.min(items.length, start + BATCH);
    const parts: string[] = [];
    for (let i = start; i < end; i++) parts.push(`    ${JSON.stringify(items[i], null, 2).replace(/\n/g, '\n    ')}`);
    yield `${parts.join(',\n')}${end < items.length ? ',\n' : '\n'}`;
  }
  yield `  ]${shell.slice(at + JSON.stringify(marker).length)}\n`;
}

/** Write pieces to a stream, waiting for it to drain when it asks to (a pipe to a slow reader). */
export async function writePieces(out: { write(chunk: string): unknown }, pieces: Iterable<string>): Promise<void> {
  const once = (out as { once?: (event: 'drain', listener: () => void) => unknown }).once?.bind(out);
  for (const piece of pieces) {
    if (out.write(piece) === false && once) await new Promise<void>((resolve) => once('drain', resolve));
  }
}
