import type { Kysely } from 'kysely';
import { isTimeZone } from '../config.js';
import type { Database } from '../db/database.js';
import { categoryNamed, isTicketCategory } from '../text/ticket-categories.js';
import { parseEstatesArgs } from './estates-args.js';
import { describePlan, planBuildingCodes, runEstatesFee } from './estates-fee.js';
import { runEstatesArea, runEstatesRelation } from './estates-council.js';

/** '30m' / '4h' / '2d' (or 分钟/小时/天) → minutes. */
export function minutes(s: string | undefined): number | null {
  const m = s ? /^(\d{1,4})\s*(m|min|分钟|分|h|小时|时|d|天)$/i.exec(s.trim()) : null;
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  const v = unit.startsWith('m') || unit.startsWith('分') ? n : unit.startsWith('h') || unit.startsWith('小') || unit === '时' ? n * 60 : n * 1440;
  return v > 0 && v <= 90 * 1440 ? v : null;
}

const DAYS: Record<string, number> = {
  sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6,
  周日: 0, 周天: 0, 周一: 1, 周二: 2, 周三: 3, 周四: 4, 周五: 5, 周六: 6,
  星期日: 0, 星期天: 0, 星期一: 1, 星期二: 2, 星期三: 3, 星期四: 4, 星期五: 5, 星期六: 6,
};

/** 周日 / sun / 0 → 0 (Sunday) … 6 (Saturday). */
export function weekday(s: string): number | null {
  if (/^[0-6]$/.test(s)) return Number(s);
  return DAYS[s.toLowerCase().slice(0, s.startsWith('星期') ? 3 : s.startsWith('周') ? 2 : 3)] ?? null;
}

/** 'H:MM' or 'HH:MM' within a day, normalised to 'HH:MM'. */
function clock(s: string | undefined): string | null {
  const m = s ? /^(\d{1,2}):(\d{2})$/.exec(s) : null;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/** `linli estates`: list estates, add one, or set a fee plan. */
export async function runEstatesCommand(args: string[], db: Kysely<Database>, out: (line: string) => void, defaultTimeZone = 'Asia/Shanghai', now: () => Date = () => new Date()): Promise<number> {
  const parsed = parseEstatesArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const req = parsed.request;
  if (req.sub === 'list') {
    const estates = await db.selectFrom('estates').select(['id', 'code', 'name', 'time_zone']).orderBy('code').execute();
    if (estates.length === 0) out('no estates yet: linli estates add <code> <name>');
    for (const e of estates) {
      const plans = await db.selectFrom('fee_plans').select(['id', 'name', 'amount_fen', 'start_month', 'basis']).where('estate_id', '=', e.id).orderBy('id').execute();
      const households = await db.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).where('estate_id', '=', e.id).executeTakeFirstOrThrow();
      const fees = (await Promise.all(plans.map(async (p) => describePlan(p, await planBuildingCodes(db, p.id))))).join('; ') || 'no fee plan';
      out(`${e.code}\t${e.name}\t${e.time_zone}\t${households.n} households\t${fees}`);
    }
    return 0;
  }
  if (req.sub === 'add') {
    const { code, name } = req;
    const tz = req.timeZone ?? defaultTimeZone;
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(code)) return (out('the code may hold only letters, digits, - and _'), 2);
    if (!isTimeZone(tz)) return (out(`unknown time zone "${tz}"`), 2);
    const row = await db.insertInto('estates').values({ code, name, time_zone: tz }).onConflict((c) => c.column('code').doNothing()).returning('id').executeTakeFirst();
    if (!row) return (out(`estate ${code} exists already`), 1);
    out(`estate ${code} (${name}, ${tz}) added; next: linli import <roster.csv> --estate ${code}, linli estates fee ${code} 卫生费 5 --from YYYY-MM`);
    return 0;
  }
  if (req.sub === 'fee') return runEstatesFee(req, db, out);
  if (req.sub === 'area') return runEstatesArea(req, db, out, now());
  if (req.sub === 'relation') return runEstatesRelation(req, db, out, now());
  if (req.sub === 'sla') {
    const { code, category: name } = req;
    const category = isTicketCategory(name) ? name : categoryNamed(name);
    const accept = minutes(req.accept);
    const resolve = minutes(req.resolve);
    if (category === null) return (out(`unknown ticket category "${name}"`), 2);
    if (accept === null || resolve === null) return (out('--accept and --resolve take a time such as 30m, 4h or 2d'), 2);
    if (resolve < accept) return (out('--resolve must not be sooner than --accept'), 2);
    const estate = await db.selectFrom('estates').select('id').where('code', '=', code).executeTakeFirst();
    if (!estate) return (out(`no estate with code "${code}"`), 1);
    await db
      .insertInto('ticket_sla_rules')
      .values({ estate_id: estate.id, category, accept_minutes: accept, resolve_minutes: resolve })
      .onConflict((c) => c.columns(['estate_id', 'category']).doUpdateSet({ accept_minutes: accept, resolve_minutes: resolve }))
      .execute();
    out(`estate ${code}: ${category} tickets to be accepted within ${accept} min and resolved within ${resolve} min (new tickets)`);
    return 0;
  }
  {
    const { code } = req;
    const day = req.notice ? weekday(req.notice.day) : undefined;
    const noticeAt = req.notice ? clock(req.notice.time) : undefined;
    const tallyAt = req.tally !== undefined ? clock(req.tally) : undefined;
    if (day === null || noticeAt === null) return (out('--notice takes a day and a time, e.g. --notice 周日 20:00'), 2);
    if (tallyAt === null) return (out('--tally takes a time, e.g. --tally 21:00'), 2);
    const estate = await db.selectFrom('estates').select('id').where('code', '=', code).executeTakeFirst();
    if (!estate) return (out(`no estate with code "${code}"`), 1);
    const set = { ...(day !== undefined ? { weekday: day, notice_time: noticeAt! } : {}), ...(tallyAt !== undefined ? { tally_time: tallyAt } : {}) };
    await db
      .insertInto('notice_settings')
      .values({ estate_id: estate.id, ...set })
      .onConflict((c) => c.column('estate_id').doUpdateSet(set))
      .execute();
    const now = await db.selectFrom('notice_settings').select(['weekday', 'notice_time', 'tally_time']).where('estate_id', '=', estate.id).executeTakeFirstOrThrow();
    const names = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
    out(`estate ${code}: weekly notice ${names[now.weekday]} ${now.notice_time}, daily tally ${now.tally_time} (restart the workers to apply)`);
    return 0;
  }
}
