import TelegramServerDefault from 'telegram-test-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/adapters/telegram/telegram-adapter.js';
import { silentLogger } from '../../src/log.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import { freePort } from '../support/services.js';

// Smoke test of the real HTTP path (grammY's client, long polling, sendMessage) against the
// telegram-test-api emulator. It is low-fidelity: it ignores long-poll timeouts, knows few
// methods (no setMyCommands) and its own message shapes; the conformance suite does the rest.
// The package's CommonJS export is the class itself.
const TelegramServer = TelegramServerDefault as unknown as typeof import('telegram-test-api/lib/telegramServer.js').TelegramServer;

describe('Telegram over HTTP against telegram-test-api', () => {
  const token = '123456:smoke-test-token';
  let server: InstanceType<typeof TelegramServer>;
  beforeAll(async () => {
    server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 60 });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('polls a group message in and sends a reply out', async () => {
    const got: IncomingMessage[] = [];
    const adapter = new TelegramAdapter({ token, log: silentLogger, receive: { mode: 'polling' }, apiRoot: server.config.apiURL, setCommands: false });
    await adapter.start(async (m) => void got.push(m));
    const client = server.getClient(token, { chatId: -100555, type: 'supergroup', chatTitle: '聚心苑8栋', userId: 4242, firstName: '王芳' });
    await client.sendMessage(client.makeMessage('查询'));
    for (let i = 0; i < 300 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(got[0]).toMatchObject({ platform: 'telegram', chatId: '-100555', senderId: '4242', text: '查询', isPrivate: false });
    await adapter.port.send(got[0].chatId, '您还没有绑定房号。', []);
    const sent = server.storage.botMessages.map((m) => m.message);
    expect(sent).toEqual([expect.objectContaining({ chat_id: '-100555', text: '您还没有绑定房号。' })]);
    await adapter.stop();
  });
});
