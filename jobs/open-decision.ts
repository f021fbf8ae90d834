import { ballotButtons } from '../src/council/ballot-buttons.js';
import { findVote } from '../src/council/ballots.js';
import { noticeRecipients, recordNotice } from '../src/council/ballot-notices.js';
import { openVote } from '../src/council/open-vote.js';
import { readOpenDecision, readRef } from '../src/council/read-args.js';
import { buildingLines, turnoutLine } from '../src/council/render-count.js';
import { countVote } from '../src/council/vote-count.js';
import { userText } from '../src/i18n/user-text.js';
import { localTime } from '../src/time/local-time.js';
import { notifyAddress } from '../src/tickets/notify.js';
import type { CommandContext } from './command-context.js';
import { councilOut, councilStaff, type CouncilOut } from './council-out.js';
import { commandProcessor } from './run-command.js';

/** 表决 V4: turnout now. Staff get it per building, privately; residents the overall figures (never who voted how). */
async function showTurnout(ctx: CommandContext, out: CouncilOut, id: number): Promise<void> {
  const { t } = ctx.i18n;
  const vote = await findVote(ctx.tx, ctx.estate.id, id);
  if (!vote) return void out.reply(t('vote_not_found', { ref: `V${id}` }));
  const count = await countVote(ctx.tx, vote, ctx.now);
  const lines = [t('turnout_header', { ref: `V${vote.id}`, title: vote.title, at: localTime(vote.status === 'closed' ? vote.deadline : ctx.now, ctx.estate.time_zone) }), turnoutLine(count, t)];
  if (!councilStaff(ctx)) return void out.reply(lines.join('\n'));
  out.toSender([...lines, ...buildingLines(count, t)].join('\n'));
  if (out.senderPrivate && !ctx.job.isPrivate) out.reply(t('sent_privately'));
}

/** Tell every member who may vote, privately where possible; each household's notice is logged as proof of delivery. */
export async function sendBallotNotices(ctx: CommandContext, out: CouncilOut, voteId: number, announcementKey: string): Promise<void> {
  const vote = (await findVote(ctx.tx, ctx.estate.id, voteId))!;
  const here = { platform: ctx.job.platform, chatId: ctx.job.chatId };
  const buttons = ballotButtons(ctx.i18n, `V${vote.id}`, vote.kind === 'poll' ? vote.options : null);
  for (const r of await noticeRecipients(ctx.tx, vote)) {
    const to = notifyAddress(r, here);
    // Where the platform has no private chat the group announcement is what reached them.
    const key =
      to.chatId === here.chatId && to.platform === here.platform
        ? announcementKey
        : out.send(to, ctx.i18n.t('vote_ballot_notice', { ref: `V${vote.id}`, title: vote.title, rooms: r.households.map((h) => h.roomCode), deadline: localTime(vote.deadline, ctx.estate.time_zone), options: vote.kind === 'poll' ? vote.options.length : null }), [], buttons);
    for (const h of r.households) await recordNotice(ctx.tx, { voteId: vote.id, householdId: h.id, channel: 'chat', memberId: r.memberId, outboxKey: key, at: ctx.now });
  }
}

/** The scope's buildings by code; unknown codes are returned to be reported. */
export async function buildingsByCode(ctx: CommandContext, codes: string[]): Promise<{ ids: number[]; unknown: string[] }> {
  if (codes.length === 0) return { ids: [], unknown: [] };
  const rows = await ctx.tx.selectFrom('buildings').select(['id', 'code']).where('estate_id', '=', ctx.estate.id).where('code', 'in', codes).execute();
  return { ids: rows.map((r) => r.id), unknown: codes.filter((c) => !rows.some((r) => r.code === c)) };
}

/**
 * 表决 使用维修资金更换8栋电梯 截止12月8日 20:00 8栋 [特别事项] [无记名]: staff open an owners'
 * decision under Civil Code art. 278. 表决 V4 shows its turnout.
 */
export const openDecision = commandProcessor('vote', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  const text = ctx.job.command.text ?? '';
  const ref = readRef(text, 'V');
  if (ref) return showTurnout(ctx, out, ref.id);
  if (!councilStaff(ctx)) return void out.reply(t('council_staff_only'));
  const args = readOpenDecision(text, ctx.now, ctx.estate.time_zone);
  if (!args.ok) return void out.reply(t('council_arg_error', { error: args.error }));
  const scope = await buildingsByCode(ctx, args.value.buildings);
  if (scope.unknown.length > 0) return void out.reply(t('vote_unknown_buildings', { codes: scope.unknown }));
  const opened = await openVote(
    ctx.tx,
    {
      estateId: ctx.estate.id,
      kind: 'decision',
      matter: args.value.matter,
      title: args.value.title.slice(0, 200),
      options: ['yes', 'no', 'abstain'],
      secret: args.value.secret,
      buildingIds: scope.ids,
      deadline: args.value.deadline,
      createdBy: ctx.member.id,
      platform: ctx.job.platform,
      chatId: ctx.job.chatId,
      sourceKey: ctx.job.key,
      proposalId: null,
    },
    ctx.now,
  );
  if (!opened.ok) return void out.reply(opened.error === 'scope_empty' ? t('vote_scope_empty') : t('vote_area_unknown', { count: opened.rooms.length, rooms: opened.rooms.slice(0, 5) }));
  await ctx.audit('vote.open', `V${opened.voteId}`, { kind: 'decision', matter: args.value.matter, buildings: args.value.buildings, deadline: args.value.deadline.toISOString() });
  const scopeName = args.value.buildings.length === 0 ? t('vote_scope_estate') : t('vote_scope_buildings', { codes: args.value.buildings });
  const key = out.reply(
    t('vote_opened_decision', { ref: `V${opened.voteId}`, title: userText(args.value.title), matter: args.value.matter, scope: scopeName, deadline: localTime(args.value.deadline, ctx.estate.time_zone), households: opened.households, secret: args.value.secret }),
    ballotButtons(ctx.i18n, `V${opened.voteId}`, null),
  );
  await sendBallotNotices(ctx, out, opened.voteId, key);
});
