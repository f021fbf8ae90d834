import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TelegramAdapter } from '../src/adapters/telegram/telegram-adapter.js';
import { WechatAdapter } from '../src/adapters/wechat/wechat-adapter.js';
import type { Adapter } from '../src/adapters/adapter.js';
import { silentLogger } from '../src/log.js';
import { maxInWindow, type PaceTimer } from '../src/outbound/pacing.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import { startSender } from '../src/outbound/sender.js';
import { createQueueFactory, type QueueFactory } from '../src/queue/backend.js';
import type { DeliveryJob } from '../src/queue/job-data.js';
import { outboundQueue } from '../src/queue/queue-names.js';
import { BOT, capture, type ApiCall } from './conformance/telegram-fixtures.js';

// SCALED TIME: the pacers run on a clock 200× faster than the wall clock (1 paced minute = 0.3 s),
// so 100 messages at 20 a minute take about a second. Timestamps below are in paced time.
const SCALE = 200;
function scaledTimer(): PaceTimer {
  const t0 = Date.now();
  return { now: () => (Date.now() - t0) * SCALE, sleep: (ms) => new Promise((r) => setTimeout(r, Math.ceil(ms / SCALE))) };
}

describe('sending 100 messages through the real outbound queue and sender (scaled time)', () => {
  let factory: QueueFactory;
  beforeAll(async () => {
    factory = await createQueueFactory({ kind: 'redis', url: inject('redisUrl'), prefix: `t-pacing-sender-${process.pid}` });
  });
  afterAll(async () => {
    for (const p of ['telegram', 'wechat'] as const) await factory.queue(outboundQueue(p)).obliterate({ force: true }).catch(() => {});
    await factory.close();
  });

  async function drain(adapter: Adapter, chatId: string, n: number): Promise<DeliveryJob[]> {
    const reports: DeliveryJob[] = [];
    const sender = startSender({ factory, platform: adapter.platform, port: adapter.port, reporter: { report: async (d) => void reports.push(d) }, log: silentLogger, pace: adapter.pace?.bind(adapter) });
    await queueOutbound(factory).enqueue(
      Array.from({ length: n }, (_, i) => ({ platform: adapter.platform, outboxKey: `pace-${adapter.platform}-${i}`, chatId, outboxId: String(i), text: `消息 ${i}`, mentions: [] })),
    );
    for (let i = 0; i < 1500 && reports.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    await sender.close();
    return reports;
  }

  it('Telegram: at most 20 a minute to one group, a 429 waited out, none lost or doubled', async () => {
    const timer = scaledTimer();
    const calls: Array<ApiCall & { at: number }> = [];
    let throttled = false;
    const record = capture([], (c) => {
      if (c.method !== 'sendMessage') return undefined;
      if (!throttled) {
        throttled = true;
        return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
      }
      calls.push({ ...c, at: timer.now() });
      return undefined;
    });
    const adapter = new TelegramAdapter({ token: '123:test', log: silentLogger, receive: { mode: 'manual' }, botInfo: BOT, transformers: [record], timer, setCommands: false });
    await adapter.start(async () => {});
    const reports = await drain(adapter, '-100777', 100);
    expect(reports.filter((r) => r.status === 'sent')).toHaveLength(100);
    const texts = calls.map((c) => c.payload.text);
    expect(new Set(texts).size).toBe(100);
    expect(texts).toHaveLength(100);
    // Sends land a few wall-clock ms after the pacer allows them; 2 s of paced time (10 ms) is slack for that.
    expect(maxInWindow(calls.map((c) => c.at), 58_000)).toBeLessThanOrEqual(20);
    expect(calls[99].at - calls[0].at).toBeGreaterThanOrEqual(4 * 60_000 - 2000);
  });

  it('WeChat: one message per configured interval (with jitter), none lost or doubled', async () => {
    const timer = scaledTimer();
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    const interval = 1000;
    const adapter = new WechatAdapter({ puppet, sendIntervalMs: interval, log: silentLogger, printQr: () => {}, timer });
    await adapter.start(async () => {});
    const self = mocker.createContact({ name: '邻里' });
    mocker.login(self);
    puppet.emit('ready', { data: 'ready' });
    for (let i = 0; i < 200 && !adapter.wechaty?.isLoggedIn; i++) await new Promise((r) => setTimeout(r, 5));
    const room = mocker.createRoom({ topic: '8栋', memberIdList: [] });
    const at: number[] = [];
    const send = adapter.port.send;
    const timed = { ...adapter, platform: adapter.platform, pace: adapter.pace.bind(adapter), port: { maxLength: adapter.port.maxLength, send: async (c: string, t: string, m: string[]) => { at.push(timer.now()); await send(c, t, m); } } } as Adapter;
    const reports = await drain(timed, room.id, 100);
    expect(reports.filter((r) => r.status === 'sent')).toHaveLength(100);
    const said = [...mocker.cacheMessagePayload.values()].filter((m) => m.talkerId === self.id).map((m) => m.text);
    expect(said).toHaveLength(100);
    expect(new Set(said).size).toBe(100);
    // A send recorded a few wall-clock ms late (a loaded machine) shortens the next measured gap
    // without any burst: what must hold is the rate, so count the sends in every window of ten
    // intervals (ten when paced exactly; one more for the ms granularity of paced time).
    expect(maxInWindow(at, 10 * interval - 1)).toBeLessThanOrEqual(11);
    expect(at[99] - at[0]).toBeGreaterThanOrEqual(99 * interval - SCALE);
    await adapter.stop();
  });
});
