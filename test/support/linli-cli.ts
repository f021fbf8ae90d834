import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import path from 'node:path';

const BIN = path.resolve('bin/linli.js');

/** A finished CLI run. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A CLI process still running: feed it lines, wait for output, signal it. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  write(line: string): void;
  end(): void;
  /** Resolves when stdout matches `re` (rejects after `timeoutMs`). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<CliResult>;
}

/** The environment of a zero-config run on `dataDir` and `port` (no DATABASE_URL, no REDIS_URL). */
export function zeroConfig(dataDir: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return { LINLI_DATA_DIR: dataDir, LINLI_EMBEDDED_PG_PORT: String(port), DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'info', LINLI_LOG_FORMAT: 'json', ...extra };
}

/**
 * A temp directory the embedded Postgres can use: under /tmp and mode 755, since as root it runs
 * as the `postgres` user, which cannot enter /root or a mode-700 directory.
 */
export function reachableTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join('/tmp', prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** Start the real CLI as a child process. */
export function startLinli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (d) => {
    out += d;
    for (const w of [...waiters]) w();
  });
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    write: (line) => child.stdin.write(line + '\n'),
    end: () => child.stdin.end(),
    waitFor: (re, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!re.test(out)) return;
          waiters.splice(waiters.indexOf(check), 1);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error(`no ${re} on stdout after ${timeoutMs} ms; stdout: ${out}\nstderr: ${err}`)), timeoutMs);
        waiters.push(check);
        check();
      }),
    exited,
  };
}

/** Run the real CLI to the end with `input` on stdin. */
export function runLinli(args: string[], env: Record<string, string>, input = ''): Promise<CliResult> {
  const p = startLinli(args, env);
  p.child.stdin.end(input);
  return p.exited;
}

/** The lines of stderr that are not JSON log lines: what a person is told. */
export function toldLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() && !l.startsWith('{'));
}
