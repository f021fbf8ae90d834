import { reminderText } from '../src/notices/reminder-text.js';
import { isStaff } from '../src/ledger/permissions.js';
import { nextFiring } from '../src/time/reminder-schedule.js';
import { when } from '../src/time/when-words.js';
import { commandProcessor } from './run-command.js';

/** 提醒列表 / /reminders: staff see this chat's active reminders with their next times. */
export const listReminders = commandProcessor('reminders', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const rows = await ctx.tx
    .selectFrom('reminders')
    .select(['id', 'schedule', 'time_zone', 'message'])
    .where('estate_id', '=', ctx.estate.id)
    .where('platform', '=', ctx.job.platform)
    .where('chat_id', '=', ctx.job.chatId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return ctx.reply(t('reminders_none'));
  const lines = [t('reminders_header', { count: rows.length })];
  for (const r of rows) {
    const next = nextFiring(r.schedule, ctx.now, r.time_zone);
    lines.push(t('reminders_line', { ref: `R${r.id}`, repeat: r.schedule, next: next ? when(next, ctx.now, r.time_zone) : null, message: reminderText(r.message) }));
  }
  ctx.reply(lines.join('\n'));
});
