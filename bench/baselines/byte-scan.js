// Baseline: the floor for a CSV in JavaScript. Reads the file in 1 MB pieces and walks the bytes once: commas,
// quotes ("" inside) and line ends found by byte, the numeric columns parsed from their bytes (no string made),
// and the same sums by organisation type as the DuckDB and pandas baselines. No encoding check, no sniffing, no
// row kinds: what is left of tally's work when everything but splitting and adding is taken away.
//   node bench/baselines/byte-scan.js FILE
import { openSync, readSync } from 'node:fs';
import { NUMERIC } from '../generate.js';

const fd = openSync(process.argv[2], 'r');
const PIECE = 1 << 20;
let buf = Buffer.alloc(PIECE * 2);
let start = 0; // bytes of buf not yet consumed begin here
let end = 0;
let header;
let numericAt; // column index -> position in NUMERIC, or -1
let groupAt;
const groups = new Map();

/** One line of buf[from, to) (its line end excluded). */
function line(from, to) {
  if (!header) {
    header = buf.toString('utf8', from, to).replace(/^\uFEFF/, '').split(',');
    numericAt = header.map((h) => NUMERIC.indexOf(h));
    groupAt = header.indexOf('Loại hình');
    return;
  }
  let col = 0;
  let sums;
  let i = from;
  while (i <= to) {
    let fieldStart = i;
    let fieldEnd;
    if (buf[i] === 0x22) {
      // Quoted: to the quote not doubled.
      i++;
      for (;;) {
        if (i >= to) break;
        if (buf[i] === 0x22) {
          if (buf[i + 1] === 0x22) i += 2;
          else break;
        } else i++;
      }
      fieldStart++;
      fieldEnd = i;
      while (i < to && buf[i] !== 0x2c) i++;
    } else {
      while (i < to && buf[i] !== 0x2c) i++;
      fieldEnd = i;
    }
    if (col === groupAt) {
      const key = buf.toString('utf8', fieldStart, fieldEnd);
      sums = groups.get(key);
      if (!sums) groups.set(key, (sums = { units: 0, values: new Float64Array(NUMERIC.length) }));
      sums.units++;
    } else {
      const k = numericAt[col];
      if (k !== undefined && k >= 0 && sums) {
        let v = 0;
        for (let j = fieldStart; j < fieldEnd; j++) {
          const d = buf[j] - 0x30;
          if (d >= 0 && d <= 9) v = v * 10 + d;
        }
        sums.values[k] += v;
      }
    }
    col++;
    i++;
  }
}

for (;;) {
  if (buf.length - end < PIECE) {
    const next = Buffer.alloc(Math.max(buf.length, (end - start) + PIECE * 2));
    buf.copy(next, 0, start, end);
    end -= start;
    start = 0;
    buf = next;
  }
  const n = readSync(fd, buf, end, PIECE, null);
  const last = n === 0;
  end += n;
  // Whole lines only (a line end inside quotes is text).
  let quoted = false;
  let lineStart = start;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b === 0x22) quoted = !quoted;
    else if (!quoted && (b === 0x0a || b === 0x0d)) {
      if (i > lineStart) line(lineStart, i);
      lineStart = i + 1;
    }
  }
  if (last) {
    if (end > lineStart) line(lineStart, end);
    break;
  }
  start = lineStart;
}
// The group column is assumed to come before the numeric ones (as in the generated files).
console.log(JSON.stringify([...groups].map(([type, s]) => ({ type, units: s.units, ...Object.fromEntries(NUMERIC.map((c, k) => [c, s.values[k]])) }))));
