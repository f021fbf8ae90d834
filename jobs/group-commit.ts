import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../src/db/database.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import type { OutboundPort } from '../src/outbox/outbound-port.js';
import type { OutboundJob } from '../src/queue/job-data.js';
import { loadCommandScenes, type CommandScene, type SceneQuery } from '../src/members/command-scene.js';
import { writeReplyBatches, type ReplyBatch } from '../src/outbox/write-outbox.js';

/**
 * A command's work inside a transaction: the replies it has for the outbox, or null when it was
 * already done (its message key was recorded) and only its pending replies need handing over
 * again. `scene` is the command's scene when the group read it with its neighbours' (else the
 * work reads its own).
 */
export type CommandWork = (tx: Transaction<Database>, scene: CommandScene | null) => Promise<ReplyBatch | null>;

/** Runs command work exactly once, committed with whatever other commands are ready at the same moment. */
export interface GroupCommit {
  /**
   * Resolves once the work is committed and its replies are on the outbound queue; rejects when it
   * must be retried. With `scene`, the group reads the command's scene together with the others'.
   */
  run(key: string, work: CommandWork, scene?: SceneQuery): Promise<void>;
}

interface Item {
  key: string;
  work: CommandWork;
  scene?: SceneQuery;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** How big a group gets and how many transactions run side by side. */
export interface GroupCommitOptions {
  /** Commands per transaction at most (each a savepoint: Postgres keeps 64 subtransactions per backend in memory). */
  maxBatch: number;
  /** Transactions in flight at once; commands that arrive meanwhile wait and go together in the next. */
  maxInFlight: number;
}

/**
 * Three transactions in flight rather than two: at 300 commands/s offered, p99 fell from 77–80 ms
 * to 25–35 ms (a command waited for a free transaction), at the same throughput (BENCHMARKS.md).
 */
export const GROUP_COMMIT_DEFAULTS: GroupCommitOptions = { maxBatch: 32, maxInFlight: 3 };

/**
 * Group commit: the command jobs a worker runs at the same time share one transaction, so a fsync
 * and a BEGIN/COMMIT pair are paid once per group, and their replies go to the outbound queue in
 * one addBulk. When a command throws, the group is run again with a savepoint per command: that
 * one is rolled back to its savepoint alone and rejected (its job retries); the others commit. A crash before COMMIT commits none of
 * them and every job is retried; after COMMIT each key is recorded, so a retry does nothing again.
 * Under light load a group is one command, run as before.
 */
export function groupCommit(deps: { db: Kysely<Database>; outbound: OutboundPort }, opts: GroupCommitOptions = GROUP_COMMIT_DEFAULTS): GroupCommit {
  const waiting: Item[] = [];
  let inFlight = 0;
  let scheduled = false;
  const schedule = () => {
    if (scheduled || waiting.length === 0 || inFlight >= opts.maxInFlight) return;
    scheduled = true;
    // Let the other jobs fetched in this turn of the event loop join the group.
    setImmediate(pump);
  };
  const pump = () => {
    scheduled = false;
    while (waiting.length > 0 && inFlight < opts.maxInFlight) {
      const group = waiting.splice(0, opts.maxBatch);
      inFlight++;
      void runGroup(deps, group).finally(() => {
        inFlight--;
        schedule();
      });
    }
  };
  return {
    run: (key, work, scene) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ key, work, ...(scene ? { scene } : {}), resolve, reject });
        schedule();
      }),
  };
}

type Outcome = { ok: true; replies: ReplyBatch | null } | { ok: false; error: unknown };

/** Each item's scene, read for all of them in one statement (null for an item without a scene query). */
async function scenesOf(tx: Transaction<Database>, items: Item[]): Promise<(CommandScene | null)[]> {
  const asked = items.flatMap((it) => (it.scene ? [it.scene] : []));
  const scenes = await loadCommandScenes(tx, asked);
  let next = 0;
  return items.map((it) => (it.scene ? scenes[next++] : null));
}

/** The outcomes' replies, written in one statement; the outbox rows for the outbound queue. */
async function writeOutcomes(tx: Transaction<Database>, outcomes: Outcome[]): Promise<OutboundJob[]> {
  return writeReplyBatches(
    tx,
    outcomes.flatMap((o) => (o.ok && o.replies ? [o.replies] : [])),
  );
}

/**
 * Every command in one transaction without savepoints, their scenes read and their replies
 * written once for all; null if any failed (then nothing was committed).
 */
async function together(db: Kysely<Database>, items: Item[]): Promise<{ outcomes: Outcome[]; rows: OutboundJob[] } | null> {
  try {
    return await db.transaction().execute(async (tx) => {
      const scenes = await scenesOf(tx, items);
      const outcomes: Outcome[] = [];
      for (const [i, it] of items.entries()) outcomes.push({ ok: true, replies: await it.work(tx, scenes[i]) });
      return { outcomes, rows: await writeOutcomes(tx, outcomes) };
    });
  } catch {
    return null;
  }
}

/**
 * Every command in one transaction, each in its own savepoint with its own scene and replies (so
 * a rollback forgets its key and its replies too); a whole-group error when it could not commit.
 */
async function withSavepoints(db: Kysely<Database>, items: Item[]): Promise<{ outcomes: Outcome[]; rows: OutboundJob[]; groupError?: unknown }> {
  const outcomes: Outcome[] = [];
  const rows: OutboundJob[] = [];
  try {
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < items.length; i++) {
        // One command alone needs no savepoint: its failure rolls back the transaction, as before.
        if (items.length > 1) await sql.raw(`savepoint c${i}`).execute(tx);
        try {
          const replies = await items[i].work(tx, null);
          if (replies) rows.push(...(await writeReplyBatches(tx, [replies])));
          outcomes.push({ ok: true, replies });
        } catch (error) {
          if (items.length === 1) throw error;
          outcomes.push({ ok: false, error });
          // Undo this command only; if even that fails (the connection is gone), the whole group fails.
          await sql.raw(`rollback to savepoint c${i}`).execute(tx);
        }
      }
    });
    return { outcomes, rows };
  } catch (groupError) {
    return { outcomes, rows: [], groupError };
  }
}

/**
 * One transaction for the group; never rejects (each item is settled instead). Commands rarely
 * fail, so the group first runs without savepoints (a savepoint is a round trip per command);
 * only when one fails is the group run again with a savepoint each, so that one rolls back alone.
 */
async function runGroup(deps: { db: Kysely<Database>; outbound: OutboundPort }, items: Item[]): Promise<void> {
  const fast = items.length > 1 ? await together(deps.db, items) : null;
  const { outcomes, rows, groupError } = fast ? { ...fast, groupError: undefined } : await withSavepoints(deps.db, items);
  if (groupError !== undefined) {
    // Nothing committed: every command is retried, each with its own error where it had one.
    items.forEach((it, i) => {
      const o = outcomes[i];
      it.reject(o && !o.ok ? o.error : groupError);
    });
    return;
  }
  // Committed. Hand the replies over in one go; a command already done hands over what it left pending.
  let handOver: unknown = null;
  try {
    if (rows.length > 0) await deps.outbound.enqueue(rows);
  } catch (error) {
    // Retried, the commands find their keys recorded and hand over their pending rows.
    handOver = error;
  }
  await Promise.all(
    items.map(async (it, i) => {
      const o = outcomes[i];
      if (!o.ok) return it.reject(o.error);
      if (handOver !== null) return it.reject(handOver);
      try {
        if (o.replies === null) await handOverPending(deps, { prefix: `${it.key}-r` });
        it.resolve();
      } catch (error) {
        it.reject(error);
      }
    }),
  );
}
