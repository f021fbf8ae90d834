import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processors } from '../jobs/processors.js';
import type { WorkerDeps } from '../jobs/worker-deps.js';
import { consoleUserId } from '../src/adapters/console/identity.js';
import { runInviteCommand } from '../src/cli/invite-command.js';
import { runPatrolCommand } from '../src/cli/patrol-command.js';
import { runPropertyCommand } from '../src/cli/property-command.js';
import { runReportCommand } from '../src/cli/report-command.js';
import { runSurveyCommand } from '../src/cli/survey-command.js';
import { silentLogger } from '../src/log.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { outboundQueue } from '../src/queue/queue-names.js';
import { waitForEmpty } from '../src/runtime/settle.js';
import { dropTestSchema } from './support/db.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

// Wednesday 2 December 2026, 10:00 in Shanghai.
const START = new Date('2026-12-02T02:00:00Z');
const NAME = `grid_property_${process.pid}`;

let p: Pipeline;
let deps: WorkerDeps;
let estate: { id: number; code: string };
const run = async (fn: (out: (l: string) => void) => Promise<number>) => {
  const lines: string[] = [];
  const code = await fn((l) => lines.push(l));
  return { code, text: lines.join('\n') };
};
const property = (...a: string[]) => run((o) => runPropertyCommand(a, p.t.db, o, p.clock));
const invite = (...a: string[]) => run((o) => runInviteCommand(a, p.t.db, o, p.clock.now()));
const codeOf = (text: string) => /: ([A-Z0-9]{8})$/m.exec(text)![1];
const memberId = async (name: string) =>
  (await p.t.db.selectFrom('members').select('id').where('platform', '=', 'console').where('platform_user_id', '=', consoleUserId(name)).executeTakeFirstOrThrow()).id;
const sweep = async () => {
  await processors['committee-sweep']({ estateId: null }, deps, { id: 'sweep', attemptsMade: 0 });
  await waitForEmpty(p.factory.queue(outboundQueue('console')), 20_000);
};
const outboxLike = (pattern: string) => p.t.db.selectFrom('outbox').select(['key', 'chat_id', 'text']).where('key', 'like', pattern).orderBy('id').execute();

async function bind(name: string, room: string): Promise<void> {
  const asked = await p.say(name, `绑定 ${room}`);
  await p.say('刘雅玲', `确认 ${/B\d+/.exec(asked.join('\n'))![0]}`);
}

beforeAll(async () => {
  p = await startPipeline(NAME, 'redis', { now: START });
  deps = { db: p.t.db, clock: p.clock, outbound: queueOutbound(p.factory), log: silentLogger };
  estate = await p.t.db.selectFrom('estates').select(['id', 'code']).executeTakeFirstOrThrow();
  // A staff group, where the admins and the committee hear of a trial's end (the console has no private chats).
  await p.t.db.insertInto('chat_groups').values({ platform: 'console', chat_id: 'console-staff', title: '工作群', estate_id: estate.id, zone_id: null, building_id: null, is_staff: true, unlinked_notice_at: null }).execute();
});
afterAll(async () => {
  const { baseUrl, schema } = p.t;
  await p.close();
  await dropTestSchema(baseUrl, schema);
});

