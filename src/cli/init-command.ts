import { Option, type Command } from 'commander';
import type { Lang } from '../check/catalogue.js';
import type { Io } from './io.js';

/** `tally init`: an example config; the work (cli/init.ts) is loaded only when the command runs. */
export function addInitCommand(program: Command, io: Io, setCode: (code: number) => void): void {
  program.command('init')
    .description('write an example tally.config.json (bloc, term, targets…, each key explained in "$comment"); never over an existing file')
    .argument('[file]', 'where to write it (default: ./tally.config.json)')
    .addOption(new Option('--lang <lang>', 'language of the message').choices(['vi', 'en']).default('vi'))
    .action(async (file: string | undefined, opts: { lang: Lang }) => {
      setCode(await (await import('./init.js')).init(file, opts, io));
    });
}
