import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../config.js';
import { commandLine, isAlive } from './postmaster-pid.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A linli process: alive, and still the same program (a PID can be reused after a crash). */
function isLinliProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const argv = commandLine(pid);
  return argv === null || path.basename(argv[0] ?? '') === path.basename(process.execPath);
}

/**
 * Run `fn` holding the data directory's start-stop lock, so that two linli processes never start,
 * attach to or stop the embedded Postgres at the same moment. The lock is a file holding our PID;
 * one left by a dead process is taken over. Waits at most `timeoutMs`.
 */
export async function withDataDirLock<T>(dataDir: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const file = path.join(dataDir, 'embedded.lock');
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const h = await fs.open(file, 'wx');
      await h.writeFile(String(process.pid));
      await h.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(await fs.readFile(file, 'utf8').catch(() => ''));
      // An empty file is one being written this instant; a dead holder's lock is free.
      if (holder && !isLinliProcess(holder)) {
        await fs.rm(file, { force: true });
        continue;
      }
      if (Date.now() > until) {
        throw new StartupError('LINLI_DATA_DIR', `another linli process (PID ${holder}) has been starting or stopping the embedded Postgres in ${dataDir} for ${timeoutMs / 1000} s; stop it, or set LINLI_DATA_DIR to another directory`);
      }
      await sleep(50);
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(file, { force: true });
  }
}

let users = 0;

/** Record a user of the embedded Postgres in this process (call under the lock); returns its name. */
export async function addUser(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, 'users');
  await fs.mkdir(dir, { recursive: true });
  const name = `${process.pid}-${++users}`;
  await fs.writeFile(path.join(dir, name), '');
  return name;
}

/** Remove user `name` and return the other live users' PIDs (call under the lock). */
export async function removeUser(dataDir: string, name: string): Promise<number[]> {
  const dir = path.join(dataDir, 'users');
  await fs.rm(path.join(dir, name), { force: true });
  const others: number[] = [];
  for (const entry of await fs.readdir(dir).catch(() => [] as string[])) {
    const pid = Number(entry.split('-')[0]);
    if (pid && isLinliProcess(pid)) others.push(pid);
    else await fs.rm(path.join(dir, entry), { force: true });
  }
  return others;
}
