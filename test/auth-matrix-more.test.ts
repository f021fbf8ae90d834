import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CHAT_ID, consoleUserId } from '../src/adapters/console/identity.js';
import { runInviteCommand } from '../src/cli/invite-command.js';
import { DEMO_ESTATE_CODE } from '../src/demo/seed-demo-estate.js';
import { cronPattern, parseReminderSpec } from '../src/time/reminder-schedule.js';
import { messageKey } from '../src/queue/job-ids.js';
import { ACTORS, NAMES, type Actor } from './support/actors.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

// The commands auth-matrix.test.ts leaves out (tickets, reminders, urge, tally, notice, invitation
// codes), each tried by every role in the estate-wide console group of 聚心苑.
const STAFF: Actor[] = ['otherGridWorker', 'gridWorker', 'admin'];
const STAFF_ONLY = '这个操作只有网格员或社区工作人员可以做。';

interface Case {
  name: string;
  /** Sets up what the command needs (fresh for every actor) and returns the text to send. */
  text: () => Promise<string>;
  allowed: Actor[];
  ok: (text: string) => RegExp;
  /** An allowed command must change something. */
  mutates: boolean;
  /** A refusal must say this (when known). */
  refusal?: (text: string, actor: Actor) => RegExp;
}

describe('authorization matrix, part 2: tickets, reminders, urge, tally, notice, invitations × every role', () => {
  let p: Pipeline;
  const ids = {} as Record<Actor, number>;
  let zone3 = 0;
  let building8 = 0;

  const memberId = async (name: string) =>
    (await p.t.db.selectFrom('members').select('id').where('platform', '=', 'console').where('platform_user_id', '=', consoleUserId(name)).executeTakeFirstOrThrow()).id;

  /** A ticket in building 8 (zone 3) filed by 向大叔 and owned by 刘雅玲, due well after the (fixed) clock. */
  const freshTicket = async (status: 'open' | 'accepted' | 'resolved', dueInMinutes = 24 * 60) => {
    const now = p.clock.now();
    const due = new Date(now.getTime() + dueInMinutes * 60_000);
    const t = await p.t.db
      .insertInto('tickets')
      .values({
        estate_id: 1, category: 'other', text: '楼道灯坏了', status, zone_id: zone3, building_id: building8,
        owner_member_id: ids.gridWorker, reporter_member_id: ids.resident, origin_platform: 'console', origin_chat_id: CONSOLE_CHAT_ID,
        cycle_started_at: now, accept_due_at: due, resolve_due_at: due, rating: null, source_key: `fixture-${Math.random()}`, created_at: now, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await p.t.db
      .insertInto('ticket_reporters')
      .values({ ticket_id: t.id, member_id: ids.resident, platform: 'console', chat_id: CONSOLE_CHAT_ID, source_key: `fixture-${t.id}`, created_at: now })
      .execute();
    return `T${t.id}`;
  };
  // Written directly (not said by 刘雅玲: the flood guard would throttle her).
  const freshReminder = async () => {
    const parsed = parseReminderSpec('每天 18:00 请把垃圾分类投放', p.clock.now(), 'Asia/Shanghai');
    if (!parsed.ok) throw new Error(parsed.error);
    const r = await p.t.db
      .insertInto('reminders')
      .values({
        estate_id: 1, platform: 'console', chat_id: CONSOLE_CHAT_ID, created_by: ids.gridWorker, schedule: JSON.stringify(parsed.schedule),
        cron: cronPattern(parsed.schedule), time_zone: 'Asia/Shanghai', message: parsed.message, source_key: null, created_at: p.clock.now(),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return `R${r.id}`;
  };
  const freshCode = async (args: string[] = ['--role', 'head', '--building', '9']) => {
    const out: string[] = [];
    expect(await runInviteCommand([DEMO_ESTATE_CODE, ...args], p.t.db, (l) => out.push(l), p.clock.now())).toBe(0);
    return /: ([A-Z0-9]{8})$/.exec(out[0])![1];
  };
  const snapshot = async (exceptKey: string) => ({
    tickets: await p.t.db
      .selectFrom('tickets')
      .select(['id', 'status', 'category', 'owner_member_id', 'rating', 'cycle', 'accept_due_at', 'resolve_due_at', 'escalation_level'])
      .orderBy('id')
      .execute(),
    ticketEvents: await p.t.db.selectFrom('ticket_events').select(['id', 'ticket_id', 'kind']).orderBy('id').execute(),
    ticketReporters: await p.t.db.selectFrom('ticket_reporters').select(['id', 'ticket_id', 'member_id']).orderBy('id').execute(),
    reminders: await p.t.db.selectFrom('reminders').select(['id', 'status', 'cancelled_by']).orderBy('id').execute(),
    roles: await p.t.db.selectFrom('roles').selectAll().orderBy('id').execute(),
    chatGroups: await p.t.db.selectFrom('chat_groups').select(['id', 'platform', 'chat_id', 'estate_id', 'zone_id', 'building_id']).orderBy('id').execute(),
    invitations: await p.t.db.selectFrom('invitations').select(['id', 'used_at', 'used_by']).orderBy('id').execute(),
    urgeLog: await p.t.db.selectFrom('urge_log').selectAll().orderBy('group_id').execute(),
    audit: await p.t.db.selectFrom('audit_log').select(['id', 'action']).orderBy('id').execute(),
    // Every outbox row but the ones this message produced (its one reply is checked apart).
    outbox: await p.t.db.selectFrom('outbox').select(['id', 'key', 'chat_id', 'text']).where('key', 'not like', `${exceptKey}-%`).orderBy('id').execute(),
  });
  const repliesOf = (key: string) => p.t.db.selectFrom('outbox').select(['chat_id', 'text']).where('key', 'like', `${key}-%`).orderBy('id').execute();

  // Resets before each actor so that "already done" never passes for a refusal.
  const resetUrge = () => p.t.db.deleteFrom('urge_log').execute();

  const cases: Case[] = [
    {
      name: 'complain 投诉',
      text: async () => '投诉 8栋2单元楼道堆放杂物',
      allowed: ACTORS,
      ok: () => /已收到工单 T\d+|同一问题已有工单 T\d+/,
      mutates: true,
    },
    {
      name: 'accept 受理 T',
      text: async () => `受理 ${await freshTicket('open')}`,
      allowed: ['gridWorker', 'admin'],
      ok: (text) => new RegExp(`已受理 ${text.split(' ')[1]}`),
      mutates: true,
      refusal: (text, actor) => (actor === 'otherGridWorker' ? new RegExp(`${text.split(' ')[1]} 不归您负责`) : new RegExp(STAFF_ONLY)),
    },
    {
      name: 'resolve 完成 T',
      text: async () => `完成 ${await freshTicket('accepted')} 已清理`,
      allowed: ['gridWorker', 'admin'],
      ok: (text) => new RegExp(`已办结 ${text.split(' ')[1]}`),
      mutates: true,
      refusal: (text, actor) => (actor === 'otherGridWorker' ? new RegExp(`${text.split(' ')[1]} 不归您负责`) : new RegExp(STAFF_ONLY)),
    },
    {
      name: 'rate 评价 T n (only the reporter)',
      text: async () => `评价 ${await freshTicket('resolved')} 5`,
      allowed: ['resident'],
      ok: (text) => new RegExp(`工单 ${text.split(' ')[1]} 已关闭`),
      mutates: true,
      refusal: (text) => new RegExp(`只有提交 ${text.split(' ')[1]} 的居民本人可以评价`),
    },
    {
      name: 'rate 评价 T 1 (a reopening rating, only the reporter)',
      text: async () => `评价 ${await freshTicket('resolved')} 1 没弄干净`,
      allowed: ['resident'],
      ok: (text) => new RegExp(`${text.split(' ')[1]} 已重新打开`),
      mutates: true,
      refusal: (text) => new RegExp(`只有提交 ${text.split(' ')[1]} 的居民本人可以评价`),
    },
    {
      // Everyone gets the list of their own scope (who sees which ticket: the test further down).
      name: 'tickets 工单 (list)',
      text: async () => '工单',
      allowed: ACTORS,
      ok: () => /未完成工单 \d+ 件|没有未完成的工单/,
      mutates: false,
    },
    {
      name: 'tickets 工单 T (detail)',
      text: async () => `工单 ${await freshTicket('open')}`,
      allowed: ['resident', 'head', 'gridWorker', 'admin'],
      ok: (text) => new RegExp(`工单 ${text.split(' ')[1]}（`),
      mutates: false,
      refusal: (text) => new RegExp(`${text.split(' ')[1]} 只有反映人、负责的网格员和社区可以查看`),
    },
    {
      name: 'tickets 工单 T 分类 漏水 (re-categorise)',
      text: async () => `工单 ${await freshTicket('open')} 分类 漏水`,
      allowed: ['gridWorker', 'admin'],
      ok: (text) => new RegExp(`${text.split(' ')[1]} 分类已从“其他”改为`),
      mutates: true,
    },
    {
      name: 'remind 提醒',
      text: async () => '提醒 每天 18:00 请把垃圾分类投放',
      allowed: STAFF,
      ok: () => /R\d+/,
      mutates: true,
      refusal: () => new RegExp(STAFF_ONLY),
    },
    {
      name: 'reminders 提醒列表',
      text: async () => {
        await freshReminder();
        return '提醒列表';
      },
      allowed: STAFF,
      ok: () => /本群的提醒（\d+个）/,
      mutates: false,
      refusal: () => new RegExp(STAFF_ONLY),
    },
    {
      name: 'cancel 取消 R',
      text: async () => `取消 ${await freshReminder()}`,
      allowed: STAFF,
      ok: (text) => new RegExp(`已取消提醒 ${text.split(' ')[1]}`),
      mutates: true,
      refusal: () => new RegExp(STAFF_ONLY),
    },
    {
      name: 'urge 催缴',
      text: async () => {
        await resetUrge();
        return '催缴';
      },
      allowed: STAFF,
      ok: () => /催缴】以下\d+户欠费|没有欠费的住户/,
      mutates: true,
      refusal: () => new RegExp(STAFF_ONLY),
    },
    {
      name: 'tally 统计',
      text: async () => '统计',
      allowed: STAFF,
      ok: () => /统计】/,
      mutates: false,
      refusal: () => new RegExp(STAFF_ONLY),
    },
    {
      name: 'notice 公示',
      text: async () => '公示',
      allowed: STAFF,
      ok: () => /公示】/,
      mutates: true, // an audit row
      refusal: () => new RegExp(STAFF_ONLY),
    },
    {
      name: 'claim 邀请码 (a fresh code: whoever holds it)',
      text: async () => `邀请码 ${await freshCode()}`,
      allowed: ACTORS,
      ok: () => /欢迎！您已成为聚心苑.*9栋.*的楼栋长/,
      mutates: true,
    },
    {
      // In a group that is already linked, a group code re-scopes it only for the estate's admin
      // (the group is put back after each); anyone may link a group that is not linked yet.
      name: 'claim 邀请码 (a fresh group code, in a linked group)',
      text: async () => `邀请码 ${await freshCode(['--group', '--building', '9'])}`,
      allowed: ['admin'],
      ok: () => /本群已关联到聚心苑.*9栋/,
      mutates: true,
      refusal: () => /本群已经关联了小区。要改关联，请本小区的社区管理员发送这个邀请码。/,
    },
  ];

  beforeAll(async () => {
    p = await startPipeline('auth_matrix_more', 'redis');
    for (const [name, room] of [['向大叔', '8-2-301'], ['邻居乙', '8-2-302']]) {
      const b = /B\d+/.exec((await p.say(name, `绑定 ${room}`))[0])![0];
      const confirmed = await p.say('刘雅玲', `确认 ${b}`);
      expect(confirmed.join('\n')).toMatch(/已确认/);
    }
    await p.say(NAMES.stranger, '查询 8-2-301'); // a job, so the stranger is a member with an id
    for (const a of ACTORS) ids[a] = await memberId(NAMES[a]);
    const b8 = await p.t.db.selectFrom('buildings').select(['id', 'zone_id']).where('estate_id', '=', 1).where('code', '=', '8').executeTakeFirstOrThrow();
    building8 = b8.id;
    zone3 = b8.zone_id!;
  }, 30_000);
  afterAll(() => p.close());

  const rolesOfActors = async () => p.t.db.selectFrom('roles').select('id').where('member_id', 'in', Object.values(ids)).orderBy('id').execute();

  for (const c of cases) {
    it(`${c.name}: allowed for ${c.allowed.join(', ')}; refused, with no change, for the rest`, async () => {
      const rolesAtStart = await rolesOfActors();
      for (const actor of ACTORS) {
        const text = await c.text();
        const msg = p.message(NAMES[actor], text);
        const key = messageKey(msg);
        const before = await snapshot(key);
        const lines = await p.deliver(msg);
        const after = await snapshot(key);
        const reply = lines.join('\n');
        const label = `${c.name} by ${actor}: ${reply}`;
        expect(lines.length, label).toBeGreaterThan(0);
        if (c.allowed.includes(actor)) {
          expect(reply, label).toMatch(c.ok(text));
          if (c.mutates) expect(after, `${label} changed something`).not.toEqual(before);
        } else {
          expect(reply, label).not.toMatch(c.ok(text));
          if (c.refusal) expect(reply, label).toMatch(c.refusal(text, actor));
          expect(after, `${label} changed nothing`).toEqual(before);
          // One reply, to the group, and nothing sent anywhere else.
          const out = await repliesOf(key);
          expect(out.length, label).toBe(1);
          expect(out[0].chat_id, label).toBe(CONSOLE_CHAT_ID);
        }
        // A claimed role must not leak into the next actor's or case's rights.
        if (c.name.startsWith('claim')) {
          await p.t.db.updateTable('chat_groups').set({ estate_id: 1, zone_id: null, building_id: null }).where('platform', '=', 'console').where('chat_id', '=', CONSOLE_CHAT_ID).execute();
          await p.t.db.deleteFrom('roles').where('member_id', 'in', Object.values(ids)).where('id', 'not in', rolesAtStart.length ? rolesAtStart.map((r) => r.id) : [0]).execute();
        }
      }
    });
  }

  it('tickets 工单 lists a ticket only to its reporter, its zone’s grid worker and admins', async () => {
    const ref = await freshTicket('open', 1);
    const seen: Actor[] = [];
    for (const actor of ACTORS) {
      const msg = p.message(NAMES[actor], '工单');
      const before = await snapshot(messageKey(msg));
      const reply = (await p.deliver(msg)).join('\n');
      if (new RegExp(`${ref} `).test(reply)) seen.push(actor);
      expect(await snapshot(messageKey(msg)), actor).toEqual(before);
    }
    expect(seen).toEqual(['resident', 'gridWorker', 'admin']);
  });

  it('an invitation code works once: after it is used, every role is refused and nothing changes', async () => {
    const code = await freshCode();
    const first = await p.say('邻居乙', `邀请码 ${code}`);
    expect(first.join('\n')).not.toMatch(/无效/);
    const headRoleOfNeighbour = await p.t.db.selectFrom('roles').select('id').where('member_id', '=', ids.otherResident).where('role', '=', 'head').execute();
    expect(headRoleOfNeighbour.length).toBe(1);
    for (const actor of ACTORS) {
      const msg = p.message(NAMES[actor], `邀请码 ${code}`);
      const key = messageKey(msg);
      const before = await snapshot(key);
      const reply = (await p.deliver(msg)).join('\n');
      expect(reply, actor).toMatch(/这个邀请码无效、已用过或已过期/);
      expect(await snapshot(key), actor).toEqual(before);
    }
    await p.t.db.deleteFrom('roles').where('id', 'in', headRoleOfNeighbour.map((r) => r.id)).execute();
  });

  it('an expired or unknown invitation code is refused for every role, with no change', async () => {
    const expired = await freshCode(['--role', 'admin', '--days', '1']);
    await p.t.db.updateTable('invitations').set({ expires_at: new Date(p.clock.now().getTime() - 1000) }).where('code', '=', expired).execute();
    for (const code of [expired, 'ZZZZ2222']) {
      for (const actor of ACTORS) {
        const msg = p.message(NAMES[actor], `邀请码 ${code}`);
        const key = messageKey(msg);
        const before = await snapshot(key);
        const reply = (await p.deliver(msg)).join('\n');
        expect(reply, `${code} by ${actor}`).toMatch(/这个邀请码无效、已用过或已过期/);
        expect(await snapshot(key), `${code} by ${actor}`).toEqual(before);
      }
    }
  });
});
