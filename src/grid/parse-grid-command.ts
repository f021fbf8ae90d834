import { findRoomCode } from '../commands/room-code.js';
import { emptyCommand, MAX_TEXT_LENGTH, type Intent, type ParsedCommand } from '../commands/parsed-command.js';

/**
 * The grid worker's and the committee's commands: patrols, visits, surveys, the monthly report.
 * `folded` is the message as the parser matches it, `clean` as written (same indices), `start`
 * the index after any @mention and polite lead-in. Null: not one of these commands.
 */
export function parseGridCommand(clean: string, folded: string, start: number): ParsedCommand | null {
  if (folded[start] === '/') return parseSlash(clean, folded, start);
  const head = foldMore(folded.slice(start, start + 8));
  const row = WORDS.find((w) => head.startsWith(w.word));
  if (row === undefined) return null;
  return row.read(clean, folded, skipSeparators(folded, start + row.word.length), row.intent, false);
}

// Traditional forms of this feature's keywords that the shared fold table does not know yet.
const MORE_FOLDS: Record<string, string> = { 進: '进', 訪: '访', 誌: '志', 査: '查' };

function foldMore(s: string): string {
  return s.replace(/[進訪誌査]/g, (c) => MORE_FOLDS[c]);
}

type Reader = (clean: string, folded: string, at: number, intent: Intent, slash: boolean) => ParsedCommand | null;

const SEPARATORS = /^[\s:;,.!~、。_=>|\]】)」』》]+/;
const ONLY_PUNCT = /^[\s?,.!~、。;:]*$/;

function skipSeparators(folded: string, at: number): number {
  return at + (SEPARATORS.exec(folded.slice(at, at + 32))?.[0].length ?? 0);
}

function tail(clean: string, at: number): string | null {
  const t = clean.slice(at).trim();
  return t === '' ? null : t;
}

function withText(cmd: ParsedCommand, text: string | null): ParsedCommand {
  if (text !== null && Array.from(text).length > MAX_TEXT_LENGTH) return { ...cmd, error: 'text_too_long' };
  return { ...cmd, text };
}

/** 开始巡查, 结束巡查, 转工单: nothing may follow but punctuation (开始巡查了吗 is chatter). */
const bare: Reader = (_clean, folded, at, intent, slash) => (slash || ONLY_PUNCT.test(folded.slice(at)) ? emptyCommand(intent) : null);

/** 巡查发现 9栋消防通道堆了自行车. */
const note: Reader = (clean, folded, at, intent) => {
  const text = tail(clean, at);
  if (text === null || ONLY_PUNCT.test(folded.slice(at))) return { ...emptyCommand(intent), error: 'text_required' };
  return withText(emptyCommand(intent), text);
};

/** 走访 8-2-301 老人独居，反映楼道灯坏了 (room, then what was learnt); 走访记录 8-2-301 (room only). */
function roomFirst(textRequired: boolean): Reader {
  return (clean, folded, at, intent, slash) => {
    const cmd = emptyCommand(intent);
    const room = findRoomCode(folded.slice(at));
    if (room === null || room.start !== 0) {
      if (ONLY_PUNCT.test(folded.slice(at))) return { ...cmd, error: 'room_required' };
      return slash || /^\d/.test(folded.slice(at)) || textRequired ? { ...cmd, error: room === null ? 'room_required' : 'room_invalid' } : null;
    }
    if (room.room === null) return { ...cmd, error: 'room_invalid' };
    const withRoom = { ...cmd, room: room.room };
    if (!textRequired) return withRoom;
    const text = tail(clean, skipSeparators(folded, at + room.end));
    return text === null ? { ...withRoom, error: 'text_required' } : withText(withRoom, text);
  };
}

const SURVEY_REF = /^s\s?(\d{1,9})(?!\d)/;

/**
 * 问卷 S2 5 4 5 很好 (a resident's answer), 问卷 S2 8-2-301 5 4 5 (a door-to-door answer),
 * 问卷 S2 (show the questions): ref, optional room, the rest as text.
 */
