import type { Transformer } from 'grammy';
import { describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/adapters/telegram/telegram-adapter.js';
import { silentLogger } from '../../src/log.js';
import { RateLimitedError } from '../../src/outbound/send-port.js';
import { BOT } from './telegram-fixtures.js';

type Answer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

/** Telegram behind grammY's transformer seam: each method answers from its script, then OK. */
function telegram(script: Record<string, Answer[]>, calls: string[]): Transformer {
  return async (_prev, method, _payload, signal) => {
    calls.push(method);
    const scripted = script[method]?.shift();
    if (scripted) return scripted as never;
    if (method === 'getMe') return { ok: true, result: BOT } as never;
    if (method === 'getUpdates') {
      // Long polling: an empty answer after a while, or at once when the poll is cancelled.
      await new Promise((r) => {
        const t = setTimeout(r, 50);
        signal?.addEventListener('abort', () => (clearTimeout(t), r(null)));
      });
      return { ok: true, result: [] } as never;
    }
    return { ok: true, result: true } as never;
  };
}

const tooMany = (retryAfter: number): Answer => ({
  ok: false,
  error_code: 429,
  description: `Too Many Requests: retry after ${retryAfter}`,
  parameters: { retry_after: retryAfter },
});
const badGateway: Answer = { ok: false, error_code: 502, description: 'Bad Gateway' };

function adapter(script: Record<string, Answer[]>, mode: 'polling' | 'webhook' = 'polling') {
  const calls: string[] = [];
  const waits: number[] = [];
  const a = new TelegramAdapter({
    token: '123:test',
    log: silentLogger,
    receive: mode === 'polling' ? { mode } : { mode, url: 'https://bot.example.org/hook', secret: 's3cret', port: 0, host: '127.0.0.1' },
    transformers: [telegram(script, calls)],
    // Time passes at once; the waits asked for are recorded.
    timer: { now: () => Date.now(), sleep: async (ms) => void waits.push(ms) },
  });
  return { a, calls, waits };
}

describe('telegram start-up when Telegram is briefly unavailable', () => {
  it('retries a 429 after its retry_after and a 5xx after a backoff, then starts', async () => {
    const { a, calls, waits } = adapter({
      getMe: [tooMany(3)],
      deleteWebhook: [badGateway],
      setMyCommands: [{ ok: false, error_code: 500, description: 'Internal Server Error' }],
    });
    await a.start(async () => {});
    expect(a.bot.botInfo.username).toBe(BOT.username);
    expect(calls.slice(0, 2)).toEqual(['getMe', 'getMe']);
    expect(calls.filter((m) => m === 'setMyCommands')).toHaveLength(4);
    expect(calls.filter((m) => m === 'deleteWebhook').length).toBeGreaterThanOrEqual(2);
    expect(waits).toEqual([3000, 1000, 1000]);
    await a.stop();
  });

  it('retries setWebhook too', async () => {
    const { a, calls } = adapter({ setWebhook: [badGateway, tooMany(1)] }, 'webhook');
    await a.start(async () => {});
    expect(calls.filter((m) => m === 'setWebhook')).toHaveLength(3);
    await a.stop();
  });

  it('gives up after a bounded number of tries, with Telegram’s answer', async () => {
    const { a, calls, waits } = adapter({ deleteWebhook: Array(10).fill(badGateway) });
    await expect(a.start(async () => {})).rejects.toThrow(/deleteWebhook.*502: Bad Gateway/);
    expect(calls.filter((m) => m === 'deleteWebhook')).toHaveLength(5);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it('does not wait out an hour-long 429 or retry a refusal', async () => {
    const long = adapter({ getMe: [tooMany(3600)] });
    await expect(long.a.start(async () => {})).rejects.toThrow(/429: Too Many Requests: retry after 3600/);
    expect(long.waits).toEqual([]);
    const refused = adapter({ getMe: [{ ok: false, error_code: 401, description: 'Unauthorized' }] });
    await expect(refused.a.start(async () => {})).rejects.toThrow(/401: Unauthorized/);
    expect(refused.calls).toEqual(['getMe']);
  });

  it('leaves a message’s 429 to the sender, which paces the queue', async () => {
    const { a, calls, waits } = adapter({ sendMessage: [tooMany(7)] }, 'webhook');
    await a.start(async () => {});
    const sent = a.port.send('-1001', '查询', []);
    await expect(sent).rejects.toBeInstanceOf(RateLimitedError);
    expect(calls.filter((m) => m === 'sendMessage')).toHaveLength(1);
    expect(waits).toEqual([]);
    await a.stop();
  });
});