describe('linli property and the property / committee roles', () => {
  it('engages a company for services with its SLA, grants its roles by invitation, routes its tickets, and ends it', async () => {
    expect((await property('add', estate.code, '安居物业', '--serves', '洗车')).code).toBe(2);
    expect((await property('add', estate.code, '安居物业', '--serves', '保洁', '--trial-poll')).code).toBe(2);
    expect((await property('add', estate.code, '安居物业', '--serves', '保洁', '--accept', 'soon')).code).toBe(2);
    expect((await property('add', estate.code, '安居物业', '--serves', '保洁', '--trial-until', '2026-11')).code).toBe(2);
    const added = await property('add', estate.code, '安居物业', '--serves', '保洁,维修', '--accept', '30m', '--resolve', '4h', '--trial-until', '2026-12', '--trial-poll');
    expect(added).toEqual({ code: 0, text: expect.stringContaining('engaged: 安居物业 serves environment, clutter, leak_drain, lighting_wiring') });
    // One category, one company: a second company for 保洁 is refused until the first is ended.
    const clash = await property('add', estate.code, '洁美保洁', '--serves', '保洁');
    expect(clash.code).toBe(2);
    expect(clash.text).toContain('environment is served by 安居物业');
    expect((await property('add', estate.code, '绿城园林', '--serves', '绿化')).code).toBe(0);

    expect((await invite(estate.code, '--role', 'property')).code).toBe(2);
    expect((await invite(estate.code, '--role', 'property', '--company', '无此公司')).code).toBe(2);
    expect((await invite(estate.code, '--role', 'committee')).code).toBe(2);
    expect((await invite(estate.code, '--role', 'committee', '--party', 'owners_committee')).code).toBe(2);
    expect((await invite(estate.code, '--role', 'committee', '--party', 'residents', '--zone', '3')).code).toBe(2);
    const staffCode = codeOf((await invite(estate.code, '--role', 'property', '--company', '安居物业')).text);
    const committeeCode = codeOf((await invite(estate.code, '--role', 'committee', '--party', 'residents')).text);
    expect(await p.say('物业小李', `邀请码 ${staffCode}`)).toEqual(['linli: 欢迎！您已成为聚心苑的物业服务公司 安居物业 的物业人员。发“帮助”查看可以做的事。']);
    expect(await p.say('委员老张', `邀请码 ${committeeCode}`)).toEqual(['linli: 欢迎！您已成为聚心苑的物业管理委员会委员。发“帮助”查看可以做的事。']);
    const roles = await p.t.db.selectFrom('roles').select(['member_id', 'role', 'party', 'property_company_id']).where('role', 'in', ['property', 'committee']).orderBy('id').execute();
    const company = (await p.t.db.selectFrom('property_companies').select('id').where('name', '=', '安居物业').executeTakeFirstOrThrow()).id;
    expect(roles).toEqual([
      { member_id: await memberId('物业小李'), role: 'property', party: null, property_company_id: company },
      { member_id: await memberId('委员老张'), role: 'committee', party: 'residents', property_company_id: null },
    ]);
    expect((await property('list', estate.code)).text).toContain('安居物业  serves environment, clutter, leak_drain, lighting_wiring  accept 30m resolve 4h  staff 1  trial until 2026-12 then a poll');

    const filed = await p.say('向大叔', '投诉 8栋门口垃圾没人清理');
    expect(filed[0]).toContain('由物业服务公司 安居物业负责，12月2日 10:30前受理');
    const report = await p.say('委员老张', '月报');
    expect(report).toContain('安居物业：工单1 · 按时办结0/0 · 评价— · 满意度—');
    expect(report).toContain('绿城园林：工单0 · 按时办结0/0 · 评价— · 满意度—');
  });

  it('opens the monthly service rating by command or on the 21st, once, and residents and the grid worker answer it', async () => {
    const opened = await property('rate', estate.code, '安居物业');
    expect(opened.code).toBe(0);
    const ref = /S\d+/.exec(opened.text)![0];
    expect(opened.text).toContain(`opened: ${ref} 安居物业 2026年12月物业服务评价`);
    expect((await property('rate', estate.code, '安居物业')).text).toMatch(/^already open: S\d+/);
    expect((await property('rate', estate.code, '安居物业', '--month', '2026-11')).code).toBe(2);
    await sweep();
    expect(p.printed).toContain(`linli: 【问卷 ${ref}】安居物业 2026年12月物业服务评价`);
    await bind('向大叔', '8-2-301');
    await bind('周阿姨', '8-1-101');
    expect(await p.say('向大叔', `问卷 ${ref} 5 4 4 5`)).toEqual([`linli: 已收到您对问卷 ${ref} 的回答，谢谢！截止前可重新发送修改。`]);
    expect(await p.say('周阿姨', `问卷 ${ref} 3 3 4 4 垃圾清运不及时`)).toEqual([`linli: 已收到您对问卷 ${ref} 的回答，谢谢！截止前可重新发送修改。`]);
    expect((await p.say('刘雅玲', `问卷 ${ref} 9-1-101 4 4 4 4`))[0]).toMatch(new RegExp(`^linli: 已登记 9-1-101 的入户问卷 ${ref}。已回收 3/\\d+ 户。$`));

    // 绿城园林 has no rating yet: the sweep opens one from the 21st, not before, and only once.
    const green = (await p.t.db.selectFrom('property_companies').select('id').where('name', '=', '绿城园林').executeTakeFirstOrThrow()).id;
    const ratingsOfGreen = () => p.t.db.selectFrom('surveys').select('id').where('property_company_id', '=', green).execute();
    p.clock.set(new Date('2026-12-20T15:00:00Z')); // 20 Dec, 23:00
    await sweep();
    expect(await ratingsOfGreen()).toHaveLength(0);
    p.clock.set(new Date('2026-12-20T16:05:00Z')); // 21 Dec, 00:05
    await sweep();
    await sweep();
    expect(await ratingsOfGreen()).toHaveLength(1);
    expect(p.printed.filter((l) => /^linli: 【问卷 S\d+】绿城园林 2026年12月物业服务评价$/.test(l))).toHaveLength(1);
  });

  it('ends the trial after its last month with the rating to staff and a poll on continuing, once; the report shows the score', async () => {
    p.clock.set(new Date('2026-12-31T15:50:00Z')); // 31 Dec, 23:50: the trial month is not over
    await sweep();
    expect(await outboxLike('committee-trial-%')).toEqual([]);
    p.clock.set(new Date('2026-12-31T16:05:00Z')); // 1 Jan, 00:05
    await sweep();
    await sweep();
    const staff = await outboxLike('committee-trial-%-s%');
    expect(staff).toHaveLength(1);
    expect(staff[0].chat_id).toBe('console-staff');
    const vote = await p.t.db.selectFrom('votes').selectAll().executeTakeFirstOrThrow();
    expect(staff[0].text.split('\n')).toEqual([
      '物业服务公司 安居物业 试用期（先尝后买）到2026年12月结束。',
      expect.stringMatching(/^2026年12月居民评价：4\.00分（3\/\d+户作答）。$/),
      `已发起投票 V${vote.id}，由各户决定是否继续聘用。`,
    ]);
    expect(vote).toMatchObject({ kind: 'poll', title: '是否继续聘用 安居物业 提供物业服务', chat_id: 'console-group', status: 'open' });
    const poll = await outboxLike('committee-trial-%-poll');
    expect(poll).toHaveLength(1);
    expect(poll[0].text.split('\n').slice(0, 4)).toEqual([
      '物业服务公司 安居物业 的试用期（先尝后买）已满，2026年12月居民评价 4.00分。',
      `投票 V${vote.id}（全小区）：是否继续聘用 安居物业 提供物业服务`,
      '1. 继续聘用',
      '2. 不再续聘',
    ]);
    expect((await p.say('向大叔', `投票 V${vote.id} 1`))[0]).toContain(`V${vote.id}`);
    expect(await p.t.db.selectFrom('ballots').select('choice').where('vote_id', '=', vote.id).execute()).toEqual([{ choice: '1' }]);

    const report = await run((o) => runReportCommand([estate.code, '--month', '2026-12'], p.t.db, o, p.clock));
    expect(report.text).toContain('安居物业：工单1 · 按时办结0/0 · 评价— · 满意度4.00');

    // The same month as a workbook: a sheet of grid workers, a sheet of property companies.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'linli-report-')), 'report.xlsx');
    const wrote = await run((o) => runReportCommand([estate.code, '--month', '2026-12', '--xlsx', file], p.t.db, o, p.clock));
    expect(wrote).toEqual({ code: 0, text: `wrote ${file}: 7 grid workers, 2 property companies, 2026-12` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['网格员', '物业服务公司', '问卷']);
    const values = (sheet: string, row: number) => ((wb.getWorksheet(sheet)?.getRow(row).values ?? []) as unknown[]).slice(1);
    expect(values('网格员', 2)).toEqual(['片区', '姓名', '巡查达标天数', '巡查天数', '巡查分钟', '自动结束次数', '走访户次', '受理工单', '办结工单', '按时办结', '平均评价', '评价数', '入户问卷']);
    const workers = Array.from({ length: 7 }, (_, i) => values('网格员', i + 3));
    expect(workers.find((w) => w[1] === '刘雅玲')?.slice(0, 7)).toEqual(['第三片区', '刘雅玲', 0, 0, 0, 0, 0]);
    expect(workers.find((w) => w[1] === '刘雅玲')?.[12]).toBe(1);
    expect(values('物业服务公司', 3)).toEqual(['安居物业', 1, 0, 0, undefined, 0, 4]);
    expect(values('问卷', 3)).toEqual([expect.stringMatching(/^S\d+$/), '安居物业 2026年12月物业服务评价', 3, expect.any(Number), 1, 4]);
    expect(values('物业服务公司', 4)).toEqual(['绿城园林', 0, 0, 0, undefined, 0]);
    expect((await run((o) => runReportCommand([estate.code, '--csv', '--xlsx', file], p.t.db, o, p.clock))).code).toBe(2);
    expect((await run((o) => runReportCommand([estate.code, '--xlsx', '/nonexistent-dir/r.xlsx'], p.t.db, o, p.clock))).code).toBe(1);
  });

  it('ends a company: its categories go back to the grid and its staff lose the role', async () => {
    expect((await property('end', estate.code, '无此公司')).code).toBe(2);
    const ended = await property('end', estate.code, '安居物业');
    expect(ended).toEqual({ code: 0, text: `安居物业 no longer serves ${estate.code}: new tickets of environment, clutter, leak_drain, lighting_wiring go to the grid; 1 staff lost the property role` });
    expect((await p.say('向大叔', '投诉 9栋垃圾桶满了没人清运'))[0]).toContain('由第三片区网格员 刘雅玲负责');
    expect(await p.t.db.selectFrom('roles').select('id').where('role', '=', 'property').execute()).toEqual([]);
    expect((await property('list', estate.code)).text).toMatch(/安居物业 .* ENDED 2026-12-31/);
    // Ended, it may be engaged again by another company's name for the same services.
    expect((await property('add', estate.code, '洁美保洁', '--serves', '保洁')).code).toBe(0);
  });
});

describe('linli patrol', () => {
  it('shows and sets the daily target, the reminder, the days off and the automatic close; the report measures against the new target', async () => {
    const patrol = (...a: string[]) => run((o) => runPatrolCommand(a, p.t.db, o, p.clock.now()));
    expect(await patrol(estate.code)).toEqual({ code: 0, text: `estate ${estate.code}: target 60 min a day; reminder 16:30; days off sun,sat; open patrols closed after 240 min` });
    for (const bad of [['--target', 'long'], ['--remind', '25:00'], ['--days-off', 'someday'], ['--auto-close', '3d'], ['--target']]) {
      expect((await patrol(estate.code, ...bad)).code).toBe(2);
    }
    expect((await patrol('nowhere', '--target', '1h')).code).toBe(2);
    expect(await patrol(estate.code, '--target', '90m', '--remind', '17:00', '--days-off', '周日', '--auto-close', '3h')).toEqual({
      code: 0,
      text: `estate ${estate.code}: target 90 min a day; reminder 17:00; days off sun; open patrols closed after 180 min`,
    });
    expect((await patrol(estate.code, '--remind', 'off', '--days-off', 'none')).text).toContain('reminder off; days off none');
    expect((await p.say('戴红霞', '月报'))[0]).toBe('linli: 2027年1月考核（聚心苑，每日巡查目标1小时30分钟）');
  });
});

describe('linli survey', () => {
  it('starts a survey from a file, once, announced in the groups of its scope', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-survey-'));
    const file = path.join(dir, 'jan.txt');
    writeFileSync(file, '1月满意度\n1. 环境卫生\n2. 最需要改进 [保洁/维修/保安]\n意见：其他建议\n截止 1-15\n范围 第三片区\n');
    const survey = (...a: string[]) => run((o) => runSurveyCommand(a, p.t.db, o, p.clock.now()));
    const started = await survey(estate.code, file);
    expect(started.code).toBe(0);
    const ref = /S\d+/.exec(started.text)?.[0];
    expect(started.text).toMatch(/^started S\d+ 1月满意度: 2 questions, \d+ households, until 2027-01-15 15:59 UTC$/);
    expect(await survey(estate.code, file)).toEqual({ code: 0, text: `already started from this file: ${ref} (nothing changed)` });
    await sweep();
    expect(p.printed).toContain(`linli: 【问卷 ${ref}】1月满意度`);
    expect(p.printed).toContain('2. 最需要改进（1保洁 2维修 3保安）');
    expect(await p.say('向大叔', `问卷 ${ref} 5 2`)).toEqual([`linli: 已收到您对问卷 ${ref} 的回答，谢谢！截止前可重新发送修改。`]);

    writeFileSync(path.join(dir, 'bad.txt'), '没有题目的问卷');
    expect((await survey(estate.code, path.join(dir, 'bad.txt'))).code).toBe(2);
    writeFileSync(path.join(dir, 'zone.txt'), '问卷 1. 环境 范围 第九十片区');
    expect((await survey(estate.code, path.join(dir, 'zone.txt'))).text).toBe(`linli: estate ${estate.code} has no zone "90"`);
    expect((await survey(estate.code, path.join(dir, 'missing.txt'))).code).toBe(1);
  });
});
