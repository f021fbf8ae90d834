import { commandAs, type ErrorCode } from '../src/commands/parsed-command.js';
import { collectionDuplicate } from '../src/ledger/duplicate-guard.js';
import { monthsFor } from '../src/ledger/fee-plan.js';
import { choosePlanFor, planRefusal, pricedPlan } from '../src/ledger/plan-choice.js';
import { insertPayment } from '../src/ledger/insert-payment.js';
import { holdEntry, takeHeldCollections } from '../src/ledger/ledger-holds.js';
import { lockHousehold } from '../src/ledger/lock-household.js';
import { householdBalance } from '../src/ledger/paid-through.js';
import { canManage, isStaff } from '../src/ledger/permissions.js';
import { sendReceipt } from '../src/ledger/send-receipt.js';
import { NoticeBatch } from '../src/ledger/tell-household.js';
import { findHousehold } from '../src/members/households.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';

/** One collection to book: a room and what was paid. */
interface CollectLine {
  room: string;
  amountFen: number | null;
  months: number | null;
  method: string | null;
  /** The fee the line names (物业费), else the main plan; a held collection keeps its plan's id. */
  plan: string | number | null;
}

/** What became of one line: booked (the text names room and ref) or not (the text says why). */
interface LineResult {
  booked: boolean;
  text: string;
}

const refused = (text: string): LineResult => ({ booked: false, text });

/**
 * Book one collection (or hold it back when it looks like a repeat, unless `guard` is off) and
 * say what became of it; `sourceKey` makes its ledger row once only.
 */
async function collectLine(ctx: CommandContext, batch: NoticeBatch, line: CollectLine, opts: { guard: boolean; sourceKey: string }): Promise<LineResult> {
  const { t } = ctx.i18n;
  const { room } = line;
  const household = await findHousehold(ctx.tx, ctx.estate.id, room);
  if (!household) return refused(t('room_unknown', { room }));
  if (!canManage(ctx.roles, household)) return refused(t('not_your_zone', { room }));
  let plan: Awaited<ReturnType<typeof pricedPlan>>;
  if (typeof line.plan === 'number') {
    plan = await pricedPlan(ctx.tx, ctx.estate.id, line.plan, household);
    if (!plan) return refused(t('no_fee_plan'));
  } else {
    const choice = await choosePlanFor(ctx.tx, ctx.estate.id, line.plan, household);
    if (!choice.ok) return refused(planRefusal(t, room, choice));
    plan = choice.plan;
  }
  const resolved = monthsFor(plan, line.amountFen, line.months);
  if (!resolved.ok) {
    if (resolved.reason === 'need_amount') return refused(t('amount_required'));
    if (resolved.reason === 'months_invalid') return refused(t('months_invalid'));
    if (resolved.reason === 'period_mismatch') return refused(t('pay_period_mismatch', { amount: line.amountFen ?? 0, months: line.months ?? 0, fee: plan.amount_fen, plan: plan.name }));
    return refused(t('pay_not_whole_months', { amount: line.amountFen ?? 0, fee: plan.amount_fen, plan: plan.name }));
  }
  const method = line.method ? line.method.slice(0, 40) : null;
  await lockHousehold(ctx.tx, household.id);
  if (opts.guard) {
    const dup = await collectionDuplicate(ctx.tx, { householdId: household.id, planId: plan.id, amountFen: resolved.amountFen, memberId: ctx.member.id, now: ctx.now });
    if (dup) {
      await holdEntry(ctx.tx, {
        estate_id: ctx.estate.id, member_id: ctx.member.id, kind: 'collect', household_id: household.id, fee_plan_id: plan.id,
        amount_fen: resolved.amountFen, months: resolved.months, method, payment_id: null, duplicate_of: dup.id, source_key: ctx.job.key, created_at: ctx.now,
      });
      return refused(dup.kind === 'collection' ? t('dup_collection', { ref: `P${dup.id}` }) : t('dup_pending_claim', { room, ref: `P${dup.id}`, fen: dup.fen }));
    }
  }
  const id = await insertPayment(ctx.tx, {
    estateId: ctx.estate.id,
    householdId: household.id,
    feePlanId: plan.id,
    kind: 'collection',
    amountFen: resolved.amountFen,
    months: resolved.months,
    method,
    memberId: ctx.member.id,
    sourceKey: opts.sourceKey,
    at: ctx.now,
  });
  const ref = `P${id}`;
  await ctx.audit('payment.collect', ref, { room, amountFen: resolved.amountFen, months: resolved.months, method });
  const bal = await householdBalance(ctx.tx, ctx.estate, plan, household.id, ctx.now);
  await sendReceipt(ctx.tx, batch, ctx.estate, id, household.id, { platform: ctx.job.platform, chatId: ctx.job.chatId, isPrivate: ctx.job.isPrivate }, ctx.now);
  return { booked: true, text: t('collect_done', { ref, room, amount: resolved.amountFen, months: resolved.months, through: bal.throughName! }) };
}

/** Answer first, then anything for residents (their receipts), merged per chat. */
function replyWith(ctx: CommandContext, batch: NoticeBatch, text: string): void {
  // Separate messages: a resident's @mention must not head the staff member's answer.
  ctx.reply(text);
  batch.sendVia(ctx);
}

/**
 * 收费 8-2-301 60 现金: staff record a payment they took; it counts at once. A batch (收费
 * 7-1-102 60，7-1-103 60 or one room per line) answers every line in one reply, each on its own.
 */
export const collectPayment = commandProcessor('collect', async (ctx) => {
  const { t } = ctx.i18n;
  const cmd = commandAs(ctx.job.command, 'collect');
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const batch = new NoticeBatch();
  if (cmd.items === null) {
    const done = await collectLine(ctx, batch, { room: cmd.room, amountFen: cmd.amountFen, months: cmd.months, method: cmd.text, plan: cmd.plan }, { guard: true, sourceKey: ctx.job.key });
    return replyWith(ctx, batch, done.text);
  }
  const lines: string[] = [];
  for (const [i, item] of cmd.items.entries()) {
    if (item.error !== null || item.room === null) {
      lines.push(t('batch_line_error', { line: item.line, reason: t((item.error ?? 'room_required') as ErrorCode) }));
      continue;
    }
    const done = await collectLine(ctx, batch, { room: item.room, amountFen: item.amountFen, months: item.months, method: item.text, plan: item.plan ?? cmd.plan }, { guard: true, sourceKey: `${ctx.job.key}#${i}` });
    lines.push(done.booked ? done.text : t('batch_line_error', { line: item.room, reason: done.text }));
  }
  replyWith(ctx, batch, lines.join('\n'));
});

/** 确认收费: the staff member's yes to the duplicate guard; books what their last message held back. */
export const rebookCollection = commandProcessor('rebook', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const holds = await takeHeldCollections(ctx.tx, ctx.member.id, ctx.now);
  if (holds.length === 0) return ctx.reply(t('rebook_none'));
  const batch = new NoticeBatch();
  const lines: string[] = [];
  for (const h of holds) {
    const household = await ctx.tx.selectFrom('households').select('room_code').where('id', '=', h.household_id).executeTakeFirstOrThrow();
    const done = await collectLine(ctx, batch, { room: household.room_code, amountFen: h.amount_fen, months: h.months, method: h.method, plan: h.fee_plan_id }, { guard: false, sourceKey: `${ctx.job.key}#${h.id}` });
    lines.push(done.booked || holds.length === 1 ? done.text : t('batch_line_error', { line: household.room_code, reason: done.text }));
  }
  replyWith(ctx, batch, lines.join('\n'));
});
