import { boundHouseholds, findHousehold, type HouseholdRef } from '../src/members/households.js';
import { canManage } from '../src/ledger/permissions.js';
import { maskPersonalData } from '../src/privacy/mask.js';
import { readSurveyAnswer } from '../src/survey/survey-answer.js';
import { findSurvey, householdsInScope, saveAnswer, surveyIsOpen, surveyRef } from '../src/survey/survey-repository.js';
import { surveyText } from '../src/survey/survey-text.js';
import { commandProcessor } from './run-command.js';

/**
 * 问卷 S2 5 4 5 …: a resident answers for their bound household; 问卷 S2 8-2-301 5 4 5 …: a grid
 * worker records a door-to-door answer for a household of their zone. One answer set per
 * household, replaced by a later one until the survey closes. 问卷 S2 alone shows the questions.
 * The reply never repeats the answers, so nothing next to a name in a group shows them.
 */
export const answerSurvey = commandProcessor('survey-answer', async (ctx) => {
  const { t } = ctx.i18n;
  const cmd = ctx.job.command;
  const survey = await findSurvey(ctx.tx, ctx.estate.id, cmd.ref!);
  if (!survey) return ctx.reply(t('survey_not_found', { ref: cmd.ref! }));
  const ref = surveyRef(survey.id);
  if (!surveyIsOpen(survey, ctx.now)) return ctx.reply(t('survey_closed', { ref }));
  if (cmd.text === null) return ctx.reply(surveyText(t, survey, ctx.estate.time_zone, 'survey_show'));

  let household: HouseholdRef | null;
  let via: 'chat' | 'door' = 'chat';
  const mine = await boundHouseholds(ctx.tx, ctx.member.id, ctx.estate.id);
  if (cmd.room !== null) {
    household = await findHousehold(ctx.tx, ctx.estate.id, cmd.room);
    if (!household) return ctx.reply(t('room_unknown', { room: cmd.room }));
    if (!mine.some((h) => h.id === household!.id)) {
      if (!canManage(ctx.roles, household)) return ctx.reply(ctx.roles.some((r) => r.role === 'grid_worker') ? t('not_your_zone', { room: cmd.room }) : t('pay_not_your_household', { room: cmd.room }));
      via = 'door';
    }
  } else {
    if (mine.length === 0) return ctx.reply(t('pay_no_household'));
    if (mine.length > 1) return ctx.reply(t('survey_which_household', { rooms: mine.map((h) => h.roomCode).join('、') }));
    household = mine[0];
  }
  const scope = await householdsInScope(ctx.tx, survey);
  if (!scope.some((h) => h.id === household!.id)) return ctx.reply(t('survey_not_in_scope', { ref, room: household.roomCode }));
  const answer = readSurveyAnswer(cmd.text, survey.questions, survey.free_text !== null);
  if ('error' in answer) return ctx.reply(answer.error === 'survey_answer_count' ? t('survey_answer_count', { expected: answer.expected }) : t('survey_answer_range', { question: answer.question, max: answer.max }));
  const saved = await saveAnswer(ctx.tx, {
    surveyId: survey.id,
    householdId: household.id,
    memberId: ctx.member.id,
    answer: { ...answer, freeText: answer.freeText === null ? null : maskPersonalData(answer.freeText).slice(0, 1000) },
    via,
    at: ctx.now,
  });
  if (via === 'chat') return ctx.reply(t('survey_answered', { ref, changed: saved === 'changed' }));
  await ctx.audit('survey.door', ref, { room: household.roomCode });
  const answered = await ctx.tx.selectFrom('survey_answers').select((e) => e.fn.countAll<string>().as('n')).where('survey_id', '=', survey.id).executeTakeFirstOrThrow();
  ctx.reply(t('survey_door_recorded', { ref, room: household.roomCode, changed: saved === 'changed', answered: Number(answered.n), households: scope.length }));
});
