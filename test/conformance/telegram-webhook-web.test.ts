import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TelegramAdapter } from '../../src/adapters/telegram/telegram-adapter.js';
import { manualClock } from '../../src/clock.js';
import { silentLogger } from '../../src/log.js';
import type { IncomingMessage } from '../../src/messages/incoming-message.js';
import { createQueueFactory, type QueueFactory } from '../../src/queue/backend.js';
import { startWeb, type WebServer } from '../../src/web/start-web.js';
import { initTestDb, type TestDb } from '../support/db.js';
import { BOT, capture, messageUpdate, type ApiCall } from './telegram-fixtures.js';

// With the web role in the same process, Telegram's webhook is a route of the web server: one listener.
describe('telegram webhook on the web server', () => {
  const SECRET = 's3cret-Token_2';
  const got: IncomingMessage[] = [];
  const calls: ApiCall[] = [];
  let t: TestDb;
  let factory: QueueFactory;
  let adapter: TelegramAdapter;
  let web: WebServer;

  beforeAll(async () => {
    t = await initTestDb('tg_webhook_web');
    factory = await createQueueFactory({ kind: 'redis', url: inject('redisUrl'), prefix: `t-tgweb-${process.pid}` });
    adapter = new TelegramAdapter({
      token: '123:test',
      log: silentLogger,
      receive: { mode: 'webhook-shared', url: 'https://linli.example.org/telegram/hook', secret: SECRET },
      botInfo: BOT,
      transformers: [capture(calls)],
      setCommands: false,
    });
    await adapter.start(async (m) => void got.push(m));
    const route = adapter.webhookRoute();
    web = await startWeb(
      { db: t.db, factory, clock: manualClock(new Date()), log: silentLogger, baseUrl: 'https://linli.example.org', sessionHours: 8, platforms: ['telegram'], webhooks: route ? [route] : [], readyChecks: { telegram: () => adapter.readyCheck() } },
      '127.0.0.1',
      0,
    );
  });
  afterAll(async () => {
    await web?.close();
    await adapter?.stop();
    await factory?.close();
    await t?.destroy();
  });

  const post = (body: unknown, headers: Record<string, string> = {}, path = '/telegram/hook') =>
    fetch(web.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('registers the web server’s URL with its secret, and listens on no port of its own', () => {
    expect(calls.find((c) => c.method === 'setWebhook')?.payload).toMatchObject({ url: 'https://linli.example.org/telegram/hook', secret_token: SECRET });
    expect(adapter.webhookPort()).toBeNull();
  });

  it('refuses a call without the right secret before anything runs; takes the right one once, even when repeated', async () => {
    expect((await post(messageUpdate(-1001, 101, '查询'))).status).toBe(401);
    expect((await post(messageUpdate(-1001, 101, '查询'), { 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
    expect(got).toEqual([]);
    const u = messageUpdate(-1001, 101, '查询');
    expect((await post(u, { 'x-telegram-bot-api-secret-token': SECRET })).status).toBe(200);
    expect((await post(u, { 'x-telegram-bot-api-secret-token': SECRET })).status).toBe(200);
    expect(got.map((m) => ({ chatId: m.chatId, text: m.text }))).toEqual([{ chatId: '-1001', text: '查询' }]);
  });

  it('/readyz reports whether Telegram answers', async () => {
    const ready = await fetch(`${web.url}/readyz`);
    expect(await ready.json()).toMatchObject({ checks: { telegram: { ok: true, detail: 'reachable' } } });
    // A Bot API that refuses (a revoked token): not ready, with Telegram's words.
    const down = new TelegramAdapter({
      token: '123:revoked',
      log: silentLogger,
      receive: { mode: 'manual' },
      botInfo: BOT,
      transformers: [capture([], (c) => (c.method === 'getWebhookInfo' ? { ok: false, error_code: 401, description: 'Unauthorized' } : undefined))],
      setCommands: false,
    });
    const r = await down.readyCheck();
    expect(r.ok).toBe(false);
    expect(r.detail).toMatch(/Unauthorized/);
  });

  it('leaves the rest of the server as it was: health answers, pages still need a session', async () => {
    expect(await (await fetch(`${web.url}/healthz`)).text()).toBe('ok\n');
    expect((await fetch(`${web.url}/ledger`)).status).toBe(401);
  });
});
