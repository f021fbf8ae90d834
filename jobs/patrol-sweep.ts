import type { Locale } from '../src/commands/locale.js';
import type { Estate } from '../src/db/database.js';
import { localDayBounds } from '../src/grid/local-day.js';
import { autoCloseAt } from '../src/grid/patrol-minutes.js';
import { patrolSettings, REMINDER_WINDOW_MINUTES } from '../src/grid/patrol-settings.js';
import { reachMember } from '../src/grid/reach-member.js';
import { todayMinutes } from '../src/grid/today-minutes.js';
import { translator } from '../src/i18n/translator.js';
import type { ChatAddress, Platform } from '../src/messages/incoming-message.js';
import { localDayKey, localParts } from '../src/time/zoned-time.js';
import type { EstateRunJob } from '../src/queue/job-data.js';
import { localTime } from '../src/time/local-time.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeScheduled } from '../src/outbox/write-outbox.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/** Outbox keys of the sweep start with this (fixed per patrol, or per grid worker and day). */
const KEY_PREFIX = 'patrol-';

/**
 * The scheduled patrol sweep: closes patrols left open past the estate's bound (marked
 * automatic, counted to the bound), and reminds each grid worker with no patrol yet today once,
 * in the hours after the estate's reminder time, except on its days off. Time comes from deps.clock; each
 * step's own row (the patrol's end, the reminder row) makes it happen once however often it runs.
 */
export async function patrolSweep(data: EstateRunJob, deps: WorkerDeps, _info?: JobInfo): Promise<void> {
  const now = deps.clock.now();
  let q = deps.db.selectFrom('estates').selectAll().orderBy('id');
  if (data.estateId !== null) q = q.where('id', '=', data.estateId);
  for (const estate of await q.execute()) {
    await closeOverdue(deps, estate, now);
    await remind(deps, estate, now);
  }
  await handOverPending(deps, { prefix: KEY_PREFIX, since: new Date(now.getTime() - 24 * 3600_000) });
}

async function closeOverdue(deps: WorkerDeps, estate: Estate, now: Date): Promise<void> {
  const s = await patrolSettings(deps.db, estate.id);
  const open = await deps.db.selectFrom('patrols').select(['id', 'started_at']).where('estate_id', '=', estate.id).where('ended_at', 'is', null).execute();
  for (const p of open.filter((o) => autoCloseAt(o.started_at, s.autoCloseMinutes) <= now)) {
    await deps.db.transaction().execute(async (tx) => {
      const closed = await tx
        .updateTable('patrols')
        .set({ ended_at: autoCloseAt(p.started_at, s.autoCloseMinutes), auto_closed: true })
        .where('id', '=', p.id)
        .where('ended_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!closed) return;
      const m = await tx.selectFrom('members').select(['platform', 'platform_user_id as platformUserId']).where('id', '=', closed.member_id).executeTakeFirstOrThrow();
      const origin: ChatAddress = { platform: closed.origin_platform as Platform, chatId: closed.origin_chat_id };
      const to = await reachMember(tx, m, estate.id, origin);
      if (to === null) return;
      const { t } = translator(estate.locale as Locale);
      const text = t('patrol_auto_closed', { since: localTime(closed.started_at, estate.time_zone), minutes: s.autoCloseMinutes });
      await writeScheduled(tx, `${KEY_PREFIX}close-${closed.id}`, { to, text, mentions: [m.platformUserId] }, now);
    });
  }
}

async function remind(deps: WorkerDeps, estate: Estate, now: Date): Promise<void> {
  const s = await patrolSettings(deps.db, estate.id);
  if (!s.reminderEnabled) return;
  const local = localParts(now, estate.time_zone);
  if (s.daysOff.includes(local.dow)) return;
  const sinceReminderTime = local.hour * 60 + local.minute - (s.reminderHour * 60 + s.reminderMinute);
  if (sinceReminderTime < 0 || sinceReminderTime >= REMINDER_WINDOW_MINUTES) return;
  const day = localDayKey(now, estate.time_zone);
  const { from, to } = localDayBounds(now, estate.time_zone);
  const idle = await deps.db
    .selectFrom('roles as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['m.id', 'm.platform', 'm.platform_user_id as platformUserId'])
    .where('r.estate_id', '=', estate.id)
    .where('r.role', '=', 'grid_worker')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('patrols as p').select('p.id').whereRef('p.member_id', '=', 'm.id').where('p.started_at', '>=', from).where('p.started_at', '<', to))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('patrol_reminders as pr').select('pr.member_id').whereRef('pr.member_id', '=', 'm.id').where('pr.day', '=', day))))
    .distinct()
    .orderBy('m.id')
    .execute();
  const { t } = translator(estate.locale as Locale);
  for (const m of idle) {
    await deps.db.transaction().execute(async (tx) => {
      const fresh = await tx
        .insertInto('patrol_reminders')
        .values({ member_id: m.id, day, created_at: now })
        .onConflict((c) => c.columns(['member_id', 'day']).doNothing())
        .returning('member_id')
        .executeTakeFirst();
      if (!fresh) return;
      const where = await reachMember(tx, m, estate.id);
      if (where === null) return;
      const text = t('patrol_reminder', { today: await todayMinutes(tx, m.id, estate.time_zone, now, s.autoCloseMinutes), target: s.targetMinutes });
      await writeScheduled(tx, `${KEY_PREFIX}remind-${m.id}-${day}`, { to: where, text, mentions: [m.platformUserId] }, now);
    });
  }
}
