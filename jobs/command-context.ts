import type { Transaction } from 'kysely';
import type { ChatGroup, Database, Estate, Member } from '../src/db/database.js';
import type { HeldRole } from '../src/members/held-role.js';
import type { Translator } from '../src/i18n/translator.js';
import type { ChatAddress } from '../src/messages/incoming-message.js';
import type { Scope } from '../src/ledger/paid-months.js';
import type { EstatePlan } from '../src/ledger/estate-plans.js';
import type { CommandJob } from '../src/queue/job-data.js';
import type { OutgoingAttachment, ReplyButton } from '../src/outbox/outgoing-message.js';
import type { ChartRenderer } from '../src/charts/render-png.js';
import type { Logger } from '../src/log.js';

/** What a command has before its chat is known to belong to an estate (an invitation claim). */
export interface ArrivalContext {
  tx: Transaction<Database>;
  job: CommandJob;
  now: Date;
  member: Member;
  /** The group the message came from; null in a private chat. */
  group: ChatGroup | null;
  i18n: Translator;
  /** Reply in the chat the command came from. */
  reply(text: string, mentions?: string[], mentionLines?: number[]): void;
  /** Reply with one image or file after the text (the text goes alone where the chat takes none). */
  replyWithFile(text: string, attachment: OutgoingAttachment): void;
  /** Draws charts (the notice's); absent where the worker has none (some tests). */
  charts?: ChartRenderer;
  /** The worker's log, for what the member is not told (a chart that could not be drawn). */
  log: Logger;
  /** Reply with buttons under the text where the platform has them (the text says what to type anyway). */
  replyWithButtons(text: string, buttons: ReplyButton[]): void;
  /** Send to another chat (a notification), with buttons under it where given. */
  send(to: ChatAddress, text: string, mentions?: string[], buttons?: ReplyButton[]): void;
  /** Record an action in an estate's audit log. */
  auditIn(estateId: number, action: string, subject: string, detail?: Record<string, unknown>): Promise<void>;
}

/** Everything a command processor needs, inside the command's one transaction. */
export interface CommandContext extends ArrivalContext {
  estate: Estate;
  /** What the chat covers: the group's scope, or in private the member's own reach. */
  scope: Scope;
  roles: HeldRole[];
  /** Record a staff action in the audit log. */
  audit(action: string, subject: string, detail?: Record<string, unknown>): Promise<void>;
  /** The estate's fee plans, main one first (read with the command's scene where it could be). */
  plans(): Promise<EstatePlan[]>;
}
