import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processors } from '../jobs/processors.js';
import type { WorkerDeps } from '../jobs/worker-deps.js';
import { consoleUserId } from '../src/adapters/console/identity.js';
import { setPatrolSettings } from '../src/grid/patrol-settings.js';
import { silentLogger } from '../src/log.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { outboundQueue } from '../src/queue/queue-names.js';
import { waitForEmpty } from '../src/runtime/settle.js';
import { dropTestSchema } from './support/db.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

const MIN = 60_000;
// Tuesday 1 December 2026, 09:00 in Shanghai.
const START = new Date('2026-12-01T01:00:00Z');
const NAME = `grid_day_${process.pid}`;

let p: Pipeline;
let deps: WorkerDeps;
// The sweep, then until what it said has been printed.
const sweep = async () => {
  await processors['patrol-sweep']({ estateId: null }, deps, { id: 'sweep', attemptsMade: 0 });
  await waitForEmpty(p.factory.queue(outboundQueue('console')), 20_000);
};
const outboxLike = (pattern: string) => p.t.db.selectFrom('outbox').select(['key', 'text', 'mentions']).where('key', 'like', pattern).orderBy('id').execute();
const memberId = async (name: string) =>
  (await p.t.db.selectFrom('members').select('id').where('platform', '=', 'console').where('platform_user_id', '=', consoleUserId(name)).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  p = await startPipeline(NAME, 'redis', { now: START });
  deps = { db: p.t.db, clock: p.clock, outbound: queueOutbound(p.factory), log: silentLogger };
});
afterAll(async () => {
  const { baseUrl, schema } = p.t;
  await p.close();
  await dropTestSchema(baseUrl, schema);
});

describe('patrols (controlled clock)', () => {
  it('times a patrol, keeps its notes and locations, and turns a note into a ticket with one reply', async () => {
    expect(await p.say('刘雅玲', '开始巡查')).toEqual([
      'linli: 开始巡查（12月1日 09:00）。今日共巡查0分钟，目标1小时，还差1小时。',
      '发送位置可记下走到哪里；“巡查发现 …”记下问题；巡查完发“结束巡查”。',
    ]);
    expect(await p.say('刘雅玲', '开始巡查')).toEqual(['linli: 您已在巡查中（12月1日 09:00开始）。巡查完发“结束巡查”。']);
    p.clock.advance(10 * MIN);
    expect(await p.say('刘雅玲', '巡查发现 9栋消防通道堆了自行车')).toEqual([expect.stringMatching(/^linli: 已记录巡查发现 N\d+。需要处理的请回复“转工单”，不回复则只作记录。$/)]);
    const located = await p.deliver({ ...p.message('刘雅玲', ''), attachments: [{ kind: 'location', id: 'loc-1', latitudeE6: 28_228_000, longitudeE6: 112_938_000, label: '9栋' }] });
    expect(located).toEqual(['linli: 已记下位置（本次巡查第1个）。']);
    // Someone not on patrol sharing a location is chatter.
    expect(await p.deliver({ ...p.message('向大叔', ''), attachments: [{ kind: 'location', id: 'loc-2', latitudeE6: 1, longitudeE6: 2, label: null }] })).toEqual([]);

    const ticketed = await p.say('刘雅玲', '转工单');
    expect(ticketed[0]).toMatch(/^linli: N\d+ 已转为工单 T\d+（车辆\/消防通道），由第三片区网格员 刘雅玲负责，12月1日 10:10前受理。$/);
    const ref = /T\d+/.exec(ticketed[0])![0];
    const t = await p.t.db.selectFrom('tickets').selectAll().where('id', '=', Number(ref.slice(1))).executeTakeFirstOrThrow();
    expect(t.category).toBe('fire_lane');
    expect(t.owner_member_id).toBe(await memberId('刘雅玲'));
    expect(await p.say('刘雅玲', '转工单')).toEqual([expect.stringMatching(new RegExp(`^linli: N\\d+ 已经转为工单 ${ref}。$`))]);

    p.clock.advance(55 * MIN);
    expect(await p.say('刘雅玲', '今日巡查')).toEqual(['linli: 正在巡查（12月1日 09:00开始）。今日共巡查1小时5分钟，目标1小时，已达标。']);
    expect(await p.say('刘雅玲', '结束巡查')).toEqual(['linli: 巡查结束：本次1小时5分钟，记录1条，位置1个。今日共巡查1小时5分钟，目标1小时，已达标。']);
    expect(await p.say('刘雅玲', '结束巡查')).toEqual(['linli: 您现在没有进行中的巡查。发“开始巡查”开始。']);
    // A note outside a patrol is refused, and changes nothing.
    expect(await p.say('刘雅玲', '巡查发现 8栋路灯不亮')).toEqual(['linli: 请先发“开始巡查”，巡查中发现的问题再用“巡查发现 …”记录。']);
    // Residents do not patrol.
    expect(await p.say('向大叔', '开始巡查')).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    const points = await p.t.db.selectFrom('patrol_points').selectAll().execute();
    expect(points.map((x) => [x.latitude_e6, x.longitude_e6])).toEqual([[28_228_000, 112_938_000]]);
  });

  it('closes a forgotten patrol automatically at the bound, marked so, once', async () => {
    p.clock.set(new Date(START.getTime() + 30 * MIN)); // 09:30
    await p.say('王建国', '开始巡查');
    p.clock.set(new Date(START.getTime() + 30 * MIN + 239 * MIN));
    await sweep();
    expect(await outboxLike('patrol-close-%')).toEqual([]);
    p.clock.set(new Date(START.getTime() + 30 * MIN + 241 * MIN));
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const closed = await outboxLike('patrol-close-%');
    expect(closed.map((c) => c.text)).toEqual(['您12月1日 09:30开始的巡查超过4小时还没有结束，已自动结束，按4小时计。下次巡查完请发“结束巡查”。']);
    expect(closed[0].mentions).toEqual([consoleUserId('王建国')]);
    const patrol = await p.t.db.selectFrom('patrols').selectAll().where('member_id', '=', await memberId('王建国')).executeTakeFirstOrThrow();
    expect(patrol.auto_closed).toBe(true);
    expect(patrol.ended_at!.getTime() - patrol.started_at.getTime()).toBe(240 * MIN);
    expect(await p.say('王建国', '今日巡查')).toEqual(['linli: 今日共巡查4小时，目标1小时，已达标。']);
  });

  it('reminds each grid worker with no patrol yet, once, after the reminder time, and not on days off', async () => {
    // Personal nudges go privately or to a staff group, never to a residents' group (the console's, here).
    p.clock.set(new Date('2026-11-30T08:31:00Z')); // Monday 16:31
    await sweep();
    expect(await outboxLike('patrol-remind-%')).toEqual([]);
    await p.t.db.updateTable('chat_groups').set({ is_staff: true }).execute();
    p.clock.set(new Date('2026-12-01T08:20:00Z')); // 16:20: not yet
    await sweep();
    expect(await outboxLike('patrol-remind-%')).toEqual([]);
    p.clock.set(new Date('2026-12-01T08:31:00Z')); // 16:31
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const reminded = await outboxLike('patrol-remind-%');
    // 刘雅玲 and 王建国 patrolled today; the other five grid workers are reminded once each.
    const who = reminded.flatMap((r) => r.mentions).sort();
    expect(who).toEqual(['李秀英', '陈志强', '杨桂芳', '赵德明', '黄丽华'].map(consoleUserId).sort());
    expect(reminded[0].text).toBe('今天还没有巡查记录（目标1小时）。出发时发“开始巡查”。');

    p.clock.set(new Date('2026-12-02T12:00:00Z')); // Wednesday 20:00: past the reminder's window
    await sweep();
    expect((await outboxLike('patrol-remind-%')).length).toBe(5);
    p.clock.set(new Date('2026-12-05T09:00:00Z')); // Saturday 17:00: a day off
    await sweep();
    expect((await outboxLike('patrol-remind-%')).length).toBe(5);
    // An estate that turns reminders off gets none.
    const estate = await p.t.db.selectFrom('estates').select('id').executeTakeFirstOrThrow();
    await setPatrolSettings(p.t.db, estate.id, { reminderEnabled: false });
    p.clock.set(new Date('2026-12-07T09:00:00Z')); // Monday 17:00
    await sweep();
    expect((await outboxLike('patrol-remind-%')).length).toBe(5);
    await setPatrolSettings(p.t.db, estate.id, { reminderEnabled: true });
    await sweep();
    expect((await outboxLike('patrol-remind-%')).length).toBe(12); // all seven on Monday
    await p.t.db.updateTable('chat_groups').set({ is_staff: false }).execute();
  });
});

