import { addSupport, findProposal, supportThreshold } from '../src/council/proposals.js';
import { readRef } from '../src/council/read-args.js';
import { userText } from '../src/i18n/user-text.js';
import { estateAdmins, notifyAddress } from '../src/tickets/notify.js';
import { councilOut, myHouseholds } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 附议 Y3: each of the sender's bound households supports once; at the threshold staff are told. */
export const supportProposal = commandProcessor('support', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  const ref = readRef(ctx.job.command.text ?? '', 'Y');
  if (!ref) return void out.reply(t('council_arg_error', { error: 'ref_required' }));
  const refName = `Y${ref.id}`;
  const proposal = await findProposal(ctx.tx, ctx.estate.id, ref.id);
  if (!proposal) return void out.reply(t('proposal_not_found', { ref: refName }));
  const households = await myHouseholds(ctx);
  if (households.length === 0) return void out.reply(t('council_bind_first'));
  if (proposal.status !== 'open' && proposal.status !== 'agenda') return void out.reply(t('proposal_not_open', { ref: refName, status: proposal.status, into: proposal.merged_into === null ? null : `Y${proposal.merged_into}` }));
  const threshold = await supportThreshold(ctx.tx, ctx.estate.id);
  let added = false;
  let reached = false;
  let count = 0;
  for (const h of households) {
    const r = await addSupport(ctx.tx, { proposalId: proposal.id, householdId: h.id, memberId: ctx.member.id, sourceKey: ctx.job.key, at: ctx.now, threshold });
    count = r.count;
    if (r.kind === 'supported') {
      added = true;
      reached ||= r.reached;
    }
  }
  if (!added) return void out.reply(t('proposal_support_already', { ref: refName, count }));
  out.reply(t('proposal_supported', { ref: refName, count, threshold }));
  if (reached) {
    const here = { platform: ctx.job.platform, chatId: ctx.job.chatId };
    for (const a of await estateAdmins(ctx.tx, ctx.estate.id)) {
      out.send(notifyAddress(a, here), t('proposal_reached_staff', { ref: refName, count, text: userText(proposal.text) }));
    }
    await ctx.audit('proposal.threshold', refName, { count });
  }
});
