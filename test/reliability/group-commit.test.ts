import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { groupCommit, type CommandWork } from '../../jobs/group-commit.js';
import type { OutboundPort } from '../../src/outbox/outbound-port.js';
import type { OutboundJob } from '../../src/queue/job-data.js';
import { clearDatabase, initTestDb, type TestDb } from '../support/db.js';

// Group commit on the real Postgres: commands ready at the same moment share one transaction,
// a failing one rolls back alone, and a repeat of a recorded key does nothing again.
describe('group commit (real Postgres)', () => {
  let t: TestDb;
  let handed: OutboundJob[][];
  const outbound: OutboundPort = { enqueue: async (jobs) => void handed.push(jobs) };
  const now = new Date('2026-12-07T08:00:00Z');

  beforeAll(async () => {
    t = await initTestDb('group_commit');
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await clearDatabase(t.db);
    handed = [];
  });

  /** A command: records its key (once), has one reply; `fail` throws after recording. */
  const command =
    (key: string, seen: Set<string | number>, fail = false): CommandWork =>
    async (tx) => {
      seen.add((await sql<{ x: string }>`select txid_current()::text as x`.execute(tx)).rows[0].x);
      const fresh = await tx.insertInto('processed_commands').values({ key, job_name: 'pay', created_at: now }).onConflict((c) => c.column('key').doNothing()).returning('key').executeTakeFirst();
      if (!fresh) return null;
      if (fail) throw new Error(`boom ${key}`);
      return { key, now, out: [{ to: { platform: 'console', chatId: 'g' }, text: `done ${key}`, mentions: [] }] };
    };

  const keys = async () => (await t.db.selectFrom('processed_commands').select('key').orderBy('key').execute()).map((r) => r.key);

  it('commits the commands ready together in one transaction and hands their replies over in one batch', async () => {
    const gc = groupCommit({ db: t.db, outbound }, { maxBatch: 32, maxInFlight: 1 });
    const txids = new Set<string | number>();
    await Promise.all(['a', 'b', 'c', 'd'].map((k) => gc.run(k, command(k, txids))));
    expect(await keys()).toEqual(['a', 'b', 'c', 'd']);
    expect(txids.size).toBe(1);
    expect(handed.map((b) => b.map((j) => j.outboxKey))).toEqual([['a-r1', 'b-r1', 'c-r1', 'd-r1']]);
  });

  it('rolls a failing command back alone: it is rejected and leaves nothing, the others commit', async () => {
    const gc = groupCommit({ db: t.db, outbound }, { maxBatch: 32, maxInFlight: 1 });
    const txids = new Set<string | number>();
    const results = await Promise.allSettled(['a', 'b', 'c'].map((k) => gc.run(k, command(k, txids, k === 'b'))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('boom b');
    expect(await keys()).toEqual(['a', 'c']);
    expect((await t.db.selectFrom('outbox').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['a-r1', 'c-r1']);
    // Its retry takes effect once.
    await gc.run('b', command('b', txids));
    expect(await keys()).toEqual(['a', 'b', 'c']);
  });

  it('does a key twice in one group once, and hands the pending reply over again for the repeat', async () => {
    const gc = groupCommit({ db: t.db, outbound }, { maxBatch: 32, maxInFlight: 1 });
    const txids = new Set<string | number>();
    await Promise.all([gc.run('a', command('a', txids)), gc.run('a', command('a', txids))]);
    expect(await keys()).toEqual(['a']);
    expect(await t.db.selectFrom('outbox').select('key').execute()).toHaveLength(1);
    // Once from the group's batch, once more from the repeat's hand-over (same outbox key: the queue keeps one).
    expect(handed.flat().map((j) => j.outboxKey)).toEqual(['a-r1', 'a-r1']);
  });

  it('rejects every command of a group whose commit fails, and commits none of them', async () => {
    const gc = groupCommit({ db: t.db, outbound }, { maxBatch: 32, maxInFlight: 1 });
    const txids = new Set<string | number>();
    // The last command kills its own transaction's connection: the group cannot commit.
    const killer: CommandWork = async (tx) => {
      await sql`select pg_terminate_backend(pg_backend_pid())`.execute(tx).catch(() => {});
      return { key: 'k', now, out: [] };
    };
    const results = await Promise.allSettled([gc.run('a', command('a', txids)), gc.run('b', command('b', txids)), gc.run('k', killer)]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await keys()).toEqual([]);
    expect(handed).toEqual([]);
  });

  it('two groups in flight taking the same two locks in opposite orders: the deadlock costs a re-run, every command commits once', async () => {
    const gc = groupCommit({ db: t.db, outbound }, { maxBatch: 2, maxInFlight: 2 });
    const txids = new Set<string | number>();
    // Each group's first command takes a lock (a household's, a complaint's), then waits, the first
    // time only, until the other group holds its own; the second commands then want each other's.
    let held = 0;
    let bothHeld: () => void = () => {};
    const both = new Promise<void>((r) => (bothHeld = r));
    const locking =
      (key: string, lock: number, waitForOther: boolean): CommandWork =>
      async (tx) => {
        await sql`select pg_advisory_xact_lock(${lock})`.execute(tx);
        if (waitForOther && ++held <= 2) {
          if (held === 2) bothHeld();
          await both;
        }
        return command(key, txids)(tx, null);
      };
    const started = Date.now();
    const results = await Promise.allSettled([
      gc.run('a1', locking('a1', 7_470_101, true)),
      gc.run('a2', locking('a2', 7_470_102, false)),
      gc.run('b1', locking('b1', 7_470_102, true)),
      gc.run('b2', locking('b2', 7_470_101, false)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await keys()).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect((await t.db.selectFrom('outbox').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['a1-r1', 'a2-r1', 'b1-r1', 'b2-r1']);
    // Three transactions: both groups, and the re-run (savepoint each) of the one Postgres aborted.
    expect(txids.size).toBe(3);
    // Postgres found the deadlock (after deadlock_timeout, 1 s by default) rather than both waiting for ever.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
