import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { processors } from '../jobs/processors.js';
import type { WorkerDeps } from '../jobs/worker-deps.js';
import { consoleUserId } from '../src/adapters/console/identity.js';
import { runEstatesCommand } from '../src/cli/estates-command.js';
import { parseCommand } from '../src/commands/parse.js';
import { DEMO_ESTATE_CODE } from '../src/demo/seed-demo-estate.js';
import { monthlyFen } from '../src/ledger/estate-plans.js';
import { silentLogger } from '../src/log.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

const ref = (line: string) => /P\d+/.exec(line)?.[0] ?? '';
const MIN = 60_000;

describe('pricing and reading a fee', () => {
  it('prices per m² at the household area, rounded half up to the fen', () => {
    expect(monthlyFen({ amount_fen: 120, basis: 'area' }, 8635)).toBe(10362); // 1.20元 × 86.35 m²
    expect(monthlyFen({ amount_fen: 150, basis: 'area' }, 8633)).toBe(12950); // 129.495 → 129.50
    expect(monthlyFen({ amount_fen: 150, basis: 'area' }, 8632)).toBe(12948); // 129.48
    expect(monthlyFen({ amount_fen: 120, basis: 'area' }, null)).toBeNull();
    expect(monthlyFen({ amount_fen: 500, basis: 'household' }, null)).toBe(500);
  });

  it('reads the fee a claim or collection names, and none from 交费 alone', () => {
    expect(parseCommand('已交物业费300元')).toMatchObject({ intent: 'pay', amountFen: 30000, plan: '物业费' });
    expect(parseCommand('收费 8-2-301 物业费 300 现金')).toMatchObject({ intent: 'collect', room: '8-2-301', amountFen: 30000, plan: '物业费', text: '现金' });
    expect(parseCommand('/paid 300 物业费')).toMatchObject({ intent: 'pay', amountFen: 30000, plan: '物业费' });
    expect(parseCommand('我交费了')).toMatchObject({ intent: 'pay', plan: null });
    // A bill often paid elsewhere is chatter in the group, a claim when said to the bot.
    expect(parseCommand('已交停车费100元').intent).toBe('none');
    expect(parseCommand('@邻里 已交停车费100元')).toMatchObject({ intent: 'pay', amountFen: 10000, plan: '停车费' });
    // A batch: a fee named once is the fee of every line that names none.
    const batch = parseCommand('收费 物业费 7-1-102 300，7-1-103 60 卫生费');
    expect(batch.items?.map((i) => [i.room, i.plan])).toEqual([['7-1-102', '物业费'], ['7-1-103', '卫生费']]);
  });
});

