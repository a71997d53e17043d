import { diagnose, type Diagnostic } from './diagnostic.js';

/** TL006: a damaged part of a workbook that tally does not need, left out; the figures were read without it. */
export function droppedPartDiagnostics(file: string, parts: readonly string[]): Diagnostic[] {
  return parts.map((part) => diagnose('TL006', { file }, { value: part }));
}
