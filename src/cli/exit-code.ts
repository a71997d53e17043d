/** Exit codes: 0 all good; 1 problems in the data (or warnings under --strict); 2 cannot run. */
export const EXIT = { ok: 0, data: 1, cannotRun: 2 } as const;

export interface Outcome {
  readonly failures: number;
  readonly errors: number;
  readonly warnings: number;
  readonly strict: boolean;
  readonly maxWarnings?: number | undefined;
}

/** The exit code is a pure function of what was found and the options. */
export function exitCode(o: Outcome): number {
  if (o.failures > 0) return EXIT.cannotRun;
  if (o.errors > 0) return EXIT.data;
  if (o.strict && o.warnings > 0) return EXIT.data;
  if (o.maxWarnings !== undefined && o.warnings > o.maxWarnings) return EXIT.data;
  return EXIT.ok;
}
