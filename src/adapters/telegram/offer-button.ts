import type { CallbackQuery, InlineKeyboardMarkup } from 'grammy/types';
import { translator } from '../../i18n/translator.js';
import type { IncomingMessage } from '../../messages/incoming-message.js';

/** The button's data: pressing it is saying 是 to the offer. */
export const OFFER_YES = 'offer-yes';

// The call to action that ends a ticket offer (catalogue key ticket_offer), in each script.
const OFFER_CTA = /回[复覆].{0,2}是.{0,2}提交工[单單]|Reply "yes" within 10 minutes/;

/** A "是，提交工单" button under a ticket offer; undefined for any other text. */
export function offerKeyboard(text: string): InlineKeyboardMarkup | undefined {
  if (!OFFER_CTA.test(text)) return undefined;
  const locale = /[\u4e00-\u9fff]/.test(text) ? (/單/.test(text) ? 'zh-Hant' : 'zh-Hans') : 'en';
  return { inline_keyboard: [[{ text: translator(locale).t('offer_button'), callback_data: OFFER_YES }]] };
}

/**
 * A press of the offer's button as the message 是 from whoever pressed it, in the chat of the
 * offer: the same path as typing it, so only the member the offer was made to files a ticket,
 * once (the message id is the callback's id).
 */
export function offerPressToIncoming(cq: CallbackQuery): IncomingMessage | null {
  if (cq.data !== OFFER_YES || !cq.message || cq.from.is_bot) return null;
  const chat = cq.message.chat;
  const name = [cq.from.first_name, cq.from.last_name].filter(Boolean).join(' ');
  return {
    platform: 'telegram',
    chatId: String(chat.id),
    isPrivate: chat.type === 'private',
    messageId: `cb${cq.id}`,
    senderId: String(cq.from.id),
    senderName: name || cq.from.username || null,
    chatTitle: 'title' in chat ? (chat.title ?? null) : null,
    mentionsBot: false,
    text: '是',
    attachments: [],
    receivedAt: new Date(),
  };
}
