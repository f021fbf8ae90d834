import type { ReplyButton } from '../db/tables/commands.js';
import type { Locale } from '../commands/locale.js';
import type { Intent, ParsedCommand } from '../commands/parsed-command.js';
import type { Attachment, Platform } from '../messages/incoming-message.js';

/** A command from one platform message. Ids only: no display names, no phone numbers. */
export interface CommandJob {
  /** `${platform}-${chatId}-${messageId}`: the idempotency key. */
  key: string;
  platform: Platform;
  chatId: string;
  isPrivate: boolean;
  messageId: string;
  senderId: string;
  /** ISO time the adapter received the message. */
  receivedAt: string;
  locale: Locale;
  /** The parse, with phone numbers masked in its free text. */
  command: ParsedCommand;
  attachments: Attachment[];
}

/** Intents that run as worker jobs ('help', 'howto' and 'none' never leave the handler). */
export type CommandIntent = Exclude<Intent, 'none' | 'help' | 'howto'>;

/** The sender's report on one outgoing message. */
export interface DeliveryJob {
  outboxKey: string;
  platform: Platform;
  chatId: string;
  status: 'sent' | 'failed';
  reason: string | null;
  at: string;
  /** Only for replies the handler sent without an outbox row (usage errors): catalogue text. */
  text: string | null;
  /** The platform refused a private chat the member has not opened: point them to it from a group. */
  privateClosed?: boolean;
}

/** A group the adapter saw, with the name the platform gave it. */
export interface ChatNoteJob {
  platform: Platform;
  chatId: string;
  title: string | null;
}

/** What the adapter saw of a member (see 'note-member'). */
export interface MemberNote {
  platform: Platform;
  userId: string;
  /** They wrote to the bot privately. */
  isPrivate: boolean;
  displayName: string | null;
}

/** A scheduled ticket SLA sweep; the scheduler's job id tells runs apart, the SLA marks make each run idempotent. */
export interface TicketSweepJob {
  /** Null: every estate. */
  estateId: number | null;
}

/** A scheduled run for one estate (weekly notice, daily tally); null: every estate (the catch-up tick). */
export interface EstateRunJob {
  estateId: number | null;
}

/** A reminder's scheduled firing; which firing it is comes from the clock and the reminder's schedule. */
export interface ReminderJob {
  reminderId: number;
}

/** Every job a worker runs, by name. Add a name here and the compiler asks for its processor. */
export type JobData = { [K in CommandIntent]: CommandJob } & {
  'record-delivery': DeliveryJob;
  'record-deliveries': { items: DeliveryJob[] };
  'note-chat': ChatNoteJob;
  /** The groups the adapter saw at the same moment (one job, one statement). */
  'note-chats': { items: ChatNoteJob[] };
  /**
   * A member seen by the adapter: a private message opens the private chat; the display name the
   * platform gave is kept for staff eyes. The jobs that carry a name: removed once they have run.
   */
  'note-member': MemberNote;
  /** The members the adapter saw at the same moment (one job, one statement). */
  'note-members': { items: MemberNote[] };
  /** The weekly public notice, and the catch-up tick that posts a missed one late. */
  'post-weekly-notice': EstateRunJob;
  'daily-tally': EstateRunJob;
  'fire-reminder': ReminderJob;
  /** A photo sent without a command: may belong to the sender's recent ticket. */
  'attach-photo': CommandJob;
  /** The ticket SLA sweep (scheduled): reminders and escalations. */
  'ticket-sla-sweep': TicketSweepJob;
  /** The 红"栋"力 tick (scheduled): opens and closes rounds, reminds panelists. */
  'scoring-tick': EstateRunJob;
  /** The council sweep (scheduled): votes past their deadline get their result, meetings their reminders. */
  'council-sweep': { estateId: null };
  /** A location sent without a command: kept with its sender's open patrol. */
  'patrol-location': CommandJob;
  /** The patrol sweep (scheduled): automatic closes and the afternoon reminder. */
  'patrol-sweep': EstateRunJob;
  /** The new-claim digest (scheduled every 15 minutes): each zone's grid workers hear of new claims privately. */
  'claims-digest': EstateRunJob;
  /** 是 / 好 / 对 with no command: files the sender's pending ticket offer here, if one waits; quiet otherwise. */
  'offer-yes': CommandJob;
  /** The committee sweep (scheduled): monthly service ratings of property companies, the end of a trial. */
  'committee-sweep': EstateRunJob;
};

/** Job names that are not chat commands (deliveries, scheduled runs). Keep in step with JobData. */
export const OTHER_JOB_NAMES = ['record-delivery', 'record-deliveries', 'note-chat', 'note-chats', 'note-member', 'note-members', 'post-weekly-notice', 'daily-tally', 'fire-reminder', 'attach-photo', 'ticket-sla-sweep', 'council-sweep', 'scoring-tick', 'patrol-location', 'patrol-sweep', 'claims-digest', 'offer-yes', 'committee-sweep'] as const satisfies readonly Exclude<keyof JobData, CommandIntent>[];

export type JobName = keyof JobData;

/** Names of the jobs that carry a chat command. */
export const COMMAND_INTENTS = [
  'bind', 'pay', 'chain', 'confirm', 'reject', 'collect', 'status', 'unpaid',
  'complain', 'offer', 'accept', 'resolve', 'rate', 'tickets', 'remind', 'reminders', 'cancel',
  'urge', 'tally', 'notice', 'claim', 'login',
  'scoring_rules', 'score', 'unit_score', 'appeal', 'evidence', 'bonus', 'publish_scores',
  'propose', 'support', 'meeting', 'minutes', 'resolution', 'progress', 'vote', 'poll', 'ballot', 'paper', 'notvoted', 'relation',
  'merge-proposal', 'decline-proposal', 'nudge-voters', 'notice-delivered', 'floor-area',
  'void', 'amend', 'rebook', 'receipt', 'pending', 'export-ledger',
  'patrol-start', 'patrol-stop', 'patrol-status', 'patrol-note', 'to-ticket', 'visit', 'visits',
  'survey-new', 'survey-answer', 'survey-progress', 'survey-results', 'survey-chase', 'report',
] as const satisfies readonly CommandIntent[];

/**
 * An outbox row handed to the outbound queue. Its text is what the bot says in a chat: catalogue text with room
 * codes, amounts and refs, never a resident's name or phone number (those are never rendered).
 */
export interface OutboundJob {
  /** Which platform's outbound queue it goes to. */
  platform: Platform;
  outboxKey: string;
  chatId: string;
  /** Outbox row id; null for handler replies that have no outbox row yet. */
  outboxId: string | null;
  text: string;
  /** Platform user ids to @mention where the platform can. */
  mentions: string[];
  /** For each mention, the line of `text` it belongs to (a split message keeps it in that part). */
  mentionLines?: number[] | null;
  /** Why a message without an outbox row was sent (it becomes the row's reason when its delivery is recorded). */
  note?: string;
  /** The message's image or file, by id in Postgres (never the bytes in Redis); sent after the text. */
  attachmentId?: string | null;
  /** Reply buttons, rendered under the message's last part where the platform has them. */
  buttons?: ReplyButton[] | null;
}
