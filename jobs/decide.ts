import { commandAs } from '../src/commands/parsed-command.js';
import { findHousehold } from '../src/members/households.js';
import { userText } from '../src/i18n/user-text.js';
import { canManage, isStaff, manageReach } from '../src/ledger/permissions.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';
import { confirmedClaimReceipt } from '../src/ledger/claim-receipt.js';
import { claimToDecide, decideClaim } from '../src/ledger/decide-claim.js';
import { parseRefId } from '../src/ledger/payment-ref.js';
import { receiptRole } from '../src/ledger/receipt.js';
import { sendReceiptOf } from '../src/ledger/send-receipt.js';
import { NoticeBatch } from '../src/ledger/tell-household.js';

/** Split 'P12' into its kind and id; ids beyond Postgres integer are simply not found. */
function splitRef(ref: string): { kind: string; id: number | null } {
  return { kind: ref[0], id: parseRefId(ref) };
}

/** Decide one claim; returns the reply line (receipts for the household go into `batch`). */
async function decidePayment(ctx: CommandContext, batch: NoticeBatch, id: number | null, ref: string, decision: 'confirmed' | 'rejected'): Promise<string> {
  const { t } = ctx.i18n;
  // Read with its household's lock where it is a claim this staff member may decide: the
  // duplicate check below reads and then writes (issue 18 item 5).
  const payment = id === null ? null : await claimToDecide(ctx.tx, ctx.estate.id, id, manageReach(ctx.roles));
  if (!payment) return t('ref_not_found', { ref });
  // Collections and corrections by staff count at once: there is nothing to decide.
  if (payment.kind !== 'claim') return t('already_confirmed', { ref });
  if (!canManage(ctx.roles, { zoneId: payment.zone_id, buildingId: payment.building_id })) {
    return t('not_your_zone', { room: payment.room_code });
  }
  // manageReach and canManage say the same; were they ever to differ, no claim is decided unlocked.
  if (!payment.locked) throw new Error(`${ref}: its household was not locked`);
  const reason = decision === 'rejected' ? ctx.job.command.text : null;
  const done = await decideClaim(ctx.tx, payment, { estateId: ctx.estate.id, memberId: ctx.member.id, decision, reason, now: ctx.now, key: ctx.job.key, ref });
  // A collection for the room in the last days may be this same money (issue 18 item 4):
  // ask first; the same 确认 again within 30 minutes is the yes.
  if (done.kind === 'held') return t('dup_confirm', { room: payment.room_code, ref: `P${done.dup.id}`, fen: done.dup.fen, claim: ref });
  if (done.kind === 'already') return t(done.decision === 'confirmed' ? 'already_confirmed' : 'already_rejected', { ref });
  // The reason is the staff member's own words: quoted without mentions or control characters.
  if (decision === 'rejected') return t('pay_rejected', { ref, room: payment.room_code, reason: reason && userText(reason) });
  // The receipt's facts (plan, balance) are the reply's too: read once. The confirming staff's role is known.
  const { facts, members } = await confirmedClaimReceipt(ctx.tx, ctx.estate, await ctx.plans(), payment, { byRole: receiptRole(ctx.roles), at: ctx.now }, ctx.now);
  sendReceiptOf(batch, ctx.estate, facts, members, { platform: ctx.job.platform, chatId: ctx.job.chatId, isPrivate: ctx.job.isPrivate });
  return t('pay_confirmed', { ref, room: payment.room_code, amount: payment.amount_fen, months: payment.months, through: facts.through! });
}

async function decideBinding(ctx: CommandContext, id: number | null, ref: string, decision: 'confirmed' | 'rejected'): Promise<string> {
  const { t } = ctx.i18n;
  const binding =
    id === null
      ? undefined
      : await ctx.tx
          .selectFrom('bindings as bi')
          .innerJoin('households as h', 'h.id', 'bi.household_id')
          .select(['bi.id', 'bi.status', 'bi.member_id', 'bi.household_id', 'h.room_code'])
          .where('bi.id', '=', id)
          .where('h.estate_id', '=', ctx.estate.id)
          .executeTakeFirst();
  if (!binding) return t('ref_not_found', { ref });
  const household = (await findHousehold(ctx.tx, ctx.estate.id, binding.room_code))!;
  if (!canManage(ctx.roles, household)) return t('not_your_zone', { room: binding.room_code });
  const reason = decision === 'rejected' ? ctx.job.command.text : null;
  if (decision === 'confirmed' && binding.status === 'pending') {
    // Two requests sent at once for the same room: the member is bound already, so this one
    // is settled as a duplicate rather than bound twice.
    const bound = await ctx.tx
      .selectFrom('bindings')
      .select('id')
      .where('member_id', '=', binding.member_id)
      .where('household_id', '=', binding.household_id)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
    if (bound) {
      await ctx.tx.updateTable('bindings').set({ status: 'rejected', decided_by: ctx.member.id, decided_at: ctx.now, reason: `duplicate of B${bound.id}` }).where('id', '=', binding.id).execute();
      return t('bind_confirmed', { ref: `B${bound.id}`, room: binding.room_code });
    }
  }
  const updated = await ctx.tx
    .updateTable('bindings')
    .set({ status: decision, decided_by: ctx.member.id, decided_at: ctx.now, reason })
    .where('id', '=', binding.id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  if (!updated) {
    const now = await ctx.tx.selectFrom('bindings').select('status').where('id', '=', binding.id).executeTakeFirstOrThrow();
    return t(now.status === 'confirmed' ? 'already_confirmed' : 'already_rejected', { ref });
  }
  await ctx.audit(decision === 'confirmed' ? 'binding.confirm' : 'binding.reject', ref, { reason });
  return (
    decision === 'confirmed'
      ? t('bind_confirmed', { ref, room: binding.room_code })
      : t('bind_rejected', { ref, room: binding.room_code, reason: reason && userText(reason) })
  );
}

function decide(decision: 'confirmed' | 'rejected') {
  return async (ctx: CommandContext) => {
    const cmd = commandAs(ctx.job.command, 'confirm', 'reject');
    const { t } = ctx.i18n;
    if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
    const batch = new NoticeBatch();
    const one = async (ref: string) => {
      const { kind, id } = splitRef(ref);
      if (kind === 'P') return decidePayment(ctx, batch, id, ref, decision);
      if (kind === 'B') return decideBinding(ctx, id, ref, decision);
      return t('ref_invalid');
    };
    // 确认 P12 P13 P14: each checked on its own, one line each, in one reply.
    const lines: string[] = [];
    if (cmd.items === null) lines.push(await one(cmd.ref));
    for (const item of cmd.items ?? []) {
      lines.push(item.ref === null || item.error !== null ? t('batch_line_error', { line: item.line, reason: t('ref_invalid') }) : await one(item.ref));
    }
    // Separate messages: a resident's @mention must not head the staff member's answer.
    ctx.reply(lines.join('\n'));
    batch.sendVia(ctx);
  };
}

/** 确认 P12 / 确认 B3: staff confirm a payment claim or a binding request. */
export const confirmRef = commandProcessor('confirm', decide('confirmed'));

/** 驳回 P12 原因: staff reject a payment claim or a binding request. */
export const rejectRef = commandProcessor('reject', decide('rejected'));
