import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Attachment } from '../messages/incoming-message.js';

/** A photo sent this soon after a paper ballot was entered belongs to it. */
export const BALLOT_PHOTO_WINDOW_MS = 10 * 60_000;

/**
 * Attach a photo to the paper ballot this staff member entered last, within the window, that has no
 * photo yet. Returns the ballot's vote and room, or null when there is none (the photo is then
 * something else: a ticket's, or chatter). Keyed by ballot and file id, so a re-run adds nothing.
 */
export async function attachPaperBallotPhoto(
  tx: Transaction<Database>,
  p: { memberId: number; attachments: Attachment[]; sourceKey: string; at: Date },
): Promise<{ voteId: number; roomCode: string } | null> {
  const images = p.attachments.filter((a) => a.kind === 'image');
  if (images.length === 0) return null;
  const ballot = await tx
    .selectFrom('ballots as b')
    .innerJoin('households as h', 'h.id', 'b.household_id')
    .select(['b.id', 'b.vote_id', 'h.room_code'])
    .where('b.member_id', '=', p.memberId)
    .where('b.channel', '=', 'paper')
    .where('b.cast_at', '>=', new Date(p.at.getTime() - BALLOT_PHOTO_WINDOW_MS))
    .where('b.photo_file_id', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('ballot_photos as ph').select('ph.id').whereRef('ph.ballot_id', '=', 'b.id').where('ph.source_key', '!=', p.sourceKey))))
    .orderBy('b.id', 'desc')
    .executeTakeFirst();
  if (!ballot) return null;
  await tx
    .insertInto('ballot_photos')
    .values(images.map((i) => ({ ballot_id: ballot.id, file_id: i.id, member_id: p.memberId, source_key: p.sourceKey, created_at: p.at })))
    .onConflict((c) => c.columns(['ballot_id', 'file_id']).doNothing())
    .execute();
  return { voteId: ballot.vote_id, roomCode: ballot.room_code };
}
