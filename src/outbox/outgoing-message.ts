import type { ChatAddress } from '../messages/incoming-message.js';

/** A message to a chat, with the members to @mention there; a job writes it to the outbox in its transaction. */
export interface OutgoingMessage {
  to: ChatAddress;
  text: string;
  /** Platform user ids to @mention where the platform can. */
  mentions: string[];
  /** For each mention, the line of `text` it belongs to; absent: all with the first line. */
  mentionLines?: number[];
}