describe('visit log (民情日志)', () => {
  it('records a visit for staff, turns its request into a ticket, lists the household’s visits in a staff chat only', async () => {
    p.clock.set(new Date('2026-12-08T02:00:00Z'));
    const saved = await p.say('刘雅玲', '走访 8-2-301 老人独居，反映楼道灯坏了');
    expect(saved).toEqual([expect.stringMatching(/^linli: 已记录走访 N\d+：8-2-301（仅工作人员可见）。本月已走访1次。需要处理的请回复“转工单”。$/)]);
    const ticketed = await p.say('刘雅玲', '转工单');
    expect(ticketed[0]).toMatch(/^linli: N\d+ 已转为工单 T\d+（照明\/电线），由第三片区网格员 刘雅玲负责/);
    const ref = /T\d+/.exec(ticketed[0])![0];
    const t = await p.t.db.selectFrom('tickets as t').innerJoin('buildings as b', 'b.id', 't.building_id').select(['b.code']).where('t.id', '=', Number(ref.slice(1))).executeTakeFirstOrThrow();
    expect(t.code).toBe('8');

    // Residents and other zones' grid workers cannot log or read visits.
    expect(await p.say('向大叔', '走访 8-2-301 看看')).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    expect(await p.say('王建国', '走访 8-2-301 看看')).toEqual(['linli: 8-2-301 不在您负责的网格内，请联系该网格的网格员。']);
    expect(await p.say('向大叔', '走访记录 8-2-301')).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    // The console is a residents' group: the log is not shown there.
    expect(await p.say('刘雅玲', '走访记录 8-2-301')).toEqual(['linli: 走访记录只在工作人员群或私聊里查看。']);
    await p.t.db.updateTable('chat_groups').set({ is_staff: true }).execute();
    const listed = await p.say('刘雅玲', '走访记录 8-2-301');
    expect(listed[0]).toBe('linli: 8-2-301 走访记录 1 条（仅工作人员可见）：');
    expect(listed[1]).toMatch(new RegExp(`^N\\d+ 12月8日 10:00 刘雅玲：老人独居，反映楼道灯坏了（已转工单 ${ref}）$`));
    await p.t.db.updateTable('chat_groups').set({ is_staff: false }).execute();
    expect(await p.say('刘雅玲', '走访')).toEqual(['linli: 请写上房号，例如：绑定 8-2-301']);
    expect(await p.say('刘雅玲', '走访 99-1-101 看看')).toEqual(['linli: 本小区没有 99-1-101 这个房号，请核对后再发。']);
  });
});
