import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processors } from '../jobs/processors.js';
import { runEstatesCommand } from '../src/cli/estates-command.js';
import { DEMO_ESTATE_CODE } from '../src/demo/seed-demo-estate.js';
import type { WorkerDeps } from '../jobs/worker-deps.js';
import { silentLogger } from '../src/log.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { outboundQueue } from '../src/queue/queue-names.js';
import { waitForEmpty } from '../src/runtime/settle.js';
import { dropTestSchema } from './support/db.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

// Issue 13's gaps, through the console pipeline on real Postgres and Redis: staff merge and decline
// proposals, nudge the households not yet voted, record door-to-door delivery and floor areas.
const NAME = `council_review_${process.pid}`;
let p: Pipeline;
let deps: WorkerDeps;

const ref = (letter: string, lines: string[]) => {
  const m = new RegExp(`\\b(${letter}\\d+)\\b`).exec(lines.join('\n'));
  if (!m) throw new Error(`no ${letter} ref in ${JSON.stringify(lines)}`);
  return m[1];
};
/** Building 8 of 聚心苑: 24 households, 8-1-101 … 8-2-602. */
const ROOMS = [1, 2].flatMap((u) => [1, 2, 3, 4, 5, 6].flatMap((f) => [1, 2].map((r) => `8-${u}-${f * 100 + r}`)));
const resident = (i: number) => `八栋邻居${String(i + 1).padStart(2, '0')}`;
const sweep = async () => {
  await processors['council-sweep']({ estateId: null }, deps);
  await waitForEmpty(p.factory.queue(outboundQueue('console')), 20_000);
};
/** Bind resident i to ROOMS[i] and have the admin confirm them as owner. */
const bindOwner = async (i: number) => {
  const b = ref('B', await p.say(resident(i), `绑定 ${ROOMS[i]}`));
  expect(await p.say('戴红霞', `确认业主 ${b}`)).toEqual([`linli: 已确认 ${b}：${ROOMS[i]} 的业主。`]);
};
/** An owner who uses Telegram (the bot can write to them privately), bound to a room of building 8. */
const telegramOwner = async (userId: string, room: string) => {
  const m = await p.t.db.insertInto('members').values({ platform: 'telegram', platform_user_id: userId, display_name: null }).returning('id').executeTakeFirstOrThrow();
  const h = await p.t.db.selectFrom('households').select('id').where('room_code', '=', room).executeTakeFirstOrThrow();
  const at = p.clock.now();
  await p.t.db.insertInto('bindings').values({ member_id: m.id, household_id: h.id, status: 'confirmed', source_key: null, decided_by: null, decided_at: at, reason: null, relation: 'owner', designated: false, relation_at: at, created_at: at }).execute();
};
const outboxTo = (chatId: string) => p.t.db.selectFrom('outbox').select(['text', 'platform']).where('chat_id', '=', chatId).orderBy('id').execute();

beforeAll(async () => {
  // Staff here send more commands a minute than the flood guard allows a person: raised, so the test does not depend on its own speed.
  p = await startPipeline(NAME, 'redis', { env: { LINLI_FLOOD_BURST: '1000' } });
  deps = { db: p.t.db, clock: p.clock, outbound: queueOutbound(p.factory), log: silentLogger };
  const estate = await p.t.db.selectFrom('estates').select('id').executeTakeFirstOrThrow();
  await p.t.db.insertInto('council_settings').values({ estate_id: estate.id, support_threshold: 4 }).execute();
});
afterAll(async () => {
  const baseUrl = p.t.baseUrl;
  const schema = p.t.schema;
  await p.close();
  await dropTestSchema(baseUrl, schema);
});

