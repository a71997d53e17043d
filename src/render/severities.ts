import type { Diagnostic } from '../check/diagnostic.js';

/** Errors and warnings among diagnostics (apart from diagnostics.ts, so that a JSON report does not load chalk). */
export function countSeverities(diags: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diags) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
