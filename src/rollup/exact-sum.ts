import { decimalsOf } from '../recognise/numbers.js';

/**
 * A sum of amounts with a fraction (tỷ, triệu đồng), exact: 0,1 + 0,2 is 0,3, as in a report. Each figure is
 * added as a whole number of its smallest unit (hundredths for "2.340,75"), the scale growing when a figure has
 * more decimals (at most 6), so no binary noise accumulates however many rows are added.
 */
export class ExactSum {
  private units = 0;
  private scale = 0;

  add(value: number): void {
    const d = decimalsOf(value);
    if (d > this.scale) {
      this.units *= 10 ** (d - this.scale);
      this.scale = d;
    }
    this.units += Math.round(value * 10 ** this.scale);
  }

  get total(): number {
    return this.scale === 0 ? this.units : this.units / 10 ** this.scale;
  }
}