const surveyAnswer: Reader = (clean, folded, at, intent, slash) => {
  const cmd = emptyCommand(intent);
  const ref = SURVEY_REF.exec(folded.slice(at));
  if (ref === null) return slash || ONLY_PUNCT.test(folded.slice(at)) || /^[#s\d]/.test(folded.slice(at)) ? { ...cmd, error: 'ref_required' } : null;
  let pos = skipSeparators(folded, at + ref[0].length);
  const withRef = { ...cmd, ref: `S${Number(ref[1])}` };
  const room = findRoomCode(folded.slice(pos));
  let out: ParsedCommand = withRef;
  if (room !== null && room.start === 0) {
    if (room.room === null) return { ...withRef, error: 'room_invalid' };
    out = { ...withRef, room: room.room };
    pos = skipSeparators(folded, pos + room.end);
  }
  return withText(out, tail(clean, pos));
};

/** 问卷进度 S2, 问卷结果 S2, 催问卷 S2: a survey ref. */
const surveyRef: Reader = (_clean, folded, at, intent) => {
  const ref = SURVEY_REF.exec(folded.slice(at));
  if (ref === null) return { ...emptyCommand(intent), error: 'ref_required' };
  return { ...emptyCommand(intent), ref: `S${Number(ref[1])}` };
};

/** 新建问卷 <title> and question lines: read by the job (src/survey/survey-definition.ts). */
const surveyNew: Reader = (clean, folded, at, intent) => {
  const text = tail(clean, at);
  if (text === null || ONLY_PUNCT.test(folded.slice(at))) return { ...emptyCommand(intent), error: 'text_required' };
  return withText(emptyCommand(intent), text);
};

/** 月报, 月报 2026-11, 月报 11月: the month is read by the job. */
const report: Reader = (clean, folded, at, intent, slash) => {
  const rest = folded.slice(at);
  if (ONLY_PUNCT.test(rest)) return emptyCommand(intent);
  if (slash || /^(?:\d{4}\s?[-年./]\s?)?\d{1,2}\s?月?$/.test(rest.trim()) || /^(?:上月|上个月|本月|这个月)$/.test(rest.trim())) {
    return withText(emptyCommand(intent), tail(clean, at));
  }
  return null;
};

interface Row {
  word: string;
  intent: Intent;
  read: Reader;
}

const rows = (intent: Intent, read: Reader, ...words: string[]): Row[] => words.map((word) => ({ word, intent, read }));

// Folded (simplified) spellings; traditional ones fold onto these. Longest first.
const WORDS: Row[] = [
  ...rows('patrol-start', bare, '开始巡查', '巡查开始', '开始巡逻', '开始巡检'),
  ...rows('patrol-stop', bare, '结束巡查', '巡查结束', '结束巡逻', '巡查完毕', '结束巡检'),
  ...rows('patrol-status', bare, '今日巡查', '巡查情况', '巡查时长', '我的巡查'),
  ...rows('patrol-note', note, '巡查发现', '巡查记录'),
  ...rows('to-ticket', bare, '转工单', '转为工单', '转成工单'),
  ...rows('visits', roomFirst(false), '走访记录', '走访查询', '民情日志查询'),
  ...rows('visit', roomFirst(true), '走访', '民情日志', '入户走访'),
  ...rows('survey-new', surveyNew, '新建问卷', '发起问卷', '创建问卷'),
  ...rows('survey-progress', surveyRef, '问卷进度', '问卷回收', '回收率'),
  ...rows('survey-results', surveyRef, '问卷结果', '问卷统计'),
  ...rows('survey-chase', surveyRef, '催问卷', '问卷催办', '提醒答卷'),
  ...rows('survey-answer', surveyAnswer, '问卷', '答卷', '填问卷'),
  ...rows('report', report, '月报', '月度考核', '考核月报', '绩效月报'),
].sort((a, b) => b.word.length - a.word.length);

const SLASH_RE = /^\/([a-z]{1,32})(?:@[a-z0-9_.]{1,64})?(?![a-z@])/;

const SLASH: Record<string, { intent: Intent; read: Reader } | ((sub: string) => { intent: Intent; read: Reader; skip: number } | null)> = {
  patrol: (sub) => {
    const m = /^(start|begin|stop|end|note|status)\b/.exec(sub);
    if (m === null) return sub.trim() === '' ? { intent: 'patrol-status', read: bare, skip: 0 } : null;
    const intent: Intent = m[1] === 'start' || m[1] === 'begin' ? 'patrol-start' : m[1] === 'note' ? 'patrol-note' : m[1] === 'status' ? 'patrol-status' : 'patrol-stop';
    return { intent, read: intent === 'patrol-note' ? note : bare, skip: m[0].length };
  },
  toticket: { intent: 'to-ticket', read: bare },
  visit: { intent: 'visit', read: roomFirst(true) },
  visits: { intent: 'visits', read: roomFirst(false) },
  survey: (sub) => {
    const m = /^(new|progress|results|chase)\b/.exec(sub);
    if (m === null) return { intent: 'survey-answer', read: surveyAnswer, skip: 0 };
    const intent = `survey-${m[1]}` as Intent;
    return { intent, read: m[1] === 'new' ? surveyNew : surveyRef, skip: m[0].length };
  },
  answer: { intent: 'survey-answer', read: surveyAnswer },
  report: { intent: 'report', read: report },
};

function parseSlash(clean: string, folded: string, start: number): ParsedCommand | null {
  const m = SLASH_RE.exec(folded.slice(start));
  if (m === null || !Object.hasOwn(SLASH, m[1])) return null;
  let at = skipSeparators(folded, start + m[0].length);
  const entry = SLASH[m[1]];
  const row = typeof entry === 'function' ? entry(folded.slice(at)) : { ...entry, skip: 0 };
  if (row === null) return emptyCommand('patrol-status');
  at = skipSeparators(folded, at + row.skip);
  return row.read(clean, folded, at, row.intent, true) ?? emptyCommand(row.intent);
}
