import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';

/** What a data directory's postmaster.pid says about the server that wrote it. */
export interface Postmaster {
  pid: number;
  port: number;
  /** starting | stopping | ready | standby (Postgres writes it on line 8). */
  status: string;
}

/** Is `pid` a live process (of any user)? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a live process, or null where /proc cannot tell (not Linux, or gone). */
export function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/** True when `pid` runs a postgres server on `pgDir` (where /proc cannot tell: when it is alive). */
function isPostgresOf(pid: number, pgDir: string): boolean {
  if (!isAlive(pid)) return false;
  const argv = commandLine(pid);
  if (argv === null) return !existsSync('/proc/self');
  const d = argv.indexOf('-D');
  return path.basename(argv[0] ?? '').startsWith('postgres') && d >= 0 && path.resolve(argv[d + 1] ?? '') === path.resolve(pgDir);
}

/**
 * The server running on `pgDir`, or null. A postmaster.pid left by a server that died (its PID
 * now free, or taken by some other process after a reboot) is removed, so Postgres can start:
 * Postgres itself refuses to start while that PID belongs to a live process of its user.
 */
export async function runningPostmaster(pgDir: string, log: (line: string) => void): Promise<Postmaster | null> {
  const file = path.join(pgDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = (await fs.readFile(file, 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresOf(pid, pgDir)) {
    return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() || 'starting' };
  }
  // A file being written right now has no PID yet: not stale.
  if (!lines[0]) return null;
  if (isAlive(pid)) log(`removing a stale postmaster.pid: PID ${pid} is now ${commandLine(pid)?.[0] ?? 'another process'}, not this data directory's Postgres`);
  await fs.rm(file, { force: true });
  return null;
}
