import { commandAs } from '../src/commands/parsed-command.js';
import type { Locale } from '../src/commands/locale.js';
import { translator } from '../src/i18n/translator.js';
import { userText } from '../src/i18n/user-text.js';
import { correctEntry, type CorrectionTarget } from '../src/ledger/correct-entry.js';
import { monthsFor } from '../src/ledger/fee-plan.js';
import { monthlyFen } from '../src/ledger/estate-plans.js';
import { loadEntry } from '../src/ledger/ledger-entry.js';
import { lockHousehold } from '../src/ledger/lock-household.js';
import { householdBalance } from '../src/ledger/paid-through.js';
import { canManage, isStaff } from '../src/ledger/permissions.js';
import { NoticeBatch, tellHousehold } from '../src/ledger/tell-household.js';
import { maskPersonalData } from '../src/privacy/mask.js';
import { parseRefId } from '../src/ledger/payment-ref.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';
import { voidCredit } from './void-credit.js';

async function correct(ctx: CommandContext, kind: 'void' | 'amend'): Promise<void> {
  const { t } = ctx.i18n;
  const cmd = commandAs(ctx.job.command, 'void', 'amend');
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const ref = cmd.ref;
  const id = parseRefId(ref);
  const found = id === null ? null : await loadEntry(ctx.tx, ctx.estate.id, id);
  if (!found) return ctx.reply(t('ref_not_found', { ref }));
  if (!canManage(ctx.roles, found)) return ctx.reply(t('not_your_zone', { room: found.roomCode }));
  await lockHousehold(ctx.tx, found.householdId);
  // Read again under the lock: a decision or a correction may have landed while we waited.
  const entry = (await loadEntry(ctx.tx, ctx.estate.id, found.id))!;
  const note = cmd.text === null ? null : maskPersonalData(cmd.text).slice(0, 200);
  // A credit (补贴) is taken back by a credit of the opposite amount, never by a money correction.
  if (entry.kind === 'credit') return voidCredit(ctx, entry, kind, ref, note);
  // A per-m² plan is priced at the household's area; a plan since narrowed still prices its old rows.
  const area = await ctx.tx.selectFrom('households').select('floor_area').where('id', '=', entry.householdId).executeTakeFirstOrThrow();
  const raw = await ctx.tx.selectFrom('fee_plans').selectAll().where('id', '=', entry.feePlanId).executeTakeFirstOrThrow();
  const plan = { ...raw, amount_fen: monthlyFen(raw, area.floor_area) ?? raw.amount_fen };

  let target: CorrectionTarget = { kind: 'void' };
  if (kind === 'amend' && cmd.amountFen !== 0) {
    const resolved = monthsFor(plan, cmd.amountFen, cmd.months);
    if (!resolved.ok) {
      if (resolved.reason === 'months_invalid') return ctx.reply(t('months_invalid'));
      if (resolved.reason === 'need_amount') return ctx.reply(t('amount_required'));
      return ctx.reply(t('pay_not_whole_months', { amount: cmd.amountFen ?? 0, fee: plan.amount_fen, plan: plan.name }));
    }
    target = { kind: 'amend', fen: resolved.amountFen, months: resolved.months };
  }
  const done = await correctEntry(ctx.tx, entry, target, { estateId: ctx.estate.id, memberId: ctx.member.id, note, sourceKey: ctx.job.key, at: ctx.now });
  if (!done.ok) {
    if (done.reason === 'already_void' || done.reason === 'already_corrected') return ctx.reply(t(done.reason, { ref, by: `P${done.by}` }));
    if (done.reason === 'pending_claim') return ctx.reply(t('correct_pending_claim', { ref }));
    if (done.reason === 'rejected_claim') return ctx.reply(t('correct_rejected_claim', { ref }));
    return ctx.reply(t('correct_unchanged', { ref, fen: target.kind === 'amend' ? target.fen : 0 }));
  }
  const correction = `P${done.id}`;
  await ctx.audit(target.kind === 'void' ? 'payment.void' : 'payment.amend', ref, {
    correction, reason: note, fromFen: done.before.fen, toFen: done.after.fen, fromMonths: done.before.months, toMonths: done.after.months,
  });
  const bal = await householdBalance(ctx.tx, ctx.estate, plan, entry.householdId, ctx.now);
  const reason = note && userText(note);
  const batch = new NoticeBatch();
  const here = { platform: ctx.job.platform, chatId: ctx.job.chatId, isPrivate: ctx.job.isPrivate };
  if (target.kind === 'amend' || done.restored) {
    ctx.reply(done.restored
      ? t('void_restored', { ref, room: entry.roomCode, fen: done.after.fen, months: done.after.months, correction, through: bal.throughName })
      : t('amend_done', { ref, room: entry.roomCode, from: done.before.fen, fen: done.after.fen, months: done.after.months, correction, through: bal.throughName }));
  } else {
    ctx.reply(t('void_done', { ref, room: entry.roomCode, fen: done.before.fen, months: done.before.months, correction, reason, through: bal.throughName }));
  }
  const r = translator(ctx.estate.locale as Locale).t;
  await tellHousehold(ctx.tx, batch, entry.householdId, here, {
    privately: r('resident_corrected', { room: entry.roomCode, ref, from: done.before.fen, fen: done.after.fen, reason, through: bal.throughName }),
    inGroup: r('resident_corrected_group', { ref }),
  });
  // Separate messages: a resident's @mention must not head the staff member's answer.
  batch.sendVia(ctx);
}

/** 冲正 P12 记错了: staff reverse a ledger entry with a new row; the original stays. */
export const voidPayment = commandProcessor('void', (ctx) => correct(ctx, 'void'));

/** 更正 P12 30: staff replace an entry's amount with a new row that reverses and rebooks it. */
export const amendPayment = commandProcessor('amend', (ctx) => correct(ctx, 'amend'));
