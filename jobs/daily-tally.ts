import type { Locale } from '../src/commands/locale.js';
import { translator } from '../src/i18n/translator.js';
import { isStaff } from '../src/ledger/permissions.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { estateSchedules } from '../src/notices/notice-settings.js';
import { buildTally, loadTallyData } from '../src/notices/tally-data.js';
import { localDayKey, startOfLocalDay } from '../src/time/zoned-time.js';
import type { EstateRunJob } from '../src/queue/job-data.js';
import { outboxKey } from '../src/queue/job-ids.js';
import { commandProcessor } from './run-command.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeScheduled } from '../src/outbox/write-outbox.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * The evening tally: each grid worker gets their zone's day in a private chat (the platform user
 * id is the private chat on every adapter), once per worker, zone and day.
 */
export async function dailyTally(data: EstateRunJob, deps: WorkerDeps): Promise<void> {
  const now = deps.clock.now();
  for (const e of await estateSchedules(deps.db, data.estateId)) {
    const estate = await deps.db.selectFrom('estates').selectAll().where('id', '=', e.estateId).executeTakeFirstOrThrow();
    const day = localDayKey(now, e.timeZone);
    const from = startOfLocalDay(now, e.timeZone);
    const workers = await deps.db
      .selectFrom('roles as r')
      .innerJoin('members as m', 'm.id', 'r.member_id')
      .innerJoin('zones as z', 'z.id', 'r.zone_id')
      .select(['m.id as memberId', 'm.platform', 'm.platform_user_id', 'z.id as zoneId', 'z.name as zoneName'])
      .where('r.estate_id', '=', e.estateId)
      .where('r.role', '=', 'grid_worker')
      .orderBy('r.id')
      .execute();
    const keys: string[] = [];
    for (const w of workers) {
      const key = outboxKey(`tally-${w.memberId}-${w.zoneId}-${day}`, 1);
      keys.push(key);
      await deps.db.transaction().execute(async (tx) => {
        const fresh = await tx
          .insertInto('tally_log')
          .values({ member_id: w.memberId, zone_id: w.zoneId, day, created_at: now })
          .onConflict((c) => c.columns(['member_id', 'zone_id', 'day']).doNothing())
          .returning('day')
          .executeTakeFirst();
        if (!fresh) return;
        const tally = await loadTallyData(tx, e.estateId, { id: w.zoneId, name: w.zoneName }, day, from, now);
        const text = buildTally(tally, translator(estate.locale as Locale).t);
        await writeScheduled(tx, key, { to: { platform: w.platform as Platform, chatId: w.platform_user_id }, text, mentions: [] }, now);
      });
    }
    await handOverPending(deps, { keys });
  }
}

/** 统计 / /tally: staff get today's tally now, for their zone (an admin: the group's zone, or every zone). */
export const tallyNow = commandProcessor('tally', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const own = ctx.roles.filter((r) => r.role === 'grid_worker' && r.zoneId !== null).map((r) => r.zoneId!);
  const admin = ctx.roles.some((r) => r.role === 'admin');
  let zones = await ctx.tx.selectFrom('zones').select(['id', 'name']).where('estate_id', '=', ctx.estate.id).orderBy('id').execute();
  if (!admin) zones = zones.filter((z) => own.includes(z.id));
  else if (ctx.scope.zoneId !== null) zones = zones.filter((z) => z.id === ctx.scope.zoneId);
  if (zones.length === 0) return ctx.reply(t('tally_no_zone'));
  const tz = ctx.estate.time_zone;
  const parts: string[] = [];
  for (const z of zones) {
    parts.push(buildTally(await loadTallyData(ctx.tx, ctx.estate.id, z, localDayKey(ctx.now, tz), startOfLocalDay(ctx.now, tz), ctx.now), t));
  }
  ctx.reply(parts.join('\n\n'));
});
