import { ballotButtons } from '../src/council/ballot-buttons.js';
import { noticeRecipients, recordNotice } from '../src/council/ballot-notices.js';
import { claimNudgeDay, planNudges } from '../src/council/nudges.js';
import { notVotedHouseholds } from '../src/council/vote-count.js';
import { localTime } from '../src/time/local-time.js';
import { localParts } from '../src/time/zoned-time.js';
import { councilOut, staffVote } from './council-out.js';
import { commandProcessor } from './run-command.js';

/**
 * 催投票 V4 (/nudge V4): staff remind the households not yet voted, each voter privately and at
 * most once a day per vote. Nothing goes to the group next to anyone; households no voter can be
 * reached privately are listed to staff for a visit.
 */
export const nudgeVoters = commandProcessor('nudge-voters', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  const named = await staffVote(ctx, out);
  if (!named) return;
  const { vote, refName } = named;
  if (vote.status === 'closed' || ctx.now >= vote.deadline) return void out.reply(t('vote_closed', { ref: refName }));
  const tz = ctx.estate.time_zone;
  const d = localParts(ctx.now, tz);
  const day = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const claim = await claimNudgeDay(ctx.tx, { voteId: vote.id, day, memberId: ctx.member.id, at: ctx.now });
  if (!claim.first) return void out.reply(t('nudge_already_today', { ref: refName, at: localTime(claim.at, tz) }));
  const here = { platform: ctx.job.platform, chatId: ctx.job.chatId };
  const plan = planNudges(await noticeRecipients(ctx.tx, vote), await notVotedHouseholds(ctx.tx, vote, ctx.now), here);
  const deadline = localTime(vote.deadline, tz);
  const options = vote.kind === 'poll' ? vote.options.length : null;
  const buttons = ballotButtons(ctx.i18n, refName, vote.kind === 'poll' ? vote.options : null);
  for (const n of plan.nudges) {
    const key = out.send(n.to, t('nudge_voter', { ref: refName, title: vote.title, rooms: n.households.map((h) => h.roomCode), deadline, options }), [], buttons);
    // A reminder that went out is a delivery of the notice too (kept when none was logged for this voter).
    for (const h of n.households) await recordNotice(ctx.tx, { voteId: vote.id, householdId: h.id, channel: 'chat', memberId: n.memberId, outboxKey: key, at: ctx.now });
  }
  await ctx.audit('vote.nudge', refName, { members: plan.nudges.length, visit: plan.visit.length });
  out.toSender(t('nudge_sent', { ref: refName, members: plan.nudges.length, households: new Set(plan.nudges.flatMap((n) => n.households.map((h) => h.id))).size, visit: plan.visit }));
  if (out.senderPrivate && !ctx.job.isPrivate) out.reply(t('sent_privately'));
});