describe('staff merge duplicate proposals and decline with a reason', () => {
  it('carries supports over once per household, tells the proposer, and refuses what cannot be merged', async () => {
    for (let i = 0; i < 4; i++) await bindOwner(i);
    const y1 = ref('Y', await p.say(resident(0), '提议 在8栋门口加装晾衣架'));
    const y2 = ref('Y', await p.say(resident(1), '提议 8栋楼下装个晒衣服的架子'));
    // 邻居03 supports both; 邻居04 only the duplicate.
    await p.say(resident(2), `附议 ${y1}`);
    await p.say(resident(2), `附议 ${y2}`);
    await p.say(resident(3), `附议 ${y2}`);

    expect(await p.say(resident(0), `合并 ${y2} 到 ${y1}`)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    expect(await p.say('刘雅玲', `合并 ${y1} 到 ${y1}`)).toEqual([`linli: 不能把 ${y1} 并入它自己，请写两个不同的编号。`]);
    expect(await p.say('刘雅玲', `合并 ${y2} 到 Y999`)).toEqual(['linli: 没有找到提议 Y999，请核对编号。']);
    const merged = await p.say('刘雅玲', `合并 ${y2} 到 ${y1}`);
    // Y1 had its proposer's and 邻居03's households; Y2 brings 邻居02's and 邻居04's (邻居03's counts once): 4, the threshold.
    expect(merged[0]).toBe(`linli: 已将 ${y2} 并入 ${y1}：带过来2户附议，${y1} 目前4户支持，已达到上会门槛。`);
    const said = merged.join('\n');
    // The console has no private chat: the proposer is told in the group, the admins as at any threshold.
    expect(said).toContain(`@${resident(1)} 您的提议 ${y2} 与 ${y1} 内容相近，已并入 ${y1}：在8栋门口加装晾衣架`);
    expect(said).toContain(`提议 ${y1} 已有4户附议，达到上会门槛`);
    const supports = await p.t.db.selectFrom('proposal_supports as s').innerJoin('proposals as pr', 'pr.id', 's.proposal_id').select('s.household_id').where('pr.id', '=', Number(y1.slice(1))).execute();
    expect(new Set(supports.map((s) => s.household_id)).size).toBe(4);
    // Supporting the merged one points to the target; it cannot be merged again, nor the same command take effect twice.
    expect(await p.say(resident(3), `附议 ${y2}`)).toEqual([`linli: ${y2} 已并入 ${y1}，请回复“附议 ${y1}”。`]);
    expect(await p.say('刘雅玲', `合并 ${y2} 到 ${y1}`)).toEqual([`linli: ${y2} 已合并，不能再合并或不予采纳。`]);
    const audit = await p.t.db.selectFrom('audit_log').select(['action', 'subject']).where('action', '=', 'proposal.merge').execute();
    expect(audit).toEqual([{ action: 'proposal.merge', subject: y2 }]);
  }, 120_000);

  it('declines with a reason the proposer sees; a declined proposal takes no more support', async () => {
    const y = ref('Y', await p.say(resident(2), '提议 在消防通道旁边划电动车停车位'));
    expect(await p.say('刘雅玲', `不采纳 ${y}`)).toEqual(['linli: 请写上不采纳的原因，例如：不采纳 Y5 消防通道不能占用']);
    expect(await p.say(resident(0), `不采纳 ${y} 不好`)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    const declined = await p.say('刘雅玲', `不采纳 ${y} 消防通道不能占用`);
    expect(declined[0]).toBe(`linli: 已不予采纳 ${y}（原因：消防通道不能占用），已告知提议人。`);
    expect(declined.join('\n')).toContain(`@${resident(2)} 您的提议 ${y}（在消防通道旁边划电动车停车位）未被采纳，原因：消防通道不能占用`);
    expect(await p.say(resident(3), `附议 ${y}`)).toEqual([`linli: ${y} 未采纳，不用再附议了。`]);
    expect(await p.say('刘雅玲', `不采纳 ${y} 再说一次`)).toEqual([`linli: ${y} 未采纳，不能再合并或不予采纳。`]);
    const row = await p.t.db.selectFrom('proposals').select(['status', 'reason']).where('id', '=', Number(y.slice(1))).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'declined', reason: '消防通道不能占用' });
    // Chatter with the same words is not a command.
    expect(await p.say(resident(0), '快递已送达')).toEqual([]);
    expect(await p.say(resident(0), '合并一下两个群吧')).toEqual([]);
  }, 60_000);
});

