import type { Transformer } from 'grammy';
import type { CallbackQuery, InlineKeyboardMarkup, UserFromGetMe } from 'grammy/types';
import type { IncomingMessage } from '../../messages/incoming-message.js';

/**
 * Telegram's ballot keyboard for owners' decisions: 同意 / 反对 / 弃权 under every message that asks
 * for a ballot ("投票 V4 同意 …", "/ballot V4 yes …"), and a tap on one read back as that very
 * command. The callback data carries only the vote and the choice (`b:4:yes`); who voted is the
 * Telegram user who tapped, and the tap's callback query id is the message id, so a tap Telegram
 * delivers twice is one ballot.
 */
const CHOICES = ['yes', 'no', 'abstain'] as const;
type Choice = (typeof CHOICES)[number];
type Script = 'zh-Hans' | 'zh-Hant' | 'en';
const WORDS: Record<Script, Record<Choice, string>> = {
  'zh-Hans': { yes: '同意', no: '反对', abstain: '弃权' },
  'zh-Hant': { yes: '同意', no: '反對', abstain: '棄權' },
  en: { yes: 'yes', no: 'no', abstain: 'abstain' },
};
const ASKS_ZH = /投票 V(\d{1,9}) 同意/;
const ASKS_EN = /\/ballot V(\d{1,9}) yes/;
const DATA = /^b:(\d{1,9}):(yes|no|abstain)$/;

/** The keyboard for a message that asks for a decision's ballot, or null. */
export function ballotKeyboard(text: string): InlineKeyboardMarkup | null {
  const zh = ASKS_ZH.exec(text);
  const m = zh ?? ASKS_EN.exec(text);
  if (!m) return null;
  const script: Script = zh ? (/[反棄]對|棄權/.test(text) ? 'zh-Hant' : 'zh-Hans') : 'en';
  return { inline_keyboard: [CHOICES.map((c) => ({ text: WORDS[script][c], callback_data: `b:${Number(m[1])}:${c}` }))] };
}

/** Adds the ballot keyboard to every sendMessage that asks for a ballot (the adapter's API seam). */
export const ballotKeyboardTransformer: Transformer = (prev, method, payload, signal) => {
  if (method !== 'sendMessage') return prev(method, payload, signal);
  const p = payload as { text?: string; reply_markup?: unknown };
  const keyboard = p.reply_markup === undefined && typeof p.text === 'string' ? ballotKeyboard(p.text) : null;
  return prev(method, keyboard ? ({ ...payload, reply_markup: keyboard } as typeof payload) : payload, signal);
};

/** A tap on a ballot button as the command it stands for, or null when the data is not ours. */
export function callbackToIncoming(q: CallbackQuery, me: UserFromGetMe, receivedAt: Date): IncomingMessage | null {
  const m = DATA.exec(q.data ?? '');
  if (!m || q.from.is_bot || q.from.id === me.id) return null;
  const choice = m[2] as Choice;
  // Answer in the script of the message the buttons were under.
  const shown = q.message && 'text' in q.message ? (q.message.text ?? '') : '';
  const script: Script = ASKS_EN.test(shown) ? 'en' : /[反棄]對|棄權/.test(shown) ? 'zh-Hant' : 'zh-Hans';
  const text = script === 'en' ? `/ballot V${m[1]} ${choice}` : `投票 V${m[1]} ${WORDS[script][choice]}`;
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
