import type { Survey } from '../src/db/database.js';
import { parseSurveyDefinition } from '../src/survey/survey-definition.js';
import { lastMinute, surveyClosesAt } from '../src/survey/survey-period.js';
import { householdsInScope, surveyRef } from '../src/survey/survey-repository.js';
import { surveyText } from '../src/survey/survey-text.js';
import { localTime } from '../src/time/local-time.js';
import type { Platform } from '../src/messages/incoming-message.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';

/** The groups of the estate whose residents the survey asks (not staff groups, not the chat it was made in). */
async function groupsInScope(ctx: CommandContext, s: Survey): Promise<{ platform: Platform; chatId: string }[]> {
  const rows = await ctx.tx
    .selectFrom('chat_groups as g')
    .leftJoin('buildings as b', 'b.id', 'g.building_id')
    .select(['g.platform', 'g.chat_id', 'g.zone_id', 'g.building_id', 'b.zone_id as buildingZone'])
    .where('g.estate_id', '=', s.estate_id)
    .where('g.is_staff', '=', false)
    .orderBy('g.id')
    .execute();
  const scopeZone = s.building_id === null ? s.zone_id : ((await ctx.tx.selectFrom('buildings').select('zone_id').where('id', '=', s.building_id).executeTakeFirst())?.zone_id ?? null);
  const fits = (g: (typeof rows)[number]) => {
    if (s.building_id === null && s.zone_id === null) return true;
    // A building's group hears of its building's survey and of its zone's; a zone's group of its zone's; the estate's group of all.
    if (g.building_id !== null) return g.building_id === s.building_id || (s.building_id === null && g.buildingZone === s.zone_id);
    if (g.zone_id !== null) return g.zone_id === scopeZone;
    return true;
  };
  return rows.filter((g) => fits(g) && !(g.platform === ctx.job.platform && g.chat_id === ctx.job.chatId)).map((g) => ({ platform: g.platform as Platform, chatId: g.chat_id }));
}

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
  for (const g of await groupsInScope(ctx, survey)) ctx.send(g, surveyText(t, survey, tz, 'survey_announce'));
});
