/** How bad a problem is: errors stop a roll-up from being trusted; warnings fail only with --strict. */
export type Severity = 'error' | 'warning';

/** Message arguments: `value` is what was found, `expected` what the rule wanted. */
export type Args = Readonly<Record<string, string | number>>;
type Say = (a: Args) => string;

/** One code of the catalogue: its severity, its rule's short name, its words and how to fix it, in both languages. */
export interface Entry {
  readonly severity: Severity;
  /** Short name of the rule, stable, used as the title in GitHub annotations. */
  readonly rule: string;
  readonly vi: Say;
  readonly en: Say;
  /** How to fix it. */
  readonly hintVi: string;
  readonly hintEn: string;
}

export const s = (a: Args, k: string): string => String(a[k] ?? '');
