import { commandAs } from '../src/commands/parsed-command.js';
import { findHousehold } from '../src/members/households.js';
import { commandProcessor } from './run-command.js';

/** 绑定 8-2-301: a resident asks to be bound to a household; staff confirm the B-ref. */
export const bindHousehold = commandProcessor('bind', async (ctx) => {
  const { t } = ctx.i18n;
  const { room } = commandAs(ctx.job.command, 'bind');
  const household = await findHousehold(ctx.tx, ctx.estate.id, room);
  if (!household) return ctx.reply(t('room_unknown', { room }));
  const existing = await ctx.tx
    .selectFrom('bindings')
    .select(['id', 'status'])
    .where('member_id', '=', ctx.member.id)
    .where('household_id', '=', household.id)
    .where('status', 'in', ['pending', 'confirmed'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (existing?.status === 'confirmed') return ctx.reply(t('bind_already', { room }));
  if (existing) return ctx.reply(t('bind_pending_exists', { ref: `B${existing.id}`, room }));
  const row = await ctx.tx
    .insertInto('bindings')
    .values({ member_id: ctx.member.id, household_id: household.id, source_key: ctx.job.key, decided_by: null, decided_at: null, reason: null, created_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.reply(t('bind_requested', { ref: `B${row.id}`, room }));
});
