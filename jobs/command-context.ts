import type { Transaction } from 'kysely';
import type { ChatGroup, Database, Estate, Member } from '../src/db/database.js';
import type { HeldRole } from '../src/members/held-role.js';
import type { Translator } from '../src/i18n/translator.js';
import type { ChatAddress } from '../src/messages/incoming-message.js';
import type { Scope } from '../src/ledger/paid-months.js';
import type { CommandJob } from '../src/queue/job-data.js';

/** Everything a command processor needs, inside the command's one transaction. */
export interface CommandContext {
  tx: Transaction<Database>;
  job: CommandJob;
  now: Date;
  member: Member;
  estate: Estate;
  /** The group the message came from; null in a private chat. */
  group: ChatGroup | null;
  /** What the chat covers: the group's scope, or in private the member's own reach. */
  scope: Scope;
  roles: HeldRole[];
  i18n: Translator;
  /** Reply in the chat the command came from. */
  reply(text: string, mentions?: string[]): void;
  /** Send to another chat (a notification). */
  send(to: ChatAddress, text: string, mentions?: string[]): void;
  /** Record a staff action in the audit log. */
  audit(action: string, subject: string, detail?: Record<string, unknown>): Promise<void>;
}
