import { commandAs } from '../src/commands/parsed-command.js';
import { mainFeePlan, monthsFor } from '../src/ledger/fee-plan.js';
import { findHousehold } from '../src/members/households.js';
import { householdBalance } from '../src/ledger/paid-through.js';
import { canManage, isStaff } from '../src/ledger/permissions.js';
import { insertPayment } from '../src/ledger/insert-payment.js';
import { commandProcessor } from './run-command.js';

/** 收费 8-2-301 60 现金: staff record a payment they took; it counts at once. */
export const collectPayment = commandProcessor('collect', async (ctx) => {
  const { t } = ctx.i18n;
  const cmd = commandAs(ctx.job.command, 'collect');
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const room = cmd.room;
  const household = await findHousehold(ctx.tx, ctx.estate.id, room);
  if (!household) return ctx.reply(t('room_unknown', { room }));
  if (!canManage(ctx.roles, household)) return ctx.reply(t('not_your_zone', { room }));
  const plan = await mainFeePlan(ctx.tx, ctx.estate.id);
  if (!plan) return ctx.reply(t('no_fee_plan'));
  const resolved = monthsFor(plan, cmd.amountFen, cmd.months);
  if (!resolved.ok) {
    if (resolved.reason === 'need_amount') return ctx.reply(t('amount_required'));
    if (resolved.reason === 'months_invalid') return ctx.reply(t('months_invalid'));
    return ctx.reply(t('pay_not_whole_months', { amount: cmd.amountFen ?? 0, fee: plan.amount_fen, plan: plan.name }));
  }
  const method = cmd.text ? cmd.text.slice(0, 40) : null;
  const id = await insertPayment(ctx.tx, {
    estateId: ctx.estate.id,
    householdId: household.id,
    feePlanId: plan.id,
    kind: 'collection',
    amountFen: resolved.amountFen,
    months: resolved.months,
    method: method,
    memberId: ctx.member.id,
    sourceKey: ctx.job.key,
    at: ctx.now,
  });
  const ref = `P${id}`;
  await ctx.audit('payment.collect', ref, { room, amountFen: resolved.amountFen, months: resolved.months, method });
  const bal = await householdBalance(ctx.tx, ctx.estate, plan, household.id, ctx.now);
  ctx.reply(t('collect_done', { ref, room, amount: resolved.amountFen, months: resolved.months, through: bal.throughName! }));
});
