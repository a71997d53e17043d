// Baseline: exceljs's streaming WorkbookReader, iterating every row of every sheet.
//   node bench/baselines/exceljs-stream.js FILE
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], {
  worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore',
});
let rows = 0;
for await (const worksheet of reader) {
  for await (const row of worksheet) { if (row.values) rows++; }
}
console.log(JSON.stringify({ rows }));
