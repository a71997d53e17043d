import { fold } from '../normalise.js';

/** A sheet of instructions for the clerk ("Hướng dẫn", "Ví dụ"): its sample rows are not units. */
const INSTRUCTIONS_NAME = /^(huong dan|hd|luu y|vi du|mau vi du|instructions?|readme|guide)\b/;

/**
 * The instructions sheets among a workbook's tables, by their names: only beside other tables (a workbook whose
 * one table is on a sheet called "Hướng dẫn" is still read), and never all of them.
 */
export function instructionsSheets<T extends { readonly sheet: string | undefined }>(tables: readonly T[]): T[] {
  if (tables.length < 2) return [];
  const found = tables.filter((t) => INSTRUCTIONS_NAME.test(fold(t.sheet ?? '')));
  return found.length < tables.length ? found : [];
}
