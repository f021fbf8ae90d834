import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processors } from '../jobs/processors.js';
import type { WorkerDeps } from '../jobs/worker-deps.js';
import { consoleUserId } from '../src/adapters/console/identity.js';
import { silentLogger } from '../src/log.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { outboundQueue } from '../src/queue/queue-names.js';
import { waitForEmpty } from '../src/runtime/settle.js';
import { dropTestSchema } from './support/db.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

const MIN = 60_000;
// Wednesday 2 December 2026, 10:00 in Shanghai.
const START = new Date('2026-12-02T02:00:00Z');
const NAME = `grid_survey_${process.pid}`;

let p: Pipeline;
let deps: WorkerDeps;
let estateId: number;
const memberId = async (name: string) =>
  (await p.t.db.selectFrom('members').select('id').where('platform', '=', 'console').where('platform_user_id', '=', consoleUserId(name)).executeTakeFirstOrThrow()).id;
const ticketOf = (line: string) => Number(/T(\d+)/.exec(line)![1]);

/** A resident bound to a room through the chat: 绑定, then the grid worker confirms. */
async function bind(name: string, room: string, worker: string): Promise<void> {
  const asked = await p.say(name, `绑定 ${room}`);
  const ref = /B\d+/.exec(asked.join('\n'))![0];
  await p.say(worker, `确认 ${ref}`);
}

