import { TICKET_CATEGORIES } from '../text/ticket-categories.js';
import { parseFlags, type RefusedFlags } from './parse-flags.js';

/** The usage of `linli estates`. */
export const ESTATES_USAGE = `usage:
  linli estates                                         list estates with their fee plans
  linli estates add <code> <name> [--time-zone TZ]      a new estate (code: letters, digits, - or _)
  linli estates fee <code> <plan> <yuan-per-month> --from YYYY-MM [--per-m2] [--buildings 1,2,8]
      set a fee plan (e.g. 卫生费 5 --from 2024-05); --per-m2: the yuan are per m² of floor area a month
      (物业费 1.2 --per-m2); --buildings: only these buildings (default the whole estate). The first plan is the main one.
  linli estates schedule <code> [--notice <day> <HH:MM>] [--tally <HH:MM>]   weekly notice and daily tally times
      (day: 周日..周六, sun..sat or 0..6; default 周日 20:00 and 21:00; workers apply it when they start)
  linli estates sla <code> <category> --accept <time> --resolve <time>   a ticket category's deadlines
      (category: ${TICKET_CATEGORIES.join(', ')} or its Chinese name; time: 30m, 4h, 2d)
  linli estates area <code> [<room> <m²>]               set a household's floor area (89.5), or list rooms without one
  linli estates relation <code> <B-ref> owner|tenant|family|designate   how a confirmed binding relates to its household`;

/** What `linli estates …` asks for, once its command line parsed (values still as typed). */
export type EstatesRequest =
  | { sub: 'list' }
  | { sub: 'add'; code: string; name: string; timeZone?: string }
  | { sub: 'fee'; code: string; plan: string; yuan: string; from: string; perArea: boolean; buildings?: string }
  | { sub: 'sla'; code: string; category: string; accept?: string; resolve?: string }
  | { sub: 'schedule'; code: string; notice?: { day: string; time?: string }; tally?: string }
  | { sub: 'area'; code: string; room?: string; area?: string }
  | { sub: 'relation'; code: string; ref: string; relation: string };

type Parsed = { ok: true; request: EstatesRequest } | RefusedFlags;

const refuse = (why: string): RefusedFlags => ({ ok: false, code: 2, text: `${why}\n${ESTATES_USAGE}` });

/** Parse `linli estates` arguments strictly; a refusal carries the text to show and the exit code. */
export function parseEstatesArgs(args: readonly string[]): Parsed {
  const [first, ...rest] = args;
  const sub = first === undefined || first.startsWith('-') ? 'list' : first;
  const tail = sub === first ? rest : args;
  switch (sub) {
    case 'list': {
      const p = parseFlags(tail, {}, { min: 0, max: 0 }, ESTATES_USAGE);
      return p.ok ? { ok: true, request: { sub } } : p;
    }
    case 'add': {
      const p = parseFlags(tail, { 'time-zone': 'string' }, { min: 2, max: 2 }, ESTATES_USAGE);
      if (!p.ok) return p;
      const [code, name] = p.positionals;
      return { ok: true, request: { sub, code, name, timeZone: p.flags['time-zone'] } };
    }
    case 'fee': {
      const p = parseFlags(tail, { from: 'string', 'per-m2': 'boolean', buildings: 'string' }, { min: 3, max: 3 }, ESTATES_USAGE);
      if (!p.ok) return p;
      if (p.flags.from === undefined) return refuse('--from is required');
      const [code, plan, yuan] = p.positionals;
      return { ok: true, request: { sub, code, plan, yuan, from: p.flags.from, perArea: p.flags['per-m2'], buildings: p.flags.buildings } };
    }
    case 'sla': {
      const p = parseFlags(tail, { accept: 'string', resolve: 'string' }, { min: 2, max: 2 }, ESTATES_USAGE);
      if (!p.ok) return p;
      const [code, category] = p.positionals;
      return { ok: true, request: { sub, code, category, accept: p.flags.accept, resolve: p.flags.resolve } };
    }
    case 'schedule':
      return parseSchedule(tail);
    case 'area': {
      const p = parseFlags(tail, {}, { min: 1, max: 3 }, ESTATES_USAGE);
      if (!p.ok) return p;
      const [code, room, area] = p.positionals;
      if (room !== undefined && area === undefined) return refuse('give the room and its area in m², e.g. 8-2-301 89.5');
      return { ok: true, request: { sub, code, room, area } };
    }
    case 'relation': {
      const p = parseFlags(tail, {}, { min: 3, max: 3 }, ESTATES_USAGE);
      if (!p.ok) return p;
      const [code, ref, relation] = p.positionals;
      return { ok: true, request: { sub, code, ref, relation } };
    }
    default:
      return refuse(`unknown subcommand "${sub}"`);
  }
}

/** `schedule <code> --notice <day> <HH:MM>`: --notice takes two words, the second a positional right after it. */
function parseSchedule(tail: readonly string[]): Parsed {
  const p = parseFlags(tail, { notice: 'string', tally: 'string' }, { min: 1, max: 2 }, ESTATES_USAGE);
  if (!p.ok) return p;
  const [code, second] = p.positionals;
  const noticeEnd = p.flagEnd.notice;
  let notice: { day: string; time?: string } | undefined;
  if (p.flags.notice !== undefined) {
    // `--notice "周日 20:00"` is one word with both; `--notice 周日 20:00` is two.
    const [day, time, extra] = p.flags.notice.trim().split(/\s+/);
    if (extra !== undefined) return refuse(`unexpected argument "${extra}"`);
    if (time === undefined && second !== undefined && noticeEnd !== undefined && p.positionalAt[1] === noticeEnd + 1) notice = { day, time: second };
    else if (second !== undefined) return refuse(`unexpected argument "${second}"`);
    else notice = { day, time };
  } else if (second !== undefined) {
    return refuse(`unexpected argument "${second}"`);
  }
  if (notice === undefined && p.flags.tally === undefined) return refuse('give --notice <day> <HH:MM>, --tally <HH:MM>, or both');
  return { ok: true, request: { sub: 'schedule', code, notice, tally: p.flags.tally } };
}
