import { canManage, isStaff } from '../src/ledger/permissions.js';
import { claimAge as age } from '../src/ledger/claim-age.js';
import { commandProcessor } from './run-command.js';

/** 待确认 / /pending: claims and bindings waiting in the staff member's reach (and the group's scope), oldest first. */
export const listPending = commandProcessor('pending', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const { scope } = ctx;
  const claims = await ctx.tx
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .innerJoin('fee_plans as f', 'f.id', 'p.fee_plan_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .select(['p.id', 'p.amount_fen', 'p.created_at', 'h.room_code', 'f.name as plan', 'b.id as buildingId', 'b.zone_id as zoneId'])
    .where('p.estate_id', '=', ctx.estate.id)
    .where('p.kind', '=', 'claim')
    .where('d.payment_id', 'is', null)
    .$if(scope.zoneId !== null, (q) => q.where('b.zone_id', '=', scope.zoneId!))
    .$if(scope.buildingId !== null, (q) => q.where('b.id', '=', scope.buildingId!))
    .execute();
  const bindings = await ctx.tx
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['bi.id', 'bi.created_at', 'h.room_code', 'b.id as buildingId', 'b.zone_id as zoneId'])
    .where('h.estate_id', '=', ctx.estate.id)
    .where('bi.status', '=', 'pending')
    .$if(scope.zoneId !== null, (q) => q.where('b.zone_id', '=', scope.zoneId!))
    .$if(scope.buildingId !== null, (q) => q.where('b.id', '=', scope.buildingId!))
    .execute();
  // With several fee plans, each claim says which (8-2-301 物业费); with one, as it always read.
  const plans = await ctx.tx.selectFrom('fee_plans').select('id').where('estate_id', '=', ctx.estate.id).limit(2).execute();
  const room = (c: { room_code: string; plan: string }) => (plans.length > 1 ? `${c.room_code} ${c.plan}` : c.room_code);
  const rows = [
    ...claims.filter((c) => canManage(ctx.roles, c)).map((c) => ({ at: c.created_at, text: t('pending_claim', { ref: `P${c.id}`, room: room(c), fen: c.amount_fen, age: age(t, c.created_at, ctx.now) }) })),
    ...bindings.filter((b) => canManage(ctx.roles, b)).map((b) => ({ at: b.created_at, text: t('pending_binding', { ref: `B${b.id}`, room: b.room_code, age: age(t, b.created_at, ctx.now) }) })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (rows.length === 0) return ctx.reply(t('pending_none'));
  ctx.reply([t('pending_title', { count: rows.length }), ...rows.map((r) => r.text), t('pending_footer')].join('\n'));
});
