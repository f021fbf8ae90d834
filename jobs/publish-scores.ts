import { monthName } from '../src/time/month.js';
import { gatherEvidence } from '../src/scoring/evidence.js';
import { estateGroups } from '../src/scoring/estate-groups.js';
import { isPanelist } from '../src/scoring/panel.js';
import { renderNotice } from '../src/scoring/render.js';
import { publishRound } from '../src/scoring/results.js';
import { closeDueRounds, unitsInScope } from '../src/scoring/rounds.js';
import { commandProcessor } from './run-command.js';

/**
 * 公布评比: once a month's scoring has closed and every piece of evidence is decided, a panelist
 * (or an admin) publishes the ranking and red flags to the estate's groups — units only.
 */
export const publishScores = commandProcessor('publish_scores', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isPanelist(ctx.roles) && !ctx.roles.some((r) => r.role === 'admin')) return ctx.reply(t('sc_panelist_only'));
  await closeDueRounds(ctx.tx, ctx.estate.id, ctx.now);
  const latest = await ctx.tx.selectFrom('scoring_rounds').selectAll().where('estate_id', '=', ctx.estate.id).orderBy('month', 'desc').execute();
  const round = latest.find((r) => r.status === 'closed');
  if (!round) {
    const open = latest.find((r) => r.status === 'open');
    if (open) return ctx.reply(t('sc_not_closed', { month: monthName(open.month) }));
    const done = latest.find((r) => r.status === 'published');
    return ctx.reply(done ? t('sc_already_published', { month: monthName(done.month) }) : t('sc_nothing_to_publish'));
  }
  const units = await unitsInScope(ctx.tx, ctx.estate.id, round.rules);
  await gatherEvidence(ctx.tx, round, ctx.estate.time_zone, units, ctx.now);
  const undecided = await ctx.tx.selectFrom('scoring_evidence').select('id').where('round_id', '=', round.id).where('decision', 'is', null).orderBy('id').execute();
  if (undecided.length) return ctx.reply(t('sc_evidence_undecided', { refs: undecided.map((e) => `E${e.id}`).join('、') }));
  const figures = await publishRound(ctx.tx, round, ctx.member.id, null, ctx.now);
  await ctx.audit('scoring.publish', `round ${round.month}`, { version: figures.version });
  const groups = await estateGroups(ctx.tx, ctx.estate.id);
  // The notice is in the estate's language: a group is read by everyone, not just the sender.
  const notice = renderNotice(t, round.rules, round.month, figures, null);
  for (const g of groups) ctx.send(g, notice);
  if (!groups.some((g) => g.platform === ctx.job.platform && g.chatId === ctx.job.chatId)) ctx.reply(t('sc_published', { month: monthName(round.month), groups: groups.length }));
});
