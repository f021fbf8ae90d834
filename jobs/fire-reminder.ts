import { reminderText } from '../src/notices/reminder-text.js';
import type { Locale } from '../src/commands/locale.js';
import { translator } from '../src/i18n/translator.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { lastFiring } from '../src/time/reminder-schedule.js';
import { reminderSchedulerId } from '../src/notices/schedules.js';
import type { ReminderJob } from '../src/queue/job-data.js';
import { outboxKey } from '../src/queue/job-ids.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeScheduled } from '../src/outbox/write-outbox.js';
import type { WorkerDeps } from './worker-deps.js';

/** Fired this long after its time, a reminder says it is late. */
export const REMINDER_LATE_AFTER_MS = 10 * 60_000;
/** A repeating reminder missed by more than this is skipped: its next time will come. */
export const REMINDER_STALE_AFTER_MS = 12 * 3_600_000;

/**
 * A reminder's scheduler fired: say its message once for the firing the clock is at (the
 * (reminder, slot) row decides), then retire a one-shot and drop the scheduler of a reminder
 * no longer active.
 */
export async function fireReminder(data: ReminderJob, deps: WorkerDeps): Promise<void> {
  const now = deps.clock.now();
  const outcome = await deps.db.transaction().execute(async (tx) => {
    const r = await tx.selectFrom('reminders').selectAll().where('id', '=', data.reminderId).forUpdate().executeTakeFirst();
    // Not there: a reminder whose command rolled back; the scheduler goes at the next worker start.
    if (!r) return { key: null, retire: false };
    if (r.status !== 'active') return { key: null, retire: true };
    const slot = lastFiring(r.schedule, now, r.time_zone);
    if (!slot || slot < r.created_at) return { key: null, retire: false };
    const once = r.schedule.kind === 'once';
    const behind = now.getTime() - slot.getTime();
    if (!once && behind > REMINDER_STALE_AFTER_MS) return { key: null, retire: false };
    const key = outboxKey(`reminder-${r.id}-${slot.getTime()}`, 1);
    const late = behind > REMINDER_LATE_AFTER_MS;
    const fresh = await tx
      .insertInto('reminder_firings')
      .values({ reminder_id: r.id, slot, late, created_at: now })
      .onConflict((c) => c.columns(['reminder_id', 'slot']).doNothing())
      .returning('slot')
      .executeTakeFirst();
    if (fresh) {
      const estate = await tx.selectFrom('estates').select('locale').where('id', '=', r.estate_id).executeTakeFirstOrThrow();
      const text = translator(estate.locale as Locale).t('reminder_text', { message: reminderText(r.message), late });
      await writeScheduled(tx, key, { to: { platform: r.platform as Platform, chatId: r.chat_id }, text, mentions: [] }, now);
      if (once) await tx.updateTable('reminders').set({ status: 'done' }).where('id', '=', r.id).execute();
    }
    return { key, retire: once };
  });
  if (outcome.key) await handOverPending(deps, { keys: [outcome.key] });
  if (outcome.retire) await deps.schedules?.remove(reminderSchedulerId(data.reminderId));
}
