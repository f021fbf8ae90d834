import type { CommandJob } from '../src/queue/job-data.js';
import { hasOffer, takeOffer } from '../src/tickets/offers.js';
import { fileComplaint } from './file-ticket.js';
import { commandProcessor } from './run-command.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

// Inside the command frame: take the offer (deleted as it is read) and file it as 投诉 would.
const fileOffered = commandProcessor('offer-yes', async (ctx) => {
  const at = { platform: ctx.job.platform, chatId: ctx.job.chatId, memberId: ctx.member.id };
  const offer = await takeOffer(ctx.tx, at, ctx.now);
  if (offer === null) return;
  await fileComplaint(ctx, offer.text, offer.category);
});

/**
 * 是 / 好 / 对 with no command: files the member's ticket offer in this chat if one waits.
 * Every other 好的 in the group is chatter and leaves no trace: the look comes before the frame.
 */
export async function takeOfferJob(data: CommandJob, deps: WorkerDeps, info?: JobInfo): Promise<void> {
  if (!(await hasOffer(deps.db, data.platform, data.chatId, data.senderId, deps.clock.now()))) return;
  await fileOffered(data, deps, info);
}
