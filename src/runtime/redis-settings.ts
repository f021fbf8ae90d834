import { Redis } from 'ioredis';
import { StartupError } from '../config.js';

/** Redis cannot be reached, or is set up in a way that would lose jobs; the message says what to change. */
export class UnsafeRedisError extends StartupError {
  constructor(reason: string, cause?: unknown) {
    super('REDIS_URL', reason, cause);
    this.name = 'UnsafeRedisError';
  }
}

/** Where a Redis URL points, without its password. */
function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 6379}`;
}

/** BullMQ needs maxmemory-policy noeviction: an evicting Redis silently drops jobs. */
export async function checkRedisSettings(url: string): Promise<void> {
  // No retries: at start-up a refused connection is an answer, not a blip.
  const redis = new Redis(url, { maxRetriesPerRequest: 0, lazyConnect: true, connectTimeout: 5000, retryStrategy: () => null, enableOfflineQueue: false });
  // connect() only says "Connection is closed"; the error event has the cause (ECONNREFUSED…).
  let cause: unknown = null;
  redis.on('error', (e) => (cause ??= e));
  try {
    await redis.connect();
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy && policy !== 'noeviction') {
      throw new UnsafeRedisError(`Redis at ${where(url)} may evict keys: its maxmemory-policy is "${policy}", which silently drops queued jobs; BullMQ needs "noeviction" (run: redis-cli config set maxmemory-policy noeviction, and set it in redis.conf)`);
    }
  } catch (e) {
    if (e instanceof UnsafeRedisError) throw e;
    // CONFIG may be disabled on managed Redis; the connection itself must work.
    if (e instanceof Error && /unknown command|NOPERM/i.test(e.message)) return;
    const first = cause ?? e;
    const code = (first as NodeJS.ErrnoException).code;
    const why = code === 'ECONNREFUSED' ? 'connection refused: is Redis running there?' : first instanceof Error ? first.message : String(first);
    throw new UnsafeRedisError(`cannot reach Redis at ${where(url)} (${why}); fix REDIS_URL, or unset it to run the queues on Postgres`, e);
  } finally {
    redis.disconnect();
  }
}
