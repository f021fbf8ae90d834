import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { DEFAULT_NOTICE_TIME, type NoticeTime } from './week.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An estate's notice and tally times, in its own time zone. */
export interface EstateSchedule {
  estateId: number;
  timeZone: string;
  notice: NoticeTime;
  tally: { hour: number; minute: number };
}

function hm(s: string): { hour: number; minute: number } {
  const [h, m] = s.split(':').map(Number);
  return { hour: h, minute: m };
}

/** Every estate's times (or only `estateId`'s): the defaults where the estate set none. */
export async function estateSchedules(db: Db, estateId: number | null = null): Promise<EstateSchedule[]> {
  const rows = await db
    .selectFrom('estates as e')
    .leftJoin('notice_settings as s', 's.estate_id', 'e.id')
    .select(['e.id', 'e.time_zone', 's.weekday', 's.notice_time', 's.tally_time'])
    .$if(estateId !== null, (q) => q.where('e.id', '=', estateId!))
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    estateId: r.id,
    timeZone: r.time_zone,
    notice: r.weekday === null ? DEFAULT_NOTICE_TIME : { weekday: r.weekday, ...hm(r.notice_time!) },
    tally: hm(r.tally_time ?? '21:00'),
  }));
}
