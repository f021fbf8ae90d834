import type { Kysely } from 'kysely';
import { manualClock } from '../src/clock.js';
import type { Database } from '../src/db/database.js';
import { maxInWindow, telegramPacer, type PaceTimer } from '../src/outbound/pacing.js';
import { queueOutbound } from '../src/outbound/queue-outbound.js';
import type { QueueBackendSpec } from '../src/queue/backend.js';
import type { OutboundJob } from '../src/queue/job-data.js';
import { startBenchPipeline } from './pipeline.js';

export interface PacingResult {
  messages: number;
  groups: number;
  scale: number;
  senderConcurrency: number;
  /** Span from first to last send, in platform (scaled) seconds. */
  platformSeconds: number;
  realSeconds: number;
  perSecond: number;
  /** The shortest span the limits allow for these messages ÷ the span taken. */
  fractionOfAllowed: number;
  maxPerChatIn60s: number;
  maxGlobalIn1s: number;
  violations: number;
}

/** A clock that runs `scale` times faster than real time: Telegram's limits, in platform time. */
export function scaledTimer(scale: number): PaceTimer {
  const base = performance.now();
  return { now: () => (performance.now() - base) * scale, sleep: (ms) => new Promise((r) => setTimeout(r, ms / scale)) };
}

/**
 * N messages to G Telegram groups, interleaved as replies would be, through the real sender
 * paced by the real Telegram pacer (30/s per bot, 20/min per group) on a clock `scale`× faster.
 */
export async function runPacing(spec: QueueBackendSpec, db: Kysely<Database>, opts: { messages: number; groups: number; scale: number; senderConcurrency: number }): Promise<PacingResult> {
  const timer = scaledTimer(opts.scale);
  const pacer = telegramPacer(timer);
  const p = await startBenchPipeline({
    spec: { ...spec, prefix: `${spec.prefix}-pace` },
    db,
    clock: manualClock(new Date()),
    workerConcurrency: 0,
    senderConcurrency: opts.senderConcurrency,
    pace: (chatId) => pacer.acquire(chatId),
    now: () => timer.now(),
  });
  try {
    const jobs: OutboundJob[] = Array.from({ length: opts.messages }, (_, i) => ({
      platform: 'telegram',
      outboxKey: `pace-${i}-r1`,
      chatId: `-100${900000 + (i % opts.groups)}`,
      outboxId: null,
      text: `第${i}条`,
      mentions: [],
    }));
    const t0 = performance.now();
    await queueOutbound(p.factory).enqueue(jobs);
    const limitMs = ((opts.messages / 30) * 1000 * 3) / opts.scale + 30_000;
    while (p.sent.length < opts.messages && performance.now() - t0 < limitMs) await new Promise((r) => setTimeout(r, 20));
    const realSeconds = (performance.now() - t0) / 1000;
    const times = p.sent.map((s) => s.at).sort((a, b) => a - b);
    const span = (times[times.length - 1] - times[0]) / 1000;
    const byChat = new Map<string, number[]>();
    for (const s of p.sent) byChat.set(s.chatId, [...(byChat.get(s.chatId) ?? []), s.at]);
    let maxPerChat = 0;
    let violations = 0;
    for (const ts of byChat.values()) {
      const m = maxInWindow(ts.sort((a, b) => a - b), 60_000);
      maxPerChat = Math.max(maxPerChat, m);
      if (m > 20) violations++;
    }
    const maxGlobal = maxInWindow(times, 1000);
    if (maxGlobal > 30) violations++;
    // The fastest the limits allow: 30 in any second for the bot, 20 in any minute per group.
    const perChatCounts = [...byChat.values()].map((ts) => ts.length);
    const minSpan = Math.max(Math.ceil(p.sent.length / 30) - 1, ...perChatCounts.map((n) => 60 * (Math.ceil(n / 20) - 1)));
    return {
      messages: p.sent.length,
      groups: opts.groups,
      scale: opts.scale,
      senderConcurrency: opts.senderConcurrency,
      platformSeconds: span,
      realSeconds,
      perSecond: p.sent.length / span,
      fractionOfAllowed: span > 0 ? Math.min(1, minSpan / span) : 1,
      maxPerChatIn60s: maxPerChat,
      maxGlobalIn1s: maxGlobal,
      violations,
    };
  } finally {
    await p.close();
  }
}
