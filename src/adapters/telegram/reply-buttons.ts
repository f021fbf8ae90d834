import type { CallbackQuery, InlineKeyboardMarkup, UserFromGetMe } from 'grammy/types';
import type { IncomingMessage } from '../../messages/incoming-message.js';
import type { ReplyButton } from '../../outbox/outgoing-message.js';

// Telegram keeps at most 64 bytes of callback data; the words a press stands for travel in it.
const MAX_DATA_BYTES = 64;
const PREFIX = 's:';
// Buttons sent before they were data on the message (a ballot's b:<vote>:<choice>, the offer's yes).
const OLD_BALLOT = /^b:(\d{1,9}):(yes|no|abstain)$/;
const OLD_WORDS: Record<string, string> = { yes: '同意', no: '反对', abstain: '弃权' };

/**
 * The inline keyboard for a message's reply buttons: short labels side by side (同意 反对 弃权),
 * longer ones a row each. A button whose words do not fit in the callback data is left out; the
 * message's text says what to type in any case.
 */
export function inlineKeyboard(buttons: readonly ReplyButton[] | undefined): InlineKeyboardMarkup | undefined {
  const keys = (buttons ?? [])
    .filter((b) => b.label.trim() !== '' && Buffer.byteLength(PREFIX + b.says) <= MAX_DATA_BYTES)
    .map((b) => ({ text: b.label.slice(0, 40), callback_data: PREFIX + b.says }));
  if (keys.length === 0) return undefined;
  const sideBySide = keys.length <= 4 && keys.every((k) => k.text.length <= 8);
  return { inline_keyboard: sideBySide ? [keys] : keys.map((k) => [k]) };
}

/** The words a press stands for; null when the data is not a reply button's. */
function pressedWords(data: string | undefined): string | null {
  if (!data) return null;
  if (data.startsWith(PREFIX) && data.length > PREFIX.length) return data.slice(PREFIX.length);
  const old = OLD_BALLOT.exec(data);
  if (old) return `投票 V${old[1]} ${OLD_WORDS[old[2]]}`;
  return data === 'offer-yes' ? '是' : null;
}

/**
 * A press of a reply button as a message from whoever pressed it, in the chat of the message the
 * button was under, saying the button's words to the bot: the same path as typing them, so the
 * worker checks the presser exactly as for a typed command. The callback query's id is the
 * message id, so a press Telegram delivers twice takes effect once.
 */
export function pressToIncoming(q: CallbackQuery, me: UserFromGetMe, receivedAt: Date): IncomingMessage | null {
  const text = pressedWords(q.data);
  if (text === null || q.from.is_bot || q.from.id === me.id) return null;
  const chat = q.message?.chat;
  const name = [q.from.first_name, q.from.last_name].filter(Boolean).join(' ');
  return {
    platform: 'telegram',
    chatId: String(chat?.id ?? q.from.id),
    isPrivate: chat === undefined || chat.type === 'private',
    messageId: `cb-${q.id}`,
    senderId: String(q.from.id),
    senderName: name || q.from.username || null,
    chatTitle: chat && 'title' in chat ? (chat.title ?? null) : null,
    mentionsBot: true,
    text,
    attachments: [],
    receivedAt,
  };
}
