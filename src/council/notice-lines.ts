import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Translator } from '../i18n/translator.js';
import { localTime } from '../time/local-time.js';
import { turnoutLine } from './render-count.js';
import { countVote } from './vote-count.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The council's part of the weekly notice: open votes with their turnout (never who voted how) and
 * meeting decisions not yet done, with their progress. Empty when there is neither.
 */
export async function councilNoticeLines(db: Db, estate: { id: number; time_zone: string }, now: Date, t: Translator['t']): Promise<string[]> {
  const votes = await db.selectFrom('votes').selectAll().where('estate_id', '=', estate.id).where('status', '=', 'open').orderBy('id').execute();
  const tasks = await db.selectFrom('council_tasks').selectAll().where('estate_id', '=', estate.id).where('status', '=', 'open').orderBy('id').execute();
  const lines: string[] = [];
  if (votes.length > 0) {
    const voteLines: string[] = [];
    for (const v of votes) voteLines.push(t('notice_council_vote', { ref: `V${v.id}`, title: v.title, turnout: turnoutLine(await countVote(db, v, now), t), deadline: localTime(v.deadline, estate.time_zone) }));
    lines.push(t('notice_council_votes', { lines: voteLines }));
  }
  if (tasks.length > 0) {
    const due = (d: string) => {
      const [, m, day] = d.split('-').map(Number);
      return `${m}/${day}`;
    };
    lines.push(t('notice_council_tasks', { lines: tasks.map((k) => t('notice_council_task', { ref: `D${k.id}`, text: k.text, owner: k.owner, due: due(k.due_on), progress: k.progress })) }));
  }
  return lines;
}
