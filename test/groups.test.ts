import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGroupsCommand } from '../src/cli/groups-command.js';
import { DEMO_ESTATE_CODE, seedDemoEstate } from '../src/demo/seed-demo-estate.js';
import { initTestDb, type TestDb } from './support/db.js';

describe('linli groups', () => {
  let t: TestDb;
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runGroupsCommand(args, t.db, (l) => lines.push(l));
    return { code, lines };
  };
  beforeAll(async () => {
    t = await initTestDb('groups_cli');
    await seedDemoEstate(t.db, new Date('2026-11-20T12:00:00Z'));
    // A chat the bot has seen but nobody linked, after its one notice.
    await t.db.insertInto('chat_groups').values({ platform: 'wechat', chat_id: 'r1@chatroom', title: null, estate_id: null, zone_id: null, building_id: null, unlinked_notice_at: new Date() }).execute();
  });
  afterAll(() => t.destroy());

  it('lists known chats, linked and not', async () => {
    const { code, lines } = await run();
    expect(code).toBe(0);
    expect(lines.some((l) => /console:console-group\tjuxinyuan/.test(l))).toBe(true);
    expect(lines.some((l) => /wechat:r1@chatroom\t\(not linked\)/.test(l))).toBe(true);
  });

  it('links a seen chat to a zone, and a chat not yet seen to a building', async () => {
    const wechat = await t.db.selectFrom('chat_groups').select('id').where('chat_id', '=', 'r1@chatroom').executeTakeFirstOrThrow();
    expect((await run('link', `#${wechat.id}`, DEMO_ESTATE_CODE, '--zone', '3')).code).toBe(0);
    const r = await run('link', 'telegram:-100123', DEMO_ESTATE_CODE, '--building', '8');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^linked #\d+ telegram:-100123 → .*building 8/);
    const { lines } = await run();
    expect(lines.some((l) => /wechat:r1@chatroom\tjuxinyuan zone 3/.test(l))).toBe(true);
    expect(lines.some((l) => /telegram:-100123\tjuxinyuan building 8/.test(l))).toBe(true);
    const tg = await t.db.selectFrom('chat_groups').select(['zone_id', 'building_id']).where('chat_id', '=', '-100123').executeTakeFirstOrThrow();
    expect(tg.building_id).not.toBeNull();
    expect(tg.zone_id).not.toBeNull();
  });

  it('refuses what it cannot do, and changes nothing', async () => {
    expect((await run('link', 'telegram:-1009', 'nowhere')).lines).toEqual(['no estate with code "nowhere"']);
    expect((await run('link', 'telegram:-1009', DEMO_ESTATE_CODE, '--zone', '99')).code).toBe(1);
    expect((await run('link', 'telegram:-1009', DEMO_ESTATE_CODE, '--zone', '3', '--building', '8')).code).toBe(1);
    expect((await run('link', '#99999', DEMO_ESTATE_CODE)).code).toBe(1);
    expect((await run('link', 'icq:1', DEMO_ESTATE_CODE)).code).toBe(1);
    expect((await run('bogus')).code).toBe(2);
    const n = await t.db.selectFrom('chat_groups').select('id').where('chat_id', '=', '-1009').execute();
    expect(n).toEqual([]);
  });

  it('unlinks a chat, which will be told once again', async () => {
    expect((await run('unlink', 'wechat:r1@chatroom')).code).toBe(0);
    const g = await t.db.selectFrom('chat_groups').selectAll().where('chat_id', '=', 'r1@chatroom').executeTakeFirstOrThrow();
    expect(g).toMatchObject({ estate_id: null, zone_id: null, building_id: null, unlinked_notice_at: null });
  });
});
