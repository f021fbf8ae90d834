import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { OutboundJob } from '../queue/job-data.js';
import { outboxKey } from '../queue/job-ids.js';
import { saveAttachment } from './outbox-attachment.js';
import type { OutgoingMessage } from './outgoing-message.js';
import { toOutboundJob } from './pending-outbox.js';

/** A command's replies, to be written to the outbox with the other commands' of its transaction. */
export interface ReplyBatch {
  key: string;
  out: OutgoingMessage[];
  now: Date;
}

/**
 * Write a command's replies (or a sweep's, a photo's) to the outbox with keys `${key}-r<n>`, fixed
 * by what happened, so a re-run writes nothing new (rows already there are skipped). Returns the rows written.
 */
export async function writeReplies(tx: Transaction<Database>, key: string, out: OutgoingMessage[], now: Date): Promise<OutboundJob[]> {
  return writeReplyBatches(tx, [{ key, out, now }]);
}

/** The replies of several commands in one statement (a group commit's); the rows written, in order. */
export async function writeReplyBatches(tx: Transaction<Database>, batches: readonly ReplyBatch[]): Promise<OutboundJob[]> {
  const all = batches.flatMap((b) => b.out.map((o, i) => ({ o, key: outboxKey(b.key, i + 1), now: b.now })));
  if (all.length === 0) return [];
  const rows = await tx
    .insertInto('outbox')
    .values(
      all.map(({ o, key, now }) => ({
        key,
        platform: o.to.platform,
        chat_id: o.to.chatId,
        text: o.text,
        mentions: JSON.stringify(o.mentions),
        mention_lines: o.mentionLines ? JSON.stringify(o.mentionLines) : null,
        buttons: o.buttons?.length ? JSON.stringify(o.buttons) : null,
        created_at: now,
      })),
    )
    .onConflict((c) => c.column('key').doNothing())
    .returning(['id', 'key', 'platform', 'chat_id', 'text', 'mentions', 'mention_lines', 'buttons'])
    .execute();
  const byKey = new Map(rows.map((r) => [r.key, toOutboundJob(r)]));
  // Only rows written now get their attachment (a row already there has its own).
  for (const { o, key, now } of all) {
    const job = byKey.get(key);
    if (o.attachment && job?.outboxId) job.attachmentId = await saveAttachment(tx, job.outboxId, o.attachment, now);
  }
  // In the order the commands wrote them (a multi-row insert's RETURNING order is not promised).
  return all.flatMap(({ key }) => byKey.get(key) ?? []);
}

/**
 * Write a scheduled run's message to the outbox under a key fixed by what it is (a group's week,
 * a reminder's firing), so a second run writes nothing new.
 */
export async function writeScheduled(tx: Transaction<Database>, key: string, out: OutgoingMessage, now: Date): Promise<void> {
  const row = await tx
    .insertInto('outbox')
    .values({ key, platform: out.to.platform, chat_id: out.to.chatId, text: out.text, mentions: JSON.stringify(out.mentions), mention_lines: out.mentionLines ? JSON.stringify(out.mentionLines) : null, buttons: out.buttons?.length ? JSON.stringify(out.buttons) : null, created_at: now })
    .onConflict((c) => c.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row && out.attachment) await saveAttachment(tx, row.id, out.attachment, now);
}
