import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { pgReachable, portOpen, startPrivateRedis } from './support/services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
  }
}

/**
 * Uses the machine's Postgres and Redis (TEST_DATABASE_URL / TEST_REDIS_URL, default the local
 * ones); where one is not running, starts a private one (embedded Postgres, a redis-server child).
 */
export default async function setup(project: TestProject) {
  const stops: Array<() => Promise<void>> = [];
  let databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (!(await pgReachable(databaseUrl))) {
    const dir = process.env.LINLI_TEST_DATA_DIR ?? '.linli/test';
    console.log(`test setup: no Postgres at ${databaseUrl}; starting an embedded one in ${dir}`);
    const emb = await startEmbeddedPostgres(dir, 54339, (l) => console.log(l));
    databaseUrl = emb.url;
    stops.push(emb.stop);
  }
  let redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const u = new URL(redisUrl);
  if (!(await portOpen(Number(u.port || 6379), u.hostname))) {
    console.log(`test setup: no Redis at ${redisUrl}; starting a private redis-server`);
    const r = await startPrivateRedis();
    redisUrl = r.url;
    stops.push(r.stop);
  }
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', redisUrl);
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
