import type { ChatAddress, IncomingMessage } from '../messages/incoming-message.js';

// Every BullMQ jobId rule lives here. Job ids may not contain ':' and are de-duplication keys.

function clean(part: string): string {
  return part.replace(/[^A-Za-z0-9_.@=+-]/g, (c) => '_' + c.codePointAt(0)!.toString(16));
}

/** The idempotency key of a platform message: `${platform}-${chatId}-${messageId}`. */
export function messageKey(msg: Pick<IncomingMessage, 'platform' | 'chatId' | 'messageId'>): string {
  return `${msg.platform}-${clean(msg.chatId)}-${clean(msg.messageId)}`;
}

/** The job that carries out a command from one platform message. */
export function commandJobId(key: string): string {
  return `cmd-${key}`;
}

/** The outbound job for an outbox row. */
export function outboundJobId(outboxKey: string): string {
  return `out-${outboxKey}`;
}

/** The key of the n-th outgoing message produced by the command (or scheduled run) `key`. */
export function outboxKey(key: string, n: number): string {
  return `${key}-r${n}`;
}

/** Records that an outbox row was delivered or failed for good. */
export function deliveryJobId(outboxKey: string): string {
  return `dlv-${outboxKey}`;
}

/** A chat as a job-id-safe string. */
export function chatKey(chat: ChatAddress): string {
  return `${chat.platform}-${clean(chat.chatId)}`;
}
