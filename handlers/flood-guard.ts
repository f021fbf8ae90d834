import type { Clock } from '../src/clock.js';
import { detectLocale, type Locale } from '../src/commands/locale.js';
import { translator } from '../src/i18n/translator.js';
import type { Platform } from '../src/messages/incoming-message.js';
import type { HandlerPorts } from './handle-message.js';

/** How much one member may ask of the bot: a burst, then a steady rate. */
export interface FloodLimits {
  /** Commands a member may send at once. */
  burst: number;
  /** One more command allowed every `refillMs`. */
  refillMs: number;
}

/** Twenty at once, then one a second: far above any honest use (config LINLI_FLOOD_*). */
export const DEFAULT_FLOOD_LIMITS: FloodLimits = { burst: 20, refillMs: 1000 };

interface Bucket {
  tokens: number;
  at: number;
  /** A warning went out in this flood; none again until the member has calmed down. */
  warned: boolean;
  /** Keys of recent messages: a platform's redelivery of one message is not a flood. */
  recent: string[];
}

/** What the guard has seen, for tests and logs. */
export interface FloodStats {
  admitted: number;
  dropped: number;
  warnings: number;
}

/**
 * Per-member flood control around the handler's ports: each member (platform + user id) has a
 * token bucket; a command beyond it is dropped (no job, no work) and the member gets ONE polite
 * warning per flood. Members never share a bucket, so one member's flood slows no one else.
 */
export function floodGuard(inner: HandlerPorts, clock: Clock, limits: FloodLimits = DEFAULT_FLOOD_LIMITS): HandlerPorts & { stats: FloodStats } {
  const buckets = new Map<string, Bucket>();
  const stats: FloodStats = { admitted: 0, dropped: 0, warnings: 0 };
  let lastSweep = 0;

  const refill = (b: Bucket, now: number) => {
    const gained = Math.floor((now - b.at) / limits.refillMs);
    if (gained > 0) {
      b.tokens = Math.min(limits.burst, b.tokens + gained);
      b.at = b.tokens === limits.burst ? now : b.at + gained * limits.refillMs;
    }
    // Full again: the flood is over; a new one gets a new warning.
    if (b.tokens === limits.burst) b.warned = false;
  };

  // Forget members whose bucket is full again, so the map stays as small as the active floods.
  const sweep = (now: number) => {
    if (now - lastSweep < limits.refillMs * limits.burst) return;
    lastSweep = now;
    for (const [k, b] of buckets) {
      refill(b, now);
      if (b.tokens === limits.burst) buckets.delete(k);
    }
  };

  /** Take a token; returns 'ok', 'warn' (dropped, warn now) or 'drop' (dropped, already warned). */
  const take = (platform: Platform, senderId: string, key: string): 'ok' | 'warn' | 'drop' => {
    const now = clock.now().getTime();
    sweep(now);
    const k = `${platform}\u0000${senderId}`;
    let b = buckets.get(k);
    if (!b) {
      b = { tokens: limits.burst, at: now, warned: false, recent: [] };
      buckets.set(k, b);
    } else refill(b, now);
    if (b.recent.includes(key)) return 'ok';
    if (b.tokens > 0) {
      b.tokens--;
      b.recent.push(key);
      if (b.recent.length > 16) b.recent.shift();
      stats.admitted++;
      return 'ok';
    }
    stats.dropped++;
    if (b.warned) return 'drop';
    b.warned = true;
    stats.warnings++;
    return 'warn';
  };

  const warn = (to: { platform: Platform; chatId: string }, key: string, locale: Locale) =>
    inner.answer(to, `${key}-flood`, translator(locale).t('flood_warning'));

  return {
    stats,
    // Learning a group's name is not the member's doing and costs nothing per message.
    noteChat: inner.noteChat,
    noteMember: inner.noteMember,
    enqueueCommand: async (name, data) => {
      const verdict = take(data.platform, data.senderId, data.key);
      if (verdict === 'ok') return inner.enqueueCommand(name, data);
      if (verdict === 'warn') await warn(data, data.key, data.locale);
    },
    answer: async (msg, key, text) => {
      // Help and usage errors cost a reply each: they count too. The sender id is on the message.
      const full = msg as { senderId?: string; text?: string };
      if (full.senderId === undefined) return inner.answer(msg, key, text);
      const verdict = take(msg.platform, full.senderId, key);
      if (verdict === 'ok') return inner.answer(msg, key, text);
      if (verdict === 'warn') await warn(msg, key.replace(/-h1$/, ''), detectLocale(full.text ?? ''));
    },
  };
}
