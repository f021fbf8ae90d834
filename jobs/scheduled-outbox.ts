import type { Transaction } from 'kysely';
import type { Database } from '../src/db/database.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { enqueueOutbound } from './run-command.js';
import type { Outgoing } from './command-context.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * Write a scheduled run's message to the outbox under a key fixed by what it is (a group's week,
 * a reminder's firing), so a second run writes nothing new.
 */
export async function writeScheduledOutbox(tx: Transaction<Database>, key: string, out: Outgoing, now: Date): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({ key, platform: out.to.platform, chat_id: out.to.chatId, text: out.text, mentions: JSON.stringify(out.mentions), created_at: now })
    .onConflict((c) => c.column('key').doNothing())
    .execute();
}

/** After commit: hand the still-pending rows with these keys to the outbound queues (jobId = key, so again is harmless). */
export async function enqueuePending(deps: WorkerDeps, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const rows = await deps.db
    .selectFrom('outbox')
    .select(['id', 'key', 'platform', 'chat_id', 'text', 'mentions'])
    .where('key', 'in', keys)
    .where('status', '=', 'pending')
    .orderBy('id')
    .execute();
  await enqueueOutbound(
    deps,
    rows.map((r) => ({ platform: r.platform as Platform, job: { outboxKey: r.key, chatId: r.chat_id, outboxId: String(r.id), text: r.text, mentions: r.mentions } })),
  );
}
