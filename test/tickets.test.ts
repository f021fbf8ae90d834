import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processors } from '../jobs/processors.js';
import type { WorkerDeps } from '../jobs/worker-deps.js';
import { consoleUserId } from '../src/adapters/console/identity.js';
import { silentLogger } from '../src/log.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { dropTestSchema } from './support/db.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

/** The ticket a filing reply names; fails loudly when there is none. */
const tref = (lines: string[]) => {
  const m = /(?:已收到工单|已有工单) (T\d+)/.exec(lines.join('\n'));
  if (!m) throw new Error(`no ticket ref in ${JSON.stringify(lines)}`);
  return m[1];
};
const MIN = 60_000;

let p: Pipeline;
let deps: WorkerDeps;
const memberId = async (name: string) =>
  (await p.t.db.selectFrom('members').select('id').where('platform', '=', 'console').where('platform_user_id', '=', consoleUserId(name)).executeTakeFirstOrThrow()).id;
const ticket = (ref: string) => p.t.db.selectFrom('tickets').selectAll().where('id', '=', Number(ref.slice(1))).executeTakeFirstOrThrow();
const events = async (ref: string) =>
  (await p.t.db.selectFrom('ticket_events').select('kind').where('ticket_id', '=', Number(ref.slice(1))).orderBy('id').execute()).map((e) => e.kind);

// Per process: other runs of the suite on this machine must not drop our schema mid-test.
const NAME = `tickets_${process.pid}`;

beforeAll(async () => {
  p = await startPipeline(NAME, 'redis');
  deps = { db: p.t.db, clock: p.clock, outbound: queueOutbound(p.factory), log: silentLogger };
});
afterAll(async () => {
  const baseUrl = p.t.baseUrl;
  const schema = p.t.schema;
  await p.close();
  await dropTestSchema(baseUrl, schema);
});

