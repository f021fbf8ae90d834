import type { CouncilArgError } from '../i18n/catalog-council-zh-hans.js';
import { findRoomCode } from '../text/room-code.js';
import { foldText } from '../text/fold-text.js';
import { addDays, daysInMonth, localParts, zonedTime } from '../time/zoned-time.js';
import type { DecisionChoice, MatterClass } from './owners-decision.js';

/**
 * Argument readers of the council's commands: the command table hands over the text after the
 * keyword, and these read it. Each returns a value or an error code the user is told.
 */

type Read<T> = { ok: true; value: T } | { ok: false; error: CouncilArgError };
const fail = (error: CouncilArgError): { ok: false; error: CouncilArgError } => ({ ok: false, error });

/** The number of a ref with this letter at the start of `text` (Y3, #Y3, y 3), and what follows. */
export function readRef(text: string, letter: 'Y' | 'M' | 'V' | 'D'): { id: number; rest: string } | null {
  const m = new RegExp(`^\\s*#?\\s?${letter}\\s?(\\d{1,9})(?!\\d)`, 'i').exec(text.normalize('NFKC'));
  if (!m) return null;
  return { id: Number(m[1]), rest: text.normalize('NFKC').slice(m[0].length).replace(/^[\s,，:：]+/, '') };
}

/** Every ref with this letter anywhere in `text`. */
export function allRefs(text: string, letter: 'Y'): number[] {
  return [...text.normalize('NFKC').matchAll(new RegExp(`${letter}\\s?(\\d{1,9})(?!\\d)`, 'gi'))].map((m) => Number(m[1]));
}

const DATE_TIME = /(?:(今天|明天|后天)|(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号])\s*(?:(上午|下午|晚上)\s*)?(\d{1,2})(?:[:：](\d{2})|点(半)?)/;

/** A moment in the estate's zone found in `text` (12月10日 19:00, 明天 20:00, 12月8日晚上8点); the text around it is returned. */
export function readWhen(text: string, now: Date, tz: string): Read<{ at: Date; before: string; after: string }> {
  const s = text.normalize('NFKC');
  const m = DATE_TIME.exec(s);
  if (!m) return fail('when_unclear');
  const today = localParts(now, tz);
  let year: number;
  let month: number;
  let day: number;
  let hour = Number(m[6]);
  const minute = m[7] !== undefined ? Number(m[7]) : m[8] ? 30 : 0;
  if ((m[5] === '下午' || m[5] === '晚上') && hour < 12) hour += 12;
  if (m[1]) ({ year, month, day } = addDays(today.year, today.month, today.day, ['今天', '明天', '后天'].indexOf(m[1])));
  else {
    month = Number(m[3]);
    day = Number(m[4]);
    year = m[2] ? Number(m[2]) : today.year;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail('when_unclear');
    // Without a year, a date already past this year means next year (1月5日 said in December).
    if (!m[2] && zonedTime(year, month, day, hour, minute, tz) <= now) year += 1;
  }
  if (hour > 23 || minute > 59) return fail('when_unclear');
  const at = zonedTime(year, month, day, hour, minute, tz);
  if (at <= now) return fail('in_past');
  return { ok: true, value: { at, before: s.slice(0, m.index).trim(), after: s.slice(m.index + m[0].length).trim() } };
}

/** 会议 12月10日 19:00 8栋议事点 议题 Y3 Y5 */
export function readMeeting(text: string, now: Date, tz: string): Read<{ startsAt: Date; place: string; proposals: number[] }> {
  const when = readWhen(text, now, tz);
  if (!when.ok) return when;
  const [placePart, agendaPart = ''] = `${when.value.before} ${when.value.after}`.trim().split(/议题|議題|agenda/i);
  const place = placePart.replace(/^[\s,，:：]+|[\s,，:：]+$/g, '');
  if (place === '') return fail('place_required');
  return { ok: true, value: { startsAt: when.value.at, place, proposals: allRefs(agendaPart, 'Y') } };
}

