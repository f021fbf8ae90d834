import { describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/adapters/telegram/telegram-adapter.js';
import { translator } from '../../src/i18n/translator.js';
import { silentLogger } from '../../src/log.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import { BOT, capture, type ApiCall } from './telegram-fixtures.js';

// The ticket offer's button on Telegram (issue 11 item 3), through grammY's transformer seam:
// the offer's reply carries a "是，提交工单" button as data, the adapter draws it, and a press is its
// presser saying 是.

describe('Telegram: the ticket offer button', () => {
  const make = (calls: ApiCall[]) =>
    new TelegramAdapter({ token: '123:test', log: silentLogger, receive: { mode: 'manual' }, botInfo: BOT, transformers: [capture(calls)], setCommands: false });

  it('draws the buttons a message carries, and none for a message without, whatever its text', async () => {
    const calls: ApiCall[] = [];
    const adapter = make(calls);
    const offer = (locale: 'zh-Hans' | 'zh-Hant' | 'en') => {
      const { t } = translator(locale);
      return { text: t('ticket_offer', { category: 'x', safety: false }), buttons: [{ label: t('offer_button'), says: t('offer_says') }] };
    };
    for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) await adapter.port.send('-100', offer(locale).text, [], { buttons: offer(locale).buttons });
    await adapter.port.send('-100', offer('zh-Hans').text, []);
    const markups = calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.reply_markup);
    expect(markups).toEqual([
      { inline_keyboard: [[{ text: '是，提交工单', callback_data: 's:是' }]] },
      { inline_keyboard: [[{ text: translator('zh-Hant').t('offer_button'), callback_data: 's:是' }]] },
      { inline_keyboard: [[{ text: 'Yes, file it', callback_data: 's:yes' }]] },
      undefined,
    ]);
  });

  it('turns a press into 是 from the member who pressed, in the offer\'s chat, and answers the press', async () => {
    const calls: ApiCall[] = [];
    const adapter = make(calls);
    const got: IncomingMessage[] = [];
    await adapter.start(async (m) => void got.push(m));
    const press = (id: string, data: string) => ({
      update_id: 5000 + Number(id),
      callback_query: {
        id,
        chat_instance: 'c',
        data,
        from: { id: 42, is_bot: false, first_name: '向大叔' },
        message: { message_id: 9, date: 1_790_000_000, chat: { id: -100, type: 'supergroup' as const, title: '聚心苑8栋' }, text: 'offer' },
      },
    });
    await adapter.handleUpdate(press('1', 's:是'));
    await adapter.handleUpdate(press('2', 'something-else'));
    // A button sent before buttons were data on the message still works.
    await adapter.handleUpdate(press('3', 'offer-yes'));
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ platform: 'telegram', chatId: '-100', senderId: '42', text: '是', messageId: 'cb-1', isPrivate: false, mentionsBot: true });
    expect(got[1]).toMatchObject({ text: '是', messageId: 'cb-3' });
    expect(calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.callback_query_id)).toEqual(['1', '2', '3']);
    await adapter.stop();
  });
});
