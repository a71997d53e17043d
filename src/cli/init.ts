import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Lang } from '../check/catalogue.js';
import { CONFIG_FILE } from '../config/config.js';
import { exampleConfigText } from '../config/example.js';
import { TallyError } from '../read/errors.js';
import { EXIT } from './exit-code.js';
import type { Io } from './io.js';

/** `tally init [file]`: write the example config, never over a file that is already there. */
export async function init(file: string | undefined, opts: { lang: Lang }, io: Io): Promise<number> {
  const name = file ?? CONFIG_FILE;
  const text = exampleConfigText();
  try {
    // "wx": created only if absent, in one step (no window between a check and the write).
    await writeFile(resolve(io.cwd, name), text, { encoding: 'utf8', flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TallyError('config-exists', { file: name });
    throw new TallyError('write-failed', { file: name, detail: code ?? 'unknown error' });
  }
  io.stdout.write(opts.lang === 'en'
    ? `Wrote ${name}: an example with the targets of a term; set "bloc", "place", "term" and "targets" to your bloc's (the "$comment" key explains each key).\n`
    : `Đã ghi ${name}: cấu hình mẫu với các chỉ tiêu của một nhiệm kỳ; sửa "bloc", "place", "term" và "targets" cho Đảng bộ Khối của mình (khóa "$comment" giải thích từng khóa).\n`);
  return EXIT.ok;
}
