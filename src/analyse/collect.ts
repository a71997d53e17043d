import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

/**
 * A full garbage collection, now. Used once between two large runs in one process (the previous year's side of
 * `--previous`, then the current one): the first run's million-key index is garbage by then, but V8 would keep it
 * until its next major collection, well into the second run, and the two indexes would be in memory together
 * (measured: 35 MB more at the peak). Node gives `gc` only under --expose-gc; the flag set at run time gives it to
 * a new context. Where that fails (a runtime without it), nothing is done: only memory depends on it.
 */
export function collectGarbage(): void {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collector = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collector = null;
    }
  }
  collector?.();
}
