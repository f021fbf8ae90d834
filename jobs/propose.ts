import { addSupport, supportThreshold } from '../src/council/proposals.js';
import { userText } from '../src/i18n/user-text.js';
import { councilOut, councilStaff, myHouseholds } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 提议 在8栋门口加装晾衣架: a bound resident (or staff) proposes; the proposer's household is the first support. */
export const propose = commandProcessor('propose', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  const text = (ctx.job.command.text ?? '').trim();
  const households = await myHouseholds(ctx);
  const staff = councilStaff(ctx);
  if (households.length === 0 && !staff) return void out.reply(t('council_bind_first'));
  const row = await ctx.tx
    .insertInto('proposals')
    .values({
      estate_id: ctx.estate.id,
      text,
      proposer_member_id: ctx.member.id,
      household_id: households[0]?.id ?? null,
      merged_into: null,
      reason: null,
      threshold_reached_at: null,
      origin_platform: ctx.job.platform,
      origin_chat_id: ctx.job.chatId,
      source_key: ctx.job.key,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const threshold = await supportThreshold(ctx.tx, ctx.estate.id);
  if (households[0]) await addSupport(ctx.tx, { proposalId: row.id, householdId: households[0].id, memberId: ctx.member.id, sourceKey: ctx.job.key, at: ctx.now, threshold });
  out.reply(t('proposal_created', { ref: `Y${row.id}`, text: userText(text), threshold }));
});
