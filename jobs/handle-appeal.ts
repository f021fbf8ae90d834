import { commandAs } from '../src/commands/parsed-command.js';
import { cleanText } from '../src/text/clean-text.js';
import { foldText } from '../src/text/fold-text.js';
import { monthName } from '../src/time/month.js';
import { userText } from '../src/i18n/user-text.js';
import { boundHouseholds } from '../src/members/households.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { appealOf, decideAppeal, fileAppeal } from '../src/scoring/appeals.js';
import { estateGroups } from '../src/scoring/estate-groups.js';
import { isPanelist, panelOf } from '../src/scoring/panel.js';
import { renderNotice } from '../src/scoring/render.js';
import { publishRound } from '../src/scoring/results.js';
import { latestPublishedRound, unitsInScope } from '../src/scoring/rounds.js';
import { unitOfRoom } from '../src/text/unit-code.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';

const UPHOLD = ['维持原评', '维持', 'upheld', 'uphold'];
const CHANGE = ['改判', '更改', 'changed', 'change'];

/** 申诉 8-2 理由: a bound resident of the unit appeals the published month, within the window. */
async function file(ctx: CommandContext, code: string): Promise<void> {
  const { t } = ctx.i18n;
  const round = await latestPublishedRound(ctx.tx, ctx.estate.id);
  if (!round || round.appeal_until === null || ctx.now > new Date(round.appeal_until)) return ctx.reply(t('sc_appeal_window'));
  const unit = (await unitsInScope(ctx.tx, ctx.estate.id, round.rules)).find((u) => u.code === code);
  if (!unit) return ctx.reply(t('sc_unit_unknown', { unit: code }));
  const home = (await boundHouseholds(ctx.tx, ctx.member.id, ctx.estate.id)).find((h) => unitOfRoom(h.roomCode) === code);
  if (!home) return ctx.reply(t('sc_appeal_not_resident', { unit: code }));
  const appeal = await fileAppeal(ctx.tx, { roundId: round.id, unitId: unit.id, memberId: ctx.member.id, householdId: home.id, text: ctx.job.command.text ?? '', platform: ctx.job.platform, chatId: ctx.job.chatId, sourceKey: ctx.job.key, now: ctx.now });
  const ref = `A${appeal.id}`;
  ctx.reply(t('sc_appeal_filed', { ref, unit: code }));
  for (const p of await panelOf(ctx.tx, ctx.estate.id)) {
    ctx.send({ platform: p.platform as Platform, chatId: p.platformUserId }, t('sc_appeal_to_panel', { ref, unit: code, month: monthName(round.month), text: userText(appeal.text, 200) }));
  }
}

/** 复核 A2 维持|改判 理由: the panel's outcome, published; the ranking again when it changed. */
async function decide(ctx: CommandContext, ref: string): Promise<void> {
  const { t } = ctx.i18n;
  if (!isPanelist(ctx.roles)) return ctx.reply(t('sc_panelist_only'));
  const appeal = await appealOf(ctx.tx, ctx.estate.id, Number(ref.slice(1)));
  if (!appeal) return ctx.reply(t('sc_appeal_unknown', { ref }));
  if (appeal.status !== 'open') return ctx.reply(t('sc_appeal_done', { ref }));
  const words = (ctx.job.command.text ?? '').trim();
  const folded = foldText(cleanText(words));
  const verb = [...UPHOLD, ...CHANGE].sort((a, b) => b.length - a.length).find((w) => folded.startsWith(w));
  const reason = verb ? words.slice(verb.length).replace(/^[\s,，:：]+/, '') : '';
  if (!verb || reason === '') return ctx.reply(t('sc_appeal_usage'));
  const changed = CHANGE.includes(verb);
  await decideAppeal(ctx.tx, appeal.id, changed ? 'changed' : 'upheld', reason, ctx.member.id, ctx.now);
  await ctx.audit(`scoring.appeal.${changed ? 'changed' : 'upheld'}`, ref, { reason });
  const round = (await ctx.tx.selectFrom('scoring_rounds').selectAll().where('id', '=', appeal.round_id).executeTakeFirstOrThrow());
  const units = await unitsInScope(ctx.tx, ctx.estate.id, round.rules);
  const code = units.find((u) => u.id === appeal.unit_id)?.code ?? '?';
  const outcome = t('sc_appeal_outcome', { ref, unit: code, changed, reason: userText(reason, 200) });
  const lines = [outcome];
  let notice: string | null = null;
  if (changed) {
    // The panel changed what it decided (evidence, bonuses) while the appeal was open: publish a new version.
    const figures = await publishRound(ctx.tx, round, ctx.member.id, appeal.id, ctx.now);
    if (figures.changed) notice = renderNotice(t, round.rules, round.month, figures, ref);
    else lines.push(t('sc_appeal_ranking_same'));
  }
  const groups = await estateGroups(ctx.tx, ctx.estate.id);
  for (const g of groups) {
    ctx.send(g, lines.join('\n'));
    if (notice) ctx.send(g, notice);
  }
  if (!groups.some((g) => g.platform === ctx.job.platform && g.chatId === ctx.job.chatId)) ctx.reply(lines.join('\n'));
}

/** 申诉 / 复核: a resident's appeal, or the panel's outcome of one. */
export const handleAppeal = commandProcessor('appeal', async (ctx) => {
  const { ref, room } = commandAs(ctx.job.command, 'appeal');
  if (ref !== null) return decide(ctx, ref);
  // The reader gives an appeal without a ref its unit; say so rather than guess if not.
  if (room === null) return ctx.reply(ctx.i18n.t('unit_required'));
  return file(ctx, room);
});
