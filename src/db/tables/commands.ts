import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.js';

/** A button under a message: pressing it is the presser saying `says` in that chat. */
export interface ReplyButton {
  label: string;
  says: string;
}

// What commands leave behind: processed keys, the outbox, the audit log.

export interface ProcessedCommandsTable {
  key: string;
  job_name: string;
  created_at: Timestamp;
}
export interface OutboxTable {
  id: Generated<string>;
  key: string;
  platform: string;
  chat_id: string;
  text: string;
  mentions: Json<string[]>;
  /** For each mention, the line of `text` it belongs to (null: all go with the first part). */
  mention_lines: ColumnType<number[] | null, string | null | undefined, string | null>;
  /** Reply buttons: a label and the words a press stands for (null: none). */
  buttons: ColumnType<ReplyButton[] | null, string | null | undefined, string | null>;
  status: Generated<'pending' | 'sent' | 'failed'>;
  reason: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}
/** An outgoing message's one image or file, kept until the message is delivered. */
export interface OutboxAttachmentsTable {
  id: Generated<string>;
  outbox_id: string;
  kind: 'image' | 'file';
  mime: string;
  file_name: string;
  bytes: Buffer;
  created_at: Timestamp;
}
export interface AuditLogTable {
  id: Generated<string>;
  estate_id: number | null;
  actor_member_id: number | null;
  action: string;
  subject: string;
  detail: Json<Record<string, unknown>>;
  created_at: Timestamp;
}
