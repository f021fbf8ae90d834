import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processors } from '../jobs/processors.js';
import type { WorkerDeps } from '../jobs/worker-deps.js';
import { silentLogger } from '../src/log.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { waitForEmpty } from '../src/runtime/settle.js';
import { outboundQueue } from '../src/queue/queue-names.js';
import { dropTestSchema } from './support/db.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

// Per process: other runs of the suite on this machine must not drop our schema mid-test.
const NAME = `council_${process.pid}`;
let p: Pipeline;
let deps: WorkerDeps;

const ref = (letter: string, lines: string[]) => {
  const m = new RegExp(`\\b(${letter}\\d+)\\b`).exec(lines.join('\n'));
  if (!m) throw new Error(`no ${letter} ref in ${JSON.stringify(lines)}`);
  return m[1];
};
/** Building 8 of 聚心苑: 2 units × 6 floors × 2 rooms = 24 households. */
const ROOMS = [1, 2].flatMap((u) => [1, 2, 3, 4, 5, 6].flatMap((f) => [1, 2].map((r) => `8-${u}-${f * 100 + r}`)));
const resident = (i: number) => `八栋住户${String(i + 1).padStart(2, '0')}`;
const sweep = async () => {
  await processors['council-sweep']({ estateId: null }, deps);
  await waitForEmpty(p.factory.queue(outboundQueue('console')), 20_000);
};

beforeAll(async () => {
  p = await startPipeline(NAME, 'redis');
  deps = { db: p.t.db, clock: p.clock, outbound: queueOutbound(p.factory), log: silentLogger };
  // The roster's floor areas for building 8: 89.50 m² each.
  await p.t.db.updateTable('households').set({ floor_area: 8950 }).where('room_code', 'in', ROOMS).execute();
});
afterAll(async () => {
  const baseUrl = p.t.baseUrl;
  const schema = p.t.schema;
  await p.close();
  await dropTestSchema(baseUrl, schema);
});

