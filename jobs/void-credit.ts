import { yuan } from '../src/i18n/money.js';
import { userText } from '../src/i18n/user-text.js';
import { translator } from '../src/i18n/translator.js';
import type { Locale } from '../src/commands/locale.js';
import type { LedgerEntry } from '../src/ledger/ledger-entry.js';
import { correctionOf } from '../src/ledger/ledger-entry.js';
import { NoticeBatch, tellHousehold } from '../src/ledger/tell-household.js';
import { reverseCredit } from '../src/scoring/credits.js';
import type { CommandContext } from './command-context.js';

/**
 * 冲正 P12 on a credit (补贴): the credit is reversed by a credit of the opposite amount that
 * names it, so status, arrears and the ledger export see it gone and no money is counted. A credit
 * cannot be amended, and its reversal is final. The caller checked staff, zone and the lock.
 */
export async function voidCredit(ctx: CommandContext, entry: LedgerEntry, kind: 'void' | 'amend', ref: string, note: string | null): Promise<void> {
  const { t } = ctx.i18n;
  if (entry.correctsId !== null) return ctx.reply(t('sc_credit_reversal_final', { ref }));
  if (kind === 'amend') return ctx.reply(t('sc_credit_amend', { ref }));
  const id = await reverseCredit(ctx.tx, entry.id, ctx.member.id, note ?? '', ctx.now);
  if (id === null) return ctx.reply(t('already_void', { ref, by: `P${(await correctionOf(ctx.tx, entry.id))?.id}` }));
  const reason = note && userText(note);
  ctx.reply(t('sc_credit_voided', { ref, room: entry.roomCode, yuan: yuan(entry.amountFen), correction: `P${id}`, reason }));
  const r = translator(ctx.estate.locale as Locale).t;
  const batch = new NoticeBatch();
  await tellHousehold(ctx.tx, batch, entry.householdId, { platform: ctx.job.platform, chatId: ctx.job.chatId, isPrivate: ctx.job.isPrivate }, {
    privately: r('sc_credit_voided_resident', { room: entry.roomCode, ref, yuan: yuan(entry.amountFen), reason }),
    inGroup: r('resident_corrected_group', { ref }),
  });
  batch.sendVia(ctx);
}
