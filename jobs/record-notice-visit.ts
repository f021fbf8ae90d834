import { recordNotice } from '../src/council/ballot-notices.js';
import { readPaperBallot } from '../src/council/read-args.js';
import { canManage } from '../src/ledger/permissions.js';
import { findHousehold } from '../src/members/households.js';
import { councilOut, staffVote } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 送达 V4 8-2-301 (/delivered V4 8-2-301): staff record that they delivered the ballot notice door to door (proof of delivery). */
export const recordNoticeVisit = commandProcessor('notice-delivered', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  const named = await staffVote(ctx, out);
  if (!named) return;
  const { vote, refName } = named;
  const args = readPaperBallot(named.rest);
  if (!args.ok) return void out.reply(t('council_arg_error', { error: 'room_required' }));
  const household = await findHousehold(ctx.tx, ctx.estate.id, args.value.room);
  const inScope = household && (await ctx.tx.selectFrom('vote_parts').select('household_id').where('vote_id', '=', vote.id).where('household_id', '=', household.id).executeTakeFirst());
  if (!household || !inScope) return void out.reply(t('paper_not_in_scope', { ref: refName, room: args.value.room }));
  if (!canManage(ctx.roles, household)) return void out.reply(t('not_your_zone', { room: household.roomCode }));
  await recordNotice(ctx.tx, { voteId: vote.id, householdId: household.id, channel: 'visit', memberId: ctx.member.id, outboxKey: null, at: ctx.now });
  await ctx.audit('vote.notice_visit', refName, { room: household.roomCode });
  out.reply(t('notice_visit_recorded', { ref: refName, room: household.roomCode }));
});
