import type { Transformer } from 'grammy';
import type { Logger } from '../../log.js';

/** The Bot API calls linli makes while starting; only these are retried here. */
export const STARTUP_METHODS: ReadonlySet<string> = new Set(['getMe', 'deleteWebhook', 'setWebhook', 'setMyCommands']);

/** How hard start-up tries before it gives up and says why. */
export interface StartupRetryOptions {
  log: Logger;
  sleep: (ms: number) => Promise<void>;
  /** Attempts per call, the first included. */
  attempts?: number;
  /** A 429 asking for a longer wait than this fails start instead (the operator is told). */
  maxWaitMs?: number;
}

/**
 * A transformer that retries the start-up calls when Telegram is briefly unavailable: a 429 after
 * its `retry_after`, a 5xx or a network error after 1, 2, 4… s. Bounded, so a long outage fails
 * start with Telegram's answer (and the service manager restarts it) instead of hanging. Messages
 * are not retried here: their 429s go back to the sender, which paces the queue.
 */
export function startupRetry(opts: StartupRetryOptions): Transformer {
  const attempts = opts.attempts ?? 5;
  const maxWaitMs = opts.maxWaitMs ?? 60_000;
  return async (prev, method, payload, signal) => {
    if (!STARTUP_METHODS.has(method)) return prev(method, payload, signal);
    for (let attempt = 1; ; attempt++) {
      const backoff = Math.min(1000 * 2 ** (attempt - 1), maxWaitMs);
      let why: string;
      let waitMs: number;
      try {
        const res = await prev(method, payload, signal);
        if (res.ok) return res;
        const retryAfter = res.parameters?.retry_after;
        if (res.error_code === 429) waitMs = (retryAfter ?? 1) * 1000;
        else if (res.error_code >= 500) waitMs = backoff;
        else return res;
        why = `${res.error_code} ${res.description}`;
        if (attempt >= attempts || waitMs > maxWaitMs || signal?.aborted) return res;
      } catch (e) {
        // A network error (grammY's HttpError): the same bounded backoff.
        if (attempt >= attempts || signal?.aborted) throw e;
        why = e instanceof Error ? e.message : String(e);
        waitMs = backoff;
      }
      opts.log.warn(`telegram: ${method} failed at start (${why}); retry ${attempt} of ${attempts - 1} in ${Math.round(waitMs / 1000)} s`);
      await opts.sleep(waitMs);
    }
  };
}
