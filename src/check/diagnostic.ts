import { CATALOGUE, type DiagnosticCode, type Severity } from './catalogue.js';

export type { Severity } from './catalogue.js';

/** Where a problem is: as much of it as is known. Rows and columns are 1-based, as a spreadsheet shows them. */
export interface Location {
  readonly file: string;
  readonly sheet?: string | undefined;
  readonly row?: number | undefined;
  readonly column?: string | undefined;
  readonly cell?: string | undefined;
}

/** Detection pushes data, never prose: the catalogue turns `code` and `args` into words. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly location: Location;
  /** Values the message is built from: `value` (what was found) and `expected`, and anything else it names. */
  readonly args: Readonly<Record<string, string | number>>;
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 reference for 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A diagnostic of a code, its severity as the catalogue gives it: the one way a Diagnostic is made. */
export function diagnose(code: DiagnosticCode, location: Location, args: Diagnostic['args']): Diagnostic {
  return { code, severity: CATALOGUE[code].severity, location, args };
}