describe('tickets end to end', () => {
  it('files a stairwell complaint for 刘雅玲, joins a neighbour, and closes the loop with the reporter', async () => {
    const filed = await p.say('向大叔', '投诉 8栋楼道堆放杂物');
    const ref = tref(filed);
    // 20:00 in Shanghai, and 4 hours to accept clutter.
    expect(filed[0]).toMatch(new RegExp(`^linli: @\\S+ 已收到工单 ${ref}（楼道杂物），由第三片区网格员 刘雅玲负责，11月21日 00:00前受理。`));
    // The owner is @mentioned; the console knows no name for her yet, and never shows the internal id.
    expect(filed[0]).toContain('@邻居');
    expect(filed[0]).not.toContain(consoleUserId('刘雅玲'));
    // The owner is told; on the console that is the group the complaint came from.
    expect(filed.join('\n')).toContain(`新工单 ${ref}（楼道杂物 · 8栋）：8栋楼道堆放杂物`);
    const t1 = await ticket(ref);
    expect(t1.owner_member_id).toBe(await memberId('刘雅玲'));
    expect(t1.category).toBe('clutter');

    const joined = await p.say('周阿姨', '投诉 8栋2单元楼道杂物太多了');
    expect(joined[0]).toContain(`同一问题已有工单 ${ref}（楼道杂物），您的反映已并入，目前共2位居民反映`);
    expect(joined.join('\n')).toContain(`${ref} 又有居民反映同一问题，目前共2人反映。`);
    expect(await p.say('周阿姨', '投诉 8栋楼道有杂物')).toEqual([`linli: 您已经反映过这个问题（${ref}），正在处理中。`]);

    const list = await p.say('刘雅玲', '工单');
    expect(list[0]).toBe('linli: 第三片区未完成工单 1 件：');
    expect(list[1]).toMatch(new RegExp(`^${ref} 楼道杂物 · 8栋 待受理 2人反映 限`));

    const accepted = await p.say('刘雅玲', `受理 ${ref}`);
    expect(accepted[0]).toMatch(new RegExp(`^linli: @向大叔 @周阿姨 已受理 ${ref}，请在.*前处理完成。`));
    expect(accepted.join('\n')).toContain(`您反映的 ${ref}（楼道杂物）已由第三片区网格员 刘雅玲受理，正在处理。`);
    expect(await p.say('刘雅玲', `受理 ${ref}`)).toEqual([`linli: ${ref} 已经受理了。`]);

    expect(await p.say('向大叔', `评价 ${ref} 5`)).toEqual([`linli: ${ref} 还没有处理完成，完成后再评价。`]);

    const resolved = await p.say('刘雅玲', `完成 ${ref} 已清理`);
    expect(resolved.join('\n')).toContain(`您反映的 ${ref} 已处理完成：已清理。请回复“评价 ${ref} 5”打分`);
    expect(resolved[0]).toContain('@向大叔');

    // 周阿姨's complaint was merged into it: she was asked too, so she may rate it.
    expect(resolved[0]).toContain('@周阿姨');
    expect(await p.say('路人甲', `评价 ${ref} 5`)).toEqual([`linli: 只有提交 ${ref} 的居民本人可以评价。`]);
    const rated = await p.say('周阿姨', `评价 ${ref} 5`);
    expect(rated[0]).toContain(`谢谢您的评价（5分），工单 ${ref} 已关闭。`);
    expect((await ticket(ref)).status).toBe('closed');
    expect(await p.say('向大叔', `评价 ${ref} 4`)).toEqual([`linli: ${ref} 已经评价过了，谢谢。`]);
    expect(await p.say('刘雅玲', `完成 ${ref}`)).toEqual([`linli: ${ref} 已关闭，不能再操作。`]);
    expect(await events(ref)).toEqual(['filed', 'joined', 'accepted', 'resolved', 'rated', 'closed']);

    const detail = await p.say('刘雅玲', `工单 ${ref}`);
    expect(detail[0]).toBe(`linli: 工单 ${ref}（楼道杂物 · 8栋）已关闭，负责：第三片区网格员 刘雅玲`);
    expect(detail).toContain('反映人数：2');
    // Staff steps are labelled by role, and for staff eyes with the name the platform gave.
    expect(detail.some((l) => /网格员（刘雅玲）办结：已清理$/.test(l))).toBe(true);
    expect(detail.some((l) => /居民提交$/.test(l))).toBe(true);
    const seen = await p.say('向大叔', `工单 ${ref}`);
    expect(seen.some((l) => /\d 网格员办结：已清理$/.test(l))).toBe(true);
    // Residents are never named, in any reply.
    expect(p.printed.join('\n')).not.toMatch(/向大叔[^\s]|周阿姨[^\s]/);
  });

  it('lets only the owner, the zone grid workers and admins change a ticket', async () => {
    const ref = tref(await p.say('向大叔', '投诉 7栋门口垃圾没人清理'));
    expect((await ticket(ref)).category).toBe('environment');
    expect(await p.say('路人甲', `受理 ${ref}`)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    expect(await p.say('周阿姨', `受理 ${ref}`)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    expect(await p.say('王建国', `受理 ${ref}`)).toEqual([`linli: ${ref} 不归您负责：只有负责的网格员、该片区网格员和社区可以处理。`]);
    expect(await p.say('王建国', `完成 ${ref} 好了`)).toEqual([`linli: ${ref} 不归您负责：只有负责的网格员、该片区网格员和社区可以处理。`]);
    expect(await p.say('路人甲', `工单 ${ref}`)).toEqual([`linli: ${ref} 只有反映人、负责的网格员和社区可以查看。`]);
    // An admin may act anywhere, and owns what they accept.
    expect((await p.say('戴红霞', `受理 ${ref}`))[0]).toContain(`已受理 ${ref}`);
    expect((await ticket(ref)).owner_member_id).toBe(await memberId('戴红霞'));
    expect(await events(ref)).toEqual(['filed', 'accepted']);
  });

  it('answers every bad input and changes nothing', async () => {
    const before = await p.t.db.selectFrom('tickets').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(await p.say('刘雅玲', '受理 T999999')).toEqual(['linli: 没有找到工单 T999999，请核对编号。']);
    expect(await p.say('刘雅玲', '完成 T99999999999')).toEqual(['linli: 编号不对：缴费是 P 开头（P12），绑定是 B 开头（B3），工单是 T 开头（T7）']);
    expect(await p.say('路人癸', '评价 T999999 5')).toEqual(['linli: 没有找到工单 T999999，请核对编号。']);
    expect(await p.say('路人癸', '评价 T1 6')).toEqual(['linli: 评分请写 1 到 5，例如：评价 T7 5']);
    expect(await p.say('路人癸', '评价 T1 0')).toEqual(['linli: 评分请写 1 到 5，例如：评价 T7 5']);
    expect(await p.say('路人癸', '评价 T1')).toEqual(['linli: 评分请写 1 到 5，例如：评价 T7 5']);
    expect(await p.say('刘雅玲', '受理')).toEqual(['linli: 请写上工单号，例如：受理 T7']); // its own example (issue 11 item 11)
    expect(await p.say('路人癸', '投诉')).toEqual(['linli: 请说明具体情况，例如：投诉 8栋楼道堆放杂物']);
    expect(await p.say('路人癸', '投诉 8栋')).toEqual(['linli: 请说明具体是什么问题、在哪里，例如：投诉 8栋楼道堆放杂物']);
    expect(await p.say('路人癸', '投诉 啊啊啊啊')).toEqual(['linli: 请说明具体是什么问题、在哪里，例如：投诉 8栋楼道堆放杂物']);
    expect(await p.say('路人癸', '/rate T999999 5')).toEqual(['linli: There is no ticket T999999; please check the number.']);
    const after = await p.t.db.selectFrom('tickets').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('reopens on a rating of 1 or 2 and tells the owner', async () => {
    const ref = tref(await p.say('路人子', '报修 9栋3单元楼道灯不亮'));
    expect((await ticket(ref)).category).toBe('lighting_wiring');
    await p.say('刘雅玲', `完成 ${ref} 换了灯泡`);
    const rated = await p.say('路人子', `评价 ${ref} 2 还是不亮`);
    expect(rated[0]).toContain(`收到您的评价（2分）。${ref} 已重新打开，会再处理。`);
    expect(rated.join('\n')).toContain(`${ref} 居民评价2分：还是不亮，已重新打开`);
    const t = await ticket(ref);
    expect([t.status, t.cycle, t.rating]).toEqual(['open', 2, 2]);
    expect(await events(ref)).toEqual(['filed', 'resolved', 'rated', 'reopened']);
  });

  it('gives a complaint with no building to the admins, and one from a bound resident to their grid worker', async () => {
    const nowhere = await p.say('路人乙', '反映 小区里晚上广场舞太吵');
    const ref = tref(nowhere);
    expect(nowhere[0]).toContain(`已收到工单 ${ref}（噪音），由社区负责`);
    expect((await ticket(ref)).owner_member_id).toBeNull();
    expect(nowhere[0]).toContain('@戴红霞');

    const b = /B\d+/.exec((await p.say('路人丙', '绑定 5-1-101')).join(''))![0];
    await p.say('戴红霞', `确认 ${b}`);
    const home = await p.say('路人丙', '投诉 单元门门禁坏了');
    expect(home[0]).toContain('由第二片区网格员 李秀英负责');
    expect((await ticket(tref(home))).category).toBe('security');
  });

  it('masks phone numbers in a complaint', async () => {
    const filed = await p.say('路人丁', '投诉 3栋楼道堆放杂物 联系13812345678');
    expect(filed.join('\n')).not.toContain('13812345678');
    expect((await ticket(tref(filed))).text).not.toContain('13812345678');
  });

  it('attaches a photo sent within ten minutes to the sender’s ticket, once', async () => {
    const ref = tref(await p.say('向大叔', '投诉 12栋下水道堵了'));
    p.clock.advance(3 * MIN);
    const photo = { ...p.message('向大叔', ''), attachments: [{ kind: 'image' as const, id: 'img-1' }] };
    expect(await p.deliver(photo)).toEqual([`linli: 照片已附到工单 ${ref}（共1张）。`]);
    expect(await p.deliver({ ...photo })).toEqual([]);
    // Someone without a ticket: ordinary chat, nothing said.
    expect(await p.deliver({ ...p.message('路人戊', ''), attachments: [{ kind: 'image', id: 'img-2' }] })).toEqual([]);
    p.clock.advance(8 * MIN);
    expect(await p.deliver({ ...p.message('向大叔', '看看'), attachments: [{ kind: 'image', id: 'img-3' }] })).toEqual([]);
    const photos = await p.t.db.selectFrom('ticket_photos').select('file_id').where('ticket_id', '=', Number(ref.slice(1))).execute();
    expect(photos.map((x) => x.file_id)).toEqual(['img-1']);
    // A complaint that carries its photo keeps it at once.
    const withPhoto = await p.deliver({ ...p.message('路人己', '投诉 15栋路灯坏了'), attachments: [{ kind: 'image', id: 'img-4' }] });
    expect(withPhoto[0]).toContain('已附照片1张');
    expect(await events(ref)).toEqual(['filed', 'photo']);
  });

  it('re-categorises a ticket for staff only, and moves its due times with it', async () => {
    const ref = tref(await p.say('路人丑', '投诉 8栋一楼有人私拉线'));
    expect((await ticket(ref)).category).toBe('other');
    // A resident's words after the ref only look the ticket up.
    expect((await p.say('路人丑', `工单 ${ref} 分类 飞线充电`))[0]).toMatch(new RegExp(`^linli: 工单 ${ref}（其他 · 8栋）待受理`));
    expect(await p.say('王建国', `工单 ${ref} 分类 飞线充电`)).toEqual([`linli: ${ref} 只有反映人、负责的网格员和社区可以查看。`]);
    expect(await p.say('刘雅玲', `工单 ${ref} 分类 瞎写`)).toEqual(['linli: 分类看不懂。可用：飞线充电、消防通道、漏水、照明、环境卫生、杂物、噪音、绿化、门禁、其他']);
    expect(await p.say('刘雅玲', `工单 ${ref} 分类 飞线充电`)).toEqual([`linli: ${ref} 分类已从“其他”改为“飞线充电”。`]);
    const after = await ticket(ref);
    expect(after.category).toBe('flying_wire');
    expect(after.accept_due_at.getTime() - after.cycle_started_at.getTime()).toBe(30 * MIN);
    expect(await events(ref)).toEqual(['filed', 'recategorised']);
  });
});

describe('tickets: delivery, languages, schedule', () => {
  it('files a complaint delivered twice once, with one reply', async () => {
    const msg = p.message('路人庚', '投诉 13栋门口僵尸车占道');
    const first = await p.deliver(msg);
    expect(await p.deliver({ ...msg })).toEqual([]);
    const ref = tref(first);
    expect((await ticket(ref)).category).toBe('fire_lane');
    const same = await p.t.db.selectFrom('tickets').select('id').where('text', '=', '13栋门口僵尸车占道').execute();
    expect(same).toHaveLength(1);
  });

  it('answers in traditional Chinese and in English', async () => {
    const hant = await p.say('路人辛', '投訴 14棟樓道堆放雜物');
    expect(hant[0]).toMatch(/已收到工單 T\d+（樓道雜物），由第五片區網格員 楊桂芳負責/);
    const en = await p.say('路人壬', '/complain water leaking in building 16');
    expect(en[0]).toMatch(/Ticket T\d+ \(leak \/ drain\) received; the grid worker of 第六片区 \(赵德明\) will take it up by /);
  });

  it('keeps the SLA sweep as a job scheduler in the queue (re-created from code at every worker start)', async () => {
    const schedulers = await p.factory.queue('jobs').getJobSchedulers(0, -1);
    const ids = schedulers.map((s) => (s as { key?: string; id?: string }).key ?? (s as { id?: string }).id);
    expect(ids).toContain('sched-ticket-sla-sweep');
  });
});

describe('ticket SLA sweep (controlled clock)', () => {
  const sweep = () => processors['ticket-sla-sweep']({ estateId: null }, deps, { id: 'sweep', attemptsMade: 0 });
  const escalationsTo = async (ref: string, name: string) => {
    const rows = await p.t.db.selectFrom('outbox').select(['key', 'mentions']).where('key', 'like', `tkt-sla-${ref.slice(1)}-%escalation%`).execute();
    return rows.filter((r) => r.mentions.includes(consoleUserId(name))).length;
  };

  it('reminds the owner before it is due and escalates an unaccepted ticket exactly once to 戴红霞', async () => {
    const ref = tref(await p.say('向大叔', '投诉 7栋楼道有电动车飞线充电'));
    const t0 = (await ticket(ref)).created_at.getTime();
    expect((await ticket(ref)).category).toBe('flying_wire');

    p.clock.set(new Date(t0 + 10 * MIN));
    await sweep();
    expect(await events(ref)).toEqual(['filed']);

    p.clock.set(new Date(t0 + 23 * MIN)); // 75% of the 30 minutes to accept
    await sweep();
    await sweep();
    expect(await events(ref)).toEqual(['filed', 'reminded']);

    p.clock.set(new Date(t0 + 31 * MIN));
    await sweep();
    await Promise.all([sweep(), sweep(), sweep()]);
    p.clock.set(new Date(t0 + 45 * MIN));
    await sweep();
    expect(await events(ref)).toEqual(['filed', 'reminded', 'escalated']);
    expect(await escalationsTo(ref, '戴红霞')).toBe(1);
    const esc = await p.t.db.selectFrom('outbox').select('text').where('key', 'like', `tkt-sla-${ref.slice(1)}-c1-accept_escalation-%`).execute();
    expect(esc.map((e) => e.text)).toEqual([expect.stringMatching(new RegExp(`^【超时上报】工单 ${ref}（飞线充电 · 7栋）未按时受理，期限.*负责：第三片区网格员 刘雅玲`))]);
    const t = await ticket(ref);
    expect(t.escalation_level).toBe(1);

    // Accepted late, then not resolved within 4 hours: the second level, once.
    await p.say('刘雅玲', `受理 ${ref}`);
    p.clock.set(new Date(t0 + 4 * 60 * MIN + MIN));
    await sweep();
    await sweep();
    expect(await events(ref)).toEqual(['filed', 'reminded', 'escalated', 'accepted', 'escalated']);
    expect((await ticket(ref)).escalation_level).toBe(2);
    expect(await escalationsTo(ref, '戴红霞')).toBe(2);

    const history = await p.say('戴红霞', `工单 ${ref}`);
    expect(history.some((l) => l.includes('超时上报社区（第1级：未按时受理）'))).toBe(true);
    expect(history.some((l) => l.includes('超时上报社区（第2级：未按时办结）'))).toBe(true);
  });

  it('takes an estate’s own SLA over the default', async () => {
    const estate = await p.t.db.selectFrom('estates').select('id').executeTakeFirstOrThrow();
    await p.t.db.insertInto('ticket_sla_rules').values({ estate_id: estate.id, category: 'greenery', accept_minutes: 15, resolve_minutes: 120 }).execute();
    const ref = tref(await p.say('路人寅', '投诉 17栋门口树枝太长，需要修剪'));
    const t = await ticket(ref);
    expect(t.category).toBe('greenery');
    expect(t.accept_due_at.getTime() - t.created_at.getTime()).toBe(15 * MIN);
    expect(t.resolve_due_at.getTime() - t.created_at.getTime()).toBe(120 * MIN);
  });

  it('leaves closed tickets alone', async () => {
    const ref = tref(await p.say('路人卯', '投诉 9栋楼道杂物'));
    await p.say('刘雅玲', `完成 ${ref} 清了`);
    p.clock.advance(30 * 24 * 60 * MIN);
    await sweep();
    expect(await events(ref)).toEqual(['filed', 'resolved']);
  });

  it('quotes a complaint back without letting it @mention anyone', async () => {
    const out = await p.say('向大叔', '投诉 @所有人 21栋 绿化带树枝挡路 @刘雅玲');
    const quoted = out.filter((l) => l.includes('绿化带树枝挡路'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const line of quoted) {
      expect(line).toContain('＠所有人');
      expect(line).toContain('＠刘雅玲');
      // The only real mention is the one the bot puts first, for the owner.
      expect((line.match(/@/g) ?? []).length).toBeLessThanOrEqual(line.startsWith('linli: @') ? 1 : 0);
    }
    expect(out.join('\n')).not.toContain('@所有人');
  });
});
