import { sql, type Kysely } from 'kysely';
import type { Database, OutboxRow } from '../db/database.js';
import type { Platform } from '../messages/incoming-message.js';
import type { OutboundJob } from '../queue/job-data.js';

/** Which pending rows: these keys, or keys that start with a prefix (written since a time, where given). */
export type PendingRows = { keys: string[] } | { prefix: string; since?: Date };

/** Outbox rows still pending, oldest first. */
export async function pendingOutbox(db: Kysely<Database>, which: PendingRows): Promise<OutboundJob[]> {
  if ('keys' in which && which.keys.length === 0) return [];
  let q = db.selectFrom('outbox').select(['id', 'key', 'platform', 'chat_id', 'text', 'mentions', 'mention_lines']).where('status', '=', 'pending');
  if ('keys' in which) q = q.where('key', 'in', which.keys);
  else {
    q = q.where(sql<boolean>`starts_with(key, ${which.prefix})`);
    if (which.since) q = q.where('created_at', '>=', which.since);
  }
  const rows = await q.orderBy('id').execute();
  return rows.map(toOutboundJob);
}

/** An outbox row as the outbound queue takes it. */
export function toOutboundJob(r: Pick<OutboxRow, 'id' | 'key' | 'platform' | 'chat_id' | 'text' | 'mentions' | 'mention_lines'>): OutboundJob {
  const job: OutboundJob = { platform: r.platform as Platform, outboxKey: r.key, chatId: r.chat_id, outboxId: String(r.id), text: r.text, mentions: r.mentions };
  if (r.mention_lines) job.mentionLines = r.mention_lines;
  return job;
}
