import type { OutgoingAttachment, ReplyButton } from '../outbox/outgoing-message.js';
import type { MessageMeasure } from './split-text.js';

/** What an adapter gives the sender: send one text to one chat. */
export interface SendPort {
  /** Longest message the platform takes, by `measure` with mentions included (longer ones are split on line boundaries). */
  readonly maxLength: number;
  /** How the platform counts a message; default: code points, mentions free. */
  readonly measure?: MessageMeasure;
  /** Send one text; `buttons` go under it where the platform has them (else they are left out: the text says what to type). */
  send(chatId: string, text: string, mentions: string[], extra?: { buttons?: ReplyButton[] }): Promise<void>;
  /** Send one image or file to the chat; absent where the platform takes none (the text goes alone). */
  sendAttachment?(chatId: string, attachment: OutgoingAttachment): Promise<void>;
}

/** The platform refused the message for good (blocked, chat gone): retrying cannot help. */
export class PermanentSendError extends Error {
  /** The refusal is of a private chat the member has not opened (or closed): point them to it from a group. */
  readonly privateClosed: boolean;
  constructor(message: string, options?: { cause?: unknown; privateClosed?: boolean }) {
    super(message, options);
    this.name = 'PermanentSendError';
    this.privateClosed = options?.privateClosed ?? false;
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
