import { findMeeting } from '../src/council/meetings.js';
import { readRef } from '../src/council/read-args.js';
import { councilOut, councilStaff } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 纪要 M2 …: staff record a meeting's minutes (a later 纪要 replaces them; the audit keeps each). */
export const recordMinutes = commandProcessor('minutes', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('council_staff_only'));
  const ref = readRef(ctx.job.command.text ?? '', 'M');
  if (!ref) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  const meeting = await findMeeting(ctx.tx, ctx.estate.id, ref.id);
  if (!meeting) return void out.reply(t('meeting_not_found', { ref: `M${ref.id}` }));
  if (ref.rest === '') return void out.reply(t('council_arg_error', { error: 'text_required' }));
  await ctx.tx.updateTable('meetings').set({ minutes: ref.rest, minutes_at: ctx.now, status: 'held' }).where('id', '=', meeting.id).execute();
  await ctx.audit('meeting.minutes', `M${meeting.id}`, { minutes: ref.rest });
  out.reply(t('minutes_recorded', { ref: `M${meeting.id}` }));
});
