import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queuePorts } from '../handlers/queue-ports.js';
import { noteChats } from '../jobs/note-chat.js';
import { noteMembers } from '../jobs/note-member.js';
import type { WorkerDeps } from '../jobs/worker-deps.js';
import { manualClock } from '../src/clock.js';
import { silentLogger } from '../src/log.js';
import { createQueueFactory, type QueueFactory } from '../src/queue/backend.js';
import type { JobsQueue } from '../src/queue/jobs-queue.js';
import { JOBS_QUEUE } from '../src/queue/queue-names.js';
import { initTestDb, type TestDb } from './support/db.js';

// The morning after a 催缴, hundreds of residents the bot process has not seen since it started
// answer at once: their notes (name, private chat) go as one job per turn of the event loop and
// one statement, not a job and a statement each.
describe('notes of members and chats seen together', () => {
  let t: TestDb;
  let factory: QueueFactory;
  let jobs: JobsQueue;
  const now = new Date('2026-12-07T08:00:00Z');
  const deps = () => ({ db: t.db, clock: manualClock(now), log: silentLogger }) as unknown as WorkerDeps;

  beforeAll(async () => {
    t = await initTestDb('notes_batched');
    factory = await createQueueFactory({ kind: 'redis', url: inject('redisUrl'), prefix: `t-notes-${process.pid}` });
    jobs = factory.queue(JOBS_QUEUE);
  });
  afterAll(async () => {
    await jobs.obliterate({ force: true });
    await factory.close();
    await t.destroy();
  });

  it('queues the notes of 40 members seen in one turn as one job, and each member once', async () => {
    const ports = queuePorts(jobs, { enqueue: async () => {} });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => ports.noteMember!({ platform: 'telegram', userId: `u${i}`, isPrivate: false, displayName: `住户${i}` })),
    );
    // A member seen again with the same name is not noted again.
    await ports.noteMember!({ platform: 'telegram', userId: 'u1', isPrivate: false, displayName: '住户1' });
    const queued = await jobs.getJobs(['waiting', 'prioritized']);
    const notes = queued.filter((j) => j.name === 'note-members');
    expect(notes).toHaveLength(1);
    expect((notes[0].data as { items: unknown[] }).items).toHaveLength(40);

    await noteMembers(notes[0].data as never, deps());
    const rows = await t.db.selectFrom('members').select(['platform_user_id', 'display_name']).orderBy('id').execute();
    expect(rows).toHaveLength(40);
    expect(rows[7]).toEqual({ platform_user_id: 'u7', display_name: '住户7' });
  });

  it('a member noted twice in one batch keeps the later name and an open private chat', async () => {
    await noteMembers(
      {
        items: [
          { platform: 'telegram', userId: 'twice', isPrivate: true, displayName: '老王' },
          { platform: 'telegram', userId: 'twice', isPrivate: false, displayName: '王师傅\u202e' },
          { platform: 'telegram', userId: 'twice', isPrivate: false, displayName: null },
        ],
      },
      deps(),
    );
    const row = await t.db.selectFrom('members').select(['display_name', 'private_chat', 'private_chat_at']).where('platform_user_id', '=', 'twice').executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: '王师傅', private_chat: 'open', private_chat_at: now });
  });

  it('groups noted together: each once, with its latest name; a note without a name keeps the one known', async () => {
    await noteChats({ items: [{ platform: 'telegram', chatId: 'c1', title: '3栋邻居群' }, { platform: 'telegram', chatId: 'c2', title: null }, { platform: 'telegram', chatId: 'c1', title: '3栋业主群' }] }, deps());
    await noteChats({ items: [{ platform: 'telegram', chatId: 'c1', title: null }] }, deps());
    const rows = await t.db.selectFrom('chat_groups').select(['chat_id', 'title']).orderBy('chat_id').execute();
    expect(rows).toEqual([
      { chat_id: 'c1', title: '3栋业主群' },
      { chat_id: 'c2', title: null },
    ]);
  });
});
