// Baseline: a bare exceljs read of a workbook (or of every .xlsx in a folder) with workbook.xlsx.readFile.
//   node bench/baselines/exceljs-read.js FILE_OR_FOLDER
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const target = process.argv[2];
const files = statSync(target).isDirectory()
  ? readdirSync(target).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(target, f))
  : [target];
let rows = 0;
for (const file of files) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  workbook.eachSheet((ws) => { rows += ws.actualRowCount; });
}
console.log(JSON.stringify({ files: files.length, rows }));
