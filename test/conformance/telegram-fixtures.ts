import type { Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';

// Telegram as grammY sees it, without the network: a bot identity, a capturing API transformer, updates.

export const BOT: UserFromGetMe = {
  id: 7000001,
  is_bot: true,
  first_name: '邻里',
  username: 'linli_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: true,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** One outgoing Bot API call, as the transformer caught it. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A transformer that answers every Bot API call itself (no network) and records it. */
export function capture(calls: ApiCall[], answer?: (c: ApiCall) => unknown): Transformer {
  let nextId = 1;
  return async (_prev, method, payload) => {
    const c = { method, payload: payload as Record<string, unknown> };
    calls.push(c);
    const custom = answer?.(c);
    if (custom) return custom as never;
    if (method === 'sendMessage') {
      const p = payload as { chat_id: number | string; text: string };
      return { ok: true, result: { message_id: nextId++, date: 0, chat: { id: Number(p.chat_id), type: 'group', title: 'x' }, text: p.text } } as never;
    }
    return { ok: true, result: true } as never;
  };
}

let updateId = 1000;
let messageId = 1;
export const users = new Map<number, string>();

/** A group (negative id) or private message update, as Telegram sends it. */
export function messageUpdate(chatId: number, fromId: number, text: string, extra: Record<string, unknown> = {}): Update {
  const isPrivate = chatId > 0;
  return {
    update_id: ++updateId,
    message: {
      message_id: ++messageId,
      date: 1_790_000_000,
      chat: isPrivate ? { id: chatId, type: 'private', first_name: users.get(fromId) ?? 'x' } : { id: chatId, type: 'supergroup', title: '聚心苑8栋' },
      from: { id: fromId, is_bot: fromId === BOT.id, first_name: fromId === BOT.id ? BOT.first_name : (users.get(fromId) ?? 'x') },
      text,
      ...extra,
    },
  } as Update;
}

