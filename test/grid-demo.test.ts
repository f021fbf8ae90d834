import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTestSchema } from './support/db.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

const MIN = 60_000;
// Wednesday 2 December 2026, 09:00 in Shanghai.
const START = new Date('2026-12-02T01:00:00Z');
const NAME = `grid_demo_${process.pid}`;

let p: Pipeline;

beforeAll(async () => {
  p = await startPipeline(NAME, 'redis', { now: START });
});
afterAll(async () => {
  const { baseUrl, schema } = p.t;
  await p.close();
  await dropTestSchema(baseUrl, schema);
});

/** A resident bound to a room through the chat: 绑定, then the grid worker confirms. */
async function bind(name: string, room: string): Promise<void> {
  const asked = await p.say(name, `绑定 ${room}`);
  await p.say('刘雅玲', `确认 ${/B\d+/.exec(asked.join('\n'))?.[0]}`);
}

describe('the grid worker’s day in the console demo', () => {
  it('刘雅玲 patrols, logs a visit that becomes a ticket, records two survey answers door to door; residents answer; the admin’s monthly report shows all of it', async () => {
    expect((await p.say('刘雅玲', '开始巡查'))[0]).toMatch(/^linli: 开始巡查（12月2日 09:00）。/);
    p.clock.advance(20 * MIN);
    expect((await p.say('刘雅玲', '走访 8-2-301 老人独居，反映楼道灯坏了'))[0]).toMatch(/^linli: 已记录走访 N\d+：8-2-301（仅工作人员可见）。/);
    const ticketed = (await p.say('刘雅玲', '转工单'))[0];
    expect(ticketed).toMatch(/^linli: N\d+ 已转为工单 T\d+（照明\/电线），由第三片区网格员 刘雅玲负责/);
    const ticket = /T\d+/.exec(ticketed)?.[0];
    p.clock.advance(45 * MIN);
    expect((await p.say('刘雅玲', '结束巡查'))[0]).toMatch(/^linli: 巡查结束：本次1小时5分钟，记录0条，位置0个。今日共巡查1小时5分钟，目标1小时，已达标。$/);

    const made = await p.say('戴红霞', '新建问卷 12月满意度 1.环境卫生 2.维修及时 截止12-15 范围第三片区');
    expect(made[0]).toMatch(/^linli: 已发布问卷 S1《12月满意度》/);
    expect((await p.say('刘雅玲', '问卷 S1 9-1-101 5 4'))[0]).toMatch(/^linli: 已登记 9-1-101 的入户问卷 S1。已回收 1\/\d+ 户。$/);
    expect((await p.say('刘雅玲', '问卷 S1 7-1-101 4 4'))[0]).toMatch(/^linli: 已登记 7-1-101 的入户问卷 S1。已回收 2\/\d+ 户。$/);
    await bind('向大叔', '8-2-301');
    await bind('周阿姨', '8-1-101');
    expect(await p.say('向大叔', '问卷 S1 5 5')).toEqual(['linli: 已收到您对问卷 S1 的回答，谢谢！截止前可重新发送修改。']);
    expect(await p.say('周阿姨', '问卷 S1 3 4')).toEqual(['linli: 已收到您对问卷 S1 的回答，谢谢！截止前可重新发送修改。']);

    expect((await p.say('刘雅玲', `受理 ${ticket}`))[0]).toContain(`已受理 ${ticket}`);
    expect((await p.say('刘雅玲', `完成 ${ticket} 已换灯泡`)).join('\n')).toContain(`${ticket} 已处理完成`);

    const report = await p.say('戴红霞', '月报');
    expect(report[0]).toBe('linli: 2026年12月考核（聚心苑，每日巡查目标1小时）');
    expect(report).toContain('第三片区 刘雅玲：巡查达标1天（共1天，1小时5分钟）· 走访1户次 · 入户问卷2份 · 受理1 · 按时办结1/1 · 评价—');
    expect(report.at(-1)).toMatch(/^S1《12月满意度》回收4\/\d+户（入户2份）· 综合4\.25$/);
    // No resident is named in it.
    expect(report.join('\n')).not.toMatch(/向大叔|周阿姨/);
  });
});
