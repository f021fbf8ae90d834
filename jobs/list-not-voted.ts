import { unreachedHouseholds } from '../src/council/ballot-notices.js';
import { notVotedRooms } from '../src/council/vote-count.js';
import { councilOut, staffVote } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 未投票 V4: the room codes not yet voted, and how many households the notice has not reached; privately to staff. */
export const listNotVoted = commandProcessor('notvoted', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  const named = await staffVote(ctx, out);
  if (!named) return;
  const { vote } = named;
  const rooms = await notVotedRooms(ctx.tx, vote, ctx.now);
  out.toSender([t('not_voted', { ref: `V${vote.id}`, rooms }), t('not_reached', { rooms: await unreachedHouseholds(ctx.tx, vote.id) })].join('\n'));
  if (out.senderPrivate && !ctx.job.isPrivate) out.reply(t('sent_privately'));
});
