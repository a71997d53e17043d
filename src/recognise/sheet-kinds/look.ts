import type { RawSheet } from '../../read/types.js';
import { findHeader, type HeaderMap } from '../header.js';

/**
 * A sheet as the sheet kinds look at it: what each of them needs, worked out once and only when asked (a table of
 * units never pays for the tests of the forms it is not).
 */
export class SheetLook {
  private cache = new Map<string, unknown>();
  constructor(readonly sheet: RawSheet) {}

  /** Ask once: `compute` runs the first time a key is asked for. */
  once<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }

  get header(): HeaderMap | undefined {
    return this.once('header', () => findHeader(this.sheet));
  }

  /** The header has a column for the units' names. */
  get hasNameColumn(): boolean {
    return this.header?.columns.some((c) => c.meaning.kind === 'canonical' && c.meaning.id === 'name') ?? false;
  }
}
