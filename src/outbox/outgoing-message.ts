import type { ReplyButton } from '../db/tables/commands.js';
import type { ChatAddress } from '../messages/incoming-message.js';

export type { ReplyButton };

/** One image or file sent with a message: a PNG chart, an .xlsx export. */
export interface OutgoingAttachment {
  /** An image shows inline where the platform can; a file is a download with its name. */
  kind: 'image' | 'file';
  mime: string;
  fileName: string;
  bytes: Uint8Array;
}

/** A message to a chat, with the members to @mention there; a job writes it to the outbox in its transaction. */
export interface OutgoingMessage {
  to: ChatAddress;
  text: string;
  /** Platform user ids to @mention where the platform can. */
  mentions: string[];
  /** For each mention, the line of `text` it belongs to; absent: all with the first line. */
  mentionLines?: number[];
  /** Sent after the text where the platform and chat take it; elsewhere the text goes alone. */
  attachment?: OutgoingAttachment;
  /** Buttons under the message where the platform has them (Telegram); the text must say what to type anyway. */
  buttons?: ReplyButton[];
}
