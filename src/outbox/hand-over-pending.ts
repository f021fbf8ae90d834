import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { OutboundPort } from './outbound-port.js';
import { pendingOutbox, type PendingRows } from './pending-outbox.js';

/**
 * After commit: hand the still-pending rows to the outbound queues (jobIds from outbox keys, so
 * again is harmless). It also picks up rows a crash left behind between commit and hand-over.
 */
export async function handOverPending(deps: { db: Kysely<Database>; outbound: OutboundPort }, which: PendingRows): Promise<void> {
  const rows = await pendingOutbox(deps.db, which);
  if (rows.length > 0) await deps.outbound.enqueue(rows);
}
