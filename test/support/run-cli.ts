import { execFile } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve('bin/linli.js');

/** The result of one run of the real CLI. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `linli args…` as a child process with `input` on stdin; resolves with its exit code and output. */
export function runCli(args: string[], opts: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn', ...opts.env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = execFile(process.execPath, [BIN, ...args], { env, cwd: opts.cwd, timeout: 90_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(opts.input ?? '');
  });
}