beforeAll(async () => {
  p = await startPipeline(NAME, 'redis', { now: START });
  deps = { db: p.t.db, clock: p.clock, outbound: queueOutbound(p.factory), log: silentLogger };
  estateId = (await p.t.db.selectFrom('estates').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  const { baseUrl, schema } = p.t;
  await p.close();
  await dropTestSchema(baseUrl, schema);
});

describe('surveys', () => {
  it('takes one answer set per household, changeable until close, door to door too, with response rates and results', async () => {
    await bind('向大叔', '8-2-301', '刘雅玲');
    await bind('周阿姨', '8-1-101', '刘雅玲');
    const made = await p.say('戴红霞', '新建问卷 12月满意度 1.环境卫生 2.维修及时 3.最需要改进[保洁/维修/保安] 意见：其他建议 截止12-15 范围第三片区');
    expect(made[0]).toMatch(/^linli: 已发布问卷 S1《12月满意度》，共\d+户，12月15日 23:59截止。$/);
    expect(made).toContain('【问卷 S1】12月满意度');
    expect(made).toContain('3. 最需要改进（1保洁 2维修 3保安）');
    expect(made.at(-1)).toBe('请私聊我回复“问卷 S1 5 5 1”，每户一份，12月15日 23:59前可重发修改。');
    expect(await p.say('刘雅玲', '新建问卷 x 1.y')).toEqual(['linli: 只有社区管理员可以发起问卷。']);

    expect(await p.say('向大叔', '问卷 S1 5 4 2')).toEqual(['linli: 已收到您对问卷 S1 的回答，谢谢！截止前可重新发送修改。']);
    expect(await p.say('向大叔', '问卷 S1 4 4 2 楼道灯修好了，电话13812345678')).toEqual(['linli: 已更新您对问卷 S1 的回答，谢谢！']);
    expect(await p.say('周阿姨', '问卷 S1 3,5,1')).toEqual(['linli: 已收到您对问卷 S1 的回答，谢谢！截止前可重新发送修改。']);
    expect(await p.say('周阿姨', '问卷 S1 6 5 1')).toEqual(['linli: 第1题请写 1 到 5。']);
    expect(await p.say('周阿姨', '问卷 S1 5 5')).toEqual(['linli: 请按题目顺序写3个数字，例如：问卷 S2 5 5 5']);
    expect(await p.say('路人甲', '问卷 S1 5 5 5')).toEqual(['linli: 您还没有绑定房号。请先发“绑定 房号”，例如：绑定 8-2-301']);
    expect(await p.say('路人甲', '问卷 S9 5 5 5')).toEqual(['linli: 没有找到问卷 S9，请核对编号。']);

    // Door to door: 刘雅玲 records two households of her zone; another zone's household is refused.
    expect(await p.say('刘雅玲', '问卷 S1 9-1-101 5 5 2')).toEqual([expect.stringMatching(/^linli: 已登记 9-1-101 的入户问卷 S1。已回收 3\/\d+ 户。$/)]);
    expect(await p.say('刘雅玲', '问卷 S1 7-1-101 4 3 3 垃圾桶不够')).toEqual([expect.stringMatching(/^linli: 已登记 7-1-101 的入户问卷 S1。已回收 4\/\d+ 户。$/)]);
    expect(await p.say('刘雅玲', '问卷 S1 1-1-101 5 5 5')).toEqual(['linli: 1-1-101 不在您负责的网格内，请联系该网格的网格员。']);
    const rows = await p.t.db.selectFrom('survey_answers').select(['via']).orderBy('id').execute();
    expect(rows.map((r) => r.via)).toEqual(['chat', 'chat', 'door', 'door']);

    const progress = await p.say('刘雅玲', '问卷进度 S1');
    expect(progress[0]).toMatch(/^linli: 问卷 S1《12月满意度》回收 4\/\d+ 户（\d+%），12月15日 23:59截止：$/);
    expect(progress).toContain(`8栋 2/24（8%）`);
    expect(progress.some((l) => /^7栋 1\/\d+（\d+%）$/.test(l))).toBe(true);
    expect(await p.say('向大叔', '问卷进度 S1')).toEqual(['linli: 问卷进度和结果只有工作人员可以查看。']);

    const results = await p.say('戴红霞', '问卷结果 S1');
    expect(results[0]).toBe('linli: 问卷 S1《12月满意度》结果（4户回答，综合 4.13 分）：');
    expect(results).toContain('1. 环境卫生：4.00分');
    expect(results).toContain('2. 维修及时：4.25分');
    expect(results).toContain('3. 最需要改进：保洁 1，维修 2，保安 1');
    // In a residents' group the comments stay hidden; in a staff chat they are shown, masked.
    expect(results.at(-1)).toBe('另有意见 2 条，请在工作群或私聊查看。');
    await p.t.db.updateTable('chat_groups').set({ is_staff: true }).execute();
    const staffView = await p.say('戴红霞', '问卷结果 S1');
    await p.t.db.updateTable('chat_groups').set({ is_staff: false }).execute();
    expect(staffView).toContain('· 楼道灯修好了，电话138****5678');
    expect(staffView).toContain('· 垃圾桶不够');
    expect(p.printed.join('\n')).not.toMatch(/向大叔\S*(?:4 4 2|5 4 2)/);

    // Chasing: the console has no private chats, so nobody is nudged in the group.
    expect(await p.say('刘雅玲', '催问卷 S1')).toEqual([expect.stringMatching(/^linli: 问卷 S1：还有\d+户未答，已私信提醒0人，\d+户没有可私聊的绑定成员（可入户登记）。$/)]);

    // Closed: no more answers.
    p.clock.set(new Date('2026-12-15T16:00:00Z'));
    expect(await p.say('向大叔', '问卷 S1 1 1 1')).toEqual(['linli: 问卷 S1 已截止，不再收集回答。']);
    p.clock.set(START);
  });
});

describe('the property company and the committee', () => {
  it('routes its categories to it with its SLA, escalates to the committee, and the committee sees every ticket', async () => {
    const company = await p.t.db
      .insertInto('property_companies')
      .values({ estate_id: estateId, name: '安居物业', categories: JSON.stringify(['environment', 'leak_drain']), accept_minutes: 30, resolve_minutes: 240 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await p.say('物业小李', '帮助');
    await p.say('委员老张', '帮助');
    await p.t.db.insertInto('members').values({ platform: 'console', platform_user_id: consoleUserId('物业小李'), display_name: '物业小李' }).onConflict((c) => c.columns(['platform', 'platform_user_id']).doNothing()).execute();
    await p.t.db.insertInto('members').values({ platform: 'console', platform_user_id: consoleUserId('委员老张'), display_name: '委员老张' }).onConflict((c) => c.columns(['platform', 'platform_user_id']).doNothing()).execute();
    await p.t.db.insertInto('roles').values({ member_id: await memberId('物业小李'), estate_id: estateId, role: 'property', property_company_id: company.id, zone_id: null, building_id: null }).execute();
    await p.t.db.insertInto('roles').values({ member_id: await memberId('委员老张'), estate_id: estateId, role: 'committee', party: 'residents', zone_id: null, building_id: null }).execute();

    const filed = await p.say('向大叔', '投诉 8栋门口垃圾没人清理');
    expect(filed[0]).toMatch(/已收到工单 T\d+（环境卫生），由物业服务公司 安居物业负责，12月2日 10:30前受理。/);
    const id = ticketOf(filed[0]);
    const t = await p.t.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(t.owner_member_id).toBe(await memberId('物业小李'));
    expect(t.property_company_id).toBe(company.id);
    // Other categories stay with the grid.
    const other = await p.say('向大叔', '投诉 8栋楼道有电动车飞线充电');
    expect(other[0]).toContain('由第三片区网格员 刘雅玲负责');

    p.clock.set(new Date(START.getTime() + 31 * MIN));
    await processors['ticket-sla-sweep']({ estateId: null }, deps, { id: 'sweep', attemptsMade: 0 });
    await waitForEmpty(p.factory.queue(outboundQueue('console')), 20_000);
    const esc = await p.t.db.selectFrom('outbox').select(['mentions']).where('key', 'like', `tkt-sla-${id}-c1-accept_escalation-%`).execute();
    const told = esc.flatMap((e) => e.mentions);
    expect(told).toContain(consoleUserId('戴红霞'));
    expect(told).toContain(consoleUserId('委员老张'));

    const list = await p.say('委员老张', '工单');
    expect(list[0]).toMatch(/^linli: 全小区未完成工单 \d+ 件：$/);
    expect(list.some((l) => l.startsWith(`T${id} `))).toBe(true);
    expect((await p.say('委员老张', `工单 T${other[0].match(/T(\d+)/)![1]}`))[0]).toMatch(/^linli: 工单 T\d+（飞线充电 · 8栋）/);
    expect((await p.say('物业小李', `受理 T${id}`))[0]).toContain(`已受理 T${id}`);
    expect((await p.say('物业小李', `完成 T${id} 已清运`)).join('\n')).toContain(`您反映的 T${id} 已处理完成`);
    expect((await p.say('向大叔', `评价 T${id} 4`))[0]).toContain('谢谢您的评价（4分）');
  });
});

describe('the monthly report', () => {
  it('shows each grid worker’s patrols, visits and tickets, and the company’s figures, to admins and the committee only', async () => {
    p.clock.set(new Date(START.getTime() + 60 * MIN));
    await p.say('刘雅玲', '开始巡查');
    p.clock.advance(70 * MIN);
    await p.say('刘雅玲', '走访 8-2-301 老人独居，反映楼道灯坏了');
    await p.say('刘雅玲', '结束巡查');
    expect(await p.say('向大叔', '月报')).toEqual(['linli: 月报只有社区管理员和物业管理委员会可以查看。']);
    expect(await p.say('刘雅玲', '月报')).toEqual(['linli: 月报只有社区管理员和物业管理委员会可以查看。']);
    const report = await p.say('戴红霞', '月报');
    expect(report[0]).toBe('linli: 2026年12月考核（聚心苑，每日巡查目标1小时）');
    expect(report).toContain('第三片区 刘雅玲：巡查达标1天（共1天，1小时10分钟）· 走访1户次 · 入户问卷2份 · 受理0 · 按时办结0/0 · 评价—');
    expect(report.slice(-2)).toEqual(['问卷：', expect.stringMatching(/^S1《12月满意度》回收4\/\d+户（入户2份）· 综合4\.13$/)]);
    expect(report).toContain('安居物业：工单1 · 按时办结1/1 · 评价4.00 · 满意度—');
    expect((await p.say('委员老张', '月报 2026-12')).slice(1)).toEqual(report.slice(1));
    expect(await p.say('戴红霞', '月报 13月')).toEqual(['linli: 月份看不懂，请这样写：月报 2026-11']);
  });
});

describe('linli report', () => {
  it('prints the month as CSV for a spreadsheet', async () => {
    const { runReportCommand } = await import('../src/cli/report-command.js');
    const lines: string[] = [];
    const code = (await p.t.db.selectFrom('estates').select('code').executeTakeFirstOrThrow()).code;
    expect(await runReportCommand([code, '--month', '2026-12', '--csv'], p.t.db, (l) => lines.push(l), p.clock)).toBe(0);
    const rows = lines.join('\n').split('\n');
    expect(rows[0]).toBe('month,kind,name,zone,days_on_target,days_patrolled,patrol_minutes,auto_closed,visits,accepted,tickets,resolved,resolved_on_time,rating,ratings,survey_score,door_answers');
    expect(rows).toContain('2026-12,grid_worker,刘雅玲,第三片区,1,1,70,0,1,0,,0,0,,0,,2');
    expect(rows).toContain('2026-12,property,安居物业,,,,,,,,1,1,1,4.00,1,,');
    expect(await runReportCommand([code, '--month', 'x'], p.t.db, (l) => lines.push(l), p.clock)).toBe(2);
  });
});
