import { commandAs } from '../src/commands/parsed-command.js';
import { cleanText } from '../src/text/clean-text.js';
import { foldText } from '../src/text/fold-text.js';
import { userText } from '../src/i18n/user-text.js';
import { hasOpenAppeal } from '../src/scoring/appeals.js';
import { isPanelist } from '../src/scoring/panel.js';
import { roundForPanel, unitInRound } from '../src/scoring/rounds.js';
import { bonusNamed } from '../src/scoring/rules.js';
import { commandProcessor } from './run-command.js';

/** 加分 8-2 考取大学: a panelist records one bonus occurrence for a unit's month (once per message). */
export const recordBonus = commandProcessor('bonus', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isPanelist(ctx.roles)) return ctx.reply(t('sc_panelist_only'));
  const round = await roundForPanel(ctx.tx, ctx.estate, ctx.now);
  if (!round) return ctx.reply(t('sc_nothing_to_publish'));
  const { room: code, text } = commandAs(ctx.job.command, 'bonus');
  const unit = await unitInRound(ctx.tx, round, code);
  if (!unit) return ctx.reply(t('sc_unit_unknown', { unit: code }));
  if (round.status === 'published' && !(await hasOpenAppeal(ctx.tx, round.id, unit.id))) return ctx.reply(t('sc_evidence_locked', { ref: code }));
  const item = bonusNamed(round.rules, foldText(cleanText(text)));
  if (!item) return ctx.reply(t('sc_bonus_unknown', { names: round.rules.bonuses.map((b) => b.name).join('、') }));
  await ctx.tx.insertInto('scoring_bonuses').values({ round_id: round.id, unit_id: unit.id, item: item.key, note: userText(text, 200), member_id: ctx.member.id, source_key: ctx.job.key, created_at: ctx.now }).execute();
  await ctx.audit('scoring.bonus', code, { item: item.key, round: round.month });
  const n = await ctx.tx.selectFrom('scoring_bonuses').select((eb) => eb.fn.countAll<string>().as('n')).where('round_id', '=', round.id).where('unit_id', '=', unit.id).executeTakeFirstOrThrow();
  ctx.reply(t('sc_bonus_saved', { unit: code, name: item.name, points: item.points, count: Number(n.n) }));
});
