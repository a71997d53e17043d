/** Everything the CLI touches of its process, passed in so that tests can run it in-process with fakes. */
export interface Io {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin?: (() => Promise<Uint8Array>) | undefined;
}

export interface Writable {
  write(chunk: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** Colour only on a terminal, and never with NO_COLOR; FORCE_COLOR=1 turns it on (FORCE_COLOR=0 off). */
export function useColor(stream: Writable, env: Io['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return stream.isTTY === true;
}