describe('floor areas without SQL, and the households not yet voted', () => {
  it('staff set floor areas in the chat, in hundredths of m²', async () => {
    expect(await p.say(resident(0), '面积 8-1-101 89.5')).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    expect(await p.say('刘雅玲', '面积 8-1-101 八十九')).toEqual(['linli: 请写上房号和面积（平方米，最多两位小数），例如：面积 8-2-301 89.5']);
    expect(await p.say('刘雅玲', '面积 8-1-101 89.555')).toEqual(['linli: 请写上房号和面积（平方米，最多两位小数），例如：面积 8-2-301 89.5']);
    expect(await p.say('刘雅玲', '面积 8-9-901 80')).toEqual(['linli: 本小区没有房号 8-9-901，请核对。']);
    expect(await p.say('刘雅玲', '面积 8-1-101 89.5平方米')).toEqual(['linli: 已登记 8-1-101 的专有部分面积：89.50 m²。已发起的表决仍按发起时的面积计算。']);
    expect(await p.say('刘雅玲', '面积 8栋1单元101 90.05')).toEqual(['linli: 已登记 8-1-101 的专有部分面积：90.05 m²（原为 89.50 m²）。已发起的表决仍按发起时的面积计算。']);
    const h = await p.t.db.selectFrom('households').select('floor_area').where('room_code', '=', '8-1-101').executeTakeFirstOrThrow();
    expect(h.floor_area).toBe(9005);
    // An owners' decision does not open while a household in scope has no area.
    expect((await p.say('刘雅玲', '表决 更换8栋电梯 截止11月27日 20:00 8栋'))[0]).toContain('还有23户没有登记专有部分面积');
  }, 60_000);

  it('nudges non-voters privately once a day, lists the rest for a visit, and logs door-to-door delivery', async () => {
    await p.t.db.updateTable('households').set({ floor_area: 8950 }).where('room_code', 'in', ROOMS).execute();
    await telegramOwner('7001', '8-2-101');
    await telegramOwner('7002', '8-2-102');
    p.clock.advance(60_000);
    const v = ref('V', await p.say('刘雅玲', '表决 更换8栋电梯 截止11月27日 20:00 8栋'));
    // The Telegram owners got their ballot notice privately.
    expect((await outboxTo('7001')).map((r) => r.text)).toEqual([expect.stringContaining(`表决通知 ${v}：更换8栋电梯\n您家 8-2-101 可以投票`)]);
    await p.say(resident(0), `投票 ${v} 同意`);

    const mark = p.printed.length;
    const nudged = (await p.say('刘雅玲', `催投票 ${v}`)).join('\n');
    // 2 Telegram owners privately; 21 households (3 console owners without a private chat, 18 unbound) to visit.
    expect(nudged).toContain(`${v}：已私信提醒 2 人（2 户未投票）。\n另有 21 户无法私信提醒，请上门：\n8-1-102 8-1-201 8-1-202`);
    expect(nudged).not.toContain('8-1-101 ');
    expect(p.printed.slice(mark).join('\n')).not.toContain('@');
    expect((await outboxTo('7002')).at(-1)?.text).toBe(`提醒：表决 ${v}（更换8栋电梯）11月27日 20:00截止，您家 8-2-102 还没有投票。回复“投票 ${v} 同意 / 反对 / 弃权”。`);
    expect(await p.say('刘雅玲', `催投票 ${v}`)).toEqual([`linli: ${v} 今天已经提醒过了（11月20日 20:01），每个表决每天最多提醒一次。`]);
    expect(await p.say(resident(1), `催投票 ${v}`)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);

    // Not reached yet: households with no bound voter and the Telegram ones whose message is not sent yet.
    const notVoted = (await p.say('刘雅玲', `未投票 ${v}`)).join('\n');
    expect(notVoted).toContain('表决通知还没有送达 20 户');
    expect(notVoted).toContain('8-1-501 8-1-502 8-1-601 8-1-602 8-2-101 8-2-102');
    expect(await p.say('刘雅玲', `送达 ${v} 8-1-601`)).toEqual([`linli: 已记录：${v} 的表决通知已上门送达 8-1-601。`]);
    expect(await p.say('刘雅玲', `送达 ${v} 9-1-101`)).toEqual([`linli: 9-1-101 不在 ${v} 的表决范围内。`]);
    expect((await p.say('刘雅玲', `未投票 ${v}`)).join('\n')).toContain('表决通知还没有送达 19 户');

    // The next day the nudge may go again, to those still not voted (8-2-101 voted on paper meanwhile).
    expect(await p.say('刘雅玲', `代录 ${v} 8-2-101 反对`)).toEqual([`linli: 已代录 8-2-101 的纸质票（${v}），请补发选票照片存档。`]);
    // The photo of the paper ballot follows in its own message, and is kept with that ballot.
    const photo = { ...p.message('刘雅玲', ''), attachments: [{ kind: 'image' as const, id: 'paper-ballot-8-2-101' }] };
    expect(await p.deliver(photo)).toEqual([`linli: 已存档 8-2-101 的纸质选票照片（${v}）。`]);
    const kept = await p.t.db.selectFrom('ballot_photos as ph').innerJoin('ballots as b', 'b.id', 'ph.ballot_id').select(['ph.file_id', 'b.choice']).execute();
    expect(kept).toEqual([{ file_id: 'paper-ballot-8-2-101', choice: 'no' }]);
    // A second photo after that has no ballot waiting for one: ordinary chat, nothing said.
    expect(await p.deliver({ ...p.message('刘雅玲', ''), attachments: [{ kind: 'image' as const, id: 'another' }] })).toEqual([]);
    p.clock.advance(24 * 3_600_000);
    const before7001 = (await outboxTo('7001')).length;
    expect((await p.say('刘雅玲', `催投票 ${v}`)).join('\n')).toContain(`${v}：已私信提醒 1 人（1 户未投票）。`);
    expect(await outboxTo('7001')).toHaveLength(before7001);
    expect(await p.t.db.selectFrom('vote_nudges').select('day').orderBy('day').execute()).toEqual([{ day: '2026-11-20' }, { day: '2026-11-21' }]);
    // An owner who never opened a private chat with the bot (Telegram refused it) is left for a visit.
    await p.t.db.updateTable('members').set({ private_chat: 'closed' }).where('platform_user_id', '=', '7002').execute();
    p.clock.advance(24 * 3_600_000);
    const third = (await p.say('刘雅玲', `催投票 ${v}`)).join('\n');
    expect(third).toContain(`${v}：已私信提醒 0 人（0 户未投票）。`);
    expect(third).toMatch(/请上门：\n.* 8-2-102 /);
  }, 120_000);

  it('counts a ballot cast a millisecond before the deadline and refuses one at the deadline', async () => {
    const vote = await p.t.db.selectFrom('votes').select(['id', 'deadline']).where('status', '=', 'open').executeTakeFirstOrThrow();
    const v = `V${vote.id}`;
    p.clock.set(new Date(vote.deadline.getTime() - 1));
    expect(await p.say(resident(1), `投票 ${v} 同意`)).toEqual([`linli: 已收到您的投票（${v}，1户）。截止前可改票，以最后一次为准。`]);
    p.clock.set(vote.deadline);
    expect(await p.say(resident(2), `投票 ${v} 同意`)).toEqual([`linli: ${v} 已截止，不再接受投票。`]);
    expect(await p.say('刘雅玲', `催投票 ${v}`)).toEqual([`linli: ${v} 已截止，不再接受投票。`]);
    const before = p.printed.length;
    await sweep();
    const result = p.printed.slice(before).join('\n');
    // 邻居01 and 邻居02 in the chat, 8-2-101 on paper: 3 of 24 owners.
    expect(result).toContain('参与：人数 3/24（12.5%，需三分之二以上，未达到）');
    expect(result).toContain('同意：2人，179.00 m²');
    expect(result).toContain('结果：参与不足三分之二，表决无效。');
  }, 60_000);
});

