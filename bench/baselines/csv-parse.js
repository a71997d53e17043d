// Baseline: csv-parse alone streaming the file and counting records, with the parser options tally uses
// (src/read/csv.ts) so that the ratio is tally's cost beyond parsing.
//   node bench/baselines/csv-parse.js FILE
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const parser = createReadStream(process.argv[2], { encoding: 'utf8' }).pipe(parse({
  bom: true, delimiter: ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: false,
  record_delimiter: ['\r\n', '\n', '\r'],
}));
let records = 0;
for await (const record of parser) { if (record.length) records++; }
console.log(JSON.stringify({ records }));
