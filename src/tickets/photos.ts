import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { CommandJob } from '../queue/job-data.js';
import { addEvent } from './repository.js';

/** How long after reporting a member's photo still joins their ticket. */
export const PHOTO_WINDOW_MS = 10 * 60_000;

/**
 * Attach the images of one message to a ticket, once (a re-run adds nothing); returns how many
 * were new. The image stays on the platform: only its file id is kept.
 */
export async function attachImages(tx: Transaction<Database>, ticketId: number, memberId: number, job: CommandJob, now: Date): Promise<number> {
  const images = job.attachments.filter((a) => a.kind === 'image');
  if (images.length === 0) return 0;
  const added = await tx
    .insertInto('ticket_photos')
    .values(images.map((a) => ({ ticket_id: ticketId, member_id: memberId, platform: job.platform, file_id: a.id, source_key: job.key, created_at: now })))
    .onConflict((c) => c.columns(['source_key', 'file_id']).doNothing())
    .returning('id')
    .execute();
  if (added.length > 0) await addEvent(tx, ticketId, 'photo', memberId, now, { count: added.length });
  return added.length;
}

/** How many photos a ticket has. */
export async function photoCount(tx: Transaction<Database>, ticketId: number): Promise<number> {
  const row = await tx.selectFrom('ticket_photos').select((e) => e.fn.countAll<string>().as('n')).where('ticket_id', '=', ticketId).executeTakeFirstOrThrow();
  return Number(row.n);
}
