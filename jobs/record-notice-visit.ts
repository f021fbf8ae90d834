import { recordNotice } from '../src/council/ballot-notices.js';
import { findVote } from '../src/council/ballots.js';
import { readPaperBallot, readRef } from '../src/council/read-args.js';
import { canManage } from '../src/ledger/permissions.js';
import { findHousehold } from '../src/members/households.js';
import { councilOut, councilStaff } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 送达 V4 8-2-301 (/delivered V4 8-2-301): staff record that they delivered the ballot notice door to door (proof of delivery). */
export const recordNoticeVisit = commandProcessor('notice-delivered', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('staff_only'));
  const ref = readRef(ctx.job.command.text ?? '', 'V');
  if (!ref) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  const refName = `V${ref.id}`;
  const vote = await findVote(ctx.tx, ctx.estate.id, ref.id);
  if (!vote) return void out.reply(t('vote_not_found', { ref: refName }));
  const args = readPaperBallot(ref.rest);
  if (!args.ok) return void out.reply(t('council_arg_error', { error: 'room_required' }));
  const household = await findHousehold(ctx.tx, ctx.estate.id, args.value.room);
  const inScope = household && (await ctx.tx.selectFrom('vote_parts').select('household_id').where('vote_id', '=', vote.id).where('household_id', '=', household.id).executeTakeFirst());
  if (!household || !inScope) return void out.reply(t('paper_not_in_scope', { ref: refName, room: args.value.room }));
  if (!canManage(ctx.roles, household)) return void out.reply(t('not_your_zone', { room: household.roomCode }));
  await recordNotice(ctx.tx, { voteId: vote.id, householdId: household.id, channel: 'visit', memberId: ctx.member.id, outboxKey: null, at: ctx.now });
  await ctx.audit('vote.notice_visit', refName, { room: household.roomCode });
  out.reply(t('notice_visit_recorded', { ref: refName, room: household.roomCode }));
});
