import { chainKey } from '../src/commands/readers/chain-post.js';
import { commandAs, type CommandItem, type ErrorCode } from '../src/commands/parsed-command.js';
import { countChainRoom, lapsedChainLines, newChainLines, noteChainPayment, reholdChainLine, type ChainPlace, type LapsedChainLine } from '../src/ledger/chains.js';
import { REPEAT_WINDOW_MS } from '../src/ledger/duplicate-guard.js';
import { choosePlan, notPricedWhy, pricedFor, type EstatePlan } from '../src/ledger/estate-plans.js';
import { monthsFor } from '../src/ledger/fee-plan.js';
import { planRefusal } from '../src/ledger/plan-choice.js';
import { findPlanWord } from '../src/commands/plan-word.js';
import { foldText } from '../src/text/fold-text.js';
import { insertPayment } from '../src/ledger/insert-payment.js';
import { holdEntry } from '../src/ledger/ledger-holds.js';
import { lockHousehold } from '../src/ledger/lock-household.js';
import { canManage, isStaff } from '../src/ledger/permissions.js';
import { boundHouseholds, findHousehold, type HouseholdRef } from '../src/members/households.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';

type FeePlan = EstatePlan;
type Months = { amountFen: number; months: number };
type Line = { text: string } | { held: { room: string; amount: number; months: number } };

/**
 * #接龙 卫生费已交 with numbered lines (1. 8-2-301 60元). Only the lines this post adds count
 * (WeChat reposts the whole list each time): a resident's line is their claim for a household
 * bound to them; a staff member's lines are held as collections until they say 确认收费. A
 * household is counted once per chain, whoever lists it again or edits its line.
 */
export const postChain = commandProcessor('chain', async (ctx) => {
  const { t } = ctx.i18n;
  const cmd = commandAs(ctx.job.command, 'chain');
  const at: ChainPlace = { platform: ctx.job.platform, chatId: ctx.job.chatId, chainKey: chainKey(cmd.text) };
  const fresh = await newChainLines(ctx.tx, at, cmd.items.map((i) => i.text ?? ''), ctx.member.id, ctx.now);
  const added = cmd.items.filter((i) => fresh.delete(i.text ?? ''));
  const staff = isStaff(ctx.roles);
  // A staff member's earlier lines that were never confirmed are listed again with this post's.
  const lapsed = staff ? await lapsedChainLines(ctx.tx, at, ctx.member.id, ctx.estate.id, ctx.now, REPEAT_WINDOW_MS) : [];
  if (added.length === 0 && lapsed.length === 0) return;
  // The fee the header names (#接龙 物业费已交), else the estate's main plan; each line priced for its household.
  const plans = await ctx.plans();
  const chosen = choosePlan(plans, findPlanWord(foldText(cmd.text))?.word ?? null);
  if (chosen === null) return ctx.reply(t('no_fee_plan'));
  if ('unknown' in chosen) return ctx.reply(t('plan_unknown', { word: chosen.unknown, plans: plans.map((p) => p.name).join('、') }));
  const plan = chosen.plan;
  const mine = staff ? [] : await boundHouseholds(ctx.tx, ctx.member.id, ctx.estate.id);
  const out: Line[] = [];
  for (const item of added) out.push(await (staff ? holdLine(ctx, at, plan, item) : claimLine(ctx, at, plan, item, mine)));
  for (const line of lapsed) out.push(await reholdLine(ctx, at, line));
  const held = out.flatMap((l) => ('held' in l ? [l.held] : []));
  const said = out.flatMap((l) => ('text' in l ? [l.text] : []));
  if (held.length > 0) said.push(t('chain_held', { lines: held, again: lapsed.length }));
  ctx.reply(said.join('\n'));
});

/** The months an item pays for under the plan, or why it cannot be booked. */
function monthsOf(ctx: CommandContext, plan: FeePlan, item: CommandItem): Months | string {
  const { t } = ctx.i18n;
  const resolved = monthsFor(plan, item.amountFen, item.months);
  if (resolved.ok) return { amountFen: resolved.amountFen, months: resolved.months };
  if (resolved.reason === 'need_amount') return t('amount_required');
  if (resolved.reason === 'months_invalid') return t('months_invalid');
  if (resolved.reason === 'period_mismatch') return t('pay_period_mismatch', { amount: item.amountFen ?? 0, months: item.months ?? 0, fee: plan.amount_fen, plan: plan.name });
  return t('pay_not_whole_months', { amount: item.amountFen ?? 0, fee: plan.amount_fen, plan: plan.name });
}

