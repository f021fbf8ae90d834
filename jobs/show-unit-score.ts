import { commandAs } from '../src/commands/parsed-command.js';
import { renderBreakdown, renderNotice } from '../src/scoring/render.js';
import { publishedPlacing } from '../src/scoring/results.js';
import { latestPublishedRound, unitsInScope } from '../src/scoring/rounds.js';
import { commandProcessor } from './run-command.js';

/** 评比 8-2: a unit's published breakdown for the latest month; 评比 alone: that month's ranking. */
export const showUnitScore = commandProcessor('unit_score', async (ctx) => {
  const { t } = ctx.i18n;
  const round = await latestPublishedRound(ctx.tx, ctx.estate.id);
  const placing = round ? await publishedPlacing(ctx.tx, round.id) : null;
  if (!round || !placing) return ctx.reply(t('sc_none_published'));
  const units = await unitsInScope(ctx.tx, ctx.estate.id, round.rules);
  const code = commandAs(ctx.job.command, 'unit_score').room;
  if (code === null) return ctx.reply(renderNotice(t, round.rules, round.month, { units, scores: placing.scores, placed: placing.placed }, null));
  const unit = units.find((u) => u.code === code);
  const s = unit && placing.scores.find((x) => x.unitId === unit.id);
  if (!unit || !s) return ctx.reply(t('sc_unit_unknown', { unit: code }));
  const p = placing.placed.find((x) => x.unitId === unit.id);
  ctx.reply(renderBreakdown(t, round.rules, round.month, code, s, p?.rank ?? null, p?.flag ?? false));
});
