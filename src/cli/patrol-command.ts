import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { patrolSettings, setPatrolSettings, type PatrolSettings } from '../grid/patrol-settings.js';
import { minutes, weekday } from './estates-command.js';
import { parseFlags } from './parse-flags.js';

const USAGE = `usage: linli patrol <estate> [--target <time>] [--remind <HH:MM>|off] [--days-off <days>|none] [--auto-close <time>]
  the grid workers' patrols: the daily target (default 1h), the afternoon reminder to one with no
  patrol yet (default 16:30), the weekdays without it (default sat,sun; 周六,周日 or 0..6), and when
  an open patrol is closed automatically (default 4h); with no flag, shows the settings`;

const NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Parse `linli patrol` arguments strictly. */
export function parsePatrolArgs(args: readonly string[]) {
  return parseFlags(args, { target: 'string', remind: 'string', 'days-off': 'string', 'auto-close': 'string' }, { min: 1, max: 1 }, USAGE);
}

const show = (s: PatrolSettings) =>
  `target ${s.targetMinutes} min a day; reminder ${s.reminderEnabled ? `${s.reminderHour}:${String(s.reminderMinute).padStart(2, '0')}` : 'off'}; days off ${s.daysOff.map((d) => NAMES[d]).join(',') || 'none'}; open patrols closed after ${s.autoCloseMinutes} min`;

/** `linli patrol <estate> …`: show or change an estate's patrol settings (audited). */
export async function runPatrolCommand(args: string[], db: Kysely<Database>, out: (line: string) => void, now: Date = new Date()): Promise<number> {
  const parsed = parsePatrolArgs(args);
  if (!parsed.ok) {
    out(parsed.text);
    return parsed.code;
  }
  const fail = (why: string) => {
    out(`linli: ${why}`);
    return 2;
  };
  const f = parsed.flags;
  const change: Partial<PatrolSettings> = {};
  if (f.target !== undefined) {
    const m = minutes(f.target);
    if (m === null || m > 1440) return fail('--target takes a time such as 60m or 1h');
    change.targetMinutes = m;
  }
  if (f['auto-close'] !== undefined) {
    const m = minutes(f['auto-close']);
    if (m === null || m > 1440) return fail('--auto-close takes a time such as 4h');
    change.autoCloseMinutes = m;
  }
  if (f.remind !== undefined) {
    const hm = /^(\d{1,2}):(\d{2})$/.exec(f.remind);
    if (f.remind === 'off') change.reminderEnabled = false;
    else if (hm && Number(hm[1]) <= 23 && Number(hm[2]) <= 59) Object.assign(change, { reminderEnabled: true, reminderHour: Number(hm[1]), reminderMinute: Number(hm[2]) });
    else return fail('--remind takes a time such as 16:30, or off');
  }
  if (f['days-off'] !== undefined) {
    const days = f['days-off'] === 'none' ? [] : f['days-off'].split(/[,，、]/).map((d) => weekday(d.trim()));
    if (days.some((d) => d === null)) return fail('--days-off takes weekdays such as sat,sun (or 周六,周日, 0..6), or none');
    change.daysOff = [...new Set(days as number[])].sort();
  }
  const estate = await db.selectFrom('estates').select(['id', 'code']).where('code', '=', parsed.positionals[0]).executeTakeFirst();
  if (!estate) return fail(`no estate "${parsed.positionals[0]}" (linli estates lists them)`);
  if (Object.keys(change).length > 0) {
    await db.transaction().execute(async (tx) => {
      await setPatrolSettings(tx, estate.id, change);
      await tx.insertInto('audit_log').values({ estate_id: estate.id, actor_member_id: null, action: 'patrol.settings', subject: estate.code, detail: JSON.stringify(change), created_at: now }).execute();
    });
  }
  out(`estate ${estate.code}: ${show(await patrolSettings(db, estate.id))}`);
  return 0;
}
