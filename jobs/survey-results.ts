import { isStaff } from '../src/ledger/permissions.js';
import { hundredths, questionResults, surveyScore } from '../src/survey/survey-figures.js';
import { maskFreeText } from '../src/survey/mask-free-text.js';
import { answersOf, findSurvey, householdsInScope, surveyRef } from '../src/survey/survey-repository.js';
import { commandProcessor } from './run-command.js';

/** Comments listed in one reply. */
const MAX_COMMENTS = 30;

/**
 * 问卷结果 S2: each question's average (1–5) overall and by zone, choices counted; no names, no
 * rooms. Free text only to staff, masked, and only where no resident reads along.
 */
export const surveyResults = commandProcessor('survey-results', async (ctx) => {
  const { t } = ctx.i18n;
  const staff = isStaff(ctx.roles);
  if (!staff && !ctx.roles.some((r) => r.role === 'committee')) return ctx.reply(t('survey_staff_only'));
  const survey = await findSurvey(ctx.tx, ctx.estate.id, ctx.job.command.ref!);
  if (!survey) return ctx.reply(t('survey_not_found', { ref: ctx.job.command.ref! }));
  const answers = await answersOf(ctx.tx, survey.id);
  const zoneOf = new Map((await householdsInScope(ctx.tx, survey)).map((h) => [h.id, h.zoneName ?? t('survey_zone_none')]));
  const overall = questionResults(survey.questions, answers.map((a) => a.scores));
  const zones = [...new Set(answers.map((a) => zoneOf.get(a.householdId) ?? t('survey_zone_none')))].sort();
  const byZone = zones.map((z) => ({ zone: z, results: questionResults(survey.questions, answers.filter((a) => zoneOf.get(a.householdId) === z).map((a) => a.scores)) }));
  const score = surveyScore(overall);
  const lines = [t('survey_results_header', { ref: surveyRef(survey.id), title: survey.title, answered: answers.length, score: score === null ? null : hundredths(score) })];
  survey.questions.forEach((q, i) => {
    const r = overall[i];
    if (r.kind === 'scale') {
      const parts = zones.length > 1 ? byZone.map((z) => { const zr = z.results[i]; return zr.kind === 'scale' && zr.average !== null ? `${z.zone} ${hundredths(zr.average)}` : null; }).filter((x) => x !== null) : [];
      lines.push(t('survey_results_scale', { n: i + 1, text: q.text, average: r.average === null ? null : hundredths(r.average), byZone: parts.join('，') }));
    } else if (q.kind === 'choice') {
      lines.push(t('survey_results_choice', { n: i + 1, text: q.text, counts: q.options.map((o, k) => `${o} ${r.counts[k]}`).join('，') }));
    }
  });
  const comments = answers.flatMap((a) => (a.freeText ? [a.freeText] : []));
  if (comments.length > 0) {
    const privateEnough = ctx.group === null || ctx.group.is_staff;
    if (staff && privateEnough) {
      lines.push(t('survey_results_free_header', { count: comments.length }), ...comments.slice(0, MAX_COMMENTS).map((c) => `· ${maskFreeText(c)}`));
    } else lines.push(t('survey_results_free_hidden', { count: comments.length }));
  }
  ctx.reply(lines.join('\n'));
});
