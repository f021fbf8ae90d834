import { castBallots, findVoteForBallot } from '../src/council/ballots.js';
import { readChoice, readPaperBallot, readRef } from '../src/council/read-args.js';
import { findHousehold } from '../src/members/households.js';
import { canManage } from '../src/ledger/permissions.js';
import { councilOut, councilStaff } from './council-out.js';
import { commandProcessor } from './run-command.js';

/**
 * 代录 V4 8-2-301 同意 (a photo of the ballot attached): staff enter a paper ballot collected door
 * to door; it counts like a chat ballot (the household's last before the deadline) and is marked
 * as paper. Entering it is a door-to-door delivery of the notice as well.
 */
export const enterPaperBallot = commandProcessor('paper', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('council_staff_only'));
  const ref = readRef(ctx.job.command.text ?? '', 'V');
  if (!ref) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  const refName = `V${ref.id}`;
  const vote = await findVoteForBallot(ctx.tx, ctx.estate.id, ref.id);
  if (!vote) return void out.reply(t('vote_not_found', { ref: refName }));
  if (vote.status === 'closed' || ctx.now >= vote.deadline) return void out.reply(t('vote_closed', { ref: refName }));
  const args = readPaperBallot(ref.rest);
  if (!args.ok) return void out.reply(t('council_arg_error', { error: args.error }));
  const household = await findHousehold(ctx.tx, ctx.estate.id, args.value.room);
  const inScope = household && (await ctx.tx.selectFrom('vote_parts').select('household_id').where('vote_id', '=', vote.id).where('household_id', '=', household.id).executeTakeFirst());
  if (!household || !inScope) return void out.reply(t('paper_not_in_scope', { ref: refName, room: args.value.room }));
  if (!canManage(ctx.roles, household)) return void out.reply(t('not_your_zone', { room: household.roomCode }));
  const options = vote.kind === 'poll' ? vote.options : null;
  const choice = readChoice(args.value.choiceText, options);
  if (choice === null) return void out.reply(t('ballot_choice_unclear', { ref: refName, options: options?.length ?? null }));
  const photo = ctx.job.attachments.find((a) => a.kind === 'image')?.id ?? null;
  const [cast] = await castBallots(ctx.tx, { voteId: vote.id, householdIds: [household.id], choice, channel: 'paper', memberId: ctx.member.id, photoFileId: photo, sourceKey: ctx.job.key, at: ctx.now });
  await ctx.tx
    .insertInto('ballot_notices')
    .values({ vote_id: vote.id, household_id: household.id, channel: 'visit', member_id: ctx.member.id, outbox_key: null, created_at: ctx.now })
    .onConflict((c) => c.columns(['vote_id', 'household_id', 'channel', 'member_id']).doNothing())
    .execute();
  await ctx.audit('ballot.paper', refName, { room: household.roomCode, choice, previous: cast.previous, photo: photo !== null });
  out.reply(t('paper_recorded', { ref: refName, room: household.roomCode, changed: cast.previous !== null && cast.previous !== choice, photo: photo !== null }));
});
