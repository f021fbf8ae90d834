import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../commands/locale.js';
import type { Database, Estate, PropertyCompany, Survey } from '../db/database.js';
import { localMonthBounds } from '../grid/local-day.js';
import { translator } from '../i18n/translator.js';
import type { Platform } from '../messages/incoming-message.js';
import { writeScheduled } from '../outbox/write-outbox.js';
import type { SurveyQuestion } from '../survey/survey-definition.js';
import { questionResults, surveyScore } from '../survey/survey-figures.js';
import { answersOf, householdsInScope } from '../survey/survey-repository.js';
import { surveyText } from '../survey/survey-text.js';
import { monthName } from '../time/month.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Outbox keys of the committee's scheduled messages start with this. */
export const COMMITTEE_KEY_PREFIX = 'committee-';

/** The local day of the month from which the month's service rating is open (it closes with the month). */
export const RATING_OPENS_DAY = 21;

/** The one rating survey of a company for a month is found by this key. */
export function ratingKey(companyId: number, ym: string): string {
  return `rating-${companyId}-${ym}`;
}

/** The company's rating survey of month `ym`; null if none was opened. */
export async function ratingSurvey(db: Db, companyId: number, ym: string): Promise<Survey | null> {
  return (await db.selectFrom('surveys').selectAll().where('source_key', '=', ratingKey(companyId, ym)).executeTakeFirst()) ?? null;
}

/** A rating survey's score (hundredths, null: no answers) and how many of its households answered. */
export async function ratingOutcome(db: Db, s: Survey): Promise<{ score: number | null; answered: number; households: number }> {
  const answers = await answersOf(db, s.id);
  return {
    score: surveyScore(questionResults(s.questions, answers.map((a) => a.scores))),
    answered: answers.length,
    households: (await householdsInScope(db, s)).length,
  };
}

/** The residents' groups of an estate (not staff groups), estate-wide ones first. */
export async function residentGroups(db: Db, estateId: number): Promise<{ id: number; platform: Platform; chatId: string; wide: boolean }[]> {
  const rows = await db.selectFrom('chat_groups').select(['id', 'platform', 'chat_id', 'zone_id', 'building_id']).where('estate_id', '=', estateId).where('is_staff', '=', false).orderBy('id').execute();
  const groups = rows.map((g) => ({ id: g.id, platform: g.platform as Platform, chatId: g.chat_id, wide: g.zone_id === null && g.building_id === null }));
  return [...groups.filter((g) => g.wide), ...groups.filter((g) => !g.wide)];
}

/**
 * Open the monthly service rating of a company by residents (a short survey, the whole estate,
 * closing with the month) and write its announcement to every residents' group. Once per company
 * and month: a second call finds the first survey. Null when the month is over.
 */
export async function openRatingSurvey(tx: Transaction<Database>, estate: Estate, company: PropertyCompany, ym: string, now: Date): Promise<{ survey: Survey; created: boolean } | null> {
  const { to } = localMonthBounds(ym, estate.time_zone);
  if (now >= to) return null;
  const { t } = translator(estate.locale as Locale);
  const questions: SurveyQuestion[] = (['rating_q_repairs', 'rating_q_cleaning', 'rating_q_security', 'rating_q_manner'] as const).map((k) => ({ text: t(k), kind: 'scale' }));
  const inserted = await tx
    .insertInto('surveys')
    .values({
      estate_id: estate.id,
      title: t('rating_title', { company: company.name, month: monthName(ym) }).slice(0, 100),
      questions: JSON.stringify(questions),
      free_text: t('rating_free'),
      zone_id: null,
      building_id: null,
      opens_at: now,
      closes_at: to,
      property_company_id: company.id,
      created_by: null,
      source_key: ratingKey(company.id, ym),
      created_at: now,
    })
    .onConflict((c) => c.column('source_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) {
    const existing = await ratingSurvey(tx, company.id, ym);
    if (existing === null) throw new Error(`rating survey ${ratingKey(company.id, ym)} vanished`);
    return { survey: existing, created: false };
  }
  const text = surveyText(t, inserted, estate.time_zone, 'survey_announce');
  for (const g of await residentGroups(tx, estate.id)) {
    await writeScheduled(tx, `${COMMITTEE_KEY_PREFIX}rating-${inserted.id}-g${g.id}`, { to: { platform: g.platform, chatId: g.chatId }, text, mentions: [] }, now);
  }
  await tx
    .insertInto('audit_log')
    .values({ estate_id: estate.id, actor_member_id: null, action: 'survey.rating', subject: `S${inserted.id}`, detail: JSON.stringify({ company: company.id, month: ym }), created_at: now })
    .execute();
  return { survey: inserted, created: true };
}
