import { sql, type Kysely } from 'kysely';
import type { Database, OutboxRow } from '../db/database.js';
import type { Platform } from '../messages/incoming-message.js';
import type { OutboundJob } from '../queue/job-data.js';

/** Which pending rows: these keys, or keys that start with a prefix (written since a time, where given). */
export type PendingRows = { keys: string[] } | { prefix: string; since?: Date };

/** Outbox rows still pending, oldest first, with the id of their attachment where they have one. */
export async function pendingOutbox(db: Kysely<Database>, which: PendingRows): Promise<OutboundJob[]> {
  if ('keys' in which && which.keys.length === 0) return [];
  let q = db
    .selectFrom('outbox as o')
    .leftJoin('outbox_attachments as a', 'a.outbox_id', 'o.id')
    .select(['o.id', 'o.key', 'o.platform', 'o.chat_id', 'o.text', 'o.mentions', 'o.mention_lines', 'o.buttons', 'a.id as attachment_id'])
    .where('o.status', '=', 'pending');
  if ('keys' in which) q = q.where('o.key', 'in', which.keys);
  else {
    q = q.where(sql<boolean>`starts_with(o.key, ${which.prefix})`);
    if (which.since) q = q.where('o.created_at', '>=', which.since);
  }
  const rows = await q.orderBy('o.id').execute();
  return rows.map(toOutboundJob);
}

/** An outbox row as the outbound queue takes it. */
export function toOutboundJob(r: Pick<OutboxRow, 'id' | 'key' | 'platform' | 'chat_id' | 'text' | 'mentions' | 'mention_lines'> & { buttons?: OutboxRow['buttons']; attachment_id?: string | null }): OutboundJob {
  const job: OutboundJob = { platform: r.platform as Platform, outboxKey: r.key, chatId: r.chat_id, outboxId: String(r.id), text: r.text, mentions: r.mentions };
  if (r.mention_lines) job.mentionLines = r.mention_lines;
  if (r.attachment_id) job.attachmentId = r.attachment_id;
  if (r.buttons?.length) job.buttons = r.buttons;
  return job;
}