describe('the command line sets floor areas and how a binding relates to its household', () => {
  const estates = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runEstatesCommand(args, p.t.db, (l) => lines.push(l), 'Asia/Shanghai', () => p.clock.now());
    return { code, text: lines.join('\n') };
  };

  it('linli estates area / relation: audited, and a binding marked owner votes in the next decision', async () => {
    expect(await estates('area', DEMO_ESTATE_CODE, '8-1-101', '95')).toEqual({ code: 0, text: '8-1-101: 95.00 m² (was 89.50 m²); votes already open keep the areas they opened with' });
    expect((await estates('area', DEMO_ESTATE_CODE, '8-1-101', '95.123')).code).toBe(2);
    expect((await estates('area', DEMO_ESTATE_CODE, '8-1-101')).code).toBe(2);
    expect(await estates('area', DEMO_ESTATE_CODE, '8-9-909', '80')).toEqual({ code: 1, text: `estate ${DEMO_ESTATE_CODE} has no room "8-9-909"` });
    const missing = await estates('area', DEMO_ESTATE_CODE);
    expect(missing.text).toMatch(/^estate juxinyuan: 906 households without a floor area:\n1-1-101 /);
    expect(missing.text).not.toMatch(/(^| )8-1-101( |$)/m);
    expect((await p.t.db.selectFrom('households').select('floor_area').where('room_code', '=', '8-1-101').executeTakeFirstOrThrow()).floor_area).toBe(9500);

    // Bound and confirmed without a relation: not an owner yet.
    const b = ref('B', await p.say(resident(10), `绑定 ${ROOMS[10]}`));
    await p.say('戴红霞', `确认 ${b}`);
    expect((await estates('relation', DEMO_ESTATE_CODE, b, 'boss')).code).toBe(2);
    expect(await estates('relation', DEMO_ESTATE_CODE, b, 'owner')).toEqual({ code: 0, text: `${b} (${ROOMS[10]}): owner; votes opened from now on count it so` });
    const audit = await p.t.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'in', ['household.area', 'binding.relation']).where('actor_member_id', 'is', null).execute();
    expect(audit).toEqual([
      { action: 'household.area', subject: '8-1-101' },
      { action: 'binding.relation', subject: b },
    ]);
    p.clock.advance(60_000);
    const v = ref('V', await p.say('戴红霞', '表决 8栋加装充电桩 截止12月5日 20:00 8栋'));
    expect(await p.say(resident(10), `投票 ${v} 同意`)).toEqual([`linli: 已收到您的投票（${v}，1户）。截止前可改票，以最后一次为准。`]);
  }, 60_000);
});
