/** Time as the pacer sees it; tests pass a virtual or scaled one. */
export interface PaceTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Real time. */
export const realTimer: PaceTimer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** At most `limit` messages in any `windowMs`, and at least `minIntervalMs` (+ random jitter) apart. */
export interface PaceRule {
  limit?: number;
  windowMs?: number;
  minIntervalMs?: number;
  /** Up to this many ms added at random to the minimum interval, so the rhythm is not robotic. */
  jitterMs?: number;
}

/** The rules of one platform account: one for the whole account, one per chat (may depend on the chat). */
export interface PacerOptions {
  global: PaceRule;
  perChat: (chatId: string) => PaceRule;
  timer?: PaceTimer;
  random?: () => number;
}

// A chat quiet this long has no window left to respect (windows are at most a minute).
const IDLE_MS = 10 * 60_000;

/** What one key (the account, or one chat) has sent lately. */
class Track {
  readonly sent: number[] = [];
  nextAllowed = 0;
}

/**
 * Keeps a platform account within its sending limits in this process (exactly one process sends
 * for an account). `acquire(chatId)` resolves when a message to that chat may go; callers are
 * served in order, so no message is starved and none is lost.
 */
export class Pacer {
  private readonly global = new Track();
  private readonly chats = new Map<string, Track>();
  private readonly timer: PaceTimer;
  private readonly random: () => number;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly opts: PacerOptions) {
    this.timer = opts.timer ?? realTimer;
    this.random = opts.random ?? Math.random;
  }

  /** Wait until a message to `chatId` may be sent, and count it as sent. */
  acquire(chatId: string): Promise<void> {
    const turn = this.chain.then(() => this.waitFor(chatId));
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  private async waitFor(chatId: string): Promise<void> {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = new Track();
      this.chats.set(chatId, chat);
    }
    const chatRule = this.opts.perChat(chatId);
    for (;;) {
      const now = this.timer.now();
      const at = Math.max(earliest(this.global, this.opts.global, now), earliest(chat, chatRule, now));
      if (at <= now) break;
      await this.timer.sleep(at - now);
    }
    const now = this.timer.now();
    record(this.global, this.opts.global, now, this.random);
    record(chat, chatRule, now, this.random);
    // Forget idle chats so the map does not grow without end.
    if (this.chats.size > 10_000) {
      for (const [id, t] of this.chats) {
        if (id !== chatId && t.nextAllowed <= now && t.sent.every((s) => now - s > IDLE_MS)) this.chats.delete(id);
      }
    }
  }
}

function earliest(track: Track, rule: PaceRule, now: number): number {
  let at = track.nextAllowed;
  if (rule.limit !== undefined && rule.windowMs !== undefined) {
    while (track.sent.length && now - track.sent[0] >= rule.windowMs) track.sent.shift();
    if (track.sent.length >= rule.limit) at = Math.max(at, track.sent[track.sent.length - rule.limit] + rule.windowMs);
  }
  return at;
}

function record(track: Track, rule: PaceRule, now: number, random: () => number): void {
  if (rule.limit !== undefined && rule.windowMs !== undefined) track.sent.push(now);
  if (rule.minIntervalMs !== undefined) track.nextAllowed = now + rule.minIntervalMs + Math.floor(random() * (rule.jitterMs ?? 0));
}

/** Telegram: ~30 messages a second per bot, 20 a minute per group, about 1 a second per private chat. */
export function telegramPacer(timer?: PaceTimer): Pacer {
  return new Pacer({
    // The pacer counts when a message is let go, Telegram when it arrives: 40 ms of margin keeps
    // network jitter from bunching 31 into one of Telegram's seconds.
    global: { limit: 30, windowMs: 1040 },
    // Group and channel ids are negative; a private chat's id is the user's (positive).
    perChat: (chatId) => (chatId.startsWith('-') ? { limit: 20, windowMs: 60_000 } : { minIntervalMs: 1000 }),
    timer,
  });
}

/** WeChat: one account, one message every `intervalMs` plus up to half of it again at random. */
export function wechatPacer(intervalMs: number, timer?: PaceTimer, random?: () => number): Pacer {
  return new Pacer({
    global: { minIntervalMs: intervalMs, jitterMs: Math.floor(intervalMs / 2) },
    perChat: () => ({}),
    timer,
    random,
  });
}

/** The most timestamps (sorted ascending) in any window of `windowMs`: how a limit is checked. */
export function maxInWindow(sorted: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j] - sorted[i] >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}
