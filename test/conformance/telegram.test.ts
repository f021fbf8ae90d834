import http from 'node:http';
import type { InputFile } from 'grammy';
import { describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/adapters/telegram/telegram-adapter.js';
import { silentLogger } from '../../src/log.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import { conformanceSuite, type Driver, type Shown } from './suite.js';
import { BOT, capture, messageUpdate, users, type ApiCall } from './telegram-fixtures.js';

conformanceSuite('telegram', async () => {
  const calls: ApiCall[] = [];
  let refuse = false;
  const refused = new Set<ApiCall>();
  // A group may withhold the right to send media: the Bot API answers 400.
  const refusal = (c: ApiCall) => {
    if (!refuse || (c.method !== 'sendPhoto' && c.method !== 'sendDocument')) return undefined;
    refused.add(c);
    return { ok: false, error_code: 400, description: 'Bad Request: not enough rights to send photos to the chat' };
  };
  const adapter = new TelegramAdapter({ token: '123:test', log: silentLogger, receive: { mode: 'manual' }, botInfo: BOT, transformers: [capture(calls, refusal)] });
  let nextUser = 100;
  const driver: Driver = {
    platform: 'telegram',
    adapter,
    ready: async () => {},
    linkedChat: '-1001',
    unlinkedChat: '-1002',
    mentionBot: true,
    member: async (name) => {
      const id = ++nextUser;
      users.set(id, name);
      return String(id);
    },
    post: async (chatId, memberId, text, opts) => {
      const body = opts?.mentionBot ? `@${BOT.username} ${text}` : text;
      const entities = opts?.mentionBot ? [{ type: 'mention', offset: 0, length: BOT.username.length + 1 }] : undefined;
      const u = messageUpdate(Number(chatId), Number(memberId), body, entities ? { entities } : {});
      await adapter.handleUpdate(u);
      // Telegram redelivers an update with the same update_id.
      return { redeliver: () => adapter.handleUpdate(structuredClone(u)) };
    },
    botPosts: async (chatId, text) => {
      await adapter.handleUpdate(messageUpdate(Number(chatId), BOT.id, text));
    },
    postPrivate: async (memberId, text) => {
      await adapter.handleUpdate(messageUpdate(Number(memberId), Number(memberId), text));
      return memberId;
    },
    shown: () => calls.filter((c) => c.method === 'sendMessage').map((c): Shown => ({ chatId: String(c.payload.chat_id), text: String(c.payload.text) })),
    files: () =>
      calls
        .filter((c) => !refused.has(c) && (c.method === 'sendPhoto' || c.method === 'sendDocument'))
        .map((c) => {
          const f = (c.payload.photo ?? c.payload.document) as InputFile;
          return { chatId: String(c.payload.chat_id), fileName: f.filename ?? '', size: (f as unknown as { fileData: Uint8Array }).fileData.length };
        }),
    refuseFiles: () => {
      refuse = true;
    },
  };
  return driver;
});

describe('telegram adapter specifics', () => {
  it('registers the command menu in Chinese (default and zh) and English', async () => {
    const calls: ApiCall[] = [];
    const adapter = new TelegramAdapter({ token: '123:test', log: silentLogger, receive: { mode: 'manual' }, botInfo: BOT, transformers: [capture(calls)] });
    await adapter.start(async () => {});
    const menus = calls.filter((c) => c.method === 'setMyCommands');
    expect(menus.map((c) => c.payload.language_code)).toEqual([undefined, 'zh', 'en']);
    const zh = menus[0].payload.commands as Array<{ command: string; description: string }>;
    expect(zh.find((c) => c.command === 'bind')?.description).toMatch(/绑定/);
    const en = menus[2].payload.commands as Array<{ command: string; description: string }>;
    expect(en.find((c) => c.command === 'bind')?.description).toMatch(/Bind/);
    await adapter.stop();
  });

  it('keeps a photo as an attachment with its caption as text; ignores other bots', async () => {
    const got: IncomingMessage[] = [];
    const adapter = new TelegramAdapter({ token: '123:test', log: silentLogger, receive: { mode: 'manual' }, botInfo: BOT, transformers: [capture([])], setCommands: false });
    await adapter.start(async (m) => void got.push(m));
    const photo = [{ file_id: 'small', file_unique_id: 's', width: 90, height: 90 }, { file_id: 'big', file_unique_id: 'b', width: 900, height: 900 }];
    await adapter.handleUpdate(messageUpdate(-1001, 555, '', { text: undefined, photo, caption: '报修 5栋漏水' }));
    const other = messageUpdate(-1001, 556, '查询');
    (other.message!.from as { is_bot: boolean }).is_bot = true;
    await adapter.handleUpdate(other);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ text: '报修 5栋漏水', attachments: [{ kind: 'image', id: 'big' }] });
    await adapter.stop();
  });

  it('sends mentions as text_mention entities with no parse mode, so user text needs no escaping', async () => {
    const calls: ApiCall[] = [];
    const adapter = new TelegramAdapter({ token: '123:test', log: silentLogger, receive: { mode: 'manual' }, botInfo: BOT, transformers: [capture(calls)], setCommands: false });
    await adapter.start(async () => {});
    await adapter.port.send('-1001', '<b>8-2-301</b> *欠费*', ['42']);
    const sent = calls.find((c) => c.method === 'sendMessage')!.payload;
    expect(sent.parse_mode).toBeUndefined();
    expect(sent.text).toBe('@邻居 <b>8-2-301</b> *欠费*');
    expect(sent.entities).toEqual([{ type: 'text_mention', offset: 0, length: 3, user: { id: 42, is_bot: false, first_name: '邻居' } }]);
    await adapter.stop();
  });

  it('webhook: a call without the right secret is refused and reaches nothing; the right one is handled', async () => {
    const got: IncomingMessage[] = [];
    const calls: ApiCall[] = [];
    const adapter = new TelegramAdapter({
      token: '123:test',
      log: silentLogger,
      receive: { mode: 'webhook', url: 'https://bot.example.org/tg/hook', secret: 's3cret-Token_1', port: 0, host: '127.0.0.1' },
      botInfo: BOT,
      transformers: [capture(calls)],
      setCommands: false,
    });
    await adapter.start(async (m) => void got.push(m));
    expect(calls.find((c) => c.method === 'setWebhook')?.payload).toMatchObject({ url: 'https://bot.example.org/tg/hook', secret_token: 's3cret-Token_1' });
    const port = adapter.webhookPort()!;
    const post = (headers: Record<string, string>, body: unknown, path = '/tg/hook') =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    expect(await post({}, messageUpdate(-1001, 101, '查询'))).toBe(401);
    expect(await post({ 'x-telegram-bot-api-secret-token': 'wrong' }, messageUpdate(-1001, 101, '查询'))).toBe(401);
    expect(got).toEqual([]);
    expect(await post({ 'x-telegram-bot-api-secret-token': 's3cret-Token_1' }, messageUpdate(-1001, 101, '查询'), '/elsewhere')).toBe(404);
    const u = messageUpdate(-1001, 101, '查询');
    expect(await post({ 'x-telegram-bot-api-secret-token': 's3cret-Token_1' }, u)).toBe(200);
    // Telegram retrying the same update: handled once.
    expect(await post({ 'x-telegram-bot-api-secret-token': 's3cret-Token_1' }, u)).toBe(200);
    expect(got.map((m) => m.text)).toEqual(['查询']);
    await adapter.stop();
  });
});
