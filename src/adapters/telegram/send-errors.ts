import { GrammyError } from 'grammy';
import { PermanentSendError, RateLimitedError } from '../../outbound/send-port.js';

/**
 * Say what a failed Bot API call means for the sender: 429 → wait `retry_after`; a refusal the
 * API will repeat (400 chat not found, 403 blocked or kicked) → permanent, with Telegram's reason;
 * anything else (network, 5xx) is thrown as is and retried.
 */
export function classifySendError(e: unknown, chatId = ''): unknown {
  if (!(e instanceof GrammyError)) return e;
  if (e.error_code === 429) return new RateLimitedError((e.parameters.retry_after ?? 1) * 1000, { cause: e });
  if (e.error_code === 400 || e.error_code === 403) {
    const moved = e.parameters.migrate_to_chat_id;
    const reason = moved ? `${e.description} (group moved to ${moved}; link the new chat)` : e.description;
    // A private chat's id is the user's (positive). A bot may not start a conversation: 403 "bot
    // can't initiate conversation with a user" until the user has written to it, 403 "bot was
    // blocked by the user" after they stopped it, 400 "chat not found" for one it never saw.
    const privateClosed = /^\d+$/.test(chatId) && (e.error_code === 403 || /chat not found/i.test(e.description));
    return new PermanentSendError(`telegram ${e.error_code}: ${reason}`, { cause: e, privateClosed });
  }
  return e;
}
