import { describe, expect, it } from 'vitest';
import { maxInWindow, Pacer, telegramPacer, wechatPacer, type PaceTimer } from '../src/outbound/pacing.js';

/** Virtual time: sleeping moves the clock at once, so minutes of pacing take microseconds. */
function virtualTimer(): PaceTimer & { slept: number } {
  let t = 0;
  return {
    slept: 0,
    now: () => t,
    async sleep(ms) {
      t += ms;
      this.slept += ms;
    },
  };
}

async function sendAll(pacer: Pacer, timer: PaceTimer, chats: string[]): Promise<Array<{ chat: string; at: number }>> {
  const sent: Array<{ chat: string; at: number }> = [];
  // All queued at once, as a full outbound queue would be; the pacer serves them in order.
  await Promise.all(chats.map((chat) => pacer.acquire(chat).then(() => sent.push({ chat, at: timer.now() }))));
  return sent;
}

describe('pacing (virtual time)', () => {
  it('Telegram: 100 messages to one group go at no more than 20 a minute, none lost', async () => {
    const timer = virtualTimer();
    const sent = await sendAll(telegramPacer(timer), timer, Array.from({ length: 100 }, () => '-1001234'));
    expect(sent).toHaveLength(100);
    expect(maxInWindow(sent.map((s) => s.at), 60_000)).toBe(20);
    // 100 messages at 20 a minute: the last goes out 4 minutes after the first.
    expect(sent[99].at - sent[0].at).toBe(4 * 60_000);
  });

  it('Telegram: many groups share the 30-a-second limit of the bot', async () => {
    const timer = virtualTimer();
    const chats = Array.from({ length: 300 }, (_, i) => `-100${i % 50}`);
    const sent = await sendAll(telegramPacer(timer), timer, chats);
    expect(sent).toHaveLength(300);
    expect(maxInWindow(sent.map((s) => s.at), 1000)).toBeLessThanOrEqual(30);
    for (let g = 0; g < 50; g++) {
      expect(maxInWindow(sent.filter((s) => s.chat === `-100${g}`).map((s) => s.at), 60_000)).toBeLessThanOrEqual(20);
    }
  });

  it('Telegram: a private chat gets about one message a second', async () => {
    const timer = virtualTimer();
    const sent = await sendAll(telegramPacer(timer), timer, Array.from({ length: 10 }, () => '42'));
    const gaps = sent.slice(1).map((s, i) => s.at - sent[i].at);
    expect(gaps.every((g) => g >= 1000)).toBe(true);
  });

  it('WeChat: 100 messages keep the configured pace with jitter, none lost', async () => {
    const timer = virtualTimer();
    const interval = 1000;
    const chats = Array.from({ length: 100 }, (_, i) => `room${i % 3}@chatroom`);
    const sent = await sendAll(wechatPacer(interval, timer), timer, chats);
    expect(sent).toHaveLength(100);
    const gaps = sent.slice(1).map((s, i) => s.at - sent[i].at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval);
    expect(Math.max(...gaps)).toBeLessThan(interval * 1.5);
    // Jitter: the gaps are not all the same.
    expect(new Set(gaps).size).toBeGreaterThan(10);
  });

  it('WeChat: the pace follows LINLI_WECHAT_SEND_INTERVAL_MS', async () => {
    const timer = virtualTimer();
    const sent = await sendAll(wechatPacer(3000, timer, () => 0), timer, Array.from({ length: 5 }, () => 'x@chatroom'));
    expect(sent.map((s) => s.at)).toEqual([0, 3000, 6000, 9000, 12000]);
  });
});
