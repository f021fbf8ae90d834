import { execFile } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { runJob } from '../src/runtime/start-worker.js';
import { manualClock } from '../src/clock.js';
import { initTestDb, type TestDb } from './support/db.js';

const BIN = path.resolve('bin/linli.js');

function linli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end();
  });
}

describe('logs', () => {
  it('writes JSON lines with level, time, message and fields; errors keep their stack', () => {
    const lines: string[] = [];
    const log = createLogger('debug', { format: 'json', write: (l) => lines.push(l) });
    log.debug('starting', { port: 5432 });
    log.error('could not handle a message', { error: new Error('boom') });
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(a).toMatchObject({ level: 'debug', msg: 'starting', port: 5432 });
    expect(new Date(a.time).getTime()).toBeGreaterThan(0);
    expect(b).toMatchObject({ level: 'error', msg: 'could not handle a message', error: { type: 'Error', message: 'boom' } });
    expect(b.error.stack).toMatch(/^Error: boom\n\s+at /);
  });

  it('is readable at a terminal: one line per event, the stack indented under it', () => {
    const lines: string[] = [];
    const log = createLogger('info', { format: 'pretty', write: (l) => lines.push(l) });
    log.debug('hidden');
    log.warn('send failed', { outboxKey: 'k-1', error: new Error('refused') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN  send failed  outboxKey=k-1 error="refused"\n    Error: refused\n {8}at /);
  });

  it('masks phones, landlines and ID numbers in every line and field, whatever the digits look like', () => {
    for (const format of ['json', 'pretty'] as const) {
      const lines: string[] = [];
      const log = createLogger('debug', { format, write: (l) => lines.push(l) });
      log.info('call 13912345678 or +86 139 1234 5678', { phone: '１３８００１３８０００', home: '(0731)88886666', id: '430102199001011234' });
      log.child({ who: '138.0013.8000' }).warn('x', { error: new Error('no answer at 13912345678') });
      const all = lines.join('\n');
      expect(all).not.toMatch(/13912345678|139 1234 5678|１３８００１３８０００|88886666|19900101|138\.0013\.8000/);
      expect(all).toContain('139****5678');
      expect(all).toContain('0731-****6666');
    }
  });

  it('a child logger carries its bindings on every line', () => {
    const lines: string[] = [];
    const log = createLogger('info', { format: 'json', write: (l) => lines.push(l) }).child({ job: 'complain', key: 'console-c-1' });
    log.info('one');
    log.child({ platform: 'console' }).info('two');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ job: 'complain', key: 'console-c-1', msg: 'one' }),
      expect.objectContaining({ job: 'complain', key: 'console-c-1', platform: 'console', msg: 'two' }),
    ]);
  });

  describe('per job', () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await initTestDb('log_jobs');
    });
    afterAll(() => t.destroy());

    it("a job's lines carry its name, key and platform", async () => {
      const lines: string[] = [];
      const log = createLogger('info', { format: 'json', write: (l) => lines.push(l) });
      const data = { outboxKey: 'telegram-42-7-r1', platform: 'telegram', chatId: '42', status: 'failed', reason: 'chat not found', at: new Date().toISOString(), text: null };
      await runJob({ id: 'job-1', name: 'record-delivery', data, attemptsMade: 0 }, { db: t.db, clock: manualClock(new Date()), log, outbound: { send: async () => {} } as never, schedules: undefined as never });
      expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', msg: 'message failed for good', job: 'record-delivery', key: 'job-1', platform: 'telegram', outboxKey: 'telegram-42-7-r1' });
    });

    it('the CLI writes JSON lines when stderr is not a terminal, pretty lines when asked, and refuses other formats', async () => {
      const prefix = `t-logcli-${process.pid}`;
      const env = { DATABASE_URL: t.url, REDIS_URL: inject('redisUrl'), LINLI_QUEUE_PREFIX: prefix, LOG_LEVEL: 'debug' };
      try {
        const json = await linli(['console'], { ...env, LINLI_LOG_FORMAT: '' });
        expect(json.code).toBe(0);
        const logLines = json.stderr.split('\n').filter((l) => l.startsWith('{'));
        expect(logLines.map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ level: 'debug', msg: 'queues on redis' }));
        const pretty = await linli(['console'], { ...env, LINLI_LOG_FORMAT: 'pretty' });
        expect(pretty.stderr).toMatch(/^\d\d:\d\d:\d\d\.\d{3} DEBUG queues on redis$/m);
        const bad = await linli(['console'], { ...env, LINLI_LOG_FORMAT: 'xml' });
        expect(bad.code).toBe(2);
        expect(bad.stderr.trim()).toBe('config: LINLI_LOG_FORMAT must be one of json, pretty, got "xml"');
      } finally {
        const r = new Redis(inject('redisUrl'));
        const keys = await r.keys(`${prefix}:*`);
        if (keys.length) await r.del(...keys);
        r.disconnect();
      }
    }, 90_000);
  });

});
