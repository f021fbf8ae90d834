import { isStaff } from '../src/ledger/permissions.js';
import { percent } from '../src/survey/survey-figures.js';
import { lastMinute } from '../src/survey/survey-period.js';
import { progressRows } from '../src/survey/survey-progress.js';
import { answersOf, findSurvey, householdsInScope, surveyIsOpen, surveyRef } from '../src/survey/survey-repository.js';
import { localTime } from '../src/time/local-time.js';
import { commandProcessor } from './run-command.js';

/** Buildings listed in a progress reply; more are summed up by zone only. */
const MAX_BUILDINGS = 30;

/** 问卷进度 S2: the response rate by zone and building (counts only, no rooms, no names). */
export const surveyProgress = commandProcessor('survey-progress', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles) && !ctx.roles.some((r) => r.role === 'committee')) return ctx.reply(t('survey_staff_only'));
  const survey = await findSurvey(ctx.tx, ctx.estate.id, ctx.job.command.ref!);
  if (!survey) return ctx.reply(t('survey_not_found', { ref: ctx.job.command.ref! }));
  const households = await householdsInScope(ctx.tx, survey);
  const answered = new Set((await answersOf(ctx.tx, survey.id)).map((a) => a.householdId));
  const { zones, buildings } = progressRows(households, answered);
  const n = households.filter((h) => answered.has(h.id)).length;
  const lines = [
    t('survey_progress_header', { ref: surveyRef(survey.id), title: survey.title, answered: n, households: households.length, percent: percent(n, households.length), closes: localTime(lastMinute(survey.closes_at), ctx.estate.time_zone), open: surveyIsOpen(survey, ctx.now) }),
    ...(zones.length > 1 ? zones.map((z) => t('survey_progress_line', { name: z.zoneName ?? t('survey_zone_none'), answered: z.answered, households: z.households, percent: z.percent })) : []),
    ...(buildings.length <= MAX_BUILDINGS ? buildings.map((b) => t('survey_progress_line', { name: t('survey_building', { code: b.buildingCode! }), answered: b.answered, households: b.households, percent: b.percent })) : []),
  ];
  ctx.reply(lines.join('\n'));
});
