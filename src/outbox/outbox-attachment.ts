import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { OutgoingAttachment } from './outgoing-message.js';

/** Kept this long at most, delivered or not: a message still pending after a week is history. */
export const ATTACHMENT_MAX_AGE_DAYS = 7;

/** Store a message's attachment beside its outbox row, in the job's transaction. */
export async function saveAttachment(tx: Transaction<Database> | Kysely<Database>, outboxId: string, a: OutgoingAttachment, now: Date): Promise<string> {
  const row = await tx
    .insertInto('outbox_attachments')
    .values({ outbox_id: outboxId, kind: a.kind, mime: a.mime, file_name: a.fileName, bytes: Buffer.from(a.bytes), created_at: now })
    .onConflict((c) => c.column('outbox_id').doUpdateSet({ outbox_id: sql`excluded.outbox_id` }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The adapter's sender reads an attachment by id; null once it was collected. */
export async function loadAttachment(db: Kysely<Database>, id: string): Promise<OutgoingAttachment | null> {
  const r = await db.selectFrom('outbox_attachments').select(['kind', 'mime', 'file_name', 'bytes']).where('id', '=', id).executeTakeFirst();
  return r ? { kind: r.kind, mime: r.mime, fileName: r.file_name, bytes: new Uint8Array(r.bytes) } : null;
}

/** Where the sender finds the bytes of an outbound job's attachment. */
export interface AttachmentSource {
  load(id: string): Promise<OutgoingAttachment | null>;
}

/** Attachments read from Postgres (the adapter's process has the database too). */
export function dbAttachments(db: Kysely<Database>): AttachmentSource {
  return { load: (id) => loadAttachment(db, id) };
}

/**
 * Delete the attachments of messages delivered or failed for good (these keys), and any older
 * than `ATTACHMENT_MAX_AGE_DAYS`. Returns how many went.
 */
export async function collectAttachments(db: Kysely<Database>, deliveredKeys: string[], now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - ATTACHMENT_MAX_AGE_DAYS * 86_400_000);
  const r = await db
    .deleteFrom('outbox_attachments')
    .where((eb) =>
      eb.or([
        eb('created_at', '<', cutoff),
        ...(deliveredKeys.length
          ? [eb('outbox_id', 'in', eb.selectFrom('outbox').select('id').where('key', 'in', deliveredKeys).where('status', '<>', 'pending'))]
          : []),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
