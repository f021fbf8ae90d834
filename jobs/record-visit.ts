import { addFieldNote, noteRef } from '../src/grid/field-notes.js';
import { localMonthBounds } from '../src/grid/local-day.js';
import { currentMonth } from '../src/time/month.js';
import { findHousehold } from '../src/members/households.js';
import { canManage } from '../src/ledger/permissions.js';
import { maskPersonalData } from '../src/privacy/mask.js';
import { commandProcessor } from './run-command.js';

/** 走访 8-2-301 老人独居，反映楼道灯坏了: a staff record of a household visit (民情日志), never public. */
export const recordVisit = commandProcessor('visit', async (ctx) => {
  const { t } = ctx.i18n;
  const room = ctx.job.command.room!;
  const household = await findHousehold(ctx.tx, ctx.estate.id, room);
  if (!household) return ctx.reply(t('room_unknown', { room }));
  if (!canManage(ctx.roles, household)) return ctx.reply(ctx.roles.some((r) => r.role === 'grid_worker') ? t('not_your_zone', { room }) : t('staff_only'));
  const id = await addFieldNote(ctx.tx, {
    estateId: ctx.estate.id,
    memberId: ctx.member.id,
    kind: 'visit',
    householdId: household.id,
    text: maskPersonalData(ctx.job.command.text ?? ''),
    key: ctx.job.key,
    at: ctx.now,
  });
  await ctx.audit('visit.record', noteRef(id), { room });
  const { from, to } = localMonthBounds(currentMonth(ctx.now, ctx.estate.time_zone), ctx.estate.time_zone);
  const month = await ctx.tx
    .selectFrom('field_notes')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('member_id', '=', ctx.member.id)
    .where('kind', '=', 'visit')
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  ctx.reply(t('visit_saved', { ref: noteRef(id), room, month: Number(month.n) }));
});
