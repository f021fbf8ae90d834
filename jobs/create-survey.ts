import { parseSurveyDefinition } from '../src/survey/survey-definition.js';
import { lastMinute, surveyClosesAt } from '../src/survey/survey-period.js';
import { householdsInScope, surveyRef } from '../src/survey/survey-repository.js';
import { surveyGroups } from '../src/survey/survey-groups.js';
import { surveyText } from '../src/survey/survey-text.js';
import { localTime } from '../src/time/local-time.js';
import { commandProcessor } from './run-command.js';

/** 新建问卷 <title> 1.… 2.…[a/b] 意见：… 截止12-15 范围3片区: an admin starts a survey; the residents' groups in scope see it. */
export const createSurvey = commandProcessor('survey-new', async (ctx) => {
  const { t } = ctx.i18n;
  if (!ctx.roles.some((r) => r.role === 'admin')) return ctx.reply(t('survey_admins_only'));
  const def = parseSurveyDefinition(ctx.job.command.text ?? '');
  if ('error' in def) return ctx.reply(t(def.error));
  let zoneId: number | null = null;
  let buildingId: number | null = null;
  if (def.scope?.kind === 'building') {
    buildingId = (await ctx.tx.selectFrom('buildings').select('id').where('estate_id', '=', ctx.estate.id).where('code', '=', def.scope.code).executeTakeFirst())?.id ?? null;
    if (buildingId === null) return ctx.reply(t('survey_scope_unknown'));
  } else if (def.scope?.kind === 'zone') {
    zoneId = (await ctx.tx.selectFrom('zones').select('id').where('estate_id', '=', ctx.estate.id).where('code', '=', def.scope.code).executeTakeFirst())?.id ?? null;
    if (zoneId === null) return ctx.reply(t('survey_scope_unknown'));
  }
  const survey = await ctx.tx
    .insertInto('surveys')
    .values({
      estate_id: ctx.estate.id,
      title: def.title.slice(0, 100),
      questions: JSON.stringify(def.questions),
      free_text: def.freeText,
      zone_id: zoneId,
      building_id: buildingId,
      opens_at: ctx.now,
      closes_at: surveyClosesAt(def.closesOn, ctx.now, ctx.estate.time_zone),
      property_company_id: null,
      created_by: ctx.member.id,
      source_key: ctx.job.key,
      created_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit('survey.create', surveyRef(survey.id), { title: survey.title });
  const households = (await householdsInScope(ctx.tx, survey)).length;
  const tz = ctx.estate.time_zone;
  ctx.reply(t('survey_created', { ref: surveyRef(survey.id), title: survey.title, closes: localTime(lastMinute(survey.closes_at), tz), households }) + '\n' + surveyText(t, survey, tz, 'survey_announce'));
  for (const g of await surveyGroups(ctx.tx, survey, { platform: ctx.job.platform, chatId: ctx.job.chatId })) {
    ctx.send({ platform: g.platform, chatId: g.chatId }, surveyText(t, survey, tz, 'survey_announce'));
  }
});
