import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

describe('privacy', () => {
  let p: Pipeline;
  beforeAll(async () => {
    p = await startPipeline('privacy', 'redis');
  });
  afterAll(() => p.close());

  it('keeps roster names and phone numbers out of Redis and out of every message the bot sends', async () => {
    const b = /B\d+/.exec((await p.say('向大叔', '绑定 8-2-301'))[0])![0];
    await p.say('刘雅玲', `确认 ${b}`);
    await p.say('向大叔', '已交60元');
    await p.say('向大叔', '查询');
    await p.say('刘雅玲', '欠费名单');
    await p.say('刘雅玲', '收费 8-2-302 60');
    await p.say('向大叔', '投诉 楼道堆放杂物，请打我电话13912345678');
    const roster = await p.t.db.selectFrom('households').select(['resident_name', 'phone']).where('resident_name', 'is not', null).execute();
    const secrets = roster.flatMap((r) => [r.resident_name!, r.phone!]).filter((s) => s && s.length >= 2);
    expect(secrets.length).toBeGreaterThan(100);
    const redis = new Redis(inject('redisUrl'));
    const dump: string[] = [];
    try {
      const keys = await redis.keys(`t-privacy-${process.pid}:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const k of keys) {
        const type = await redis.type(k);
        if (type === 'hash') dump.push(JSON.stringify(await redis.hgetall(k)));
        else if (type === 'string') dump.push((await redis.get(k)) ?? '');
        else if (type === 'list') dump.push(...(await redis.lrange(k, 0, -1)));
        else if (type === 'zset') dump.push(...(await redis.zrange(k, '0', '-1')));
        else if (type === 'stream') dump.push(JSON.stringify(await redis.xrange(k, '-', '+')));
      }
    } finally {
      redis.disconnect();
    }
    const all = dump.join('\n') + '\n' + p.printed.join('\n');
    for (const s of secrets) expect(all.includes(s), `roster data in Redis or a message`).toBe(false);
    expect(all).not.toContain('13912345678');
  });

  it('masks phone numbers in log lines', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.info('call 13912345678 or +86 139 1234 5678', { phone: '13800138000' });
    expect(lines.join('\n')).not.toMatch(/13912345678|139 1234 5678|13800138000/);
  });
});
