import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { OutboundJob } from '../queue/job-data.js';
import { outboxKey } from '../queue/job-ids.js';
import { saveAttachment } from './outbox-attachment.js';
import type { OutgoingMessage } from './outgoing-message.js';
import { toOutboundJob } from './pending-outbox.js';

/**
 * Write a command's replies (or a sweep's, a photo's) to the outbox with keys `${key}-r<n>`, fixed
 * by what happened, so a re-run writes nothing new (rows already there are skipped). Returns the rows written.
 */
export async function writeReplies(tx: Transaction<Database>, key: string, out: OutgoingMessage[], now: Date): Promise<OutboundJob[]> {
  if (out.length === 0) return [];
  const rows = await tx
    .insertInto('outbox')
    .values(
      out.map((o, i) => ({
        key: outboxKey(key, i + 1),
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
  const jobs = rows.map((r) => toOutboundJob(r));
  // Only rows written now get their attachment (a row already there has its own).
  for (const [i, o] of out.entries()) {
    if (!o.attachment) continue;
    const job = jobs.find((j) => j.outboxKey === outboxKey(key, i + 1));
    if (job?.outboxId) job.attachmentId = await saveAttachment(tx, job.outboxId, o.attachment, now);
  }
  return jobs;
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
