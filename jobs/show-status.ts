import { yuan } from '../src/i18n/money.js';
import { notPricedWhy, pricedFor } from '../src/ledger/estate-plans.js';
import { findHousehold, type HouseholdRef } from '../src/members/households.js';
import { boundHouseholdsWithPending, pendingClaims, type HouseholdWithPending } from '../src/ledger/status-households.js';
import { balanceOfPaid, householdBalance } from '../src/ledger/paid-through.js';
import { canView, isStaff } from '../src/ledger/permissions.js';
import { pendingBinding } from '../src/members/pending-binding.js';
import { commandProcessor } from './run-command.js';

/** 查询 [房号]: your own households' accounts; staff and the building's head may name any room. */
export const showStatus = commandProcessor('status', async (ctx) => {
  const { t } = ctx.i18n;
  const plans = await ctx.plans();
  if (plans.length === 0) return ctx.reply(t('no_fee_plan'));
  // A resident's own households come with their waiting claims (one statement for the usual 查询).
  const mine = await boundHouseholdsWithPending(ctx.tx, ctx.member.id, ctx.estate.id);
  let households: Array<HouseholdRef & { pendingClaims?: number; paid?: HouseholdWithPending['paid'] }>;
  const room = ctx.job.command.room;
  if (room) {
    const h = await findHousehold(ctx.tx, ctx.estate.id, room);
    if (!h) return ctx.reply(t('room_unknown', { room }));
    // A refusal here is about viewing, not paying: staff hear it is outside their grid.
    if (!mine.some((m) => m.id === h.id) && !canView(ctx.roles, h)) {
      return ctx.reply(isStaff(ctx.roles) ? t('status_not_your_zone', { room }) : t('status_not_your_household', { room }));
    }
    households = [mine.find((m) => m.id === h.id) ?? h];
  } else {
    if (mine.length === 0) {
      const pending = await pendingBinding(ctx.tx, ctx.member.id, ctx.estate.id);
      return ctx.reply(pending ? t('bind_still_pending', { ref: `B${pending.id}`, room: pending.roomCode }) : t('status_no_household'));
    }
    households = mine;
  }
  const lines: string[] = [];
  for (const h of households) {
    // One line per plan the household is charged (a plan of other buildings is not its business).
    const before = lines.length;
    for (const raw of plans) {
      const plan = pricedFor(raw, h);
      if (!plan) {
        if (notPricedWhy(raw, h) === 'no_area') lines.push(t('status_no_area', { room: h.roomCode, plan: raw.name, rate: raw.amount_fen }));
        continue;
      }
      // Already read with the member's own households; a room staff named is read here.
      const bal = h.paid
        ? balanceOfPaid(ctx.estate, plan, { floorArea: h.floorArea, paidMonths: h.paid[plan.id]?.months ?? 0, creditFen: h.paid[plan.id]?.creditFen ?? 0 }, ctx.now)
        : await householdBalance(ctx.tx, ctx.estate, plan, h.id, ctx.now);
      lines.push(t('status_line', { room: h.roomCode, plan: plan.name, fee: plan.amount_fen, through: bal.throughName, owedMonths: bal.owedMonths, owedFen: bal.owedFen }));
      if (bal.creditFen > 0) lines.push(t('sc_status_credit', { yuan: yuan(bal.creditFen) }));
    }
    if (lines.length === before) lines.push(t('status_no_plan', { room: h.roomCode }));
    const pending = h.pendingClaims ?? (await pendingClaims(ctx.tx, h.id));
    if (pending > 0) lines.push(t('status_pending', { count: pending }));
  }
  ctx.reply(lines.join('\n'));
});
