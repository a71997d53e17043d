// Baseline: DuckDB (@duckdb/node-api) reading the CSV with read_csv (Vietnamese number options) and summing
// every numeric column by organisation type, as a rough upper bound of what a columnar engine does.
//   node bench/baselines/duckdb.js FILE
import { DuckDBInstance } from '@duckdb/node-api';
import { NUMERIC } from '../generate.js';

const file = process.argv[2].replace(/'/g, "''");
const q = (name) => '"' + name.replace(/"/g, '""') + '"';
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const sql = `SELECT ${q('Loại hình')}, count(*) AS units, ${NUMERIC.map((c) => `sum(${q(c)}) AS ${q(c)}`).join(', ')}
  FROM read_csv('${file}', header = true, delim = ',', quote = '"', decimal_separator = ',', thousands = '.')
  GROUP BY 1 ORDER BY 1`;
const reader = await connection.runAndReadAll(sql);
console.log(JSON.stringify(reader.getRowObjectsJson()));
