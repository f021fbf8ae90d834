import type { Locale } from '../src/commands/locale.js';
import { currentMonth, monthName } from '../src/time/month.js';
import { translator } from '../src/i18n/translator.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { localDayKey, localParts } from '../src/time/zoned-time.js';
import type { EstateRunJob } from '../src/queue/job-data.js';
import { outboxKey } from '../src/queue/job-ids.js';
import { panelOf } from '../src/scoring/panel.js';
import { closeDueRounds, ensureRound, unitsInScope } from '../src/scoring/rounds.js';
import { cardsOfRound } from '../src/scoring/scores.js';
import { isComplete } from '../src/scoring/unit-score.js';
import { YEAR_END_KEY_PREFIX } from '../src/scoring/year-end-notice.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeScheduled } from '../src/outbox/write-outbox.js';
import type { WorkerDeps } from './worker-deps.js';

/** Days before the close day (inclusive) on which unfinished panelists are reminded, once a day. */
export const REMIND_DAYS_BEFORE = 3;

/**
 * The hourly 红"栋"力 tick, per estate: opens this month's round, closes rounds whose day has
 * passed (telling the panel privately), and reminds panelists who have not scored every unit in
 * the last days before the close. Each message has a fixed outbox key, so a second run sends nothing.
 */
export async function scoringTick(data: EstateRunJob, deps: WorkerDeps): Promise<void> {
  const now = deps.clock.now();
  const estates = await deps.db.selectFrom('estates').selectAll().$if(data.estateId !== null, (q) => q.where('id', '=', data.estateId!)).execute();
  const keys: string[] = [];
  for (const estate of estates) {
    const panel = await panelOf(deps.db, estate.id);
    if (panel.length === 0) continue;
    const { t } = translator(estate.locale as Locale);
    await deps.db.transaction().execute(async (tx) => {
      const closed = await closeDueRounds(tx, estate.id, now);
      for (const r of closed) {
        for (const p of panel) {
          const key = outboxKey(`scoring-closed-${r.id}-${p.memberId}`, 1);
          keys.push(key);
          await writeScheduled(tx, key, { to: { platform: p.platform as Platform, chatId: p.platformUserId }, text: t('sc_round_closed', { month: monthName(r.month) }), mentions: [] }, now);
        }
      }
      const round = await ensureRound(tx, estate, currentMonth(now, estate.time_zone), now);
      const day = localParts(now, estate.time_zone).day;
      if (round.status !== 'open' || day < round.rules.closeDay - REMIND_DAYS_BEFORE + 1 || day > round.rules.closeDay) return;
      const units = await unitsInScope(tx, estate.id, round.rules);
      const cards = await cardsOfRound(tx, round.id);
      const dayKey = localDayKey(now, estate.time_zone);
      for (const p of panel) {
        const left = units.filter((u) => !(cards.get(u.id) ?? []).some((c) => c.panelistId === p.memberId && isComplete(round.rules, c))).length;
        if (left === 0) continue;
        const fresh = await tx
          .insertInto('scoring_reminders')
          .values({ round_id: round.id, member_id: p.memberId, day: dayKey, created_at: now })
          .onConflict((c) => c.doNothing())
          .returning('day')
          .executeTakeFirst();
        if (!fresh) continue;
        const key = outboxKey(`scoring-remind-${round.id}-${p.memberId}-${dayKey}`, 1);
        keys.push(key);
        const m = round.month.slice(5);
        const closes = `${Number(m)}月${round.rules.closeDay}日`;
        await writeScheduled(tx, key, { to: { platform: p.platform as Platform, chatId: p.platformUserId }, text: t('sc_remind', { month: monthName(round.month), count: left, closes }), mentions: [] }, now);
      }
    });
  }
  if (keys.length > 0) await handOverPending(deps, { keys });
  // The year-end notices `linli scoring year-end` wrote (the command line has no queue of its own).
  await handOverPending(deps, { prefix: YEAR_END_KEY_PREFIX, since: new Date(now.getTime() - 7 * 24 * 3600_000) });
}

