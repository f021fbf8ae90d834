import { translator } from '../src/i18n/translator.js';
import type { CommandJob } from '../src/queue/job-data.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeReplies } from '../src/outbox/write-outbox.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/**
 * A location with no command: kept with its sender's open patrol (one point per message), and
 * acknowledged. A location from anyone not on patrol is ordinary chat: nothing is said.
 */
export async function patrolLocation(data: CommandJob, deps: WorkerDeps, _info?: JobInfo): Promise<void> {
  const now = deps.clock.now();
  const said = await deps.db.transaction().execute(async (tx) => {
    const member = await tx.selectFrom('members').select('id').where('platform', '=', data.platform).where('platform_user_id', '=', data.senderId).executeTakeFirst();
    if (!member) return false;
    const patrol = await tx.selectFrom('patrols').select('id').where('member_id', '=', member.id).where('ended_at', 'is', null).forUpdate().executeTakeFirst();
    if (!patrol) return false;
    const points = data.attachments.flatMap((a) => (a.kind === 'location' ? [a] : []));
    const added = await tx
      .insertInto('patrol_points')
      .values(points.map((p, i) => ({ patrol_id: patrol.id, latitude_e6: p.latitudeE6, longitude_e6: p.longitudeE6, label: p.label?.slice(0, 200) ?? null, source_key: `${data.key}-${i}`, created_at: now })))
      .onConflict((c) => c.column('source_key').doNothing())
      .returning('id')
      .execute();
    if (added.length === 0) return true; // a re-run: the reply is already in the outbox
    const count = await tx.selectFrom('patrol_points').select((e) => e.fn.countAll<string>().as('n')).where('patrol_id', '=', patrol.id).executeTakeFirstOrThrow();
    const { t } = translator(data.locale);
    await writeReplies(tx, data.key, [{ to: { platform: data.platform, chatId: data.chatId }, text: t('patrol_location_saved', { count: Number(count.n) }), mentions: [] }], now);
    return true;
  });
  if (said) await handOverPending(deps, { prefix: `${data.key}-r`, since: new Date(now.getTime() - 24 * 3600_000) });
}
