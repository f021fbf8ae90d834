import { lockProposals, mergeProposal, REVIEWABLE } from '../src/council/proposal-review.js';
import { supportThreshold } from '../src/council/proposals.js';
import { allRefs } from '../src/council/read-args.js';
import { userText } from '../src/i18n/user-text.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { estateAdmins, notifyAddress } from '../src/tickets/notify.js';
import { councilOut, councilStaff, tellMember } from './council-out.js';
import { commandProcessor } from './run-command.js';

/**
 * 合并 Y5 到 Y3 (/merge Y5 Y3): staff merge a duplicate proposal into another. The duplicate's
 * supports are carried over, one per household; its proposer is told (privately where possible);
 * if the carried supports bring the target to the threshold, staff are told as for a support.
 */
export const mergeProposalJob = commandProcessor('merge-proposal', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('staff_only'));
  const refs = allRefs(ctx.job.command.text ?? '', 'Y');
  if (refs.length !== 2) return void out.reply(t('council_arg_error', { error: 'two_refs_required' }));
  const [fromId, intoId] = refs;
  if (fromId === intoId) return void out.reply(t('proposal_merge_same', { ref: `Y${fromId}` }));
  const found = await lockProposals(ctx.tx, ctx.estate.id, [fromId, intoId]);
  const from = found.get(fromId);
  const into = found.get(intoId);
  if (!from || !into) return void out.reply(t('proposal_not_found', { ref: `Y${from ? intoId : fromId}` }));
  for (const p of [from, into]) if (!REVIEWABLE.includes(p.status)) return void out.reply(t('proposal_not_reviewable', { ref: `Y${p.id}`, status: p.status }));
  const threshold = await supportThreshold(ctx.tx, ctx.estate.id);
  const r = await mergeProposal(ctx.tx, { fromId, intoId, sourceKey: ctx.job.key, at: ctx.now, threshold });
  await ctx.audit('proposal.merge', `Y${fromId}`, { into: `Y${intoId}`, carried: r.carried, count: r.count });
  out.reply(t('proposal_merged', { from: `Y${fromId}`, into: `Y${intoId}`, carried: r.carried, count: r.count, threshold }));
  const origin = { platform: from.origin_platform as Platform, chatId: from.origin_chat_id };
  await tellMember(ctx, out, from.proposer_member_id, origin, t('proposal_merged_proposer', { from: `Y${fromId}`, into: `Y${intoId}`, text: userText(into.text) }));
  if (r.reached) {
    const here = { platform: ctx.job.platform, chatId: ctx.job.chatId };
    for (const a of await estateAdmins(ctx.tx, ctx.estate.id)) {
      if (a.id === ctx.member.id) continue;
      out.send(notifyAddress(a, here), t('proposal_reached_staff', { ref: `Y${intoId}`, count: r.count, text: userText(into.text) }));
    }
  }
});
