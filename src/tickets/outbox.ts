import { sql, type Kysely, type Transaction } from 'kysely';
import { enqueueOutbound, toEntry, writeOutbox } from '../../jobs/run-command.js';
import type { WorkerDeps } from '../../jobs/worker-deps.js';
import type { Database } from '../db/database.js';
import type { Notice } from './notify.js';

/**
 * Outbox rows for a job that is not a chat command (a scheduled sweep, a photo): keys are
 * `${base}-r<n>`, fixed by what happened, so a re-run writes nothing new.
 */
export async function writeNotices(tx: Transaction<Database>, base: string, notices: Notice[], now: Date): Promise<void> {
  await writeOutbox(tx, base, notices, now);
}

/**
 * Hand still-pending outbox rows whose keys start with `prefix` to the outbound queues (jobIds
 * from the keys, so rows already queued are not queued twice). Run after the transaction commits;
 * it also picks up rows a crash left behind between commit and enqueue.
 */
export async function flushPending(deps: WorkerDeps, db: Kysely<Database>, prefix: string, since: Date): Promise<void> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'key', 'platform', 'chat_id', 'text', 'mentions'])
    .where(sql<boolean>`starts_with(key, ${prefix})`)
    .where('status', '=', 'pending')
    .where('created_at', '>=', since)
    .orderBy('id')
    .execute();
  await enqueueOutbound(deps, rows.map(toEntry));
}
