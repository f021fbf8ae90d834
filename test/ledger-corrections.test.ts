import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from './support/pipeline.js';

const ref = (line: string) => /P\d+/.exec(line)?.[0] ?? '';

// The treasurer's ledger through the real pipeline (console adapter, Postgres, Redis): what
// 刘雅玲 and the residents see.
describe('corrections, the duplicate guard and batches', () => {
  let p: Pipeline;
  /** Zone 3's rooms (buildings 7–9) that the demo's history left with no payment. */
  let fresh: string[] = [];
  beforeAll(async () => {
    // A grid worker's evening is many messages in a row: the flood guard is not what is tested here.
    p = await startPipeline('ledger_corr', 'redis', { env: { LINLI_FLOOD_BURST: '1000' } });
    fresh = (
      await p.t.db
        .selectFrom('households as h')
        .innerJoin('buildings as b', 'b.id', 'h.building_id')
        .select('h.room_code')
        .where('b.code', 'in', ['7', '8', '9'])
        .where('h.room_code', '<>', '8-2-301')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('payments as p').select('p.id').whereRef('p.household_id', '=', 'h.id'))))
        .orderBy('h.id')
        .execute()
    ).map((r) => r.room_code);
    const b = (await p.say('向大叔', '绑定 8-2-301'))[0];
    await p.say('刘雅玲', `确认 ${/B\d+/.exec(b)![0]}`);
  }, 120_000);
  afterAll(() => p.close());
  beforeEach(() => p.clock.advance(60_000));

  it('voids a collection with a new row, tells the resident, and says so when voided again', async () => {
    const booked = await p.say('刘雅玲', '收费 8-2-301 60 现金');
    expect(booked[0]).toMatch(/^linli: 已收费 P\d+：8-2-301 60元（12个月），交到2025年4月。$/);
    // The bound resident gets the receipt: in the console's one group, a mention without the sum.
    expect(booked[1]).toMatch(/^linli: @向大叔 您的电子收据 P\d+ 已生成/);
    const pRef = ref(booked[0]);
    const voided = await p.say('刘雅玲', `冲正 ${pRef} 记错了`);
    expect(voided[0]).toMatch(new RegExp(`^linli: 已冲正 ${pRef}：8-2-301 的 60元（12个月）已撤回，冲正记录 P\\d+，原记录保留。原因：记错了。现在没有已入账的月份。$`));
    expect(voided[1]).toMatch(new RegExp(`^linli: @向大叔 您家的缴费记录 ${pRef} 有更正`));
    expect(voided.join('\n')).not.toMatch(/60元.*@|@.*60元/);
    expect(await p.say('向大叔', '查询')).toEqual(['linli: 8-2-301 卫生费（每月5元）：还没有缴费记录，欠31个月，共155元。']);
    const again = await p.say('刘雅玲', `冲正 ${pRef}`);
    expect(again).toEqual([expect.stringMatching(new RegExp(`^linli: ${pRef} 已经冲正过了（P\\d+）。$`))]);
    expect(await p.say('刘雅玲', `/void ${pRef} twice`)).toEqual([expect.stringMatching(new RegExp(`^linli: ${pRef} is already void \\(P\\d+\\)\\.$`))]);
    // The original stays; the audit says who and why.
    const rows = await p.t.db.selectFrom('payments').select(['kind', 'amount_fen', 'corrects_id']).where('household_id', 'in', (eb) => eb.selectFrom('households').select('id').where('room_code', '=', '8-2-301')).orderBy('id').execute();
    expect(rows.map((r) => [r.kind, r.amount_fen])).toEqual([['collection', 6000], ['correction', -6000]]);
    const audit = await p.t.db.selectFrom('audit_log').select(['action', 'detail']).where('subject', '=', pRef).where('action', '=', 'payment.void').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ reason: '记错了', fromFen: 6000, toFen: 0 });
  });

  it('corrects an amount, and a correction of that correction restores it', async () => {
    const booked = await p.say('刘雅玲', '收费 8-2-301 60');
    const pRef = ref(booked[0]);
    const amended = await p.say('刘雅玲', `更正 ${pRef} 30`);
    expect(amended[0]).toMatch(new RegExp(`^linli: 已更正 ${pRef}：8-2-301 由 60元 改为 30元（6个月），更正记录 (P\\d+)，原记录保留。现在交到2024年10月。$`));
    const cRef = /更正记录 (P\d+)/.exec(amended[0])![1];
    expect(await p.say('刘雅玲', `更正 ${pRef} 45`)).toEqual([`linli: ${pRef} 已经更正过了（${cRef}），如需再改请对 ${cRef} 操作。`]);
    const undone = await p.say('刘雅玲', `冲正 ${cRef}`);
    expect(undone[0]).toMatch(new RegExp(`^linli: 已撤销更正 ${cRef}：8-2-301 恢复为 60元（12个月），记录 P\\d+。现在交到2025年4月。$`));
    expect(await p.say('向大叔', '查询')).toEqual(['linli: 8-2-301 卫生费（每月5元）：已交到2025年4月，欠19个月，共95元。']);
  });

  it('shows the week’s corrections by room code in the notice, and in the tally', async () => {
    const notice = (await p.say('刘雅玲', '公示')).join('\n');
    expect(notice).toMatch(/本周更正 3笔：8-2-301 P\d+ -60元、8-2-301 P\d+ -30元、8-2-301 P\d+ \+30元/);
    expect(notice).not.toMatch(/向大叔|刘雅玲/);
    const tally = (await p.say('刘雅玲', '统计')).join('\n');
    expect(tally).toMatch(/更正 3笔，合计 -60元/);
  });

  it('refuses to correct a claim still waiting, outside the zone, or by a resident', async () => {
    const claim = await p.say('向大叔', '已交15元');
    const pRef = ref(claim[0]);
    expect(await p.say('刘雅玲', `冲正 ${pRef}`)).toEqual([`linli: ${pRef} 还在等确认，没有入账，不用冲正；如有误请发 驳回 ${pRef}。`]);
    expect(await p.say('向大叔', `冲正 ${pRef}`)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);
    const other = await p.say('戴红霞', '收费 1-1-101 30');
    expect(await p.say('刘雅玲', `冲正 ${ref(other[0])}`)).toEqual(['linli: 1-1-101 不在您负责的网格内，请联系该网格的网格员。']);
    await p.say('刘雅玲', `驳回 ${pRef} 测试`);
  });

  it('asks before booking the same collection twice within 30 minutes, and books it on 确认收费', async () => {
    const room = fresh[0];
    const first = await p.say('刘雅玲', `收费 ${room} 60 现金`);
    const pRef = ref(first[0]);
    expect(await p.say('刘雅玲', `收费 ${room} 60 现金`)).toEqual([`linli: 刚刚已收费 ${pRef}，确实再收一次吗？回复 确认收费`]);
    const yes = await p.say('刘雅玲', '确认收费');
    expect(yes).toEqual([`linli: 已收费 ${ref(yes[0])}：${room} 60元（12个月），交到2026年4月。`]);
    expect(await p.say('刘雅玲', '确认收费')).toEqual(['linli: 没有等您确认的收费（30分钟内）。']);
    // 31 minutes later the same sum is a new collection.
    p.clock.advance(31 * 60_000);
    expect((await p.say('刘雅玲', `收费 ${room} 60`))[0]).toMatch(new RegExp(`^linli: 已收费 P\\d+：${room} 60元（12个月），交到2027年4月。$`));
  });

  it('asks before collecting for a room with a claim waiting, and before confirming a claim for a room just collected for (18.4)', async () => {
    const claim = await p.say('向大叔', '已交60元');
    const cRef = ref(claim[0]);
    expect(await p.say('刘雅玲', '收费 8-2-301 60')).toEqual([`linli: 8-2-301 有待确认的缴费 ${cRef}（60元），可能是同一笔。确实再收一次吗？回复 确认收费；是同一笔请发 确认 ${cRef}`]);
    const yes = await p.say('刘雅玲', '确认收费');
    const colRef = ref(yes[0]);
    expect(yes[0]).toMatch(/^linli: 已收费 P\d+：8-2-301 60元（12个月），交到2026年4月。$/);
    expect(await p.say('刘雅玲', `确认 ${cRef}`)).toEqual([`linli: 8-2-301 近7天已收费 ${colRef}（60元），${cRef} 可能是同一笔。确实要入账请再发一次“确认 ${cRef}”；不是本户另交的请发 驳回 ${cRef} 重复`]);
    const confirmed = await p.say('刘雅玲', `确认 ${cRef}`);
    expect(confirmed[0]).toMatch(new RegExp(`^linli: 已确认 ${cRef}：8-2-301 60元（12个月）已入账，交到2027年4月。$`));
  });

  it('books the same claim sent twice at once as one P-ref (18.5)', async () => {
    for (let round = 0; round < 3; round++) {
      const text = `已交${25 + round * 5}元`;
      const [a, b] = await Promise.all([p.say('向大叔', text), p.say('向大叔', text)]);
      const refs = new Set([...a, ...b].map(ref).filter(Boolean));
      expect(refs.size).toBe(1);
      expect([...a, ...b].some((l) => l.includes('已经登记过了'))).toBe(true);
    }
  }, 60_000);

  it('books a batch line by line in one reply (the community admin this time); a bad line blocks nothing', async () => {
    const [a, b, c, d, e] = fresh.slice(1, 6);
    const out = await p.say('戴红霞', `收费 ${a} 60，${b} 60 现金`);
    expect(out[0]).toMatch(new RegExp(`^linli: 已收费 P\\d+：${a} 60元（12个月），交到2025年4月。$`));
    expect(out[1]).toMatch(new RegExp(`^已收费 P\\d+：${b} 60元（12个月），交到2025年4月。$`));
    const methods = await p.t.db.selectFrom('payments').select('method').where('id', 'in', out.map(ref).map((r) => Number(r.slice(1)))).execute();
    expect(methods.map((m) => m.method)).toEqual(['现金', '现金']);
    const pasted = await p.say('戴红霞', `收费\n${c} 30\n99 60\n99-9-999 60\n${d} 7元\n${e} 一年`);
    expect(pasted).toEqual([
      expect.stringMatching(new RegExp(`^linli: 已收费 P\\d+：${c} 30元（6个月），交到2024年10月。$`)),
      '99 60：请写上房号，例如：绑定 8-2-301',
      '99-9-999：本小区没有 99-9-999 这个房号，请核对后再发。',
      `${d}：7元 不是整月的卫生费（每月5元），请核对金额。`,
      expect.stringMatching(new RegExp(`^已收费 P\\d+：${e} 60元（12个月），交到2025年4月。$`)),
    ]);
  });

  it('books rooms typed one after another with spaces only, and 各 for the same sum each', async () => {
    const [a, b, c, d] = fresh.slice(6, 10);
    const spaced = await p.say('戴红霞', `收费 ${a} 60 ${b} 30`);
    expect(spaced).toEqual([
      expect.stringMatching(new RegExp(`^linli: 已收费 P\\d+：${a} 60元（12个月）`)),
      expect.stringMatching(new RegExp(`^已收费 P\\d+：${b} 30元（6个月）`)),
    ]);
    const each = await p.say('戴红霞', `收费 ${c}、${d} 各60 现金`);
    expect(each).toEqual([
      expect.stringMatching(new RegExp(`^linli: 已收费 P\\d+：${c} 60元（12个月）`)),
      expect.stringMatching(new RegExp(`^已收费 P\\d+：${d} 60元（12个月）`)),
    ]);
  });

  it('answers a batch of 50 lines in one reply', async () => {
    const rooms = Array.from({ length: 50 }, (_, i) => `9-${1 + (i % 2)}-${String(101 + Math.floor(i / 2)).padStart(3, '0')}`);
    const existing = await p.t.db.selectFrom('households').select('room_code').where('room_code', 'in', rooms).execute();
    const out = await p.say('戴红霞', ['收费', ...rooms.map((r) => `${r} 60`)].join('\n'));
    const booked = out.filter((l) => /已收费 P\d+/.test(l));
    expect(booked.length).toBe(existing.length);
    expect(out.filter((l) => l.startsWith('linli:')).length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('confirms several at once, each checked on its own, and lists what waits', async () => {
    // Past the 7 days in which 8-2-301's collection above makes a claim look like the same money.
    p.clock.advance(8 * 24 * 3_600_000);
    const a = ref((await p.say('向大叔', '已交10元'))[0]);
    const pending = await p.say('刘雅玲', '待确认');
    expect(pending[0]).toMatch(/^linli: 待确认 \d+项（最早的在前）：$/);
    expect(pending.some((l) => new RegExp(`^${a} 8-2-301 10元 · 0分钟前$`).test(l))).toBe(true);
    const out = await p.say('刘雅玲', `确认 ${a} P999999 ${a}`);
    expect(out[0]).toMatch(new RegExp(`^linli: 已确认 ${a}：8-2-301 10元（2个月）已入账`));
    expect(out[1]).toBe('没有找到 P999999，请核对编号。');
    expect(out[2]).toBe(`${a} 已经确认过了。`);
    const receipt = await p.say('向大叔', `收据 ${a}`);
    expect(receipt[0]).toBe('linli: 【电子收据】');
    expect(receipt).toContain('经办：网格员');
    expect(receipt).toContain('金额：10元（2个月）');
  });
});
