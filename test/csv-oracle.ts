// csv-parse, with the options tally read every CSV with until it had a reader of its own (src/read/csv-scan.ts):
// the oracle the differential test holds that reader to.
import { parse, type Parser } from 'csv-parse';
import type { CellValue } from '../src/read/types.js';

/**
 * Rows of different lengths are normal in a report (a title of one cell, blank lines, notes), and
 * `relax_column_count` lets them through; but csv-parse 6 still builds a `CsvError` for each of them before it
 * looks at that option (`__onRecord` in lib/api/index.js: a stack trace and a JSON copy of its options and of the
 * record), which made 100,000 blank lines take seconds. It compares each record's length with
 * `state.expectedRecordLength`, set from the first record: setting that to the record's own length just before
 * the comparison means no record ever differs (test/hostile.test.ts counts the errors built). (A getter on `state` would do the same, but turns the parser's
 * state into a slow dictionary object and halves its speed.)
 */
function acceptEveryLength(parser: object): void {
  type Api = { state?: { record?: unknown[]; expectedRecordLength?: unknown }; __onRecord?: (this: Api, push: unknown) => unknown };
  const api = (parser as { api?: Api }).api;
  const onRecord = api?.__onRecord;
  if (!api || typeof onRecord !== 'function' || typeof api.state !== 'object' || !Array.isArray(api.state.record)) return;
  api.__onRecord = function (this: Api, push: unknown): unknown {
    if (this.state?.record) this.state.expectedRecordLength = this.state.record.length;
    return onRecord.call(this, push);
  };
}


/** The parser with the options tally read every CSV with (rows of any length, stray quotes kept as text). */
export function csvParser(delimiter: string): Parser {
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
  acceptEveryLength(parser);
  return parser;
}

/** The rows csv-parse reads from a whole text, blank fields as null (as the readers give them), or the code of its error. */
export async function oracleRows(text: string, delimiter: string): Promise<CellValue[][] | { error: string }> {
  const parser = csvParser(delimiter);
  const rows: CellValue[][] = [];
  try {
    const done = (async () => {
      for await (const record of parser as AsyncIterable<string[]>) rows.push(record.map((v) => (v === '' ? null : v)));
    })();
    parser.end(text);
    await done;
  } catch (err) {
    return { error: (err as { code?: string }).code ?? String(err) };
  }
  return rows;
}
