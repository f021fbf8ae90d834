import type { ChatGroup } from '../src/db/database.js';
import type { Locale } from '../src/commands/locale.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { translator } from '../src/i18n/translator.js';
import { councilNoticeLines } from '../src/council/notice-lines.js';
import { buildNotice } from '../src/notices/build-notice.js';
import { estateSchedules } from '../src/notices/notice-settings.js';
import { loadEstateNoticeData } from '../src/notices/notice-data.js';
import { noticePeriod, noticeSlot, weekKey } from '../src/notices/week.js';
import type { EstateRunJob } from '../src/queue/job-data.js';
import { outboxKey } from '../src/queue/job-ids.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeScheduled } from '../src/outbox/write-outbox.js';
import type { OutgoingAttachment } from '../src/outbox/outgoing-message.js';
import { mainFeePlan } from '../src/ledger/fee-plan.js';
import { monthTrends } from '../src/notices/month-trend.js';
import { noticeChart } from '../src/notices/notice-chart.js';
import type { WorkerDeps } from './worker-deps.js';

/** Posted this long after its scheduled time, a notice says it is late. */
export const LATE_AFTER_MS = 30 * 60_000;

/** The outbox key of a group's notice for a week. */
export function weeklyNoticeKey(groupId: number, week: string): string {
  return outboxKey(`notice-${groupId}-${week}`, 1);
}

/**
 * The weekly public notice, for one estate (its cron) or every estate (the catch-up tick): each
 * linked group gets the notice of the latest scheduled time, unless it has it. The unique
 * (group, week) row decides, so double firing, two workers and re-runs post one; a run long
 * after the scheduled time (the bot was down) posts it once, marked late.
 */
export async function postWeeklyNotice(data: EstateRunJob, deps: WorkerDeps): Promise<void> {
  const now = deps.clock.now();
  for (const e of await estateSchedules(deps.db, data.estateId)) {
    const slot = noticeSlot(e.notice, now, e.timeZone);
    const week = weekKey(slot, e.timeZone);
    const late = now.getTime() - slot.getTime() > LATE_AFTER_MS;
    // A group linked after the scheduled time waits for the next one.
    // Only groups still without this week's notice: the catch-up tick stays one cheap query.
    const groups = await deps.db
      .selectFrom('chat_groups as g')
      .selectAll('g')
      .where('g.estate_id', '=', e.estateId)
      .where('g.created_at', '<=', slot)
      .where((w) => w.not(w.exists(w.selectFrom('posted_notices as n').select('n.id').whereRef('n.group_id', '=', 'g.id').where('n.week', '=', week))))
      .orderBy('g.id')
      .execute();
    if (groups.length > 0) {
      const estate = await deps.db.selectFrom('estates').selectAll().where('id', '=', e.estateId).executeTakeFirstOrThrow();
      // The estate's figures once for all its groups (a set-based query per kind, sliced per
      // scope); the unique row in each group's own transaction still decides who posts.
      const { from, to } = noticePeriod(slot);
      const scopes = groups.map((g) => ({ estateId: estate.id, zoneId: g.zone_id, buildingId: g.building_id }));
      const data = await loadEstateNoticeData(deps.db, estate, scopes, from, to, late);
      const { t } = translator(estate.locale as Locale);
      const council = await councilNoticeLines(deps.db, estate, now, t);
      const plan = deps.charts ? await mainFeePlan(deps.db, estate.id) : null;
      const trends = plan ? await monthTrends(deps.db, estate, plan.id, scopes, to) : [];
      for (let i = 0; i < groups.length; i++) {
        // Drawn outside the transaction; a chart that cannot be drawn leaves the notice as text.
        const chart = plan && deps.charts ? await noticeChart(data[i], trends[i], t, deps.log, deps.charts) : null;
        await postOne(deps, groups[i], week, slot, late, { text: buildNotice(data[i], t, council), chart }, now);
      }
    }
    // Also after a crash between commit and hand-over: what is still pending goes out (once, by jobId).
    const pending = await deps.db
      .selectFrom('posted_notices as n')
      .innerJoin('chat_groups as g', 'g.id', 'n.group_id')
      .innerJoin('outbox as o', 'o.key', 'n.outbox_key')
      .select('n.outbox_key')
      .where('g.estate_id', '=', e.estateId)
      .where('n.week', '=', week)
      .where('o.status', '=', 'pending')
      .execute();
    await handOverPending(deps, { keys: pending.map((p) => p.outbox_key) });
  }
}

async function postOne(deps: WorkerDeps, group: ChatGroup, week: string, slot: Date, late: boolean, notice: { text: string; chart: OutgoingAttachment | null }, now: Date): Promise<void> {
  const key = weeklyNoticeKey(group.id, week);
  await deps.db.transaction().execute(async (tx) => {
    const fresh = await tx
      .insertInto('posted_notices')
      .values({ group_id: group.id, week, slot, late, outbox_key: key, created_at: now })
      .onConflict((c) => c.columns(['group_id', 'week']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!fresh) return;
    const to = { platform: group.platform as Platform, chatId: group.chat_id };
    await writeScheduled(tx, key, { to, text: notice.text, mentions: [], ...(notice.chart ? { attachment: notice.chart } : {}) }, now);
  });
}
