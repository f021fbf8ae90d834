import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCommandScenes, type SceneQuery } from '../../src/members/command-scene.js';
import { clearDatabase, initTestDb, type TestDb } from '../support/db.js';
import { seedFixture, type Fixture } from '../support/notices-fixture.js';

// A group commit reads the scenes of all its commands in one statement: each command's key is
// recorded once, its member and chat are found or created, where the member was seen is noted,
// and the estate's roles and fee plans come with it. Run against the real Postgres.
describe('command scenes read together', () => {
  let t: TestDb;
  let f: Fixture;
  const now = new Date('2026-12-07T08:00:00Z');
  const q = (over: Partial<SceneQuery>): SceneQuery => ({ key: 'k', jobName: 'pay', now, platform: 'console', senderId: 'u-resident', chatId: null, isPrivate: false, ...over });

  beforeAll(async () => {
    t = await initTestDb('command_scenes');
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await clearDatabase(t.db);
    f = await seedFixture(t.db);
  });

  it('reads a known member in a linked group with roles and plans, and a newcomer in a new chat, in one call', async () => {
    const [staff, newcomer] = await loadCommandScenes(t.db, [
      q({ key: 'a', senderId: f.staffUserId, chatId: f.groups.estate.chatId }),
      q({ key: 'b', senderId: 'u-new', chatId: 'chat-new' }),
    ]);
    expect(staff.fresh).toBe(true);
    expect(staff.member?.id).toBe(f.staffId);
    expect(staff.estate?.id).toBe(f.estateId);
    expect(staff.roles).toEqual([{ role: 'grid_worker', zoneId: f.zoneA, buildingId: null }]);
    expect(staff.plans.map((p) => [p.id, p.name, p.amount_fen, p.buildingIds])).toEqual([[f.planId, '卫生费', 500, []]]);
    expect(staff.plans[0].created_at).toBeInstanceOf(Date);
    // Where the member was seen is noted: the group an undeliverable private message points to.
    expect(staff.member?.last_group_id).toBe(f.groups.estate.id);

    // The newcomer and their chat exist now, the chat not linked to any estate.
    expect(newcomer.fresh).toBe(true);
    expect(newcomer.member?.platform_user_id).toBe('u-new');
    expect(newcomer.group?.chat_id).toBe('chat-new');
    expect(newcomer.group?.estate_id).toBeNull();
    expect(newcomer.estate).toBeNull();
    expect(newcomer.plans).toEqual([]);
    const stored = await t.db.selectFrom('members').selectAll().where('platform_user_id', '=', 'u-new').executeTakeFirstOrThrow();
    expect(stored.last_group_id).toBe(newcomer.group?.id);
  });

  it('records a key once: a repeat in the same call and in a later call is not fresh', async () => {
    const first = await loadCommandScenes(t.db, [q({ key: 'x' }), q({ key: 'x' })]);
    expect(first.map((s) => s.fresh)).toEqual([true, false]);
    const again = await loadCommandScenes(t.db, [q({ key: 'x' }), q({ key: 'y' })]);
    expect(again.map((s) => s.fresh)).toEqual([false, true]);
    expect((await t.db.selectFrom('processed_commands').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['x', 'y']);
  });

  it('opens the private chat of a member who writes privately, and keeps their last group', async () => {
    await loadCommandScenes(t.db, [q({ key: 'g', chatId: f.groups.zoneB.chatId })]);
    const [priv] = await loadCommandScenes(t.db, [q({ key: 'p', isPrivate: true })]);
    expect(priv.member?.private_chat).toBe('open');
    expect(priv.member?.private_chat_at).toEqual(now);
    expect(priv.member?.last_group_id).toBe(f.groups.zoneB.id);
    expect(priv.group).toBeNull();
  });

  it('one member in two chats of one group commit: one member, noted in the later chat', async () => {
    const scenes = await loadCommandScenes(t.db, [q({ key: 'm1', senderId: 'u-two', chatId: f.groups.estate.chatId }), q({ key: 'm2', senderId: 'u-two', chatId: f.groups.zoneB.chatId })]);
    expect(new Set(scenes.map((s) => s.member?.id)).size).toBe(1);
    const rows = await t.db.selectFrom('members').select(['id', 'last_group_id']).where('platform_user_id', '=', 'u-two').execute();
    expect(rows).toEqual([{ id: scenes[0].member?.id, last_group_id: f.groups.zoneB.id }]);
  });
});
