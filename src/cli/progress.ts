import type { Writable } from './io.js';

export interface ProgressState {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly rows: number;
}

/**
 * A one-line progress report on stderr for long work: shown only on a terminal, only after a second (or at once
 * for more than 20 files), redrawn at most ten times a second, and wiped before the result is printed.
 */
export class Progress {
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(private readonly stream: Writable, private readonly lang: 'vi' | 'en', private readonly now: () => number = Date.now) {
    this.started = now();
  }

  update(s: ProgressState): void {
    const t = this.now();
    if (t - this.lastDraw < 100) return;
    if (t - this.started < 1000 && s.filesTotal <= 20) return;
    this.lastDraw = t;
    const rows = s.rows.toLocaleString(this.lang === 'en' ? 'en-US' : 'vi-VN');
    const line = this.lang === 'en'
      ? `tally: ${s.filesDone}/${s.filesTotal} files, ${rows} rows…`
      : `tally: ${s.filesDone}/${s.filesTotal} tệp, ${rows} dòng…`;
    this.stream.write(`\r\x1b[2K${line}`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}

/** Progress only where a person watches: stderr is a terminal, the output is not JSON, and not --quiet. */
export function wantsProgress(stream: Writable, quiet: boolean | undefined, format: string): boolean {
  return stream.isTTY === true && quiet !== true && format !== 'json';
}
