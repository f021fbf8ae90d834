import { ballotButtons } from '../src/council/ballot-buttons.js';
import { openVote } from '../src/council/open-vote.js';
import { readOpenPoll } from '../src/council/read-args.js';
import { userText } from '../src/i18n/user-text.js';
import { localTime } from '../src/time/local-time.js';
import { councilOut, councilStaff } from './council-out.js';
import { buildingsByCode, sendBallotNotices } from './open-decision.js';
import { commandProcessor } from './run-command.js';

/** 发起投票 晾衣架放哪里 选项 东侧/西侧 截止12月8日 20:00 [8栋] [无记名] (scope after the deadline): staff open a poll, one vote per household. */
export const openPoll = commandProcessor('poll', async (ctx) => {
  const out = councilOut(ctx);
  const { t } = ctx.i18n;
  if (!councilStaff(ctx)) return void out.reply(t('council_staff_only'));
  const args = readOpenPoll(ctx.job.command.text ?? '', ctx.now, ctx.estate.time_zone);
  if (!args.ok) return void out.reply(t('council_arg_error', { error: args.error }));
  const codes = args.value.buildings;
  const scope = await buildingsByCode(ctx, codes);
  if (scope.unknown.length > 0) return void out.reply(t('vote_unknown_buildings', { codes: scope.unknown }));
  const opened = await openVote(
    ctx.tx,
    {
      estateId: ctx.estate.id,
      kind: 'poll',
      matter: null,
      title: args.value.title.slice(0, 200),
      options: args.value.options.map((o) => o.slice(0, 40)),
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
  if (!opened.ok) return void out.reply(t('vote_scope_empty'));
  await ctx.audit('vote.open', `V${opened.voteId}`, { kind: 'poll', options: args.value.options, deadline: args.value.deadline.toISOString() });
  const scopeName = codes.length === 0 ? t('vote_scope_estate') : t('vote_scope_buildings', { codes });
  const key = out.reply(
    t('vote_opened_poll', { ref: `V${opened.voteId}`, title: userText(args.value.title), options: args.value.options.map((o) => userText(o, 40)), deadline: localTime(args.value.deadline, ctx.estate.time_zone), secret: args.value.secret, scope: scopeName }),
    ballotButtons(ctx.i18n, `V${opened.voteId}`, args.value.options.map((o) => userText(o, 40))),
  );
  await sendBallotNotices(ctx, out, opened.voteId, key);
});
