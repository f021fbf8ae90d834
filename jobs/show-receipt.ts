import { commandAs } from '../src/commands/parsed-command.js';
import type { Locale } from '../src/commands/locale.js';
import { loadEntry } from '../src/ledger/ledger-entry.js';
import { parseRefId } from '../src/ledger/payment-ref.js';
import { canView } from '../src/ledger/permissions.js';
import { receiptFacts, receiptText } from '../src/ledger/receipt.js';
import { boundHouseholds } from '../src/members/households.js';
import { creditNote } from './credit-note.js';
import { commandProcessor } from './run-command.js';

/** 收据 P12: the e-receipt again, for the household's bound members and the staff who may see it. */
export const showReceipt = commandProcessor('receipt', async (ctx) => {
  const { t } = ctx.i18n;
  const { ref } = commandAs(ctx.job.command, 'receipt');
  const id = parseRefId(ref);
  const entry = id === null ? null : await loadEntry(ctx.tx, ctx.estate.id, id);
  if (!entry) return ctx.reply(t('ref_not_found', { ref }));
  const mine = (await boundHouseholds(ctx.tx, ctx.member.id, ctx.estate.id)).some((h) => h.id === entry.householdId);
  if (!mine && !canView(ctx.roles, entry)) return ctx.reply(t('receipt_not_yours', { ref }));
  if (entry.kind === 'credit') return creditNote(ctx, entry, ref);
  const facts = await receiptFacts(ctx.tx, ctx.estate, entry.id, ctx.now);
  if (typeof facts === 'string') return ctx.reply(t('receipt_not_counted', { ref }));
  ctx.reply(receiptText(facts, ctx.estate, ctx.i18n.locale as Locale));
});