// Several fee plans through the real pipeline (console adapter, Postgres, Redis).
describe('several fee plans and the new-claim digest', () => {
  let p: Pipeline;
  let deps: WorkerDeps;
  let room7 = '';
  let room8 = '';
  const digest = () => processors['claims-digest']({ estateId: null }, deps, { id: 'digest', attemptsMade: 0 });
  const digestsTo = async (name: string) =>
    (await p.t.db.selectFrom('outbox').select(['chat_id', 'text', 'mentions']).where('key', 'like', 'claim-digest-%').orderBy('id').execute()).filter((r) => r.chat_id === consoleUserId(name));

  beforeAll(async () => {
    p = await startPipeline('fee_plans', 'redis', { env: { LINLI_FLOOD_BURST: '1000' } });
    deps = { db: p.t.db, clock: p.clock, outbound: queueOutbound(p.factory), log: silentLogger };
    const out: string[] = [];
    const code = await runEstatesCommand(['fee', DEMO_ESTATE_CODE, '物业费', '1.2', '--from', '2026-01', '--per-m2', '--buildings', '8'], p.t.db, (l) => out.push(l));
    expect(code).toBe(0);
    await p.t.db.updateTable('households').set({ floor_area: 8635 }).where('room_code', '=', '8-2-301').execute();
    const other = async (building: string) =>
      (await p.t.db.selectFrom('households as h').innerJoin('buildings as b', 'b.id', 'h.building_id').select('h.room_code').where('b.code', '=', building).where('h.room_code', '<>', '8-2-301').orderBy('h.id').executeTakeFirstOrThrow()).room_code;
    room7 = await other('7');
    room8 = await other('8');
    const b = (await p.say('向大叔', '绑定 8-2-301'))[0];
    await p.say('刘雅玲', `确认 ${/B\d+/.exec(b)![0]}`);
    // Whatever the demo's history left waiting is announced once, before the story starts.
    await digest();
    p.clock.advance(20 * MIN);
  }, 120_000);
  afterAll(() => p.close());
  beforeEach(() => p.clock.advance(MIN));

  it('lists the second plan with its pricing and buildings', async () => {
    const out: string[] = [];
    await runEstatesCommand([], p.t.db, (l) => out.push(l));
    expect(out.join('\n')).toMatch(/卫生费 5元\/月 from \d{4}-\d{2}; 物业费 1\.2元\/m²\/月 from 2026-01 \(buildings 8\)/);
  });

  it('shows each plan the household is charged in 查询', async () => {
    const status = await p.say('向大叔', '查询');
    expect(status).toEqual([
      'linli: 8-2-301 卫生费（每月5元）：还没有缴费记录，欠31个月，共155元。',
      '8-2-301 物业费（每月103.62元）：还没有缴费记录，欠11个月，共1139.82元。',
    ]);
  });

  it('books a claim and a collection on the plan they name, and answers an unknown fee with the list', async () => {
    const claim = await p.say('向大叔', '已交物业费207.24元');
    expect(claim).toEqual([expect.stringMatching(/^linli: 已登记 P\d+：8-2-301 交 207\.24元（2个月），等网格员确认后入账。$/)]);
    const pRef = ref(claim[0]);
    expect(await p.say('向大叔', '/paid 100 停车费')).toEqual(['linli: 本小区没有“停车费”这项收费。现有收费：卫生费、物业费。']);
    // Whole months are counted at the household's own price.
    expect(await p.say('向大叔', '已交物业费100元')).toEqual([expect.stringMatching(/^linli: 100元.*物业费.*103\.62元/)]);
    const confirmed = await p.say('刘雅玲', `确认 ${pRef}`);
    expect(confirmed[0]).toBe(`linli: 已确认 ${pRef}：8-2-301 207.24元（2个月）已入账，交到2026年2月。`);
    const receipt = await p.say('向大叔', `收据 ${pRef}`);
    expect(receipt.join('\n')).toMatch(/项目：物业费/);
    const collected = await p.say('刘雅玲', '收费 8-2-301 物业费 103.62 现金');
    expect(collected[0]).toMatch(/^linli: 已收费 P\d+：8-2-301 103\.62元（1个月），交到2026年3月。$/);
    // The main plan is untouched by all this.
    const status = await p.say('向大叔', '查询');
    expect(status).toEqual([
      'linli: 8-2-301 卫生费（每月5元）：还没有缴费记录，欠31个月，共155元。',
      '8-2-301 物业费（每月103.62元）：已交到2026年3月，欠8个月，共828.96元。',
    ]);
    const rows = await p.t.db.selectFrom('payments as p').innerJoin('fee_plans as f', 'f.id', 'p.fee_plan_id').select(['f.name', 'p.amount_fen', 'p.months']).where('p.id', 'in', [Number(pRef.slice(1)), Number(ref(collected[0]).slice(1))]).orderBy('p.id').execute();
    expect(rows).toEqual([{ name: '物业费', amount_fen: 20724, months: 2 }, { name: '物业费', amount_fen: 10362, months: 1 }]);
  });

  it('refuses a per-m² fee where the area is unknown and a plan for a building it does not cover', async () => {
    expect(await p.say('刘雅玲', `收费 ${room8} 物业费 100`)).toEqual([`linli: 物业费按面积收，${room8} 的面积还没有登记，请联系社区登记后再交。`]);
    expect(await p.say('刘雅玲', `收费 ${room7} 物业费 100`)).toEqual([`linli: ${room7} 不在物业费的收费范围内。`]);
    expect(await p.say('刘雅玲', `收费 ${room7} 管理费 100`)).toEqual(['linli: 本小区没有“管理费”这项收费。现有收费：卫生费、物业费。']);
    // Naming the main plan is the same as naming none.
    expect((await p.say('刘雅玲', `收费 ${room7} 卫生费 60`))[0]).toMatch(new RegExp(`^linli: 已收费 P\\d+：${room7} 60元（12个月）`));
  });

  it('lists arrears per plan, each over the households it charges', async () => {
    const list = (await p.say('刘雅玲', '欠费名单 8栋')).join('\n');
    const [main, area] = list.replace(/^linli: /, '').split('【物业费】');
    expect(main).toMatch(/^【卫生费】\n聚心苑8栋欠费名单：\d+户欠费（共\d+户）/);
    expect(main).toContain('8-2-301(31月)');
    expect(area).toBe('\n聚心苑8栋欠费名单：1户欠费（共1户），合计828.96元\n8栋：8-2-301(8月)');
  });

  it('urges each plan at its own price: a per-m² fee is owed at the household\'s area, not at the rate', async () => {
    const urged = (await p.say('刘雅玲', '催缴')).join('\n');
    // 8-2-301 owes the main plan and the per-m² plan (1.20元/m² × 86.35 m² = 103.62元 a month, 8 months = 828.96元).
    expect(urged).toMatch(/8-2-301\(卫生费31个月\d+(?:\.\d+)?元，物业费8个月828\.96元\)/);
    // A room in a building the per-m² plan does not cover owes only the main plan; no rate is taken for a month's fee.
    expect(urged).toMatch(/ 7-\d+-\d+\(卫生费\d+个月\d+(?:\.\d+)?元\) /);
    expect(urged).not.toMatch(/物业费\d+个月9\.6元/);
  });

  it('shows the other plan in the weekly notice: rate, money and arrears, no rooms, no names', async () => {
    const notice = (await p.say('刘雅玲', '公示')).join('\n');
    const block = notice.slice(notice.indexOf('【物业费】'));
    expect(block).toMatch(/^【物业费】\n2026年11月收缴率 0%（0\/1户）\n本周收款 310\.86元\n欠费 1户，共828\.96元\n/);
    expect(notice).not.toMatch(/向大叔|刘雅玲/);
  });

  it('splits the day’s money by plan in the tally', async () => {
    const tally = (await p.say('刘雅玲', '统计')).join('\n');
    expect(tally).toMatch(/\n其中 卫生费 \d+(\.\d\d)?元，物业费 310\.86元\n/);
  });

  it('announces new claims to the zone grid worker privately, once, at most every 15 minutes', async () => {
    const before = (await digestsTo('刘雅玲')).length;
    const first = ref((await p.say('向大叔', '又交了卫生费60元')).find((l) => l.includes('已登记')) ?? '');
    await digest();
    const sent = await digestsTo('刘雅玲');
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)!.text).toBe(`新的待确认缴费 1笔：\n${first} 8-2-301 卫生费 60元 · 0分钟前\n发“待确认”查看全部。`);
    expect(sent.at(-1)!.text).not.toMatch(/向大叔/);
    expect(sent.at(-1)!.mentions).toEqual([]);
    // Another claim five minutes later waits: the zone was told less than 15 minutes ago.
    p.clock.advance(5 * MIN);
    // (The console prints the first digest as it goes out: the claim's answer is the line that says 已登记.)
    const second = ref((await p.say('向大叔', '又交了物业费103.62元')).find((l) => l.includes('已登记')) ?? '');
    await digest();
    expect(await digestsTo('刘雅玲')).toHaveLength(before + 1);
    p.clock.advance(11 * MIN);
    await digest();
    await digest();
    const after = await digestsTo('刘雅玲');
    expect(after).toHaveLength(before + 2);
    expect(after.at(-1)!.text).toBe(`新的待确认缴费 1笔：\n${second} 8-2-301 物业费 103.62元 · 11分钟前\n发“待确认”查看全部。`);
    // The claims are marked once, and only zone 3's grid worker heard of them.
    expect((await p.say('刘雅玲', '待确认')).join('\n')).toContain(`${second} 8-2-301 物业费 103.62元`);
    const marks = await p.t.db.selectFrom('claim_announcements').select('payment_id').where('payment_id', 'in', [Number(first.slice(1)), Number(second.slice(1))]).execute();
    expect(marks).toHaveLength(2);
    expect((await p.t.db.selectFrom('outbox').select('chat_id').where('key', 'like', 'claim-digest-%').where('text', 'like', `%${second} %`).execute()).map((r) => r.chat_id)).toEqual([consoleUserId('刘雅玲')]);
  });

  it('keeps the digest as a job scheduler in the queue', async () => {
    const ids = (await p.factory.queue('jobs').getJobSchedulers(0, -1)).map((s) => (s as { key?: string; id?: string }).key ?? (s as { id?: string }).id);
    expect(ids).toContain('sched-claims-digest');
  });
  it('books a 接龙 on the fee its header names, each line at its household\'s price', async () => {
    const out = (await p.say('向大叔', '#接龙 物业费已交\n1. 8-2-301 207.24元')).join('\n');
    // 1.20元/m² × 86.35 m² = 103.62元 a month: 207.24元 is two months of 物业费, not of the main plan.
    expect(out).toMatch(/P\d+.*8-2-301.*207\.24元（2个月）/);
    const paid = await p.t.db.selectFrom('payments as pay').innerJoin('fee_plans as f', 'f.id', 'pay.fee_plan_id').select(['f.name', 'pay.months', 'pay.amount_fen']).where('pay.method', '=', '接龙').execute();
    expect(paid).toEqual([{ name: '物业费', months: 2, amount_fen: 20724 }]);
    // A fee the estate does not charge is answered with its list, and nothing is booked.
    expect((await p.say('向大叔', '#接龙 停车费已交\n1. 8-2-301 100元'))[0]).toContain('卫生费');
  });
});
