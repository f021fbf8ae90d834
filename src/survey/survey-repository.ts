import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Survey } from '../db/database.js';
import type { SurveyAnswer } from './survey-answer.js';

type Db = Kysely<Database> | Transaction<Database>;

const MAX_ID = 2_147_483_647;

/** 'S2' → 2; null for anything else (simply not found). */
export function surveyIdOf(ref: string): number | null {
  if (!/^S\d+$/.test(ref)) return null;
  const id = Number(ref.slice(1));
  return Number.isSafeInteger(id) && id > 0 && id <= MAX_ID ? id : null;
}

/** 'S2'. */
export function surveyRef(id: number): string {
  return `S${id}`;
}

/** A survey of an estate by ref; null if there is none. */
export async function findSurvey(db: Db, estateId: number, ref: string): Promise<Survey | null> {
  const id = surveyIdOf(ref);
  if (id === null) return null;
  return (await db.selectFrom('surveys').selectAll().where('id', '=', id).where('estate_id', '=', estateId).executeTakeFirst()) ?? null;
}

/** True while answers are taken. */
export function surveyIsOpen(s: Pick<Survey, 'opens_at' | 'closes_at'>, now: Date): boolean {
  return s.opens_at <= now && now < s.closes_at;
}

/** A household a survey asks: its room, building and zone (no personal data). */
export interface SurveyHousehold {
  id: number;
  roomCode: string;
  buildingCode: string;
  zoneId: number | null;
  zoneName: string | null;
}

/** Every household in a survey's scope (its building, its zone, or the whole estate). */
export async function householdsInScope(db: Db, s: Pick<Survey, 'estate_id' | 'zone_id' | 'building_id'>): Promise<SurveyHousehold[]> {
  let q = db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('zones as z', 'z.id', 'b.zone_id')
    .select(['h.id', 'h.room_code as roomCode', 'b.code as buildingCode', 'b.zone_id as zoneId', 'z.name as zoneName'])
    .where('h.estate_id', '=', s.estate_id);
  if (s.building_id !== null) q = q.where('b.id', '=', s.building_id);
  if (s.zone_id !== null) q = q.where('b.zone_id', '=', s.zone_id);
  return q.orderBy('h.id').execute();
}

/** Record a household's answers, replacing its earlier ones (one answer set per household). */
export async function saveAnswer(
  tx: Transaction<Database>,
  a: { surveyId: number; householdId: number; memberId: number; answer: SurveyAnswer; via: 'chat' | 'door'; at: Date },
): Promise<'new' | 'changed'> {
  const row = await tx
    .insertInto('survey_answers')
    .values({ survey_id: a.surveyId, household_id: a.householdId, member_id: a.memberId, scores: JSON.stringify(a.answer.scores), free_text: a.answer.freeText, via: a.via, created_at: a.at, updated_at: a.at })
    .onConflict((c) =>
      c.columns(['survey_id', 'household_id']).doUpdateSet({ member_id: a.memberId, scores: JSON.stringify(a.answer.scores), free_text: a.answer.freeText, via: a.via, updated_at: a.at }),
    )
    // xmax is 0 on a row this statement inserted, set on one it updated.
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
  return row.inserted ? 'new' : 'changed';
}

/** Every answer set of a survey, by household. */
export async function answersOf(db: Db, surveyId: number): Promise<{ householdId: number; scores: number[]; freeText: string | null }[]> {
  return db.selectFrom('survey_answers').select(['household_id as householdId', 'scores', 'free_text as freeText']).where('survey_id', '=', surveyId).orderBy('id').execute();
}
