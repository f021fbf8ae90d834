import { isStaff } from '../src/ledger/permissions.js';
import type { Platform } from '../src/messages/incoming-message.js';
import { localDayKey } from '../src/time/zoned-time.js';
import { answersOf, findSurvey, householdsInScope, surveyIsOpen, surveyRef } from '../src/survey/survey-repository.js';
import { commandProcessor } from './run-command.js';

// Platforms where the bot can write to a member privately; elsewhere a nudge would be public.
const PRIVATE: ReadonlySet<string> = new Set(['wechat', 'telegram']);

/**
 * 催问卷 S2: members bound to households that have not answered are reminded privately, each at
 * most once a day per survey. Nobody is named anywhere; households no one can be messaged for are
 * counted, for a door-to-door visit.
 */
export const chaseSurvey = commandProcessor('survey-chase', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const survey = await findSurvey(ctx.tx, ctx.estate.id, ctx.job.command.ref!);
  if (!survey) return ctx.reply(t('survey_not_found', { ref: ctx.job.command.ref! }));
  const ref = surveyRef(survey.id);
  if (!surveyIsOpen(survey, ctx.now)) return ctx.reply(t('survey_closed', { ref }));
  const answered = new Set((await answersOf(ctx.tx, survey.id)).map((a) => a.householdId));
  const pending = (await householdsInScope(ctx.tx, survey)).filter((h) => !answered.has(h.id)).map((h) => h.id);
  const members =
    pending.length === 0
      ? []
      : await ctx.tx
          .selectFrom('bindings as bi')
          .innerJoin('members as m', 'm.id', 'bi.member_id')
          .select(['bi.household_id as householdId', 'm.id', 'm.platform', 'm.platform_user_id as platformUserId'])
          .where('bi.status', '=', 'confirmed')
          .where('bi.household_id', 'in', pending)
          .orderBy('m.id')
          .execute();
  const day = localDayKey(ctx.now, ctx.estate.time_zone);
  const reachable = members.filter((m) => PRIVATE.has(m.platform));
  const reachableHouseholds = new Set(reachable.map((m) => m.householdId));
  let sent = 0;
  let already = 0;
  for (const m of [...new Map(reachable.map((r) => [r.id, r])).values()]) {
    const fresh = await ctx.tx
      .insertInto('survey_chases')
      .values({ survey_id: survey.id, member_id: m.id, day, created_at: ctx.now })
      .onConflict((c) => c.columns(['survey_id', 'member_id', 'day']).doNothing())
      .returning('member_id')
      .executeTakeFirst();
    if (!fresh) {
      already += 1;
      continue;
    }
    ctx.send({ platform: m.platform as Platform, chatId: m.platformUserId }, t('survey_chase_private', { ref, title: survey.title }));
    sent += 1;
  }
  await ctx.audit('survey.chase', ref, { members: sent });
  ctx.reply(t('survey_chased', { ref, households: pending.length, members: sent, unreachable: pending.filter((h) => !reachableHouseholds.has(h)).length, already }));
});
