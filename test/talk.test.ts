import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from './support/pipeline.js';

// What a resident or a grid worker sees when they talk to linli in their own words (issue 11),
// and that a message addressed to someone else is left alone (issue 18 item 12). Real
// console adapter, Redis and Postgres.

const T = 90_000;
const refOf = (line: string | undefined, kind: string) => new RegExp(`${kind}\\d+`).exec(line ?? '')?.[0] ?? '';

describe('talking to linli in everyday words', () => {
  let p: Pipeline;
  beforeAll(async () => {
    p = await startPipeline('talk', 'redis');
    // 向大叔 is bound to 8-2-301 for the tests below.
    const b = refOf((await p.say('向大叔', '绑定 8-2-301'))[0], 'B');
    await p.say('刘雅玲', `确认 ${b}`);
  }, 180_000);
  afterAll(() => p.close());

  const sayPrivately = (who: string, text: string) => p.deliver({ ...p.message(who, text), isPrivate: true, chatId: `dm-${who}` });
  const count = async (table: 'payments' | 'tickets') =>
    Number((await p.t.db.selectFrom(table).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('answers a question about one\'s own account like 查询 (item 1)', async () => {
    const status = await p.say('向大叔', '查询');
    expect(status[0]).toMatch(/^linli: 8-2-301 卫生费（每月5元）/);
    expect(await p.say('向大叔', '我家交到几月了？')).toEqual(status);
    expect(await p.say('向大叔', '我家欠多少钱')).toEqual(status);
    const payments = await count('payments');
    // Once read as a payment claim; it is a question.
    expect(await p.say('向大叔', '查一下我家交了多少')).toEqual(status);
    expect(await count('payments')).toBe(payments);
    expect((await p.say('向大叔', '幫我查查交到幾月'))[0]).toMatch(/^linli: 8-2-301 衛生費（每月5元）/);
    expect((await p.say('向大叔', 'How much do I owe?'))[0]).toMatch(/^linli: 8-2-301 卫生费 \(¥5\/month\)/);
    // A question to a neighbour stays chatter.
    expect(await p.say('向大叔', '你交了吗')).toEqual([]);
    expect(await p.say('向大叔', '卫生费交了吗')).toEqual([]);
  }, T);

  it('gives a two-line how-to for how-to questions (item 1)', async () => {
    const pay = await p.say('路人甲', '卫生费怎么交？');
    expect(pay).toHaveLength(2);
    expect(pay[0]).toMatch(/^linli: 交卫生费：/);
    expect(await p.say('路人甲', '请问怎么绑定')).toEqual([
      'linli: 绑定房号：在群里发“绑定 8-2-301”（栋-单元-室，也可以写 8栋2单元301）。',
      '网格员确认后就绑好了，之后可以登记缴费、查询。',
    ]);
    expect((await p.say('路人甲', 'How do I pay?'))[0]).toMatch(/^linli: To pay:/);
  }, T);

  it('answers a message for the bot it does not understand with a short menu, and stays silent in the group (item 2)', async () => {
    const menu = await p.say('路人甲', '@邻里 今天天气怎么样');
    expect(menu[0]).toBe('linli: 没看懂您的意思，可以这样说：');
    expect(menu).toHaveLength(6);
    expect(await sayPrivately('路人甲', '在吗')).toEqual(menu);
    expect(await p.say('路人甲', '今天天气怎么样')).toEqual([]);
    // A bare "？" is a shrug in the group, a question when said to the bot.
    expect(await p.say('路人甲', '？')).toEqual([]);
    expect((await p.say('路人甲', '@邻里 ？'))[0]).toMatch(/^linli: 邻里 可以做这些/);
  }, T);

  it('reads rooms in Chinese digits and polite binds, and hints when a room cannot be read (item 4)', async () => {
    expect((await p.say('张奶奶', '绑定 八栋二单元三零二'))[0]).toMatch(/^linli: 已收到绑定申请 B\d+：8-2-302/);
    expect((await p.say('李爷爷', '我家住8栋2单元202室请帮我绑定一下谢谢'))[0]).toMatch(/^linli: 已收到绑定申请 B\d+：8-2-202/);
    expect(await p.say('王阿姨', '绑定 八栋')).toEqual([
      'linli: 房号看不懂。可以这样写：绑定 8-2-301、绑定 8栋2单元301、绑定 八栋二单元三零一（没有单元的写 8-301）。',
    ]);
    expect(await p.say('王阿姨', '绑定我家')).toHaveLength(1);
  }, T);

  it('while a binding waits, says so instead of "bind first" (item 11)', async () => {
    expect(await p.say('张奶奶', '查询')).toEqual([expect.stringMatching(/^linli: B\d+（8-2-302）还在等网格员确认/)]);
    expect(await p.say('张奶奶', '已交60元')).toEqual([expect.stringMatching(/^linli: B\d+（8-2-302）还在等网格员确认/)]);
  }, T);

  it('reads periods in English, voice slips, and a negation elsewhere in the sentence (items 5, 6, 7)', async () => {
    expect((await p.say('向大叔', '/paid 6 months 30'))[0]).toMatch(/^linli: Recorded P\d+: 8-2-301 paid ¥30 \(6 months\)/);
    expect((await p.say('向大叔', '己交60元'))[0]).toMatch(/^linli: 已登记 P\d+：8-2-301 交 60元（12个月）/);
    // The same claim said twice is one payment; 又交了 is another one.
    const first = await p.say('向大叔', '他家老头子不会用手机，我帮他交了十五');
    expect(first[0]).toMatch(/^linli: 已登记 P\d+：8-2-301 交 15元（3个月）/);
    expect(await p.say('向大叔', '交了十五')).toEqual([`linli: 这笔缴费已经登记过了（${refOf(first[0], 'P')}），正在等确认。`]);
    const again = await p.say('向大叔', '又交了十五');
    expect(again[0]).toMatch(/^linli: 已登记 P\d+：8-2-301 交 15元（3个月）/);
    expect(refOf(again[0], 'P')).not.toBe(refOf(first[0], 'P'));
    const payments = await count('payments');
    expect(await p.say('向大叔', '去年就交了一年的了')).toEqual([
      'linli: 您说的是以前交过的吧？以前交的不用重新登记。',
      '如果发“查询”看到台账上没有，请告诉网格员是哪几个月、交给了谁，核对后补录。',
    ]);
    expect(await count('payments')).toBe(payments);
  }, T);

  it('says a refused query is about viewing, and every hint shows its own command (item 11)', async () => {
    expect(await p.say('向大叔', '查询 8-2-402')).toEqual(['linli: 您只能查询自己绑定的房号，8-2-402 不是您绑定的。']);
    expect(await p.say('向大叔', '8-2-402交了没有')).toEqual(['linli: 您只能查询自己绑定的房号，8-2-402 不是您绑定的。']);
    expect(await p.say('刘雅玲', '查询 1-1-101')).toEqual(['linli: 1-1-101 不在您负责的网格内，查不了它的账。']);
    expect(await p.say('刘雅玲', '收费')).toEqual(['linli: 请写上房号和金额，例如：收费 8-2-301 60 现金']);
    expect(await p.say('刘雅玲', '提醒')).toEqual(['linli: 请写上时间和内容，例如：提醒 每月1日 9:00 请缴纳卫生费']);
  }, T);

  it('says nothing changed when a ticket is re-categorised to its own category (item 11)', async () => {
    const filed = await p.say('向大叔', '投诉 8栋2单元楼道堆放杂物');
    const t = refOf(filed.join('\n'), 'T');
    expect(t).not.toBe('');
    expect(await p.say('刘雅玲', `工单 ${t} 分类 杂物`)).toEqual([`linli: ${t} 本来就是“楼道杂物”类，没有改动。`]);
  }, T);

  it('leaves a message addressed to another member alone, unless it also addresses the bot (issue 18 item 12)', async () => {
    const tickets = await count('tickets');
    expect(await p.say('向大叔', '@张三 投诉 楼道堆放杂物')).toEqual([]);
    expect(await p.say('向大叔', '@张三 已交60元')).toEqual([]);
    expect(await count('tickets')).toBe(tickets);
    const both = await p.say('向大叔', '@张三 @邻里 报修 5栋2单元路灯不亮');
    expect(both.join('\n')).toMatch(/T\d+/);
    expect(await count('tickets')).toBe(tickets + 1);
  }, T);
});