const lineError = (ctx: CommandContext, item: CommandItem, reason: string): Line => ({ text: ctx.i18n.t('chain_line_error', { line: item.line, reason }) });

/** A resident's new line: their claim for a household bound to them (one bound household when the line names none). */
async function claimLine(ctx: CommandContext, at: ChainPlace, plan: FeePlan, item: CommandItem, mine: HouseholdRef[]): Promise<Line> {
  const { t } = ctx.i18n;
  if (item.error !== null && item.error !== 'room_required') return lineError(ctx, item, t(item.error as ErrorCode));
  const household = item.room === null ? (mine.length === 1 ? mine[0] : undefined) : mine.find((h) => h.roomCode === item.room);
  if (household === undefined) {
    if (item.room === null) return lineError(ctx, item, t('room_required'));
    const exists = await findHousehold(ctx.tx, ctx.estate.id, item.room);
    return { text: exists ? t('pay_not_your_household', { room: item.room }) : t('room_unknown', { room: item.room }) };
  }
  const priced = pricedFor(plan, household);
  if (priced === null) return lineError(ctx, item, planRefusal(t, household.roomCode, { ok: false, why: notPricedWhy(plan, household) ?? 'not_covered', plan }));
  const paid = monthsOf(ctx, priced, item);
  if (typeof paid === 'string') return lineError(ctx, item, paid);
  if (!(await countChainRoom(ctx.tx, at, household.roomCode, ctx.member.id, ctx.now))) return { text: t('chain_room_counted', { room: household.roomCode }) };
  await lockHousehold(ctx.tx, household.id);
  const id = await insertPayment(ctx.tx, {
    estateId: ctx.estate.id,
    householdId: household.id,
    feePlanId: plan.id,
    kind: 'claim',
    amountFen: paid.amountFen,
    months: paid.months,
    method: '接龙',
    memberId: ctx.member.id,
    sourceKey: `${ctx.job.key}#${item.text}`,
    at: ctx.now,
  });
  await noteChainPayment(ctx.tx, at, household.roomCode, id);
  return { text: t('pay_claimed', { ref: `P${id}`, room: household.roomCode, amount: paid.amountFen, months: paid.months }) };
}

/** A staff member's new line: held as a collection for their 确认收费 (the ledger's batch path books it). */
async function holdLine(ctx: CommandContext, at: ChainPlace, plan: FeePlan, item: CommandItem): Promise<Line> {
  const { t } = ctx.i18n;
  if (item.error !== null || item.room === null) return lineError(ctx, item, t((item.error ?? 'room_required') as ErrorCode));
  const household = await findHousehold(ctx.tx, ctx.estate.id, item.room);
  if (!household) return { text: t('room_unknown', { room: item.room }) };
  if (!canManage(ctx.roles, household)) return { text: t('not_your_zone', { room: item.room }) };
  const priced = pricedFor(plan, household);
  if (priced === null) return lineError(ctx, item, planRefusal(t, item.room, { ok: false, why: notPricedWhy(plan, household) ?? 'not_covered', plan }));
  const paid = monthsOf(ctx, priced, item);
  if (typeof paid === 'string') return lineError(ctx, item, paid);
  if (!(await countChainRoom(ctx.tx, at, item.room, ctx.member.id, ctx.now))) return { text: t('chain_room_counted', { room: item.room }) };
  await holdEntry(ctx.tx, {
    estate_id: ctx.estate.id, member_id: ctx.member.id, kind: 'collect', household_id: household.id, fee_plan_id: plan.id,
    amount_fen: paid.amountFen, months: paid.months, method: '接龙', payment_id: null, duplicate_of: null, source_key: ctx.job.key, created_at: ctx.now,
  });
  return { held: { room: item.room, amount: paid.amountFen, months: paid.months } };
}

/** A line an earlier post held and nobody confirmed: held again under this post, as it was. */
async function reholdLine(ctx: CommandContext, at: ChainPlace, line: LapsedChainLine): Promise<Line> {
  await reholdChainLine(ctx.tx, at, line, ctx.member.id, ctx.now);
  await holdEntry(ctx.tx, {
    estate_id: ctx.estate.id, member_id: ctx.member.id, kind: 'collect', household_id: line.householdId, fee_plan_id: line.feePlanId,
    amount_fen: line.amountFen, months: line.months, method: '接龙', payment_id: null, duplicate_of: null, source_key: ctx.job.key, created_at: ctx.now,
  });
  return { held: { room: line.room, amount: line.amountFen, months: line.months } };
}
