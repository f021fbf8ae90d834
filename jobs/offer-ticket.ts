import { maskPersonalData } from '../src/privacy/mask.js';
import { categoryLabel } from '../src/tickets/describe.js';
import { saveOffer } from '../src/tickets/offers.js';
import { isSafetyCategory } from '../src/tickets/safety.js';
import { commandProcessor } from './run-command.js';

/**
 * 我家楼上漏水，滴到厨房了: a problem said without a keyword. The bot offers it as a ticket with
 * the category it understood; the offer waits in Postgres for the member's 是 (jobs/take-offer.ts).
 */
export const offerTicket = commandProcessor('offer', async (ctx) => {
  const cmd = ctx.job.command;
  if (cmd.intent !== 'offer' || cmd.offer === null || cmd.text === null) return;
  const text = maskPersonalData(cmd.text);
  const at = { platform: ctx.job.platform, chatId: ctx.job.chatId, memberId: ctx.member.id };
  await saveOffer(ctx.tx, at, { text, category: cmd.offer, sourceKey: ctx.job.key }, ctx.now);
  const { t } = ctx.i18n;
  ctx.replyWithButtons(t('ticket_offer', { category: categoryLabel(t, cmd.offer), safety: isSafetyCategory(cmd.offer, text) }), [{ label: t('offer_button'), says: t('offer_says') }]);
});
