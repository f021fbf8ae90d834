import { sql } from 'kysely';
import type { DeliveryJob } from '../src/queue/job-data.js';
import { releaseUrgeSlot } from '../src/notices/urge-slot.js';
import { fallBackToGroup } from '../src/outbox/fall-back-to-group.js';
import { collectAttachments } from '../src/outbox/outbox-attachment.js';
import type { WorkerDeps } from './worker-deps.js';

/** The sender reports a message as sent or failed for good; the outbox row says so. */
export async function recordDelivery(data: DeliveryJob, deps: WorkerDeps): Promise<void> {
  const at = new Date(data.at);
  // Handler replies (usage errors) have no outbox row yet: the report creates it.
  await deps.db
    .insertInto('outbox')
    .values({
      key: data.outboxKey,
      platform: data.platform,
      chat_id: data.chatId,
      text: data.text ?? '',
      mentions: '[]',
      status: data.status,
      reason: data.reason,
      created_at: at,
      sent_at: data.status === 'sent' ? at : null,
    })
    .onConflict((c) =>
      // A delivery report must not erase why the row was written (e.g. 'job failed: ...').
      c.column('key').doUpdateSet({ status: data.status, reason: sql<string | null>`coalesce(excluded.reason, outbox.reason)`, sent_at: data.status === 'sent' ? at : null }),
    )
    .execute();
  // Delivered or failed for good: its image or file has done its work.
  await collectAttachments(deps.db, [data.outboxKey], at);
  if (data.status === 'failed') {
    deps.log.error('message failed for good', { outboxKey: data.outboxKey, reason: data.reason });
    if (await releaseUrgeSlot(deps.db, data.outboxKey)) deps.log.warn('a 催缴 did not go out: the day is free again', { outboxKey: data.outboxKey });
    if (data.privateClosed) await fallBackToGroup(deps, { platform: data.platform, chatId: data.chatId, outboxKey: data.outboxKey, at });
  }
}

/** A batch of successful deliveries from one sender: one statement for all of them. */
export async function recordDeliveries(data: { items: DeliveryJob[] }, deps: WorkerDeps): Promise<void> {
  // One row per key (a retried batch may repeat one), or the upsert would touch a row twice.
  const byKey = new Map(data.items.map((d) => [d.outboxKey, d]));
  if (byKey.size === 0) return;
  await deps.db
    .insertInto('outbox')
    .values(
      [...byKey.values()].map((d) => ({
        key: d.outboxKey,
        platform: d.platform,
        chat_id: d.chatId,
        text: d.text ?? '',
        mentions: '[]',
        status: d.status,
        reason: d.reason,
        created_at: new Date(d.at),
        sent_at: d.status === 'sent' ? new Date(d.at) : null,
      })),
    )
    .onConflict((c) =>
      c.column('key').doUpdateSet({
        status: sql`excluded.status`,
        reason: sql<string | null>`coalesce(excluded.reason, outbox.reason)`,
        sent_at: sql`excluded.sent_at`,
      }),
    )
    .execute();
  await collectAttachments(deps.db, [...byKey.keys()], new Date(data.items[0].at));
}