const SPECIAL = /特别事项|特别|重大事项|special/i;
const ORDINARY = /一般事项|普通事项|一般|普通|ordinary/i;
const SECRET = /无记名|不记名|匿名|secret/i;
const OPEN_BALLOT = /记名|公开|open/i;
const BUILDINGS = /(?:(\d{1,3})\s*(?:栋|幢|号楼|#)\s*[、,，和及]?\s*)+/;

/** 表决 更换8栋电梯 截止12月8日 20:00 特别事项 8栋 9栋 [无记名] — an owners' decision. */
export function readOpenDecision(text: string, now: Date, tz: string): Read<{ title: string; deadline: Date; matter: MatterClass; buildings: string[]; secret: boolean }> {
  const [main, deadlinePart] = splitOn(text, /截止|截至|deadline/i);
  if (deadlinePart === null) return fail('when_unclear');
  const when = readWhen(deadlinePart, now, tz);
  if (!when.ok) return when;
  let tail = `${when.value.before} ${when.value.after}`;
  const matter: MatterClass = SPECIAL.test(tail) ? 'special' : 'ordinary';
  const secret = SECRET.test(tail);
  tail = tail.replace(SPECIAL, ' ').replace(ORDINARY, ' ').replace(SECRET, ' ').replace(OPEN_BALLOT, ' ');
  const scope = BUILDINGS.exec(tail.replace(/范围|scope/gi, ' '));
  const buildings = scope ? [...scope[0].matchAll(/(\d{1,3})/g)].map((b) => String(Number(b[1]))) : [];
  const title = main.replace(/^[\s,，:：]+|[\s,，:：]+$/g, '');
  if (title === '') return fail('title_required');
  return { ok: true, value: { title, deadline: when.value.at, matter, buildings, secret } };
}

/** 发起投票 晾衣架放哪里 选项 东侧/西侧/楼顶 截止12月8日 20:00 [无记名] — a poll. */
export function readOpenPoll(text: string, now: Date, tz: string): Read<{ title: string; options: string[]; deadline: Date; secret: boolean; buildings: string[] }> {
  const [main, deadlinePart] = splitOn(text, /截止|截至|deadline/i);
  if (deadlinePart === null) return fail('when_unclear');
  const when = readWhen(deadlinePart, now, tz);
  if (!when.ok) return when;
  const secret = SECRET.test(deadlinePart);
  const scope = BUILDINGS.exec(`${when.value.before} ${when.value.after}`);
  const buildings = scope ? [...scope[0].matchAll(/(\d{1,3})/g)].map((b) => String(Number(b[1]))) : [];
  const [title, optionPart] = splitOn(main, /选项|選項|options?/i);
  if (title.trim() === '') return fail('title_required');
  const options = (optionPart ?? '').split(/[/／、,，|]/).map((o) => o.trim()).filter((o) => o !== '');
  if (options.length < 2 || options.length > 9) return fail('options_required');
  return { ok: true, value: { title: title.trim(), options, deadline: when.value.at, secret, buildings } };
}

const CHOICES: [RegExp, DecisionChoice][] = [
  [/^(?:不同意|反对|反對|no|against)/i, 'no'],
  [/^(?:同意|赞成|贊成|支持|yes|agree|for)/i, 'yes'],
  [/^(?:弃权|棄權|abstain)/i, 'abstain'],
];

/** A decision's answer (同意 / 反对 / 弃权) or a poll's option (its number or its words). */
export function readChoice(text: string, options: readonly string[] | null): string | null {
  const s = text.normalize('NFKC').trim();
  if (options === null) return CHOICES.find(([re]) => re.test(s))?.[1] ?? null;
  const n = /^(?:选项)?\s*(\d{1,2})(?!\d)/.exec(s);
  if (n) return Number(n[1]) >= 1 && Number(n[1]) <= options.length ? n[1] : null;
  const folded = foldText(s);
  const i = options.findIndex((o) => folded.startsWith(foldText(o)));
  return i < 0 ? null : String(i + 1);
}

/** 代录 V4 8-2-301 同意: the room, then the answer. */
export function readPaperBallot(rest: string): Read<{ room: string; choiceText: string }> {
  const folded = foldText(rest.normalize('NFKC'));
  const room = findRoomCode(folded);
  if (!room || room.room === null) return fail('room_required');
  return { ok: true, value: { room: room.room, choiceText: rest.normalize('NFKC').slice(room.end).trim() } };
}

/** 决议 M2 加装晾衣架 负责 物业 截止 12月31日 — a decision that becomes a tracked task. */
export function readTask(rest: string, now: Date, tz: string): Read<{ text: string; owner: string; dueOn: string }> {
  const [main, duePart] = splitOn(rest, /截止|期限|due/i);
  const [text, owner] = splitOn(main, /负责人|负责|負責|owner/i);
  if (text.trim() === '') return fail('text_required');
  if (owner === null || owner.trim() === '') return fail('owner_required');
  const d = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?/.exec((duePart ?? '').normalize('NFKC'));
  if (!d) return fail('when_unclear');
  const today = localParts(now, tz);
  let year = d[1] ? Number(d[1]) : today.year;
  const month = Number(d[2]);
  const day = Number(d[3]);
  if (!d[1] && (month < today.month || (month === today.month && day < today.day))) year += 1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail('when_unclear');
  const dueOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, value: { text: text.trim(), owner: owner.trim().slice(0, 40), dueOn } };
}

function splitOn(text: string, re: RegExp): [string, string | null] {
  const m = re.exec(text);
  if (!m) return [text, null];
  return [text.slice(0, m.index), text.slice(m.index + m[0].length)];
}
