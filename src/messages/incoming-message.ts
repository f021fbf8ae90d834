/** The chat platforms linli speaks; each has one adapter in src/adapters. */
export type Platform = 'console' | 'wechat' | 'telegram';

/** Something a member attached to a message (a payment screenshot, a photo of a problem, where they are). */
export type Attachment = FileAttachment | LocationAttachment;

/** A photo or a file. */
export interface FileAttachment {
  kind: 'image' | 'file';
  /** Platform id of the file; fetched only when needed. */
  id: string;
}

/** A location the member shared (a grid worker on patrol); degrees × 10^6 as integers. */
export interface LocationAttachment {
  kind: 'location';
  /** The platform message id. */
  id: string;
  latitudeE6: number;
  longitudeE6: number;
  /** A place name or address where the platform gives one. */
  label: string | null;
}

/** Degrees as the integer millionths a location is kept in. */
export function toE6(degrees: number): number {
  return Math.round(degrees * 1_000_000);
}

/** One chat message, the same shape from every adapter. */
export interface IncomingMessage {
  platform: Platform;
  chatId: string;
  /** A one-to-one chat with the bot rather than a group. */
  isPrivate: boolean;
  messageId: string;
  /** Platform user id: the member's identity. */
  senderId: string;
  /** Shown to staff at most; never grants anything, never stored in a job. */
  senderName: string | null;
  chatTitle: string | null;
  /**
   * The message @mentions the bot (the adapter saw it, and stripped it from `text`): with
   * `isPrivate`, what tells a message for the bot from group chatter. Absent: not mentioned.
   */
  mentionsBot?: boolean;
  /** The text with any @mention of the bot already stripped. */
  text: string;
  attachments: Attachment[];
  receivedAt: Date;
}

/** Where a message goes: a chat on a platform. */
export interface ChatAddress {
  platform: Platform;
  chatId: string;
}
