import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from './support/pipeline.js';

// A problem told without a keyword is offered as a ticket, and 是 from the same member files it
// (issue 11 item 3). Real console adapter, Redis and Postgres.

const T = 90_000;
const OFFER_LEAK = 'linli: 听起来是“漏水/下水道”的问题，要报给网格员吗？回复“是”提交工单（10分钟内有效）。';

describe('a problem told without a keyword', () => {
  let p: Pipeline;
  beforeAll(async () => {
    p = await startPipeline('talk-offers', 'redis');
  }, 180_000);
  afterAll(() => p.close());

  const tickets = async () => Number((await p.t.db.selectFrom('tickets').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('is offered once with its category, and 是 from the same member files it, once', async () => {
    const before = await tickets();
    expect(await p.say('向大叔', '8栋2单元楼上漏水，滴到厨房了')).toEqual([OFFER_LEAK]);
    expect(await tickets()).toBe(before);
    // The offer carries its button as data, for the platforms that draw buttons: pressing it says 是.
    const row = await p.t.db.selectFrom('outbox').select('buttons').where('text', 'like', '%要报给网格员吗%').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.buttons).toEqual([{ label: '是，提交工单', says: '是' }]);
    // Someone else's 是 is chatter: the offer was made to 向大叔.
    expect(await p.say('路人甲', '是')).toEqual([]);
    const yes = p.message('向大叔', '是的');
    const filed = await p.deliver(yes);
    expect(filed.join('\n')).toMatch(/^linli: (?:@\S+ )?已收到工单 T\d+（漏水\/下水道），由第三片区网格员/);
    expect(await tickets()).toBe(before + 1);
    const text = await p.t.db.selectFrom('tickets').select('text').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(text.text).toBe('8栋2单元楼上漏水，滴到厨房了');
    // The same 是 delivered again, and another 好 after it, file nothing more and say nothing.
    expect(await p.deliver(yes)).toEqual([]);
    expect(await p.say('向大叔', '好')).toEqual([]);
    expect(await tickets()).toBe(before + 1);
  }, T);

  it('offers a hazard as one, wherever it is said', async () => {
    expect(await p.say('周阿姨', '有人在楼道里给电动车充电')).toEqual([
      'linli: ⚠️ 这是安全隐患。听起来是“飞线充电”的问题，要报给网格员吗？回复“是”提交工单（10分钟内有效）。',
    ]);
    expect((await p.say('周阿姨', '对')).join('\n')).toMatch(/^linli: (?:@\S+ )?已收到工单 T\d+（飞线充电）/);
  }, T);

  it('takes the complaint keyword at the end, and lets an offer lapse after 10 minutes', async () => {
    const before = await tickets();
    expect(await p.say('张奶奶', '垃圾堆了好几天没人清，投诉')).toEqual([
      'linli: 听起来是“环境卫生”的问题，要报给网格员吗？回复“是”提交工单（10分钟内有效）。',
    ]);
    p.clock.advance(11 * 60_000);
    expect(await p.say('张奶奶', '好的')).toEqual([]);
    expect(await tickets()).toBe(before);
  }, T);

  it('leaves mentions in chatter alone', async () => {
    const before = await tickets();
    for (const chatter of ['昨天修好漏水了，谢谢', '漏水的已经修好了', '【新闻】某小区发生飞线充电火灾', '你家漏水了吗', '好的']) {
      expect(await p.say('路人甲', chatter), chatter).toEqual([]);
    }
    expect(await tickets()).toBe(before);
  }, T);

  it('offers in English too', async () => {
    expect(await p.say('Tom', 'the drain outside building 8 is blocked again')).toEqual([
      'linli: That sounds like a leak / drain problem. Reply "yes" within 10 minutes to file it as a ticket for the grid worker.',
    ]);
  }, T);
});
