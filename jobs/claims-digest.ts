import type { Locale } from '../src/commands/locale.js';
import { translator } from '../src/i18n/translator.js';
import { claimAge } from '../src/ledger/claim-age.js';
import { DIGEST_KEY_PREFIX, digestedRecently, digestRecipients, takeNewClaims, zoneKey, zonesWithNewClaims, type DigestZone } from '../src/ledger/claim-digest.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeScheduled } from '../src/outbox/write-outbox.js';
import type { EstateRunJob } from '../src/queue/job-data.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/**
 * The new-claim digest (scheduled every 15 minutes): each zone's grid workers get one private
 * message listing the claims made since the last one, still waiting — room, fee and amount,
 * never a name. A zone told less than 15 minutes ago waits for the next run. Each zone runs in
 * one transaction: the claims' marks and the messages are written together, so every claim is
 * announced once, however often the sweep runs and on however many workers.
 */
export async function claimsDigest(data: EstateRunJob, deps: WorkerDeps, _info?: JobInfo): Promise<void> {
  const now = deps.clock.now();
  for (const zone of await zonesWithNewClaims(deps.db, data.estateId, now)) await digestZone(deps, zone, now);
  // Also sends what a crash between a commit and its hand-over left in the outbox.
  await handOverPending(deps, { prefix: DIGEST_KEY_PREFIX, since: new Date(now.getTime() - 24 * 3600_000) });
}

async function digestZone(deps: WorkerDeps, zone: DigestZone, now: Date): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    if (await digestedRecently(tx, zone, now)) return;
    const claims = await takeNewClaims(tx, zone, now);
    if (claims.length === 0) return;
    const estate = await tx.selectFrom('estates').select('locale').where('id', '=', zone.estateId).executeTakeFirstOrThrow();
    const { t } = translator(estate.locale as Locale);
    const items = claims.map((c) => t('digest_claim', { ref: `P${c.id}`, room: c.roomCode, plan: c.planName, fen: c.amountFen, age: claimAge(t, c.createdAt, now) }));
    const text = t('claims_digest', { count: claims.length, items });
    // The platform user id is the member's private chat on every adapter (as the daily tally).
    for (const r of await digestRecipients(tx, zone)) {
      const key = `${zoneKey(zone.zoneId)}e${zone.estateId}-p${claims[0].id}-m${r.memberId}`;
      await writeScheduled(tx, key, { to: { platform: r.platform as Platform, chatId: r.platformUserId }, text, mentions: [] }, now);
    }
  });
}
