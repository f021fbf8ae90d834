import { findHousehold } from '../src/members/households.js';
import { canManage } from '../src/ledger/permissions.js';
import { councilOut, councilStaff } from './council-out.js';
import { commandProcessor } from './run-command.js';

const B_REF = /B\s?(\d{1,9})(?!\d)/i;
const RELATIONS = ['owner', 'tenant', 'family', 'designate'] as const;

/**
 * 确认业主 B3 / 确认租户 B3 / 确认家属 B3: staff confirm a binding (if pending) and say how the member
 * relates to the household; 委托投票 B3 records that the owner designated that tenant or family
 * member to vote. Only owner (or designated) bindings so described before a vote opened may vote in it.
 */
export const setRelation = commandProcessor('relation', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('staff_only'));
  const text = (ctx.job.command.text ?? '').normalize('NFKC');
  const relation = RELATIONS.find((r) => new RegExp(`\\b${r}\\b`, 'i').test(text));
  const m = B_REF.exec(text);
  if (!m || !relation) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  const ref = `B${Number(m[1])}`;
  const binding = await ctx.tx
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .select(['bi.id', 'bi.status', 'h.room_code'])
    .where('bi.id', '=', Math.min(Number(m[1]), 2_147_483_647))
    .where('h.estate_id', '=', ctx.estate.id)
    .executeTakeFirst();
  if (!binding) return void out.reply(t('relation_not_found', { ref }));
  if (binding.status === 'rejected') return void out.reply(t('relation_rejected', { ref }));
  const household = (await findHousehold(ctx.tx, ctx.estate.id, binding.room_code))!;
  if (!canManage(ctx.roles, household)) return void out.reply(t('not_your_zone', { room: binding.room_code }));
  const confirm = binding.status === 'pending' ? { status: 'confirmed' as const, decided_by: ctx.member.id, decided_at: ctx.now } : {};
  const set = relation === 'designate' ? { designated: true, relation_at: ctx.now } : { relation, designated: false, relation_at: ctx.now };
  await ctx.tx.updateTable('bindings').set({ ...confirm, ...set }).where('id', '=', binding.id).execute();
  if (binding.status === 'pending') await ctx.audit('binding.confirm', ref, { relation });
  await ctx.audit('binding.relation', ref, { relation });
  out.reply(t('relation_set', { ref, room: binding.room_code, relation }));
});
