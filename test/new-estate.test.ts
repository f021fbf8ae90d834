import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEstatesCommand } from '../src/cli/estates-command.js';
import { runGroupsCommand } from '../src/cli/groups-command.js';
import { runImportCommand } from '../src/cli/import-command.js';
import { runInviteCommand } from '../src/cli/invite-command.js';
import { estateSchedules } from '../src/notices/notice-settings.js';
import { slaFor } from '../src/tickets/sla.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

/** An estate set up from nothing with the command line, then used from the chat. */
describe('a new estate, from the command line to the chat', () => {
  let p: Pipeline;
  const cli = async (fn: (out: (l: string) => void) => Promise<number>) => {
    const lines: string[] = [];
    const code = await fn((l) => lines.push(l));
    return { code, text: lines.join('\n') };
  };
  beforeAll(async () => {
    p = await startPipeline('new_estate', 'redis', { seed: false });
  });
  afterAll(() => p.close());

  it('adds the estate, its fee plan and roster, its staff and its group, and takes a payment', async () => {
    const db = p.t.db;
    expect((await cli((o) => runEstatesCommand(['add', 'xingfuli', '幸福里'], db, o))).code).toBe(0);
    expect((await cli((o) => runEstatesCommand(['add', 'xingfuli', '幸福里'], db, o))).code).toBe(1);
    expect((await cli((o) => runEstatesCommand(['fee', 'xingfuli', '卫生费', '5.5', '--from', '2026-01'], db, o))).code).toBe(0);
    expect((await cli((o) => runEstatesCommand(['fee', 'xingfuli', '卫生费', 'five', '--from', '2026-01'], db, o))).code).toBe(2);
    const csv = readFileSync('demo/roster-sample.csv', 'utf8');
    const imported = await cli((o) => runImportCommand(['demo/roster-sample.csv', '--estate', 'xingfuli'], db, o));
    expect(imported.text).toMatch(/added/);
    expect(csv.length).toBeGreaterThan(0);
    const list = await cli((o) => runEstatesCommand([], db, o));
    expect(list.text).toMatch(/^xingfuli\t幸福里\tAsia\/Shanghai\t\d+ households\t卫生费 5\.5元\/月 from 2026-01$/m);

    const room = (await db.selectFrom('households').select(['room_code', 'building_id']).orderBy('id').executeTakeFirstOrThrow()).room_code;
    const zone = await db.selectFrom('zones').select('code').orderBy('id').executeTakeFirst();
    const inviteArgs = zone ? ['--role', 'grid_worker', '--zone', zone.code] : ['--role', 'admin'];
    const staffCode = /: ([A-Z0-9]{8})$/m.exec((await cli((o) => runInviteCommand(['xingfuli', ...inviteArgs], db, o, p.clock.now()))).text)![1];
    const groupCode = /: ([A-Z0-9]{8})$/m.exec((await cli((o) => runInviteCommand(['xingfuli', '--group'], db, o, p.clock.now()))).text)![1];

    const say = (who: string, text: string, id: string) => p.deliver({ ...p.message(who, text), chatId: 'xfl-group', chatTitle: '幸福里业主群', messageId: id });
    expect((await say('孙大姐', `邀请码 ${groupCode}`, 'g1'))[0]).toMatch(/本群已关联到幸福里/);
    expect((await say('网格员小周', `邀请码 ${staffCode}`, 'g2'))[0]).toMatch(/欢迎！您已成为幸福里/);
    const b = /B\d+/.exec((await say('孙大姐', `绑定 ${room}`, 'g3'))[0])![0];
    expect((await say('网格员小周', `确认 ${b}`, 'g4'))[0]).toContain('已绑定');
    const claim = (await say('孙大姐', '已交66元', 'g5'))[0];
    expect(claim).toMatch(new RegExp(`已登记 P\\d+：${room} 交 66元（12个月）`));
    const pRef = /P\d+/.exec(claim)![0];
    expect((await say('网格员小周', `确认 ${pRef}`, 'g6'))[0]).toMatch(/交到2026年12月/);
    const groups = await cli((o) => runGroupsCommand([], db, o));
    expect(groups.text).toMatch(/console:xfl-group\s+xingfuli.*幸福里业主群/);
  });

  it('sets when the weekly notice and the daily tally go out', async () => {
    const db = p.t.db;
    const run = (...args: string[]) => cli((o) => runEstatesCommand(['schedule', 'xingfuli', ...args], db, o));
    expect((await run('--notice', '周六', '9:30')).text).toBe('estate xingfuli: weekly notice 周六 09:30, daily tally 21:00 (restart the workers to apply)');
    expect((await run('--tally', '20:15')).text).toMatch(/周六 09:30, daily tally 20:15/);
    expect((await run('--notice', 'someday', '9:30')).code).toBe(2);
    expect((await run('--tally', '25:00')).code).toBe(2);
    const estate = await db.selectFrom('estates').select('id').where('code', '=', 'xingfuli').executeTakeFirstOrThrow();
    const [s] = await estateSchedules(db, estate.id);
    expect(s).toMatchObject({ notice: { weekday: 6, hour: 9, minute: 30 }, tally: { hour: 20, minute: 15 } });
  });

  it('sets the deadlines of a ticket category for the estate', async () => {
    const db = p.t.db;
    const run = (...args: string[]) => cli((o) => runEstatesCommand(['sla', 'xingfuli', ...args], db, o));
    expect((await run('飞线充电', '--accept', '15m', '--resolve', '2h')).code).toBe(0);
    expect((await run('greenery', '--accept', '2d', '--resolve', '1d')).code).toBe(2);
    expect((await run('花花草草', '--accept', '1d', '--resolve', '7d')).code).toBe(2);
    const estate = await db.selectFrom('estates').select('id').where('code', '=', 'xingfuli').executeTakeFirstOrThrow();
    expect(await slaFor(db, estate.id, 'flying_wire')).toEqual({ acceptMinutes: 15, resolveMinutes: 120 });
  });
});
