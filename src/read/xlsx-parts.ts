import { createRequire } from 'node:module';

/**
 * Parts of a workbook tally does not need to read its figures: cell styles, document properties, comments,
 * drawings, tables and the VML of notes. One of them damaged (a styles.xml cut short, a comment with a broken tag)
 * used to refuse the whole file; now its reader's failure leaves the part out, the data are read without it, and
 * the part is named in a warning (TL006). Names are the part's path, or its pattern where several may exist.
 */
const UNNEEDED: readonly { readonly module: string; readonly part: string; readonly reset: (xform: Xform) => void }[] = [
  { module: 'exceljs/lib/xlsx/xform/style/styles-xform.js', part: 'xl/styles.xml', reset: (x) => x.init?.() },
  { module: 'exceljs/lib/xlsx/xform/core/app-xform.js', part: 'docProps/app.xml', reset: (x) => (x.model = {}) },
  { module: 'exceljs/lib/xlsx/xform/core/core-xform.js', part: 'docProps/core.xml', reset: (x) => (x.model = {}) },
  { module: 'exceljs/lib/xlsx/xform/comment/comments-xform.js', part: 'xl/comments*.xml', reset: (x) => (x.model = { comments: [] }) },
  { module: 'exceljs/lib/xlsx/xform/comment/vml-notes-xform.js', part: 'xl/drawings/vmlDrawing*.vml', reset: (x) => (x.model = { anchors: [] }) },
  { module: 'exceljs/lib/xlsx/xform/drawing/drawing-xform.js', part: 'xl/drawings/drawing*.xml', reset: (x) => (x.model = { anchors: [] }) },
  { module: 'exceljs/lib/xlsx/xform/table/table-xform.js', part: 'xl/tables/table*.xml', reset: (x) => (x.model = undefined) },
];

interface Xform {
  model: unknown;
  init?: (this: Xform) => void;
  parseStream: (this: Xform, stream: unknown) => Promise<unknown>;
}

/** The parts left out since the last `takeDroppedParts`: one workbook is read at a time in a thread. */
let dropped: string[] = [];

/** The unneeded parts left out while reading the last workbook, each once, and a fresh start for the next. */
export function takeDroppedParts(): string[] {
  const parts = [...new Set(dropped)];
  dropped = [];
  return parts;
}

/** Make the readers of unneeded parts forgive a damaged part (called once, before exceljs loads). */
export function tolerateUnneededParts(): void {
  const require = createRequire(import.meta.url);
  for (const { module, part, reset } of UNNEEDED) {
    let cls: { prototype: Xform } | undefined;
    try {
      cls = require(module) as { prototype: Xform };
    } catch {
      continue;
    }
    const original = cls.prototype.parseStream;
    if (typeof original !== 'function') continue;
    cls.prototype.parseStream = async function parseStream(this: Xform, stream: unknown): Promise<unknown> {
      try {
        return await original.call(this, stream);
      } catch {
        dropped.push(part);
        reset(this);
        return this.model;
      }
    };
  }
}
