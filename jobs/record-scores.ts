import { commandAs } from '../src/commands/parsed-command.js';
import { cleanText } from '../src/text/clean-text.js';
import { foldText } from '../src/text/fold-text.js';
import { currentMonth, monthName } from '../src/time/month.js';
import { userText } from '../src/i18n/user-text.js';
import { isPanelist } from '../src/scoring/panel.js';
import { openRound, unitInRound, unitsInScope } from '../src/scoring/rounds.js';
import { readScoreWords } from '../src/scoring/score-words.js';
import { cardOf, cardsOfRound, saveScores } from '../src/scoring/scores.js';
import { isComplete } from '../src/scoring/unit-score.js';
import { commandProcessor } from './run-command.js';

/**
 * 评分 8-2 卫生18 志愿9 文明20: a panelist's points for a unit this month, privately; the reply
 * repeats the whole card, says what is still missing and how many units are left.
 */
export const recordScores = commandProcessor('score', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isPanelist(ctx.roles)) return ctx.reply(t('sc_panelist_only'));
  // Scores are never shown in a group, not even the sender's own.
  if (!ctx.job.isPrivate) return ctx.reply(t('sc_private_only'));
  const round = await openRound(ctx.tx, ctx.estate, ctx.now);
  if (!round) return ctx.reply(t('sc_closed', { month: monthName(currentMonth(ctx.now, ctx.estate.time_zone)) }));
  const rules = round.rules;
  const { room: code, text } = commandAs(ctx.job.command, 'score');
  const unit = await unitInRound(ctx.tx, round, code);
  if (!unit) return ctx.reply(t('sc_unit_unknown', { unit: code }));
  const names = rules.criteria.map((c) => c.name).join('、');
  const example = rules.criteria.slice(0, 3).map((c) => `${c.words.at(-1) ?? c.name}${c.maxPoints - 2}`).join(' ');
  const words = readScoreWords(rules, foldText(cleanText(text ?? '')));
  if (words.unknown.length) return ctx.reply(t('sc_scores_unknown', { words: userText(words.unknown.join(' '), 40), names }));
  const high = words.outOfRange[0];
  if (high) {
    const c = rules.criteria.find((x) => x.key === high.key)!;
    return ctx.reply(t('sc_scores_too_high', { name: c.name, max: c.maxPoints }));
  }
  if (Object.keys(words.points).length === 0) return ctx.reply(t('sc_scores_empty', { example }));
  await saveScores(ctx.tx, round.id, ctx.member.id, unit.id, words.points, 'chat', ctx.now);
  const card = await cardOf(ctx.tx, round.id, ctx.member.id, unit.id);
  const line = rules.criteria.filter((c) => card[c.key] !== undefined).map((c) => `${c.name}${card[c.key]}`).join(' ');
  const complete = isComplete(rules, { panelistId: ctx.member.id, points: card });
  const total = complete ? rules.criteria.reduce((s, c) => s + card[c.key], 0) : null;
  const lines = [t('sc_scores_saved', { unit: code, month: monthName(round.month), line, total })];
  if (!complete) lines.push(t('sc_scores_missing', { names: rules.criteria.filter((c) => card[c.key] === undefined).map((c) => c.name).join('、') }));
  const cards = await cardsOfRound(ctx.tx, round.id);
  const units = await unitsInScope(ctx.tx, ctx.estate.id, rules);
  const left = units.filter((u) => !(cards.get(u.id) ?? []).some((k) => k.panelistId === ctx.member.id && isComplete(rules, k))).length;
  lines.push(t('sc_scores_left', { count: left }));
  ctx.reply(lines.join('\n'));
});
