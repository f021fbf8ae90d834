import { monthsFor } from '../src/ledger/fee-plan.js';
import { choosePlanFrom, planRefusal } from '../src/ledger/plan-choice.js';
import { boundHouseholds, findHousehold } from '../src/members/households.js';
import { insertClaimUnlessWaiting, insertPayment } from '../src/ledger/insert-payment.js';
import { lockHousehold } from '../src/ledger/lock-household.js';
import { pendingBinding } from '../src/members/pending-binding.js';
import { commandProcessor } from './run-command.js';

/** 已交60元: a resident claims a payment for a household bound to them; staff confirm the P-ref. */
export const claimPayment = commandProcessor('pay', async (ctx) => {
  const { t } = ctx.i18n;
  const cmd = ctx.job.command;
  // Read once: whether the estate charges at all, and (below) the plan the claim goes to.
  const plans = await ctx.plans();
  if (plans.length === 0) return ctx.reply(t('no_fee_plan'));
  const mine = await boundHouseholds(ctx.tx, ctx.member.id, ctx.estate.id);
  let household = mine[0];
  if (cmd.room) {
    const named = mine.find((h) => h.roomCode === cmd.room);
    if (!named) {
      const exists = await findHousehold(ctx.tx, ctx.estate.id, cmd.room);
      return ctx.reply(exists ? t('pay_not_your_household', { room: cmd.room }) : t('room_unknown', { room: cmd.room }));
    }
    household = named;
  } else if (mine.length === 0) {
    const pending = await pendingBinding(ctx.tx, ctx.member.id, ctx.estate.id);
    return ctx.reply(pending ? t('bind_still_pending', { ref: `B${pending.id}`, room: pending.roomCode }) : t('pay_no_household'));
  } else if (mine.length > 1) {
    return ctx.reply(t('pay_which_household', { rooms: mine.map((h) => h.roomCode).join('、') }));
  }
  // 已交物业费300元 goes to the plan it names; no name, to the estate's main plan.
  const choice = choosePlanFrom(plans, cmd.plan, household);
  if (!choice.ok) return ctx.reply(planRefusal(t, household.roomCode, choice));
  const plan = choice.plan;
  const resolved = monthsFor(plan, cmd.amountFen, cmd.months);
  if (!resolved.ok) {
    if (resolved.reason === 'need_amount') return ctx.reply(t('pay_need_amount', { fee: plan.amount_fen, plan: plan.name }));
    if (resolved.reason === 'months_invalid') return ctx.reply(t('months_invalid'));
    if (resolved.reason === 'period_mismatch') return ctx.reply(t('pay_period_mismatch', { amount: cmd.amountFen ?? 0, months: cmd.months ?? 0, fee: plan.amount_fen, plan: plan.name }));
    return ctx.reply(t('pay_not_whole_months', { amount: cmd.amountFen ?? 0, fee: plan.amount_fen, plan: plan.name }));
  }
  // Two identical messages at once must not both pass the check below (issue 18 item 5).
  await lockHousehold(ctx.tx, household.id);
  // An elderly resident often says it twice ("已交60元" … "我已交60元了"): the same amount for the
  // same household, still waiting, within a day, is the same payment, not a second one, unless
  // they say it is another (又交了30元).
  const entry = {
    estateId: ctx.estate.id,
    householdId: household.id,
    feePlanId: plan.id,
    kind: 'claim' as const,
    amountFen: resolved.amountFen,
    months: resolved.months,
    method: null,
    memberId: ctx.member.id,
    sourceKey: ctx.job.key,
    at: ctx.now,
  };
  const added = cmd.again === true ? { id: await insertPayment(ctx.tx, entry) } : await insertClaimUnlessWaiting(ctx.tx, entry, new Date(ctx.now.getTime() - 24 * 3600 * 1000));
  if ('waitingId' in added) return ctx.reply(t('pay_duplicate_pending', { ref: `P${added.waitingId}` }));
  const id = added.id;
  ctx.reply(t('pay_claimed', { ref: `P${id}`, room: household.roomCode, amount: resolved.amountFen, months: resolved.months }));
});
