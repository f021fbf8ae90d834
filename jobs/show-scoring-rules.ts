import { currentMonth } from '../src/time/month.js';
import { renderRules } from '../src/scoring/render.js';
import { rulesForMonth } from '../src/scoring/rules-repository.js';
import { commandProcessor } from './run-command.js';

/** 评比规则: anyone may read the estate's 红"栋"力 rules for this month. */
export const showScoringRules = commandProcessor('scoring_rules', async (ctx) => {
  const month = currentMonth(ctx.now, ctx.estate.time_zone);
  ctx.reply(renderRules(ctx.i18n.t, await rulesForMonth(ctx.tx, ctx.estate.id, month), month));
});
