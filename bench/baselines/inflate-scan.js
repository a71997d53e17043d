// Baseline (a floor): a streaming inflate + byte scanner. The zip's central directory is read by hand, the
// shared strings and every worksheet are inflated as streams (zlib), and the bytes are scanned: shared strings
// counted, cells counted, and every `<v>` of a cell with no `t` (a number) parsed from its bytes and summed.
// No strings are made, no rows built: what any XLSX reader has to do at the least.
//   node bench/baselines/inflate-scan.js FILE
import { readFileSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';

const buf = readFileSync(process.argv[2]);
let eocd = buf.length - 22;
while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
const entries = [];
for (let n = 0, at = buf.readUInt32LE(eocd + 16); n < buf.readUInt16LE(eocd + 10); n++) {
  const nameLength = buf.readUInt16LE(at + 28);
  entries.push({
    name: buf.toString('utf8', at + 46, at + 46 + nameLength), method: buf.readUInt16LE(at + 10),
    compressedSize: buf.readUInt32LE(at + 20), local: buf.readUInt32LE(at + 42),
  });
  at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
}

async function* inflate(e) {
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) { yield data; return; }
  const z = createInflateRaw({ chunkSize: 64 * 1024 });
  z.end(data);
  yield* z;
}

const LT = 0x3c;
let strings = 0, cells = 0, numbers = 0, sum = 0;
// State carried across chunks: 0 outside, 1 in a cell tag with a `t`, 2 in a number cell, 3 in its <v>.
let state = 0, value = 0, scale = 0, neg = false;
for (const e of entries) {
  const isStrings = /sharedStrings\.xml$/.test(e.name);
  if (!isStrings && !/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
  let prev = 0;
  for await (const chunk of inflate(e)) {
    if (isStrings) {
      for (let at = chunk.indexOf(LT); at >= 0; at = chunk.indexOf(LT, at + 1)) if (chunk[at + 1] === 0x73 && chunk[at + 2] === 0x69) strings++;
      continue;
    }
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (state === 3) {
        if (b >= 0x30 && b <= 0x39) { value = value * 10 + (b - 0x30); if (scale) scale *= 10; }
        else if (b === 0x2e) scale = 1;
        else if (b === 0x2d) neg = true;
        else if (b === LT) { const v = scale ? value / scale : value; sum += neg ? -v : v; numbers++; state = 0; }
        continue;
      }
      if (prev === LT) {
        if (b === 0x63 && (chunk[i + 1] === 0x20 || chunk[i + 1] === 0x3e)) { cells++; state = 2; }
        else if (b === 0x76 && state === 2 && chunk[i + 1] === 0x3e) { state = 3; value = 0; scale = 0; neg = false; i++; }
      } else if (state === 2 && b === 0x74 && prev === 0x20 && chunk[i + 1] === 0x3d) state = 1;
      prev = b;
    }
  }
}
console.log(JSON.stringify({ strings, cells, numbers, sum: Math.round(sum) }));
