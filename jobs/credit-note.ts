import { yuan } from '../src/i18n/money.js';
import { correctionOf, type LedgerEntry } from '../src/ledger/ledger-entry.js';
import type { CommandContext } from './command-context.js';

/**
 * 收据 P12 on a credit (补贴): not a receipt of money paid but a note of the credit, its plan and
 * source (红栋力2026), and its reversal if any.
 */
export async function creditNote(ctx: CommandContext, entry: LedgerEntry, ref: string): Promise<void> {
  const plan = await ctx.tx.selectFrom('fee_plans').select('name').where('id', '=', entry.feePlanId).executeTakeFirstOrThrow();
  const reversal = entry.correctsId !== null;
  const by = reversal ? null : await correctionOf(ctx.tx, entry.id);
  ctx.reply(
    ctx.i18n.t('sc_credit_note', {
      ref, room: entry.roomCode, plan: plan.name, yuan: yuan(Math.abs(entry.amountFen)), why: entry.method ?? '', reversedBy: by ? `P${by.id}` : null, reversal,
    }),
  );
}
