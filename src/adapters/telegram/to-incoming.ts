import type { Message, UserFromGetMe } from 'grammy/types';
import { toE6, type Attachment, type IncomingMessage } from '../../messages/incoming-message.js';

/**
 * A Telegram message as an `IncomingMessage`, or null when the bot should not look at it
 * (its own messages, other bots, service messages, channels).
 */
export function toIncoming(msg: Message, me: UserFromGetMe): IncomingMessage | null {
  const from = msg.from;
  if (!from || from.id === me.id || from.is_bot) return null;
  if (msg.chat.type === 'channel') return null;
  const attachments: Attachment[] = [];
  if (msg.photo?.length) attachments.push({ kind: 'image', id: msg.photo[msg.photo.length - 1].file_id });
  if (msg.document) attachments.push({ kind: msg.document.mime_type?.startsWith('image/') ? 'image' : 'file', id: msg.document.file_id });
  if (msg.location) {
    const label = msg.venue ? msg.venue.title || msg.venue.address || null : null;
    attachments.push({ kind: 'location', id: String(msg.message_id), latitudeE6: toE6(msg.location.latitude), longitudeE6: toE6(msg.location.longitude), label });
  }
  const raw = msg.text ?? msg.caption ?? '';
  const entities = msg.text !== undefined ? msg.entities : msg.caption_entities;
  if (!raw && attachments.length === 0) return null;
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ');
  return {
    platform: 'telegram',
    chatId: String(msg.chat.id),
    isPrivate: msg.chat.type === 'private',
    messageId: String(msg.message_id),
    senderId: String(from.id),
    senderName: name || from.username || null,
    chatTitle: 'title' in msg.chat ? (msg.chat.title ?? null) : null,
    mentionsBot: botMentions(raw, entities ?? [], me).length > 0,
    text: stripBotMention(raw, entities ?? [], me),
    attachments,
    receivedAt: new Date(msg.date * 1000),
  };
}

type Entity = NonNullable<Message['entities']>[number];

/** The entities that @mention the bot (by username or by a text mention of its id), last first. */
export function botMentions(text: string, entities: readonly Entity[], me: UserFromGetMe): Entity[] {
  const username = me.username.toLowerCase();
  return entities
    .filter((e) =>
      e.type === 'mention'
        ? text.slice(e.offset, e.offset + e.length).toLowerCase() === '@' + username
        : e.type === 'text_mention' && e.user.id === me.id,
    )
    .sort((a, b) => b.offset - a.offset);
}

/** Remove @mentions of the bot (by username or by a text mention of its id), keep everyone else's. */
export function stripBotMention(text: string, entities: readonly Entity[], me: UserFromGetMe): string {
  const cut = botMentions(text, entities, me);
  let out = text;
  // Offsets are UTF-16 code units, as JavaScript strings count them.
  for (const e of cut) out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  return out.replace(/^[\s,，:：]+/, '').trim();
}
