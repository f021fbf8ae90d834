import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUserId } from '../src/adapters/console/identity.js';
import { runScoringCommand } from '../src/cli/scoring-command.js';
import type { PanelParty } from '../src/db/database.js';
import { DEFAULT_RULES } from '../src/scoring/rules.js';
import { setRules } from '../src/scoring/rules-repository.js';
import { JOBS_QUEUE, outboundQueue } from '../src/queue/queue-names.js';
import { waitForEmpty, waitForJob } from '../src/runtime/settle.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

const PANEL: [string, PanelParty][] = [['评委社区', 'community'], ['评委物业', 'property'], ['评委业委会', 'owners_committee'], ['评委居民', 'resident_rep']];
const NAMES = ['向大叔', '路人甲', ...PANEL.map(([n]) => n)];

/** Five criteria in the default order: disputes, civility, family, sanitation, volunteering. */
const card = (d: number, c: number, f: number, s: number, v: number) => `纠纷${d} 文明${c} 家风${f} 卫生${s} 志愿${v}`;

describe('红"栋"力: the console demo of a month (issue 14)', () => {
  let p: Pipeline;
  const dm = (name: string, text: string) => p.deliver({ ...p.message(name, text), isPrivate: true, chatId: consoleUserId(name) });
  const ref = (lines: string[], letter: string) => new RegExp(`${letter}(\\d+)`).exec(lines.join('\n'))?.[0] ?? '';

  beforeAll(async () => {
    p = await startPipeline('scoring_flow', 'redis', { now: new Date('2026-10-15T02:00:00Z') });
    const estate = await p.t.db.selectFrom('estates').selectAll().executeTakeFirstOrThrow();
    // Decided in October: buildings 7 and 8 are scored, from November on.
    const month = await p.t.db.transaction().execute((tx) => setRules(tx, estate, { ...DEFAULT_RULES, buildings: ['7', '8'] }, null, p.clock.now()));
    expect(month).toBe('2026-11');
    p.clock.set(new Date('2026-11-20T02:00:00Z'));
    for (const [i, [, party]] of PANEL.entries()) {
      await p.t.db.insertInto('invitations').values({ code: `PANEL${i}XY`, estate_id: estate.id, kind: 'role', role: 'panelist', zone_id: null, building_id: null, party, created_at: p.clock.now(), expires_at: new Date('2026-12-31T00:00:00Z') }).execute();
    }
  });
  afterAll(() => p.close());

  it('shows the rules to anyone, and makes four panelists by invitation code', async () => {
    const rules = await p.say('向大叔', '评比规则');
    expect(rules.join('\n')).toContain('评分项目（满分）：矛盾纠纷20、文明新风20、家教家风20、环境卫生20、志愿服务20，合计100分。');
    expect(rules.join('\n')).toContain('一票否决（当月不参评）：飞线充电。');
    expect(rules.join('\n')).toContain('不扣分：轮椅、婴儿车不算杂物。');
    expect(rules.join('\n')).toContain('参评楼栋：7栋、8栋。');
    for (const [i, [name]] of PANEL.entries()) expect(await dm(name, `邀请码 PANEL${i}XY`)).toEqual(['linli: 欢迎！您已成为聚心苑的红“栋”力评委。发“帮助”查看可以做的事。']);
    const parties = await p.t.db.selectFrom('roles').select('party').where('role', '=', 'panelist').orderBy('id').execute();
    expect(parties.map((r) => r.party)).toEqual(PANEL.map(([, party]) => party));
  });

  it('takes scores privately only, from panelists only, and sums them back', async () => {
    expect(await p.say('评委社区', '评分 8-2 卫生18')).toEqual(['linli: 评分请私聊发给我，不要发在群里。本次没有记录。']);
    expect(await dm('周阿姨', '评分 8-2 卫生18')).toEqual(['linli: 这个操作只有评委可以做。']);
    expect(await dm('评委社区', '评分 8-2 卫生25')).toEqual(['linli: 环境卫生满分20分，请核对后再发。本次没有记录。']);
    expect(await dm('评委社区', '评分 9-1 卫生18')).toEqual(['linli: 9-1 不在本月的评比范围内，请核对单元。']);
    expect(await dm('评委社区', '评分 8-2 卫生18 志愿9 文明20')).toEqual([
      'linli: 已记录您对 8-2 的2026年11月评分：文明新风20 环境卫生18 志愿服务9。',
      '还缺：矛盾纠纷、家教家风。',
      '本月还有 5 个单元您没有评完。',
    ]);
    // 评分 T7 5 is still a ticket rating.
    expect(await p.say('向大叔', '评分 T999 5')).toEqual(['linli: 没有找到工单 T999，请核对编号。']);
    expect(await p.t.db.selectFrom('scoring_scores').select('points').execute()).toHaveLength(3);
  });

  it('runs the month: four panelists score, a flying-wire ticket is confirmed as a veto, the flags go to the group without names', async () => {
    expect((await p.say('向大叔', '投诉 8栋2单元楼道有人飞线充电'))[0]).toMatch(/已收到工单 T\d+/);
    expect((await p.say('向大叔', '投诉 8栋1单元楼道堆放杂物'))[0]).toMatch(/已收到工单 T\d+/);
    for (const [i, [name]] of PANEL.entries()) {
      // One high and one low card on 7-1: the trimmed mean drops them.
      const top = i === 3 ? card(20, 20, 20, 20, 20) : i === 2 ? card(10, 10, 10, 10, 10) : card(18, 18, 18, 18, 18);
      expect((await dm(name, `评分 7-1 ${top}`))[0]).toMatch(/^linli: 已记录您对 7-1/);
      await dm(name, `评分 7-2 ${card(17, 17, 17, 17, 17)}`);
      // The resident representative misses 7-3: its mean is of three.
      if (i !== 3) await dm(name, `评分 7-3 ${card(16, 16, 16, 16, 16)}`);
      await dm(name, `评分 8-1 ${card(16, 16, 16, 17, 16)}`);
      const last = await dm(name, `评分 8-2 ${card(19, 19, 19, 19, 19)}`);
      expect(last.at(-1)).toBe(i === 3 ? '本月还有 1 个单元您没有评完。' : '本月所有单元您都评完了，谢谢！');
    }

    const evidence = await dm('评委社区', '证据');
    expect(evidence[0]).toBe('linli: 2026年11月的证据（来自本月工单，不会自动计入）：');
    expect(evidence[1]).toMatch(/^E\d+ 8-2（工单 T\d+）：建议一票否决（飞线充电） — 待处理$/);
    expect(evidence[2]).toMatch(/^E\d+ 8-1（工单 T\d+）：建议环境卫生扣2分 — 待处理$/);
    const [veto, clutter] = [ref([evidence[1]], 'E'), ref([evidence[2]], 'E')];

    // Not before the month closes, and not with evidence undecided.
    expect(await dm('评委社区', '公布评比')).toEqual(['linli: 2026年11月的评分还没有截止，截止后才能公布。']);
    p.clock.set(new Date('2026-11-26T02:00:00Z'));
    expect(await dm('评委物业', '评分 7-3 卫生10')).toEqual(['linli: 2026年11月的评分已截止，不能再改。']);
    expect(await dm('评委社区', '公布评比')).toEqual([`linli: 还有证据没有确认或驳回：${veto}、${clutter}。请先处理，例如：证据 E1 确认 理由`]);
    expect(await dm('评委社区', `证据 ${veto} 确认 现场核实，楼道私拉电线充电`)).toEqual([`linli: 证据 ${veto}（8-2）已确认：现场核实，楼道私拉电线充电。`]);
    expect(await dm('评委物业', `证据 ${clutter} 确认 楼道堆放纸箱`)).toEqual([`linli: 证据 ${clutter}（8-1）已确认：楼道堆放纸箱。`]);

    const published = await dm('评委社区', '公布评比');
    expect(published).toEqual([
      'linli: 红“栋”力 2026年11月评比结果',
      '🚩流动红旗：7-1、7-2、7-3',
      '排名：1. 7-1 90；2. 7-2 85；3. 7-3 80；4. 8-1 79',
      '一票否决：8-2（飞线充电）',
      '对结果有异议，本单元住户可在7天内发“申诉 单元 理由”。',
      'linli: 2026年11月评比结果已公布到 1 个群。',
    ]);
    const groupRows = await p.t.db.selectFrom('outbox').select(['chat_id', 'text']).where('text', 'like', '%评比结果%').where('chat_id', '=', 'console-group').execute();
    expect(groupRows).toHaveLength(1);
    for (const name of NAMES) expect(groupRows[0].text).not.toContain(name);
    expect(await p.say('向大叔', '评比 8-2')).toEqual(['linli: 8-2 2026年11月红“栋”力评比：', '一票否决：飞线充电，本月不参评。', '各项平均：矛盾纠纷19、文明新风19、家教家风19、环境卫生19、志愿服务19。', '4位评委评分，去掉最高分和最低分后取2位的平均。']);
  });

  it('hears an appeal: a bound resident of the unit appeals, the panel reviews, and the changed ranking is published again', async () => {
    expect(await p.say('路人甲', '申诉 8-1 堆的是婴儿车')).toEqual(['linli: 只有 8-1 已绑定的住户可以为本单元申诉。']);
    const b = ref(await p.say('路人甲', '绑定 8-1-101'), 'B');
    await p.say('刘雅玲', `确认 ${b}`);
    const filed = await p.say('路人甲', '申诉 8-1 楼道里是婴儿车，不是杂物');
    expect(filed[0]).toMatch(/^linli: 已收到申诉 A\d+（8-1），评委会复核并公布结果。$/);
    expect(filed.slice(1)).toHaveLength(4); // each panelist is told privately
    const a = ref(filed, 'A');
    const clutter = ref([(await dm('评委社区', '证据 8-1'))[1]], 'E');
    expect(await dm('评委社区', `证据 ${clutter} 驳回 复核是婴儿车，不算杂物`)).toEqual([`linli: 证据 ${clutter}（8-1）已驳回：复核是婴儿车，不算杂物。`]);
    const outcome = await dm('评委社区', `复核 ${a} 改判 婴儿车不算杂物，撤销扣分`);
    expect(outcome).toEqual([
      `linli: 申诉 ${a}（8-1）复核结果：改判。理由：婴儿车不算杂物，撤销扣分`,
      'linli: 【更正】红“栋”力 2026年11月评比结果',
      `根据申诉 ${a} 的复核结果重新公布。`,
      '🚩流动红旗：7-1、7-2、8-1',
      '排名：1. 7-1 90；2. 7-2 85；3. 8-1 81；4. 7-3 80',
      '一票否决：8-2（飞线充电）',
      '对结果有异议，本单元住户可在7天内发“申诉 单元 理由”。',
      `linli: 申诉 ${a}（8-1）复核结果：改判。理由：婴儿车不算杂物，撤销扣分`,
    ]);
    expect(await dm('评委社区', `复核 ${a} 维持 再议`)).toEqual([`linli: 申诉 ${a} 已经有复核结果了。`]);
    expect((await p.say('路人甲', '评比 8-1'))[1]).toBe('得分 81，第3名，获流动红旗🚩。');
    // Closed to changes again once the appeal is decided.
    expect(await dm('评委社区', `证据 ${clutter} 确认 再改`)).toEqual([`linli: 结果已公布，${clutter} 只有在该单元有待复核的申诉时才能改。`]);
    // Past the window, no more appeals.
    p.clock.set(new Date('2026-12-04T02:00:00Z'));
    expect(await p.say('路人甲', '申诉 8-1 还是不服')).toEqual(['linli: 现在不在申诉期内（结果公布后才能申诉，过了申诉期不再受理）。']);
  });

  it('keeps the month in the archive: scores, evidence decisions, both publications and the appeal, without names', async () => {
    const file = path.join(os.tmpdir(), `linli-archive-${process.pid}.xlsx`);
    const out: string[] = [];
    expect(await runScoringCommand(['export', '--estate', 'juxinyuan', '--year', '2026', file], p.t.db, (l) => out.push(l), p.clock.now())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows = (name: string) => (wb.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const results = rows('结果');
    // Version 1 (8-1 lost 2 points for clutter) and version 2 after the appeal (8-1 third, with a flag).
    expect(results.filter((r) => r[4] === '8-1').map((r) => [r[1], r[3], r[6], r[7], r[8]])).toEqual([[1, undefined, 79, 4, undefined], [2, ref([String(results.at(-1)?.[3])], 'A'), 81, 3, '🚩']]);
    expect(results.find((r) => r[4] === '8-2')?.slice(5, 7)).toEqual(['一票否决', undefined]);
    expect(rows('评分')).toHaveLength(1 + Number((await p.t.db.selectFrom('scoring_scores').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n));
    expect(rows('证据').slice(1).map((r) => [r[2], r[4], r[6], r[7]])).toEqual([['8-2', '一票否决', '确认', '现场核实，楼道私拉电线充电'], ['8-1', '扣分', '驳回', '复核是婴儿车，不算杂物']]);
    expect(rows('申诉').slice(1).map((r) => [r[2], r[3], r[4], r[5]])).toEqual([['8-1', '8-1-101', '楼道里是婴儿车，不是杂物', '改判']]);
    const everything = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    for (const name of NAMES) expect(everything).not.toContain(name);
    await fs.rm(file);
  });
});

describe('红"栋"力: the month sheet and the year-end subsidies in the ledger', () => {
  let p: Pipeline;
  const lines: string[] = [];
  const cli = (...args: string[]) => runScoringCommand(args, p.t.db, (l) => lines.push(l), p.clock.now());
  const owed = async (name: string) => {
    const out = (await p.say(name, '查询')).join('\n');
    return { out, yuan: Number(/共([\d.]+)元/.exec(out)?.[1] ?? 'NaN') };
  };

  beforeAll(async () => {
    p = await startPipeline('scoring_ledger', 'postgres', { now: new Date('2026-11-20T02:00:00Z') });
    const estate = await p.t.db.selectFrom('estates').selectAll().executeTakeFirstOrThrow();
    await p.t.db.transaction().execute((tx) => setRules(tx, estate, { ...DEFAULT_RULES, buildings: ['8'] }, null, new Date('2026-10-15T02:00:00Z')));
    await p.t.db.insertInto('invitations').values({ code: 'PANELQQ1', estate_id: estate.id, kind: 'role', role: 'panelist', zone_id: null, building_id: null, party: 'community', created_at: p.clock.now(), expires_at: new Date('2026-12-31T00:00:00Z') }).execute();
    await p.say('评委社区', '邀请码 PANELQQ1');
    await p.t.db.insertInto('invitations').values({ code: 'PANELQQ2', estate_id: estate.id, kind: 'role', role: 'panelist', zone_id: null, building_id: null, party: 'property', created_at: p.clock.now(), expires_at: new Date('2026-12-31T00:00:00Z') }).execute();
    await p.say('评委物业', '邀请码 PANELQQ2');
  });

  let ticks = 0;
  const tick = async () => {
    const jobs = p.factory.queue(JOBS_QUEUE);
    const id = `scoring-tick-test-${++ticks}`;
    await jobs.add('scoring-tick', { estateId: null }, { jobId: id });
    await waitForJob(jobs, id, 20_000);
    await waitForEmpty(p.factory.queue(outboundQueue('console')), 20_000);
  };
  afterAll(() => p.close());

  it('writes the month sheet as CSV and takes a panelist’s filled sheet back', async () => {
    const file = path.join(os.tmpdir(), `linli-sheet-${process.pid}.csv`);
    const panelist = ['--panelist', `console:${consoleUserId('评委社区')}`];
    expect(await cli('sheet', 'juxinyuan', '2026-11', file)).toBe(0);
    const blank = await fs.readFile(file, 'utf8');
    expect(blank.split('\r\n').slice(0, 3)).toEqual(['\uFEFF单元,矛盾纠纷(20),文明新风(20),家教家风(20),环境卫生(20),志愿服务(20),证据（仅供参考，不用填）', '8-1,,,,,,', '8-2,,,,,,']);
    await fs.writeFile(file, blank.replace('8-1,,,,,,', '8-1,18,17,16,15,14,').replace('8-2,,,,,,', '8-2,20,20,20,20,20,'));
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file, ...panelist)).toBe(0);
    expect(lines.slice(-4)).toEqual([`${file}: 10 scores for 2 units recorded for 2026-11`, '  8-1  矛盾纠纷18 文明新风17 家教家风16 环境卫生15 志愿服务14  = 80', '  8-2  矛盾纠纷20 文明新风20 家教家风20 环境卫生20 志愿服务20  = 100', 'every unit of the month is scored']);
    const saved = await p.t.db.selectFrom('scoring_scores').select(['criterion', 'points', 'source']).where('criterion', '=', 'sanitation').orderBy('unit_id').execute();
    expect(saved).toEqual([{ criterion: 'sanitation', points: 15, source: 'sheet' }, { criterion: 'sanitation', points: 20, source: 'sheet' }]);
    await fs.writeFile(file, blank.replace('8-1,,,,,,', '8-1,25,17,16,15,14,'));
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file, ...panelist)).toBe(1);
    expect(lines.at(-1)).toBe('  line 2, column B (矛盾纠纷, 8-1): 25 is more than the maximum 20');
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file, '--panelist', `console:${consoleUserId('向大叔')}`)).toBe(2);
    await fs.rm(file);
  });

  it('reminds a panelist who has not finished, once a day in the last days, and tells the panel when the month closes', async () => {
    const start = p.printed.length;
    await tick(); // 20 November: too early to remind
    expect(p.printed.slice(start)).toEqual([]);
    p.clock.set(new Date('2026-11-23T02:00:00Z'));
    await tick();
    await tick();
    // 评委社区 filled the sheet; 评委物业 has scored nothing.
    expect(p.printed.slice(start)).toEqual(['linli: 提醒：2026年11月红“栋”力评分还有 2 个单元您没有评完，11月25日截止。私聊发“评分 单元 卫生18 志愿9 …”即可。']);
    const to = await p.t.db.selectFrom('outbox').select('chat_id').where('key', 'like', 'scoring-remind-%').execute();
    expect(to).toEqual([{ chat_id: consoleUserId('评委物业') }]);
    p.clock.set(new Date('2026-11-26T02:00:00Z'));
    await tick();
    expect(p.printed.slice(start + 1)).toEqual([
      'linli: 2026年11月评分已截止。请确认或驳回证据（发“证据”查看），然后发“公布评比”公布结果。',
      'linli: 2026年11月评分已截止。请确认或驳回证据（发“证据”查看），然后发“公布评比”公布结果。',
    ]);
  });

  it('pays the year-end subsidies as credits that show in status, count against arrears, and reverse cleanly', async () => {
    const estate = await p.t.db.selectFrom('estates').selectAll().executeTakeFirstOrThrow();
    const unit81 = await p.t.db.selectFrom('units as u').innerJoin('buildings as b', 'b.id', 'u.building_id').select('u.id').where('b.code', '=', '8').where('u.code', '=', '1').executeTakeFirstOrThrow();
    // A published November in which 8-1 got a flag (the arithmetic and the chat are tested above).
    const round = await p.t.db.insertInto('scoring_rounds').values({ estate_id: estate.id, month: '2026-11', rules: JSON.stringify(DEFAULT_RULES), status: 'published', closes_at: p.clock.now(), published_at: p.clock.now(), appeal_until: p.clock.now(), created_at: p.clock.now() })
      .onConflict((c) => c.columns(['estate_id', 'month']).doUpdateSet({ status: 'published' })).returning('id').executeTakeFirstOrThrow();
    await p.t.db.insertInto('scoring_publications').values({ round_id: round.id, version: 1, appeal_id: null, published_by: null, created_at: p.clock.now() }).execute();
    await p.t.db.insertInto('scoring_results').values({ round_id: round.id, version: 1, unit_id: unit81.id, status: 'scored', total_centi: 9000, rank: 1, flag: true, detail: '{}' }).execute();
    // 周阿姨, head of building 8, lives in 8-2-301; 向大叔 lives in 8-1-101.
    for (const [name, room] of [['周阿姨', '8-2-301'], ['向大叔', '8-1-101']]) {
      const b = /B\d+/.exec((await p.say(name, `绑定 ${room}`))[0])![0];
      await p.say('刘雅玲', `确认 ${b}`);
    }
    const before = await owed('向大叔');
    const headBefore = await owed('周阿姨');
    const unpaidBefore = (await p.say('刘雅玲', '欠费名单')).join('\n');

    p.clock.set(new Date('2027-01-05T02:00:00Z'));
    expect(await cli('year-end', 'juxinyuan', '2026', '--diligent', '8-2-301')).toBe(0);
    const credits = await p.t.db.selectFrom('payments as p').innerJoin('households as h', 'h.id', 'p.household_id').select(['p.id', 'h.room_code', 'p.amount_fen', 'p.months']).where('p.kind', '=', 'credit').orderBy('h.room_code').execute();
    const households81 = await p.t.db.selectFrom('households').select('id').where('unit_id', '=', unit81.id).execute();
    // Every household of 8-1 gets 10% of a year's fee (6 yuan); the diligent head 20% (12 yuan).
    expect(credits.filter((c) => c.room_code.startsWith('8-1-'))).toHaveLength(households81.length);
    expect(credits.find((c) => c.room_code === '8-1-101')).toMatchObject({ amount_fen: 600, months: 0 });
    expect(credits.find((c) => c.room_code === '8-2-301')).toMatchObject({ amount_fen: 1200, months: 0 });
    // The notice (units only) and each household's private word go out with the next scoring tick.
    const shown = p.printed.length;
    await tick();
    expect(p.printed.slice(shown).filter((l) => l.includes('红“栋”力') && !l.includes('您家'))).toEqual(['linli: 红“栋”力 2026年度：流动红旗最多的单元 8-1（1面），每户获卫生费补贴 6元（全年费用的10%），已计入台账抵扣应交费用。楼栋长、单元长（三长）的补贴也已计入。各户可发“查询”查看。']);
    expect(p.printed.slice(shown).join('\n')).toMatch(/您家 8-1-101 获红“栋”力2026年度卫生费补贴 6元（P\d+）/);
    // Running it again writes nothing new.
    expect(await cli('year-end', 'juxinyuan', '2026')).toBe(0);
    expect(lines.at(-1)).toBe('0 credits on 卫生费');

    // Two months more are due in January; the credit takes 6 yuan off.
    const after = await owed('向大叔');
    expect(after.out).toContain('其中补贴 6元已抵扣。');
    expect(after.yuan).toBe(before.yuan + 10 - 6);
    expect((await owed('周阿姨')).yuan).toBe(headBefore.yuan + 10 - 12);
    expect((await p.say('刘雅玲', '欠费名单')).join('\n')).not.toBe(unpaidBefore);
    // A credit is not money collected: the ledger's counted money is unchanged by it.
    const collected = await p.t.db.selectFrom('payments').select((e) => e.fn.sum<string>('amount_fen').as('fen')).where('kind', '<>', 'credit').executeTakeFirstOrThrow();

    const id = credits.find((c) => c.room_code === '8-1-101')!.id;
    expect(await cli('reverse', 'juxinyuan', `P${id}`, '发错了')).toBe(0);
    expect(lines.at(-1)).toMatch(new RegExp(`^P${id} reversed by P\\d+$`));
    expect(await cli('reverse', 'juxinyuan', `P${id}`, '再来')).toBe(0);
    expect(lines.at(-1)).toBe(`P${id} was already reversed`);
    const reversed = await owed('向大叔');
    expect(reversed.yuan).toBe(before.yuan + 10);
    expect(reversed.out).not.toContain('补贴');
    // Append-only: the credit stays, its correction names it.
    const rows = await p.t.db.selectFrom('payments').select(['kind', 'amount_fen', 'corrects_id']).where((eb) => eb.or([eb('id', '=', id), eb('corrects_id', '=', id)])).orderBy('id').execute();
    expect(rows).toEqual([{ kind: 'credit', amount_fen: 600, corrects_id: null }, { kind: 'credit', amount_fen: -600, corrects_id: id }]);
    const collectedAfter = await p.t.db.selectFrom('payments').select((e) => e.fn.sum<string>('amount_fen').as('fen')).where('kind', '<>', 'credit').executeTakeFirstOrThrow();
    expect(collectedAfter.fen).toBe(collected.fen);
    expect(await cli('reverse', 'juxinyuan', `P${rows.length + 999999}`, 'x')).toBe(2);

    // In the chat, 冲正 on a credit reverses it the same way (更正 is refused; the reversal is final).
    const head = `P${credits.find((c) => c.room_code === '8-2-301')!.id}`;
    expect(await p.say('刘雅玲', `更正 ${head} 5`)).toEqual([`linli: ${head} 是补贴，只能冲正（冲正 ${head} 原因），不能更正金额。`]);
    const voided = await p.say('刘雅玲', `冲正 ${head} 不是勤勉三长`);
    expect(voided[0]).toMatch(new RegExp(`^linli: 已冲正补贴 ${head}：8-2-301 的补贴 12元已撤回，冲正记录 P\\d+，原记录保留。原因：不是勤勉三长。$`));
    expect((await owed('周阿姨')).yuan).toBe(headBefore.yuan + 10);
    // 收据 on a credit is a note of the credit, not a receipt of money paid.
    expect((await p.say('周阿姨', `收据 ${head}`))[0]).toMatch(new RegExp(`^linli: 【补贴凭证】${head}：8-2-301 卫生费补贴 12元（红栋力2026），抵扣应交费用，不是缴费。已冲正（P\\d+）。$`));
    expect(await p.say('刘雅玲', `冲正 ${head} 再来`)).toEqual([`linli: ${head} 已经冲正过了（${/P\d+，原/.exec(voided[0])![0].slice(0, -2)}）。`]);
    expect(collectedAfter.fen).toBe((await p.t.db.selectFrom('payments').select((e) => e.fn.sum<string>('amount_fen').as('fen')).where('kind', '<>', 'credit').executeTakeFirstOrThrow()).fen);
  });
});
