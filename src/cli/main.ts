import { EXIT } from './exit-code.js';
import { version } from './version.js';

async function staticHelp(): Promise<string | undefined> {
  try {
    const { readFile } = await import('node:fs/promises');
    return await readFile(new URL('./help.txt', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}

/** The process boundary: real streams in, an exit code out; bugs become one line unless TALLY_DEBUG=1. */
export async function main(proc: NodeJS.Process): Promise<number> {
  const argv = proc.argv.slice(2);
  // A reader that stops early (`tally check --help | head -3`) closes the pipe: that ends the run quietly,
  // as for any Unix tool, instead of an unhandled EPIPE with its stack trace.
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') proc.exit(typeof proc.exitCode === 'number' ? proc.exitCode : EXIT.ok);
      if (stream === proc.stdout) proc.stderr.write(`tally: không ghi được kết quả / cannot write the output: ${err.code ?? err.message}\n`);
      proc.exit(EXIT.cannotRun);
    });
  }
  try {
    // `tally --version` alone answers before the command-line parser is even loaded.
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
      proc.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    // `tally --help` alone prints the text the build wrote from commander's own (bin/write-help.js).
    if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') && proc.env.TALLY_STATIC_HELP !== '0') {
      const text = await staticHelp();
      if (text !== undefined) {
        proc.stdout.write(text);
        return EXIT.ok;
      }
    }
    const { run } = await import('./run.js');
    return await run({
      argv,
      cwd: proc.cwd(),
      env: proc.env,
      stdout: proc.stdout,
      stderr: proc.stderr,
      stdin: async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of proc.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      },
    });
  } catch (err) {
    if (proc.env.TALLY_DEBUG === '1') proc.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    else {
      const what = err instanceof Error ? err.message.split('\n')[0] : String(err);
      proc.stderr.write(`tally: lỗi nội bộ / internal error: ${what}\n(chạy lại với TALLY_DEBUG=1 để xem chi tiết và gửi báo lỗi / run again with TALLY_DEBUG=1 and report it)\n`);
    }
    return EXIT.cannotRun;
  }
}
