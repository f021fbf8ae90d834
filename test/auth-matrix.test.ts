import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUserId } from '../src/adapters/console/identity.js';
import { parseCommand } from '../src/commands/parse.js';
import { findHousehold } from '../src/members/households.js';
import { commandJobId } from '../src/queue/job-ids.js';
import { COMMAND_JOB_OPTIONS } from '../src/queue/job-options.js';
import { JOBS_QUEUE, outboundQueue } from '../src/queue/queue-names.js';
import { waitForEmpty, waitForJob } from '../src/runtime/settle.js';
import { ACTORS, NAMES, type Actor } from './support/actors.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';


// Every command aimed at household 8-2-301 (zone 3, building 8), and who may do it.
interface Case {
  name: string;
  text: (p: Pipeline) => Promise<string>;
  allowed: Actor[];
  ok: RegExp;
  mutates: boolean;
}

describe('authorization matrix: every command × every role', () => {
  let p: Pipeline;
  let household: number;
  let resident: number;
  const freshClaim = async () => {
    const r = await p.t.db
      .insertInto('payments')
      .values({ estate_id: 1, household_id: household, fee_plan_id: 1, kind: 'claim', amount_fen: 500, months: 1, method: null, member_id: resident, corrects_id: null, source_key: null, created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return `P${r.id}`;
  };
  const freshCollection = async () => {
    const r = await p.t.db
      .insertInto('payments')
      .values({ estate_id: 1, household_id: household, fee_plan_id: 1, kind: 'collection', amount_fen: 500, months: 1, method: null, member_id: null, corrects_id: null, source_key: null, created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return `P${r.id}`;
  };
  // The duplicate guard asks before collecting over a claim still waiting: settle them first.
  const noClaimWaiting = async () => {
    const waiting = await p.t.db
      .selectFrom('payments as p')
      .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
      .select('p.id')
      .where('p.household_id', '=', household)
      .where('p.kind', '=', 'claim')
      .where('d.payment_id', 'is', null)
      .execute();
    for (const w of waiting) await p.t.db.insertInto('payment_decisions').values({ payment_id: w.id, decision: 'rejected', decided_by: null, reason: 'test', decided_at: new Date() }).execute();
  };
  // A new member each time: confirming a second binding of one member to one household fails
  // (see the report: the unique index throws and the job ends in 'internal_error').
  const freshBinding = async () => {
    const m = await p.t.db.insertInto('members').values({ platform: 'console', platform_user_id: `applicant-${Math.random()}`, display_name: null }).returning('id').executeTakeFirstOrThrow();
    const r = await p.t.db
      .insertInto('bindings')
      .values({ member_id: m.id, household_id: household, status: 'pending', source_key: null, decided_by: null, decided_at: null, reason: null, created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return `B${r.id}`;
  };
  const snapshot = async () => ({
    payments: await p.t.db.selectFrom('payments').select(['id', 'kind', 'amount_fen']).orderBy('id').execute(),
    decisions: await p.t.db.selectFrom('payment_decisions').selectAll().orderBy('payment_id').execute(),
    bindings: await p.t.db.selectFrom('bindings').select(['id', 'status']).orderBy('id').execute(),
    audit: await p.t.db.selectFrom('audit_log').select('id').orderBy('id').execute(),
  });

  const cases: Case[] = [
    { name: 'bind', text: async () => '绑定 8-1-101', allowed: ACTORS, ok: /已收到绑定申请 B\d+|已申请绑定/, mutates: true },
    { name: 'pay', text: async () => '已交5元 8-2-301', allowed: ['resident'], ok: /已登记 P\d+：8-2-301/, mutates: true },
    { name: 'confirm P', text: async () => `确认 ${await freshClaim()}`, allowed: ['gridWorker', 'admin'], ok: /已确认 P\d+/, mutates: true },
    { name: 'reject P', text: async () => `驳回 ${await freshClaim()} 不对`, allowed: ['gridWorker', 'admin'], ok: /已驳回 P\d+/, mutates: true },
    { name: 'confirm B', text: async () => `确认 ${await freshBinding()}`, allowed: ['gridWorker', 'admin'], ok: /绑定 B\d+ 已确认/, mutates: true },
    { name: 'reject B', text: async () => `驳回 ${await freshBinding()}`, allowed: ['gridWorker', 'admin'], ok: /绑定 B\d+（8-2-301）未通过/, mutates: true },
    { name: 'collect', text: async () => (await noClaimWaiting(), '收费 8-2-301 5'), allowed: ['gridWorker', 'admin'], ok: /已收费 P\d+：8-2-301/, mutates: true },
    { name: 'void', text: async () => `冲正 ${await freshCollection()} 记错了`, allowed: ['gridWorker', 'admin'], ok: /已冲正 P\d+/, mutates: true },
    { name: 'amend', text: async () => `更正 ${await freshCollection()} 10`, allowed: ['gridWorker', 'admin'], ok: /已更正 P\d+/, mutates: true },
    { name: 'receipt', text: async () => `收据 ${await freshCollection()}`, allowed: ['resident', 'head', 'gridWorker', 'admin'], ok: /【电子收据】/, mutates: false },
    { name: 'pending', text: async () => '待确认', allowed: ['otherGridWorker', 'gridWorker', 'admin'], ok: /待确认 \d+项|没有待确认/, mutates: false },
    { name: 'status', text: async () => '查询 8-2-301', allowed: ['resident', 'head', 'gridWorker', 'admin'], ok: /8-2-301 卫生费/, mutates: false },
    { name: 'unpaid', text: async () => '欠费名单', allowed: ['otherGridWorker', 'gridWorker', 'admin'], ok: /欠费名单|没有欠费/, mutates: false },
  ];

  beforeAll(async () => {
    p = await startPipeline('auth_matrix', 'redis');
    household = (await findHousehold(p.t.db, 1, '8-2-301'))!.id;
    for (const [name, room] of [['向大叔', '8-2-301'], ['邻居乙', '8-2-302']]) {
      const b = /B\d+/.exec((await p.say(name, `绑定 ${room}`))[0])![0];
      await p.say('刘雅玲', `确认 ${b}`);
    }
    resident = (await p.t.db.selectFrom('members').select('id').where('platform_user_id', '=', consoleUserId('向大叔')).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => p.close());

  for (const c of cases) {
    it(`${c.name}: allowed for ${c.allowed.join(', ')}; refused, with no change, for the rest`, async () => {
      for (const actor of ACTORS) {
        // Each actor starts clean for bind (so "already asked" is not a refusal).
        await p.t.db.deleteFrom('bindings').where('status', '=', 'pending').execute();
        const text = await c.text(p);
        const before = await snapshot();
        const lines = await p.say(NAMES[actor], text);
        expect(lines.length, `${c.name} by ${actor}`).toBeGreaterThan(0);
        const replies = [lines.join('\n')];
        const after = await snapshot();
        if (c.allowed.includes(actor)) {
          expect(replies[0], `${c.name} by ${actor}`).toMatch(c.ok);
          if (c.mutates) expect(after, `${c.name} by ${actor} changed something`).not.toEqual(before);
        } else {
          expect(replies[0], `${c.name} by ${actor}`).not.toMatch(c.ok);
          expect(after, `${c.name} by ${actor} changed nothing`).toEqual(before);
        }
      }
    });
  }

  it('gives no staff power to a member whose display name is a grid worker’s', async () => {
    const claim = await freshClaim();
    const before = await snapshot();
    const msg = { ...p.message('刘雅玲', `确认 ${claim}`), senderId: 'impostor-1', senderName: '刘雅玲' };
    expect(await p.deliver(msg)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    expect(await snapshot()).toEqual(before);
  });

  it('does not believe a job payload that claims a role: roles are looked up', async () => {
    const claim = await freshClaim();
    const before = await snapshot();
    const key = `console-console-group-forged-${Date.now()}`;
    const jobs = p.factory.queue(JOBS_QUEUE);
    const forged = {
      key, platform: 'console', chatId: 'console-group', isPrivate: false, messageId: 'forged', senderId: consoleUserId('路人甲'),
      receivedAt: new Date().toISOString(), locale: 'zh-Hans', command: parseCommand(`确认 ${claim}`), attachments: [],
      roles: [{ role: 'admin', zoneId: null, buildingId: null }], role: 'admin', isStaff: true,
    };
    const printed = p.printed.length;
    await jobs.add('confirm', forged as never, { ...COMMAND_JOB_OPTIONS, jobId: commandJobId(key) });
    await waitForJob(jobs, commandJobId(key), 10_000);
    await waitForEmpty(p.factory.queue(outboundQueue('console')), 10_000);
    expect(p.printed.slice(printed)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    expect(await snapshot()).toEqual(before);
  });
});
