import { attachPaperBallotPhoto } from '../src/council/ballot-photos.js';
import { translator } from '../src/i18n/translator.js';
import type { CommandJob } from '../src/queue/job-data.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeReplies } from '../src/outbox/write-outbox.js';
import { attachImages, photoCount, PHOTO_WINDOW_MS } from '../src/tickets/photos.js';
import { ticketRef } from '../src/tickets/repository.js';
import { IN_PLAY } from '../src/tickets/statuses.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/**
 * A photo with no command: if its sender (staff) entered a paper ballot in the last minutes, it is
 * that ballot's photo; else if they reported a ticket that is still open within the last few
 * minutes, the photo joins that ticket and they are told. Otherwise it is ordinary chat,
 * and nothing is said. Idempotent: photos are keyed by message and file id.
 */
export async function attachPhoto(data: CommandJob, deps: WorkerDeps, _info?: JobInfo): Promise<void> {
  const now = deps.clock.now();
  const attached = await deps.db.transaction().execute(async (tx) => {
    const member = await tx.selectFrom('members').select('id').where('platform', '=', data.platform).where('platform_user_id', '=', data.senderId).executeTakeFirst();
    if (!member) return false;
    // Staff who just entered a paper ballot (代录) send its photo next: it goes with that ballot.
    const ballot = await attachPaperBallotPhoto(tx, { memberId: member.id, attachments: data.attachments, sourceKey: data.key, at: now });
    if (ballot) {
      const text = translator(data.locale).t('paper_photo_attached', { ref: `V${ballot.voteId}`, room: ballot.roomCode });
      await writeReplies(tx, data.key, [{ to: { platform: data.platform, chatId: data.chatId }, text, mentions: [] }], now);
      return true;
    }
    const recent = await tx
      .selectFrom('ticket_reporters as r')
      .innerJoin('tickets as t', 't.id', 'r.ticket_id')
      .select('t.id')
      .where('r.member_id', '=', member.id)
      .where('r.platform', '=', data.platform)
      .where('r.created_at', '>=', new Date(now.getTime() - PHOTO_WINDOW_MS))
      .where('t.status', 'in', IN_PLAY)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .forUpdate()
      .executeTakeFirst();
    if (!recent) return false;
    const added = await attachImages(tx, recent.id, member.id, data, now);
    if (added === 0) return true; // a re-run: the reply is already in the outbox
    const { t } = translator(data.locale);
    const text = t('ticket_photo_attached', { ref: ticketRef(recent.id), count: await photoCount(tx, recent.id) });
    await writeReplies(tx, data.key, [{ to: { platform: data.platform, chatId: data.chatId }, text, mentions: [] }], now);
    return true;
  });
  if (attached) await handOverPending(deps, { prefix: `${data.key}-r`, since: new Date(now.getTime() - 24 * 3600_000) });
}
