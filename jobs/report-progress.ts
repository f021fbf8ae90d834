import { readRef } from '../src/council/read-args.js';
import { userText } from '../src/i18n/user-text.js';
import { councilOut, councilStaff } from './council-out.js';
import { commandProcessor } from './run-command.js';

const DONE = /^(?:完成|已完成|办结|done|finished)/i;

/** 进展 D3 已采购 / 进展 D3 完成: staff report a decision's progress; the weekly notice shows it until done. */
export const reportProgress = commandProcessor('progress', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('council_staff_only'));
  const ref = readRef(ctx.job.command.text ?? '', 'D');
  if (!ref) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  if (ref.rest === '') return void out.reply(t('council_arg_error', { error: 'text_required' }));
  const done = DONE.test(ref.rest);
  const row = await ctx.tx
    .updateTable('council_tasks')
    .set({ progress: ref.rest, status: done ? 'done' : 'open', updated_at: ctx.now })
    .where('id', '=', Math.min(ref.id, 2_147_483_647))
    .where('estate_id', '=', ctx.estate.id)
    .returning('id')
    .executeTakeFirst();
  if (!row) return void out.reply(t('task_not_found', { ref: `D${ref.id}` }));
  await ctx.audit('task.progress', `D${row.id}`, { progress: ref.rest, done });
  out.reply(t('task_progress', { ref: `D${row.id}`, progress: userText(ref.rest), done }));
});
