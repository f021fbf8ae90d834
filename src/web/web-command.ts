import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HandlerPorts } from '../../handlers/handle-message.js';
import { parseCommand } from '../commands/parse.js';
import type { Intent, ParsedCommand } from '../commands/parsed-command.js';
import type { Database } from '../db/database.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { CommandIntent, CommandJob } from '../queue/job-data.js';
import { messageKey } from '../queue/job-ids.js';
import type { StaffContext } from './staff-context.js';

/** A fresh one-time token for one rendered form: its submission's idempotency key. */
export function newFormToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Form tokens are 22 base64url characters. */
export function isFormToken(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Za-z0-9_-]{22}$/.test(s);
}

/** The chat command a dashboard button stands for, written as a Telegram user would type it. */
export type WebAction = { intent: 'accept' | 'resolve' | 'confirm' | 'reject'; ref: string; note: string | null };

const SLASH: Record<WebAction['intent'], string> = { accept: '/accept', resolve: '/resolve', confirm: '/confirm', reject: '/reject' };

/** A dashboard action that the parser does not read as the action it claims to be. */
export class WebActionError extends Error {
  constructor(readonly text: string, readonly got: Intent) {
    super(`web action ${JSON.stringify(text)} parsed as ${got}`);
    this.name = 'WebActionError';
  }
}

/**
 * The command job a dashboard button queues: the same parse and payload as the chat command,
 * from the member's own platform identity, answered in the private chat their link came to.
 * Its message id is the form's one-time token, so a double submit is one job and one effect.
 */
export function webCommandJob(staff: StaffContext, action: WebAction, formToken: string, now: Date): CommandJob {
  const text = [SLASH[action.intent], action.ref, action.note?.replace(/\s+/g, ' ').trim() ?? ''].join(' ').trim();
  return commandJobOfText(staff, text, (c) => c.intent === action.intent && c.ref === action.ref, formToken, now);
}

/**
 * The command job of a chat command written out as text (`/score 8-2 环境卫生18`); `means` checks
 * that the parser reads it as the form meant, else WebActionError (nothing is queued).
 */
export function commandJobOfText(staff: StaffContext, text: string, means: (c: ParsedCommand) => boolean, formToken: string, now: Date): CommandJob {
  const command = parseCommand(text);
  if (command.error || !means(command)) throw new WebActionError(text, command.intent);
  const s = staff.session;
  const messageId = `web-${formToken}`;
  return {
    key: webMessageKey(staff, formToken),
    platform: s.platform as CommandJob['platform'],
    chatId: s.chatId,
    isPrivate: s.isPrivate,
    messageId,
    senderId: staff.member.platformUserId,
    receivedAt: now.toISOString(),
    locale: s.locale,
    command: command.text === null ? command : { ...command, text: maskPersonalData(command.text) },
    attachments: [],
  };
}

/** The command key a form's submission gets: a message of the member's chat whose id is the form token. */
export function webMessageKey(staff: StaffContext, formToken: string): string {
  const s = staff.session;
  return messageKey({ platform: s.platform as CommandJob['platform'], chatId: s.chatId, messageId: `web-${formToken}` });
}

/** Queue a dashboard action as its command job; true once the worker has carried it out (within waitMs). */
export async function queueWebAction(ports: Pick<HandlerPorts, 'enqueueCommand'>, db: Kysely<Database>, job: CommandJob, waitMs: number): Promise<boolean> {
  await ports.enqueueCommand(job.command.intent as CommandIntent, job);
  const until = Date.now() + waitMs;
  for (;;) {
    const done = await db.selectFrom('processed_commands').select('key').where('key', '=', job.key).executeTakeFirst();
    if (done) return true;
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}
