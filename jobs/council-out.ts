import { findVote, type Vote } from '../src/council/ballots.js';
import { readRef } from '../src/council/read-args.js';
import { boundHouseholds, type HouseholdRef } from '../src/members/households.js';
import { isStaff } from '../src/ledger/permissions.js';
import type { ChatAddress } from '../src/messages/incoming-message.js';
import type { ReplyButton } from '../src/outbox/outgoing-message.js';
import { outboxKey } from '../src/queue/job-ids.js';
import { notifyAddress } from '../src/tickets/notify.js';
import type { CommandContext } from './command-context.js';

/**
 * A council command's outgoing messages, counted: the frame keys the n-th message of a command
 * `${key}-r<n>`, so the key of each message is known when it is written (the ballot-notice proofs
 * point at them). Every council message goes through here.
 */
export interface CouncilOut {
  reply(text: string, buttons?: ReplyButton[]): string;
  send(to: ChatAddress, text: string, mentions?: string[], buttons?: ReplyButton[]): string;
  /** To the sender privately where the platform allows, else here. */
  toSender(text: string): string;
  /** Whether a message to the sender goes to a private chat. */
  senderPrivate: boolean;
}

/** Wrap the command context's reply and send. */
export function councilOut(ctx: CommandContext): CouncilOut {
  let n = 0;
  const here: ChatAddress = { platform: ctx.job.platform, chatId: ctx.job.chatId };
  const privateTo = notifyAddress({ platform: ctx.member.platform, platformUserId: ctx.member.platform_user_id }, here);
  return {
    reply(text, buttons) {
      if (buttons?.length) ctx.replyWithButtons(text, buttons);
      else ctx.reply(text);
      return outboxKey(ctx.job.key, ++n);
    },
    send(to, text, mentions = [], buttons) {
      ctx.send(to, text, mentions, buttons);
      return outboxKey(ctx.job.key, ++n);
    },
    toSender(text) {
      ctx.send(privateTo, text);
      return outboxKey(ctx.job.key, ++n);
    },
    senderPrivate: ctx.job.isPrivate || privateTo.chatId !== here.chatId || privateTo.platform !== here.platform,
  };
}

/**
 * The vote a staff command names (未投票 V4, 催投票 V4, 送达 V4 8-2-301), with its ref's name and
 * the text after the ref; null once the reply that stops it went out (not staff, no ref, no such vote).
 */
export async function staffVote(ctx: CommandContext, out: CouncilOut): Promise<{ vote: Vote; refName: string; rest: string } | null> {
  const { t } = ctx.i18n;
  const stop = (text: string) => {
    out.reply(text);
    return null;
  };
  if (!councilStaff(ctx)) return stop(t('staff_only'));
  const ref = readRef(ctx.job.command.text ?? '', 'V');
  if (!ref) return stop(t('council_arg_error', { error: 'ref_required' }));
  const refName = `V${ref.id}`;
  const vote = await findVote(ctx.tx, ctx.estate.id, ref.id);
  if (!vote) return stop(t('vote_not_found', { ref: refName }));
  return { vote, refName, rest: ref.rest };
}

/** Staff of the council: grid workers and admins (heads are residents here). */
export function councilStaff(ctx: CommandContext): boolean {
  return isStaff(ctx.roles);
}

/** The sender's confirmed households in this estate. */
export function myHouseholds(ctx: CommandContext): Promise<HouseholdRef[]> {
  return boundHouseholds(ctx.tx, ctx.member.id, ctx.estate.id);
}

/**
 * Tell a member something about their own proposal: privately where their platform allows, else
 * in the chat it came from with an @mention (a proposal is no debt, vote or score). Nothing when
 * the member is the sender (the reply says it already).
 */
export async function tellMember(ctx: CommandContext, out: CouncilOut, memberId: number, origin: ChatAddress, text: string): Promise<void> {
  if (memberId === ctx.member.id) return;
  const m = await ctx.tx.selectFrom('members').select(['platform', 'platform_user_id']).where('id', '=', memberId).executeTakeFirst();
  if (!m) return;
  const to = notifyAddress({ platform: m.platform, platformUserId: m.platform_user_id }, origin);
  const isPrivate = to.chatId === m.platform_user_id && to.platform === m.platform;
  out.send(to, text, isPrivate ? [] : [m.platform_user_id]);
}
