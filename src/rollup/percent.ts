/** How a percentage is rounded to its decimals. */
export const ROUNDINGS = ['half-up', 'truncate', 'largest-remainder'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

export interface Share {
  readonly count: number;
  readonly of: number;
  /** A number (92.52), or null when the base is 0. */
  readonly percent: number | null;
}

/**
 * count/of × 100 to `decimals` places, computed in integers so that 8/107 is exactly 7,4766… and rounds to
 * 7,48 (half-up) or 7,47 (truncate), with no binary floating-point drift.
 */
export function percent(count: number, of: number, decimals: number, rounding: Rounding): number | null {
  if (of === 0) return null;
  const scale = 10n ** BigInt(decimals);
  const numerator = BigInt(count) * 100n * scale;
  const base = BigInt(of);
  const scaled = rounding === 'truncate' ? numerator / base : (2n * numerator + base) / (2n * base);
  return Number(scaled) / Number(scale);
}

export function share(count: number, of: number, decimals: number, rounding: Rounding): Share {
  return { count, of, percent: percent(count, of, decimals, rounding === 'largest-remainder' ? 'half-up' : rounding) };
}

/**
 * Shares of one whole that must add up to exactly 100 (largest-remainder method): each part is truncated,
 * then the units left over go to the parts with the largest remainders.
 */
export function distribute(counts: readonly number[], decimals: number): (number | null)[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => null);
  const scale = 10n ** BigInt(decimals);
  const target = 100n * scale;
  const base = BigInt(total);
  const floors = counts.map((c) => (BigInt(c) * target) / base);
  const remainders = counts.map((c, i) => BigInt(c) * target - (floors[i] ?? 0n) * base);
  let left = target - floors.reduce((a, b) => a + b, 0n);
  const order = counts.map((_, i) => i).sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  for (const i of order) {
    if (left <= 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left--;
  }
  return floors.map((f) => Number(f) / Number(scale));
}
