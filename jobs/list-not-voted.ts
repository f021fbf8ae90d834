import { unreachedHouseholds } from '../src/council/ballot-notices.js';
import { findVote } from '../src/council/ballots.js';
import { readRef } from '../src/council/read-args.js';
import { notVotedRooms } from '../src/council/vote-count.js';
import { councilOut, councilStaff } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 未投票 V4: the room codes not yet voted, and how many households the notice has not reached; privately to staff. */
export const listNotVoted = commandProcessor('notvoted', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('staff_only'));
  const ref = readRef(ctx.job.command.text ?? '', 'V');
  if (!ref) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  const vote = await findVote(ctx.tx, ctx.estate.id, ref.id);
  if (!vote) return void out.reply(t('vote_not_found', { ref: `V${ref.id}` }));
  const rooms = await notVotedRooms(ctx.tx, vote, ctx.now);
  out.toSender([t('not_voted', { ref: `V${vote.id}`, rooms }), t('not_reached', { rooms: await unreachedHouseholds(ctx.tx, vote.id) })].join('\n'));
  if (out.senderPrivate && !ctx.job.isPrivate) out.reply(t('sent_privately'));
});
