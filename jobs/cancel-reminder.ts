import { isStaff } from '../src/ledger/permissions.js';
import { reminderSchedulerId } from '../src/notices/schedules.js';
import type { CommandJob } from '../src/queue/job-data.js';
import { commandProcessor } from './run-command.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

function reminderId(ref: string | null): number | null {
  const m = /^R(\d{1,9})$/.exec(ref ?? '');
  return m ? Number(m[1]) : null;
}

/** 取消 R2: staff cancel a reminder of this chat (an admin: any in the estate). */
const cancel = commandProcessor('cancel', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const ref = ctx.job.command.ref ?? '';
  const id = reminderId(ref);
  const r = id === null ? undefined : await ctx.tx.selectFrom('reminders').selectAll().where('id', '=', id).where('estate_id', '=', ctx.estate.id).forUpdate().executeTakeFirst();
  if (!r) return ctx.reply(t('ref_not_found', { ref }));
  const here = r.platform === ctx.job.platform && r.chat_id === ctx.job.chatId;
  if (!here && !ctx.roles.some((x) => x.role === 'admin')) return ctx.reply(t('reminder_other_chat', { ref }));
  if (r.status !== 'active') return ctx.reply(t('reminder_not_active', { ref }));
  await ctx.tx.updateTable('reminders').set({ status: 'cancelled', cancelled_by: ctx.member.id, cancelled_at: ctx.now }).where('id', '=', r.id).execute();
  await ctx.audit('reminder.cancel', ref);
  ctx.reply(t('reminder_cancelled', { ref }));
});

/** The command, then (after commit, and again on any redelivery) the scheduler of a reminder no longer active goes. */
export async function cancelReminder(data: CommandJob, deps: WorkerDeps, info?: JobInfo): Promise<void> {
  await cancel(data, deps, info);
  const id = reminderId(data.command.ref);
  if (id === null) return;
  const r = await deps.db.selectFrom('reminders').select('status').where('id', '=', id).executeTakeFirst();
  if (r && r.status !== 'active') await deps.schedules?.remove(reminderSchedulerId(id));
}
