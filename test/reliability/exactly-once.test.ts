import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUserId } from '../../src/adapters/console/identity.js';
import { parseCommand } from '../../src/commands/parse.js';
import { COMMAND_JOB_OPTIONS, COMMAND_RETRY } from '../../src/queue/job-options.js';
import { commandJobId, messageKey } from '../../src/queue/job-ids.js';
import { JOBS_QUEUE, outboundQueue } from '../../src/queue/queue-names.js';
import { waitForEmpty, waitForJob } from '../../src/runtime/settle.js';
import { startPipeline, type Pipeline } from '../support/pipeline.js';
import { until } from './harness.js';

const refOf = (line: string, kind: 'P' | 'B') => new RegExp(`${kind}\\d+`).exec(line)?.[0] ?? '';

// On both queue backends: Redis (production) and BullMQ's own Postgres backend (zero config).
describe.each(['redis', 'postgres'] as const)('exactly once (real Postgres, queues on %s)', (backend) => {
  let p: Pipeline;
  let claim: string;
  beforeAll(async () => {
    p = await startPipeline(`rel_once_${backend}`, backend);
    const b = refOf((await p.say('向大叔', '绑定 8-2-301'))[0], 'B');
    await p.say('刘雅玲', `确认 ${b}`);
    claim = refOf((await p.say('向大叔', '已交60元'))[0], 'P');
  });
  afterAll(() => p.close());

  it('takes a message delivered 20 times at once once, with one reply', async () => {
    const msg = p.message('刘雅玲', '收费 8-1-101 30 现金');
    const before = p.printed.length;
    const results = await Promise.all(Array.from({ length: 20 }, () => p.bot.receive({ ...msg })));
    expect(results.every((r) => r === 'queued')).toBe(true);
    await waitForJob(p.factory.queue(JOBS_QUEUE), commandJobId(messageKey(msg)), 10_000);
    await waitForEmpty(p.factory.queue(outboundQueue('console')), 10_000);
    // Twice more, after the first run finished: still nothing new.
    expect(await p.deliver({ ...msg })).toEqual([]);
    expect(await p.deliver({ ...msg })).toEqual([]);
    const rows = await p.t.db.selectFrom('payments').select('id').where('source_key', '=', messageKey(msg)).execute();
    expect(rows).toHaveLength(1);
    const printed = p.printed.slice(before);
    expect(printed, printed.join('\n')).toEqual([expect.stringMatching(/^linli: 已收费 P\d+：8-1-101 30元（6个月）/)]);
    const audit = await p.t.db.selectFrom('audit_log').select('id').where('subject', '=', `P${rows[0].id}`).execute();
    expect(audit).toHaveLength(1);
  });

  it('makes one state change and one audit row from 20 concurrent confirmations of one claim', async () => {
    const msgs = Array.from({ length: 20 }, (_, i) => p.message(i % 2 ? '刘雅玲' : '戴红霞', `确认 ${claim}`));
    const before = p.printed.length;
    await Promise.all(msgs.map((m) => p.bot.receive(m)));
    const jobs = p.factory.queue(JOBS_QUEUE);
    for (const m of msgs) await waitForJob(jobs, commandJobId(messageKey(m)), 10_000);
    await waitForEmpty(p.factory.queue(outboundQueue('console')), 10_000);
    const id = Number(claim.slice(1));
    expect(await p.t.db.selectFrom('payment_decisions').selectAll().where('payment_id', '=', id).execute()).toHaveLength(1);
    expect(await p.t.db.selectFrom('audit_log').selectAll().where('subject', '=', claim).execute()).toHaveLength(1);
    // Twenty answers, and the resident's one receipt (the console's group: an @mention, no sum).
    const replies = p.printed.slice(before).filter((r) => !r.includes('电子收据'));
    expect(p.printed.slice(before).filter((r) => r.includes('电子收据'))).toHaveLength(1);
    expect(replies).toHaveLength(20);
    expect(replies.filter((r) => r.includes(`已确认 ${claim}`))).toHaveLength(1);
    expect(replies.filter((r) => r.includes(`${claim} 已经确认过了`))).toHaveLength(19);
  });

  it('ends a job that always fails as failed, recorded, and tells the member once; no endless retries', async () => {
    expect(COMMAND_JOB_OPTIONS.attempts).toBeGreaterThan(1);
    // What is not an outage gets a few attempts, not the outage horizon.
    expect(COMMAND_RETRY.otherAttempts).toBeLessThanOrEqual(10);
    const msg = p.message('刘雅玲', '确认 P1');
    const key = messageKey(msg);
    // A payload no processor can run (its ref is missing): the processor throws every time.
    const data = {
      key,
      platform: msg.platform,
      chatId: msg.chatId,
      isPrivate: false,
      messageId: msg.messageId,
      senderId: consoleUserId('刘雅玲'),
      receivedAt: msg.receivedAt.toISOString(),
      locale: 'zh-Hans' as const,
      command: { ...parseCommand('确认 P1'), ref: null },
      attachments: [],
    };
    const before = p.printed.length;
    const jobs = p.factory.queue(JOBS_QUEUE);
    await jobs.add('confirm', data, { ...COMMAND_JOB_OPTIONS, attempts: 3, backoff: { type: 'fixed', delay: 50 }, jobId: commandJobId(key) });
    await waitForJob(jobs, commandJobId(key), 10_000);
    const job = (await jobs.getJob(commandJobId(key)))!;
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(3);
    expect(await until(() => p.printed.length > before, 5000)).toBe(true);
    await waitForEmpty(p.factory.queue(outboundQueue('console')), 5000);
    expect(p.printed.slice(before)).toEqual(['linli: 抱歉，处理时出了问题，请稍后再试，或联系网格员。']);
    expect(job.failedReason).toBeTruthy();
    // The notice went straight to the outbound queue; its outbox row is written when its delivery is recorded.
    expect(await until(async () => (await p.t.db.selectFrom('outbox').select('status').where('key', '=', `${key}-fail`).executeTakeFirst())?.status === 'sent', 5000)).toBe(true);
    const after = await p.t.db.selectFrom('outbox').selectAll().where('key', '=', `${key}-fail`).executeTakeFirstOrThrow();
    expect(after.reason).toMatch(/^job failed: /);
    // Nothing of the failed command stayed: the transaction rolled back.
    expect(await p.t.db.selectFrom('processed_commands').selectAll().where('key', '=', key).execute()).toEqual([]);
  });
});
