import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { questionResults, surveyScore } from '../survey/survey-figures.js';
import { answersOf, householdsInScope } from '../survey/survey-repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A survey that ran in the month: how many households of its scope answered, and its score (hundredths). */
export interface SurveyMonth {
  id: number;
  title: string;
  answered: number;
  households: number;
  /** Of the answers, how many a grid worker recorded door to door. */
  door: number;
  score: number | null;
}

/** The surveys of an estate open at any time in [from, to), oldest first. */
export async function surveysInMonth(db: Db, estateId: number, from: Date, to: Date): Promise<SurveyMonth[]> {
  const surveys = await db.selectFrom('surveys').selectAll().where('estate_id', '=', estateId).where('opens_at', '<', to).where('closes_at', '>', from).orderBy('id').execute();
  const out: SurveyMonth[] = [];
  for (const s of surveys) {
    const answers = await answersOf(db, s.id);
    const door = await db.selectFrom('survey_answers').select((e) => e.fn.countAll<string>().as('n')).where('survey_id', '=', s.id).where('via', '=', 'door').executeTakeFirstOrThrow();
    out.push({
      id: s.id,
      title: s.title,
      answered: answers.length,
      households: (await householdsInScope(db, s)).length,
      door: Number(door.n),
      score: surveyScore(questionResults(s.questions, answers.map((a) => a.scores))),
    });
  }
  return out;
}

/** Door-to-door answers each staff member recorded in [from, to) (the answer's latest entry counts). */
export async function doorAnswersByMember(db: Db, estateId: number, from: Date, to: Date): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('survey_answers as a')
    .innerJoin('surveys as s', 's.id', 'a.survey_id')
    .select(['a.member_id', (e) => e.fn.countAll<string>().as('n')])
    .where('s.estate_id', '=', estateId)
    .where('a.via', '=', 'door')
    .where('a.updated_at', '>=', from)
    .where('a.updated_at', '<', to)
    .groupBy('a.member_id')
    .execute();
  return new Map(rows.map((r) => [r.member_id, Number(r.n)]));
}