describe('the council in the console demo', () => {
  it('proposal → support → meeting → owners’ decision → chat and paper ballots → not-voted list → result at the deadline', async () => {
    // 16 owners of building 8 bind their rooms; the admin 戴红霞 confirms each as owner (刘雅玲 keeps her flood allowance for the evening).
    for (let i = 0; i < 16; i++) {
      const asked = await p.say(resident(i), `绑定 ${ROOMS[i]}`);
      const b = ref('B', asked);
      expect(await p.say('戴红霞', `确认业主 ${b}`)).toEqual([`linli: 已确认 ${b}：${ROOMS[i]} 的业主。`]);
    }
    // A tenant of 8-2-501 is bound too, but as a tenant.
    const tenantAsk = await p.say('租户小李', 'bind 8-2-501'.replace('bind', '绑定'));
    await p.say('刘雅玲', `确认租户 ${ref('B', tenantAsk)}`);

    const proposed = await p.say(resident(0), '提议 在8栋门口加装晾衣架');
    const y = ref('Y', proposed);
    expect(proposed[0]).toBe(`linli: 已记下提议 ${y}：在8栋门口加装晾衣架`);
    expect(await p.say(resident(0), `附议 ${y}`)).toEqual([`linli: 您家已经附议过 ${y}（目前1户支持）。`]);
    expect(await p.say('向大叔', `附议 ${y}`)).toEqual(['linli: 请先绑定您家的房号（绑定 8-2-301），网格员确认后才能提议、附议或投票。']);
    for (let i = 1; i < 9; i++) expect((await p.say(resident(i), `附议 ${y}`))[0]).toBe(`linli: 已附议 ${y}，目前${i + 1}户支持（满10户上会）。`);
    const tenth = await p.say(resident(9), `附议 ${y}`);
    expect(tenth[0]).toBe(`linli: 已附议 ${y}，已有10户支持，将列入下次圆桌会议议题。`);
    expect(tenth.join('\n')).toContain(`提议 ${y} 已有10户附议，达到上会门槛`);

    expect(await p.say(resident(3), '会议 12月10日 19:00 8栋议事点')).toEqual(['linli: 只有网格员或社区工作人员可以发起会议、表决和投票，或录入纸质票。']);
    const meeting = await p.say('刘雅玲', '会议 12月10日 19:00 8栋议事点');
    const m = ref('M', meeting);
    expect(meeting.join('\n')).toContain(`圆桌会议 ${m}：12月10日 19:00 在8栋议事点召开。\n议题：\n${y} 在8栋门口加装晾衣架`);

    p.clock.advance(60_000);
    expect(await p.say(resident(1), '表决 加装晾衣架 截止11月27日 20:00 8栋')).toEqual(['linli: 只有网格员或社区工作人员可以发起会议、表决和投票，或录入纸质票。']);
    const opened = await p.say('刘雅玲', `表决 在8栋门口加装晾衣架（${y}） 截止11月27日 20:00 8栋`);
    const v = ref('V', opened);
    expect(opened[0]).toBe(`linli: 业主表决 ${v}（一般事项，8栋，24户）：在8栋门口加装晾衣架（${y}）`);
    expect(opened.join('\n')).toContain('表决有效需参与业主的专有部分面积和人数均占三分之二以上；须经参与表决面积和人数均过半数同意。');

    // 14 owners vote in the chat: 11 yes, 2 no, 1 abstains; one changes her mind (no → yes).
    const choices = ['同意', '同意', '同意', '同意', '同意', '同意', '同意', '同意', '同意', '同意', '同意', '反对', '反对', '弃权'];
    for (let i = 0; i < 14; i++) {
      const said = await p.say(resident(i), `投票 ${v} ${choices[i]}`);
      // The group never hears how a room voted.
      expect(said).toEqual([`linli: 已收到您的投票（${v}，1户）。截止前可改票，以最后一次为准。`]);
    }
    expect(await p.say(resident(12), `投票 ${v} 同意`)).toEqual([`linli: 已收到您的投票（${v}，1户），已按新的选择改票。截止前可改票，以最后一次为准。`]);
    expect(await p.say('租户小李', `投票 ${v} 同意`)).toEqual([`linli: 只有表决发起前已确认的业主可以参加业主表决 ${v}；租户和家属需业主委托。`]);
    expect(await p.say('向大叔', `投票 ${v} 同意`)).toEqual([`linli: 您没有 ${v} 表决范围内已确认的房号绑定（需在发起前确认）。`]);
    // An owner confirmed after the vote opened does not vote in it.
    p.clock.advance(60_000);
    const late = await p.say(resident(16), `绑定 ${ROOMS[16]}`);
    await p.say('刘雅玲', `确认业主 ${ref('B', late)}`);
    expect(await p.say(resident(16), `投票 ${v} 同意`)).toEqual([`linli: 只有表决发起前已确认的业主可以参加业主表决 ${v}；租户和家属需业主委托。`]);

    // 刘雅玲 enters two paper ballots collected door to door.
    expect(await p.say('刘雅玲', `代录 ${v} 8-2-607 同意`)).toEqual([`linli: 8-2-607 不在 ${v} 的表决范围内。`]);
    expect(await p.say('刘雅玲', `代录 ${v} ${ROOMS[22]} 同意`)).toEqual([`linli: 已代录 ${ROOMS[22]} 的纸质票（${v}），请补发选票照片存档。`]);
    expect(await p.say('刘雅玲', `代录 ${v} ${ROOMS[23]} 反对`)).toEqual([`linli: 已代录 ${ROOMS[23]} 的纸质票（${v}），请补发选票照片存档。`]);
    expect(await p.say(resident(2), `代录 ${v} ${ROOMS[20]} 同意`)).toEqual(['linli: 只有网格员或社区工作人员可以发起会议、表决和投票，或录入纸质票。']);

    // Turnout for staff: 16 of 24 owners and of the area, exactly 2/3.
    const turnout = await p.say('刘雅玲', `表决 ${v}`);
    expect(turnout.join('\n')).toContain('参与人数 16/24（66.6%），面积 1432.00/2148.00 m²（66.6%），均需三分之二以上；其中纸质票2张');
    expect(turnout.join('\n')).toContain('8栋 16/24户');
    const seen = await p.say(resident(5), `表决 ${v}`);
    expect(seen.join('\n')).toContain('参与人数 16/24');
    expect(seen.join('\n')).not.toContain('8栋 16/24户');

    // The weekly notice shows the open vote with its turnout, and no room's choice.
    const notice = (await p.say('戴红霞', '公示')).join('\n');
    expect(notice).toContain(`进行中的表决：\n${v} 在8栋门口加装晾衣架（${y}）：参与人数 16/24（66.6%）`);
    expect(notice).not.toMatch(/同意|反对/);

    const notVoted = await p.say('刘雅玲', `未投票 ${v}`);
    expect(notVoted[0]).toBe(`linli: ${v} 未投票 8 户：`);
    expect(notVoted[1]).toBe(ROOMS.slice(14, 22).join(' '));
    expect(await p.say(resident(0), `未投票 ${v}`)).toEqual(['linli: 这个操作只有网格员或社区工作人员可以做。']);

    // Nothing counts after the deadline; the result goes out once, at the deadline.
    await sweep();
    expect(p.printed.join('\n')).not.toContain(`表决结果 ${v}`);
    p.clock.set(new Date('2026-11-27T12:00:00Z'));
    expect(await p.say(resident(14), `投票 ${v} 同意`)).toEqual([`linli: ${v} 已截止，不再接受投票。`]);
    const before = p.printed.length;
    await sweep();
    const result = p.printed.slice(before).join('\n');
    expect(result).toContain(`表决结果 ${v}：在8栋门口加装晾衣架（${y}）（一般事项）`);
    expect(result).toContain('参与：人数 16/24（66.6%，需三分之二以上，达到）；面积 1432.00/2148.00 m²（66.6%，需三分之二以上，达到）');
    expect(result).toContain('同意：13人，1163.50 m²');
    expect(result).toContain('反对：2人，179.00 m²');
    expect(result).toContain('弃权：1人，89.50 m²');
    expect(result).toContain('同意须占参与人数和面积均过半数：人数达到，面积达到');
    expect(result).toContain('结果：通过。');
    expect(result).not.toMatch(/八栋住户|刘雅玲|@/);
    const again = p.printed.length;
    await sweep();
    expect(p.printed.length).toBe(again);
    const outbox = await p.t.db.selectFrom('outbox').select('key').where('key', 'like', 'vote-%').execute();
    expect(outbox).toHaveLength(1);

    // Every ballot and change is in the audit; the ballots table keeps them all.
    const ballots = await p.t.db.selectFrom('ballots').select(['channel']).execute();
    expect(ballots.filter((b) => b.channel === 'paper')).toHaveLength(2);
    expect(ballots).toHaveLength(17);
    const audits = await p.t.db.selectFrom('audit_log').select('action').where('action', 'like', 'ballot.%').execute();
    expect(audits).toHaveLength(17);

    // Meeting reminders: the day before and an hour before, once each.
    p.clock.set(new Date('2026-12-09T11:05:00Z'));
    let mark = p.printed.length;
    await sweep();
    await sweep();
    expect(p.printed.slice(mark)).toEqual([`linli: 明天（12月10日 19:00）圆桌会议 ${m} 在8栋议事点召开，议题：${y}。`]);
    p.clock.set(new Date('2026-12-10T10:01:00Z'));
    mark = p.printed.length;
    await sweep();
    expect(p.printed.slice(mark)).toEqual([`linli: 一小时后（12月10日 19:00）圆桌会议 ${m} 在8栋议事点召开，议题：${y}。`]);

    // Minutes and a decision that becomes a tracked task.
    expect(await p.say('刘雅玲', `纪要 ${m} 到会居民23人，同意在8栋东侧加装晾衣架`)).toEqual([`linli: 已记录 ${m} 的会议纪要。会上的决定请用“决议 ${m} 内容 负责 物业 截止 12月31日”记下，会在每周公示里跟踪进展。`]);
    const decided = await p.say('刘雅玲', `决议 ${m} ${y} 8栋东侧加装晾衣架 负责 物业 截止 12月31日`);
    const d = ref('D', decided);
    expect(decided[0]).toContain(`已记下决议 ${d}（${m}）：${y} 8栋东侧加装晾衣架，负责：物业，12月31日前完成。`);
    expect(await p.say('刘雅玲', `进展 ${d} 已采购晾衣架`)).toEqual([`linli: 已更新决议 ${d} 的进展：已采购晾衣架`]);
    const later = (await p.say('戴红霞', '公示')).join('\n');
    expect(later).toContain(`会议决议进展：\n${d} ${y} 8栋东侧加装晾衣架（物业，12/31前）：已采购晾衣架`);
    expect(later).not.toContain('进行中的表决');
    expect((await p.t.db.selectFrom('proposals').select('status').executeTakeFirstOrThrow()).status).toBe('decided');
    // About 90 messages through the whole pipeline: on a loaded shared machine this takes more than the default 30 s.
  }, 180_000);
});
