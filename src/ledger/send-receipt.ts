import type { Transaction } from 'kysely';
import type { Locale } from '../commands/locale.js';
import type { Database, Estate } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import type { ChatAddress } from '../messages/incoming-message.js';
import { householdMembers, type HouseholdMember } from './household-members.js';
import { receiptFacts, receiptText, type ReceiptFacts } from './receipt.js';
import { tellMembers, type NoticeBatch } from './tell-household.js';

/**
 * Send the e-receipt of a counted entry to its household's bound members: privately where the
 * platform allows, else a one-line @mention in the chat without the amount.
 */
export async function sendReceipt(
  tx: Transaction<Database>,
  batch: NoticeBatch,
  estate: Estate,
  id: number,
  householdId: number,
  origin: ChatAddress & { isPrivate: boolean },
  now: Date,
): Promise<void> {
  const facts = await receiptFacts(tx, estate, id, now);
  if (typeof facts === 'string') return;
  sendReceiptOf(batch, estate, facts, await householdMembers(tx, householdId), origin);
}

/** Send a receipt whose facts and household members the caller already has (the confirmation that booked it). */
export function sendReceiptOf(
  batch: NoticeBatch,
  estate: Estate,
  facts: ReceiptFacts,
  members: readonly HouseholdMember[],
  origin: ChatAddress & { isPrivate: boolean },
): void {
  const locale = estate.locale as Locale;
  tellMembers(batch, members, origin, {
    privately: receiptText(facts, estate, locale),
    inGroup: translator(locale).t('receipt_group', { ref: facts.ref }),
  });
}
