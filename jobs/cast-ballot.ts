import { boundInScope, castableHouseholds, castBallots, findVoteForBallot } from '../src/council/ballots.js';
import { readChoice, readRef } from '../src/council/read-args.js';
import { councilOut } from './council-out.js';
import { commandProcessor } from './run-command.js';

/**
 * 投票 V4 同意 / 反对 / 弃权 (a poll: 投票 V4 2): a bound member casts the ballot of every household
 * they may vote for. The reply in a group never says the choice (only a private chat hears it back).
 */
export const castBallot = commandProcessor('ballot', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  const ref = readRef(ctx.job.command.text ?? '', 'V');
  if (!ref) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  const refName = `V${ref.id}`;
  const vote = await findVoteForBallot(ctx.tx, ctx.estate.id, ref.id);
  if (!vote) return void out.reply(t('vote_not_found', { ref: refName }));
  if (vote.status === 'closed' || ctx.now >= vote.deadline) return void out.reply(t('vote_closed', { ref: refName }));
  const options = vote.kind === 'poll' ? vote.options : null;
  const choice = readChoice(ref.rest, options);
  if (choice === null) return void out.reply(t('ballot_choice_unclear', { ref: refName, options: options?.length ?? null }));
  const households = await castableHouseholds(ctx.tx, vote, ctx.member.id);
  if (households.length === 0) {
    const bound = await boundInScope(ctx.tx, vote.id, ctx.member.id);
    return void out.reply(t(bound && vote.kind === 'decision' ? 'ballot_not_owner' : 'ballot_not_bound', { ref: refName }));
  }
  const cast = await castBallots(ctx.tx, { voteId: vote.id, householdIds: households.map((h) => h.householdId), choice, channel: 'chat', memberId: ctx.member.id, photoFileId: null, sourceKey: ctx.job.key, at: ctx.now });
  const changed = cast.some((c) => c.previous !== null && c.previous !== choice);
  // Every ballot, and every change, is in the audit (the choice too: the audit is never public).
  await ctx.audit('ballot.cast', refName, { households: households.map((h) => h.roomCode), choice, changed });
  out.reply(t('ballot_recorded', { ref: refName, households: households.length, changed, choice: ctx.job.isPrivate ? t('choice_word', { choice, options }) : null }));
});
