import { addFieldNote, noteRef } from '../src/grid/field-notes.js';
import { openPatrolOf } from '../src/grid/patrol-repository.js';
import { commandProcessor } from './run-command.js';

/** 巡查发现 9栋消防通道堆了自行车: a note on the open patrol; 转工单 makes it a ticket, else it stays a note. */
export const notePatrol = commandProcessor('patrol-note', async (ctx) => {
  const { t } = ctx.i18n;
  const open = await openPatrolOf(ctx.tx, ctx.member.id);
  if (!open) return ctx.reply(t('patrol_note_needs_patrol'));
  const id = await addFieldNote(ctx.tx, {
    estateId: ctx.estate.id,
    memberId: ctx.member.id,
    kind: 'patrol',
    patrolId: open.id,
    text: ctx.job.command.text ?? '',
    key: ctx.job.key,
    at: ctx.now,
  });
  ctx.reply(t('patrol_note_saved', { ref: noteRef(id) }));
});
