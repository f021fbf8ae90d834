import { Redis } from 'ioredis';

/** Redis is set up in a way that would lose jobs; the message says what to change. */
export class UnsafeRedisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeRedisError';
  }
}

/** BullMQ needs maxmemory-policy noeviction: an evicting Redis silently drops jobs. */
export async function checkRedisSettings(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: true, connectTimeout: 5000 });
  try {
    await redis.connect();
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy && policy !== 'noeviction') {
      throw new UnsafeRedisError(
        `REDIS_URL: Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" (run: redis-cli config set maxmemory-policy noeviction)`,
      );
    }
  } catch (e) {
    if (e instanceof UnsafeRedisError) throw e;
    // CONFIG may be disabled on managed Redis; the connection itself must work.
    if (e instanceof Error && /unknown command|NOPERM/i.test(e.message)) return;
    throw new UnsafeRedisError(`REDIS_URL: cannot reach Redis (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    redis.disconnect();
  }
}
