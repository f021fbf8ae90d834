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

  it('masks phones written to dodge the masker (full width, dots, spaces), landlines and ID numbers in payloads, tickets and the outbox', async () => {
    const dodges = ['１３９１１１１２２２２', '139.2222.3333', '+86 139 3333 4444', '0731-88886666', '（０７３１）８８８８７７７７', '430102199001011234'];
    await p.say('向大叔', `投诉 8栋楼道灯坏了，联系 ${dodges.join(' 或 ')}`);
    const redis = new Redis(inject('redisUrl'));
    let dump = '';
    try {
      for (const k of await redis.keys(`t-privacy-${process.pid}:*`)) if ((await redis.type(k)) === 'hash') dump += JSON.stringify(await redis.hgetall(k));
    } finally {
      redis.disconnect();
    }
    const tickets = await p.t.db.selectFrom('tickets').select('text').execute();
    const outbox = await p.t.db.selectFrom('outbox').select('text').execute();
    const all = [dump, ...tickets.map((r) => r.text), ...outbox.map((r) => r.text), ...p.printed].join('\n');
    expect(tickets.some((r) => r.text.includes('139****2222') && r.text.includes('0731-****6666') && r.text.includes('**************1234'))).toBe(true);
    for (const secret of ['１１１１', '2222.3333', '3333 4444', '88886666', '８８８８７７７７', '19900101']) expect(all).not.toContain(secret);
  });

  it('masks phone numbers in log lines', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.info('call 13912345678 or +86 139 1234 5678', { phone: '13800138000' });
    expect(lines.join('\n')).not.toMatch(/13912345678|139 1234 5678|13800138000/);
  });
});
