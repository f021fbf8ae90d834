import { detectLocale } from '../src/commands/locale.js';
import { isOfferYes } from '../src/commands/offer-answer.js';
import { parseCommand } from '../src/commands/parse.js';
import type { ParsedCommand } from '../src/commands/parsed-command.js';
import { translator } from '../src/i18n/translator.js';
import { usageHint } from '../src/i18n/usage-hint.js';
import { maskPersonalData } from '../src/privacy/mask.js';
import type { IncomingMessage } from '../src/messages/incoming-message.js';
import type { CommandIntent, CommandJob, MemberNote } from '../src/queue/job-data.js';
import { messageKey } from '../src/queue/job-ids.js';

/** What the handler may do: queue a command job, or answer at once. It touches no database. */
export interface HandlerPorts {
  /** Queue a command job; jobId comes from the message key, so a redelivery is a no-op. */
  enqueueCommand(name: CommandIntent | 'attach-photo' | 'patrol-location' | 'offer-yes', data: CommandJob): Promise<void>;
  /** Answer in the message's chat at once (help, usage errors); idempotent by `key`. */
  answer(msg: Pick<IncomingMessage, 'platform' | 'chatId'>, key: string, text: string): Promise<void>;
  /** Make a group known (with its name) so an admin can find and link it; cheap when already known. */
  noteChat?(chat: ChatNote): Promise<void>;
  /** Note a member seen (a private chat opened, the platform's display name); cheap when nothing changed. */
  noteMember?(member: MemberNote): Promise<void>;
}

/** A group the bot is in, as the admin sees it in `linli groups`. */
export interface ChatNote {
  platform: IncomingMessage['platform'];
  chatId: string;
  title: string | null;
}

/** What became of a message. */
export type Handled = 'ignored' | 'answered' | 'queued';

/** Personal data never rides in a job payload: phone numbers in free text are masked. */
function scrub(cmd: ParsedCommand): ParsedCommand {
  const text = cmd.text === null ? null : maskPersonalData(cmd.text);
  const items = cmd.items === null ? null : cmd.items.map((i) => ({ ...i, line: maskPersonalData(i.line), text: i.text === null ? null : maskPersonalData(i.text) }));
  return cmd.text === null && cmd.items === null ? cmd : ({ ...cmd, text, items } as ParsedCommand);
}

/**
 * Turn one incoming message into a job or an immediate answer. Ordinary chatter is ignored;
 * a message for the bot (private, or @mentioning it) that says nothing it understands gets a
 * short menu, never silence. Never throws on any text: the parser accepts anything.
 */
export async function handleMessage(msg: IncomingMessage, ports: HandlerPorts): Promise<Handled> {
  // Both notes (and below, the command) are queued in one tick: on Redis, one socket write for all.
  const notes = Promise.all([
    msg.isPrivate ? undefined : ports.noteChat?.({ platform: msg.platform, chatId: msg.chatId, title: msg.chatTitle }),
    ports.noteMember?.({ platform: msg.platform, userId: msg.senderId, isPrivate: msg.isPrivate, displayName: msg.senderName }),
  ]);
  // A message is handled only once its notes are queued (else the platform redelivers it).
  notes.catch(() => {});
  const handled = await route(msg, ports);
  await notes;
  return handled;
}

/** The job or answer a message becomes. */
async function route(msg: IncomingMessage, ports: HandlerPorts): Promise<Handled> {
  const toBot = msg.isPrivate || msg.mentionsBot === true;
  const command = parseCommand(msg.text, { toBot });
  const key = messageKey(msg);
  const { t } = translator(detectLocale(msg.text));
  if (command.intent === 'none') {
    // A location may mark where its sender is on an open patrol; the worker decides, quietly otherwise.
    if (msg.attachments.some((a) => a.kind === 'location')) {
      await ports.enqueueCommand('patrol-location', commandJob(msg, command));
      return 'queued';
    }
    // A photo without a command may belong to its sender's fresh ticket; the worker decides, quietly.
    if (msg.attachments.some((a) => a.kind === 'image')) {
      await ports.enqueueCommand('attach-photo', commandJob(msg, command));
      return 'queued';
    }
    // 是 / 好 may answer the bot's ticket offer to this member; the worker decides, quietly otherwise.
    if (isOfferYes(msg.text)) {
      await ports.enqueueCommand('offer-yes', commandJob(msg, command));
      return 'queued';
    }
    if (!toBot) return 'ignored';
    await ports.answer(msg, `${key}-h1`, t('menu_short'));
    return 'answered';
  }
  if (command.intent === 'help') {
    await ports.answer(msg, `${key}-h1`, t('help'));
    return 'answered';
  }
  if (command.error) {
    await ports.answer(msg, `${key}-h1`, t(usageHint(command.intent, command.error)));
    return 'answered';
  }
  if (command.intent === 'howto') {
    await ports.answer(msg, `${key}-h1`, t(`howto_${command.topic}`));
    return 'answered';
  }
  await ports.enqueueCommand(command.intent, commandJob(msg, command));
  return 'queued';
}

/** The job payload for a message: ids and the (scrubbed) parse, no names. */
function commandJob(msg: IncomingMessage, command: ParsedCommand): CommandJob {
  return {
    key: messageKey(msg),
    platform: msg.platform,
    chatId: msg.chatId,
    isPrivate: msg.isPrivate,
    messageId: msg.messageId,
    senderId: msg.senderId,
    receivedAt: msg.receivedAt.toISOString(),
    locale: detectLocale(msg.text),
    command: scrub(command),
    attachments: msg.attachments,
  };
}
