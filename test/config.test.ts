import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults with nothing set', () => {
    const c = loadConfig({}, '/srv/linli');
    expect(c).toMatchObject({ databaseUrl: null, redisUrl: null, dataDir: '/srv/linli/.linli', timeZone: 'Asia/Shanghai', logLevel: 'info' });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('keeps bull-board read-only unless LINLI_QUEUE_BOARD=write', () => {
    expect(loadConfig({}).queueBoardWritable).toBe(false);
    expect(loadConfig({ LINLI_QUEUE_BOARD: 'read' }).queueBoardWritable).toBe(false);
    expect(loadConfig({ LINLI_QUEUE_BOARD: 'write' }).queueBoardWritable).toBe(true);
  });

  it('logs JSON lines off a terminal and pretty lines at one, unless LINLI_LOG_FORMAT says', () => {
    expect(loadConfig({}, '/', false).logFormat).toBe('json');
    expect(loadConfig({}, '/', true).logFormat).toBe('pretty');
    expect(loadConfig({ LINLI_LOG_FORMAT: 'json' }, '/', true).logFormat).toBe('json');
    expect(loadConfig({ LINLI_LOG_FORMAT: 'pretty' }, '/', false).logFormat).toBe('pretty');
  });

  it('prepares hot statements unless LINLI_PG_PREPARE is off (a pooler that cannot keep them)', () => {
    expect(loadConfig({}).pgPrepare).toBe(true);
    expect(loadConfig({ LINLI_PG_PREPARE: 'off' }).pgPrepare).toBe(false);
    expect(loadConfig({ LINLI_PG_PREPARE: '0' }).pgPrepare).toBe(false);
    expect(loadConfig({ LINLI_PG_PREPARE: 'on' }).pgPrepare).toBe(true);
  });

  it.each([
    [{ LINLI_PG_PREPARE: 'sometimes' }, 'LINLI_PG_PREPARE'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ LINLI_TIME_ZONE: 'Mars/Olympus' }, 'LINLI_TIME_ZONE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LINLI_LOG_FORMAT: 'xml' }, 'LINLI_LOG_FORMAT'],
    [{ LINLI_WORKER_CONCURRENCY: '0' }, 'LINLI_WORKER_CONCURRENCY'],
    [{ LINLI_WORKER_CONCURRENCY: 'eight' }, 'LINLI_WORKER_CONCURRENCY'],
    [{ TELEGRAM_BOT_TOKEN: 'abc' }, 'TELEGRAM_BOT_TOKEN'],
    [{ TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ LINLI_QUEUE_PREFIX: 'a:b' }, 'LINLI_QUEUE_PREFIX'],
    [{ LINLI_QUEUE_BOARD: 'yes' }, 'LINLI_QUEUE_BOARD'],
  ])('refuses %j with one line naming %s', (env, key) => {
    let err: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).key).toBe(key);
    expect((err as Error).message).toMatch(new RegExp(`^config: ${key} `));
    expect((err as Error).message).not.toContain('\n');
  });
});
