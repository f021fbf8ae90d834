/** What an adapter gives the sender: send one text to one chat. */
export interface SendPort {
  /** Longest text the platform takes in one message (longer texts are split on line boundaries). */
  readonly maxLength: number;
  send(chatId: string, text: string, mentions: string[]): Promise<void>;
}

/** The platform refused the message for good (blocked, chat gone): retrying cannot help. */
export class PermanentSendError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentSendError';
  }
}

/** The platform asked us to slow down: wait `retryAfterMs` before the next try. */
export class RateLimitedError extends Error {
  constructor(
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(`rate limited; retry after ${retryAfterMs} ms`, options);
    this.name = 'RateLimitedError';
  }
}
