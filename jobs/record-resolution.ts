import { findMeeting } from '../src/council/meetings.js';
import { allRefs, readRef, readTask } from '../src/council/read-args.js';
import { userText } from '../src/i18n/user-text.js';
import { councilOut, councilStaff } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 决议 M2 加装晾衣架 负责 物业 截止 12月31日: a meeting's decision becomes a tracked task (D-ref) in the weekly notice until done. */
export const recordResolution = commandProcessor('resolution', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('council_staff_only'));
  const ref = readRef(ctx.job.command.text ?? '', 'M');
  if (!ref) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  const meeting = await findMeeting(ctx.tx, ctx.estate.id, ref.id);
  if (!meeting) return void out.reply(t('meeting_not_found', { ref: `M${ref.id}` }));
  const task = readTask(ref.rest, ctx.now, ctx.estate.time_zone);
  if (!task.ok) return void out.reply(t('council_arg_error', { error: task.error }));
  // A decision on an agenda item names its proposal (Y3); that proposal is then decided.
  const proposalId = allRefs(task.value.text, 'Y')[0] ?? null;
  const onAgenda = proposalId === null ? undefined : await ctx.tx.selectFrom('meeting_agenda').select('proposal_id').where('meeting_id', '=', meeting.id).where('proposal_id', '=', proposalId).executeTakeFirst();
  const row = await ctx.tx
    .insertInto('council_tasks')
    .values({
      estate_id: ctx.estate.id,
      meeting_id: meeting.id,
      proposal_id: onAgenda?.proposal_id ?? null,
      text: task.value.text,
      owner: task.value.owner,
      due_on: task.value.dueOn,
      progress: null,
      created_by: ctx.member.id,
      source_key: ctx.job.key,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (onAgenda) await ctx.tx.updateTable('proposals').set({ status: 'decided' }).where('id', '=', onAgenda.proposal_id).execute();
  await ctx.audit('meeting.resolution', `D${row.id}`, { meeting: `M${meeting.id}`, owner: task.value.owner, due: task.value.dueOn });
  const [y, m, d] = task.value.dueOn.split('-').map(Number);
  const due = ctx.i18n.locale === 'en' ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${m}月${d}日`;
  out.reply(t('resolution_recorded', { ref: `D${row.id}`, meeting: `M${meeting.id}`, text: userText(task.value.text), owner: userText(task.value.owner, 40), due }));
});
