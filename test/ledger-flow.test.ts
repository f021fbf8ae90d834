import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from './support/pipeline.js';

const ref = (line: string, kind: 'P' | 'B') => new RegExp(`${kind}(\\d+)`).exec(line)?.[0] ?? '';

for (const backend of ['redis', 'postgres'] as const) {
  describe(`fee ledger end to end (queues on ${backend})`, () => {
    let p: Pipeline;
    beforeAll(async () => {
      p = await startPipeline(`ledger_${backend}`, backend);
    });
    afterAll(() => p.close());

    it('binds, claims, refuses a stranger, confirms, and counts 12 months for 60 yuan', async () => {
      const bind = await p.say('向大叔', '绑定 8-2-301');
      expect(bind).toHaveLength(1);
      expect(bind[0]).toMatch(/^linli: 已收到绑定申请 B\d+：8-2-301/);
      const b = ref(bind[0], 'B');

      expect(await p.say('刘雅玲', `确认 ${b}`)).toEqual([`linli: 绑定 ${b} 已确认：8-2-301 已绑定。`]);

      const claim = await p.say('向大叔', '已交60元');
      expect(claim).toHaveLength(1);
      expect(claim[0]).toMatch(/已登记 P\d+：8-2-301 交 60元（12个月）/);
      const pRef = ref(claim[0], 'P');

      expect(await p.say('路人甲', `确认 ${pRef}`)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
      // The resident's receipt: in the console's one group, an @mention without the sum.
      expect(await p.say('刘雅玲', `确认 ${pRef}`)).toEqual([
        `linli: 已确认 ${pRef}：8-2-301 60元（12个月）已入账，交到2025年4月。`,
        `linli: @向大叔 您的电子收据 ${pRef} 已生成，请私聊我发“收据 ${pRef}”查看。`,
      ]);
      expect(await p.say('刘雅玲', `確認 ${pRef}`)).toEqual([`linli: ${pRef} 已經確認過了。`]);

      // Nov 2026 is month 31 from May 2024; 12 are paid.
      expect(await p.say('向大叔', '查询')).toEqual(['linli: 8-2-301 卫生费（每月5元）：已交到2025年4月，欠19个月，共95元。']);
      const audit = await p.t.db.selectFrom('audit_log').select(['action', 'subject']).where('subject', '=', pRef).execute();
      expect(audit).toEqual([{ action: 'payment.confirm', subject: pRef }]);
    });

    it('answers in the script the user wrote in, and in English for a Latin slash command', async () => {
      expect(await p.say('向大叔', '查詢')).toEqual(['linli: 8-2-301 衛生費（每月5元）：已交到2025年4月，欠19個月，共95元。']);
      const en = await p.say('向大叔', '/status');
      expect(en).toEqual(['linli: 8-2-301 卫生费 (¥5/month): paid through Apr 2025; owes 19 months, ¥95.']);
    });

    it('has staff collect for any room in their zone, but not outside it', async () => {
      const ok = await p.say('刘雅玲', '收费 8-1-101 60 现金');
      expect(ok[0]).toMatch(/^linli: 已收费 P\d+：8-1-101 60元（12个月），交到/);
      // Building 1 is in zone 1, not 刘雅玲's.
      expect(await p.say('刘雅玲', '收费 1-1-101 60')).toEqual(['linli: 1-1-101 不在您负责的网格内，请联系该网格的网格员。']);
      // The admin may collect anywhere.
      expect((await p.say('戴红霞', '收费 1-1-101 30'))[0]).toMatch(/已收费 P\d+：1-1-101 30元（6个月）/);
    });

    it('refuses what does not add up, and changes nothing', async () => {
      const count = async () => Number((await p.t.db.selectFrom('payments').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      expect(await p.say('向大叔', '已交7元')).toEqual(['linli: 7元 不是整月的卫生费（每月5元），请核对金额。']);
      // 30元 is six whole months: what is wrong is that it is not the period named.
      expect(await p.say('向大叔', '已经交了两个月30元')).toEqual(['linli: 金额和月数对不上：30元，但写的是2个月（卫生费每月5元，2个月是10元）。请核对后再发。']);
      expect(await p.say('向大叔', '交了一年卫生费 7元')).toEqual(['linli: 金额和月数对不上：7元，但写的是12个月（卫生费每月5元，12个月是60元）。请核对后再发。']);
      expect(await p.say('向大叔', '已交60元 9-1-101')).toEqual(['linli: 您没有绑定 9-1-101，只能为自己绑定的房号登记缴费。']);
      expect(await p.say('路人乙', '已交60元')).toEqual(['linli: 您还没有绑定房号。请先发“绑定 房号”，例如：绑定 8-2-301']);
      expect(await p.say('刘雅玲', '收费 99-9-999 60')).toEqual(['linli: 本小区没有 99-9-999 这个房号，请核对后再发。']);
      expect(await p.say('刘雅玲', '确认 P999999')).toEqual(['linli: 没有找到 P999999，请核对编号。']);
      expect(await p.say('刘雅玲', '确认')).toEqual(['linli: 请写上编号，例如：确认 P12']);
      expect(await p.say('向大叔', '今天天气不错')).toEqual([]);
      expect(await count()).toBe(before);
    });

    it('takes a message delivered twice once, with one reply', async () => {
      const msg = p.message('向大叔', '交了半年卫生费');
      const first = await p.deliver(msg);
      const again = await p.deliver({ ...msg });
      expect(first).toHaveLength(1);
      expect(first[0]).toMatch(/已登记 P\d+：8-2-301 交 30元（6个月）/);
      expect(again).toEqual([]);
      const claims = await p.t.db.selectFrom('payments').select('id').where('kind', '=', 'claim').where('months', '=', 6).execute();
      expect(claims.length).toBe(1);
    });

    it('treats the same claim said again while it waits as the same payment', async () => {
      const first = await p.say('向大叔', '我家已交了30元');
      expect(first[0]).toMatch(/^linli: 这笔缴费已经登记过了（P\d+），正在等确认。$/);
      const claims = await p.t.db.selectFrom('payments').select('id').where('kind', '=', 'claim').where('months', '=', 6).execute();
      expect(claims.length).toBe(1);
      // The waiting claim shows under 查询, to the resident and to the zone's grid worker naming the room.
      const pending = await p.t.db.selectFrom('payments as p').leftJoin('payment_decisions as d', 'd.payment_id', 'p.id').innerJoin('households as h', 'h.id', 'p.household_id')
        .select((e) => e.fn.countAll<string>().as('n')).where('h.room_code', '=', '8-2-301').where('p.kind', '=', 'claim').where('d.payment_id', 'is', null).executeTakeFirstOrThrow();
      expect(Number(pending.n)).toBeGreaterThan(0);
      const line = `另有 ${pending.n} 笔缴费等确认。`;
      expect((await p.say('向大叔', '查询')).at(-1)).toBe(line);
      expect((await p.say('刘雅玲', '查询 8-2-301')).at(-1)).toBe(line);
    });

    it('settles two binding requests sent at once for the same room as one binding', async () => {
      const [a, b] = await Promise.all([p.say('王奶奶', '绑定 8-1-202'), p.say('王奶奶', '我是8栋1单元202的')]);
      const refs = [...a, ...b].map((l) => ref(l, 'B')).filter(Boolean);
      const distinct = [...new Set(refs)];
      for (const r of distinct) expect(await p.say('刘雅玲', `确认 ${r}`)).toEqual([expect.stringMatching(/^linli: 绑定 B\d+ 已确认：8-1-202 已绑定。$/)]);
      const confirmed = await p.t.db.selectFrom('bindings').select('id').where('status', '=', 'confirmed').where('household_id', 'in', (eb) => eb.selectFrom('households').select('id').where('room_code', '=', '8-1-202')).execute();
      expect(confirmed).toHaveLength(1);
    });

    it('lets a grid worker reject a claim with a reason, once', async () => {
      const claim = await p.say('向大叔', '已交15元');
      const pRef = ref(claim[0], 'P');
      expect(await p.say('刘雅玲', `驳回 ${pRef} 金额不符`)).toEqual([`linli: 已驳回 ${pRef}（8-2-301）：金额不符。`]);
      expect(await p.say('刘雅玲', `确认 ${pRef}`)).toEqual([`linli: ${pRef} 已经驳回了。`]);
    });
  });
}
