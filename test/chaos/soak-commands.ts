import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import { messageKey } from '../../src/queue/job-ids.js';
import { groupMessage } from '../reliability/harness.js';

/** The soak's commands, and the fen each one must book under its message key. */
export interface SoakCommands {
  messages: IncomingMessage[];
  expected: Map<string, number>;
}

/**
 * Staff collections of whole months (1–12 at the demo estate's 5 元 a month), each its own
 * message, each sent by the grid worker of its room's zone. No two share a room and an amount:
 * the duplicate guard (src/ledger/duplicate-guard.ts) holds back a second collection of the same
 * room and amount by the same hand within 30 minutes and asks 确认收费 — right for a person, but a
 * soak that repeated pairs (as it once did, one zone's 132 rooms round-robin) would see those
 * commands "never booked" and take them for losses.
 */
export async function soakCommands(db: Kysely<Database>, n: number, rand: () => number): Promise<SoakCommands> {
  const rooms = await db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .innerJoin('roles as r', (j) => j.onRef('r.zone_id', '=', 'b.zone_id').on('r.role', '=', 'grid_worker'))
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['h.room_code', 'm.platform_user_id'])
    .orderBy('h.id')
    .execute();
  const pairs = rooms.flatMap((r) => Array.from({ length: 12 }, (_, i) => ({ room: r.room_code, senderId: r.platform_user_id, months: i + 1 })));
  if (n > pairs.length) throw new Error(`the demo estate has ${pairs.length} distinct collections (room × months); ${n} asked`);
  // Fisher–Yates on the seeded PRNG, far enough to draw n.
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (pairs.length - i));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  const expected = new Map<string, number>();
  const messages = pairs.slice(0, n).map((p, i) => {
    const msg = groupMessage(p.senderId, `收费 ${p.room} ${p.months * 5}`, `chaos-${i}`);
    expected.set(messageKey(msg), p.months * 500);
    return msg;
  });
  return { messages, expected };
}
