import { declineProposal, lockProposals, REVIEWABLE } from '../src/council/proposal-review.js';
import { readRef } from '../src/council/read-args.js';
import { userText } from '../src/i18n/user-text.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { councilOut, councilStaff, tellMember } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 不采纳 Y5 原因 (/decline Y5 reason): staff decline a proposal; its proposer is told why, privately where possible. */
export const declineProposalJob = commandProcessor('decline-proposal', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('staff_only'));
  const ref = readRef(ctx.job.command.text ?? '', 'Y');
  if (!ref) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  const reason = ref.rest.trim().slice(0, 200);
  if (reason === '') return void out.reply(t('council_arg_error', { error: 'reason_required' }));
  const proposal = (await lockProposals(ctx.tx, ctx.estate.id, [ref.id])).get(ref.id);
  if (!proposal) return void out.reply(t('proposal_not_found', { ref: `Y${ref.id}` }));
  if (!REVIEWABLE.includes(proposal.status)) return void out.reply(t('proposal_not_reviewable', { ref: `Y${proposal.id}`, status: proposal.status }));
  await declineProposal(ctx.tx, proposal.id, reason);
  await ctx.audit('proposal.decline', `Y${proposal.id}`, { reason });
  out.reply(t('proposal_declined', { ref: `Y${proposal.id}`, reason: userText(reason) }));
  const origin = { platform: proposal.origin_platform as Platform, chatId: proposal.origin_chat_id };
  await tellMember(ctx, out, proposal.proposer_member_id, origin, t('proposal_declined_proposer', { ref: `Y${proposal.id}`, text: userText(proposal.text), reason: userText(reason) }));
});
