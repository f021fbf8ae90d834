import { reminderText } from '../src/notices/reminder-text.js';
import { isStaff } from '../src/ledger/permissions.js';
import { cronPattern, nextFiring, parseReminderSpec } from '../src/time/reminder-schedule.js';
import { reminderSpec } from '../src/notices/schedules.js';
import { when } from '../src/time/when-words.js';
import type { CommandJob } from '../src/queue/job-data.js';
import { commandProcessor } from './run-command.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

const SPEC_ERRORS = {
  time_unclear: 'remind_unclear',
  text_missing: 'remind_text_missing',
  date_invalid: 'remind_date_invalid',
  in_past: 'remind_in_past',
} as const;

/** 提醒 每月1日 9:00 …: staff set a reminder for this chat; the reply has its R-ref and next time in words. */
const createReminder = commandProcessor('remind', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const tz = ctx.estate.time_zone;
  const parsed = parseReminderSpec(ctx.job.command.text ?? '', ctx.now, tz);
  if (!parsed.ok) return ctx.reply(t(SPEC_ERRORS[parsed.error]));
  const row = await ctx.tx
    .insertInto('reminders')
    .values({
      estate_id: ctx.estate.id,
      platform: ctx.job.platform,
      chat_id: ctx.job.chatId,
      created_by: ctx.member.id,
      schedule: JSON.stringify(parsed.schedule),
      cron: cronPattern(parsed.schedule),
      time_zone: tz,
      message: parsed.message,
      source_key: ctx.job.key,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ref = `R${row.id}`;
  await ctx.audit('reminder.create', ref, { schedule: parsed.schedule });
  const next = nextFiring(parsed.schedule, ctx.now, tz)!;
  ctx.reply(t('remind_created', { ref, next: when(next, ctx.now, tz), repeat: parsed.schedule, message: reminderText(parsed.message) }));
});

/**
 * The command, then its scheduler. Upserting after the commit (and on every redelivery, since it
 * is idempotent) means a crash in between leaves nothing unscheduled that a retry would not fix.
 */
export async function scheduleReminder(data: CommandJob, deps: WorkerDeps, info?: JobInfo): Promise<void> {
  await createReminder(data, deps, info);
  const r = await deps.db.selectFrom('reminders').select(['id', 'schedule', 'cron', 'time_zone', 'status']).where('source_key', '=', data.key).executeTakeFirst();
  if (r?.status === 'active') await deps.schedules?.upsert(reminderSpec(r, deps.clock.now()));
}
