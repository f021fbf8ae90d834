import type { SurveyQuestion } from '../db/tables/grid.js';
import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { parseIntOrChinese } from '../text/numerals.js';
import { BUILDING_WORDS, numberPattern, wordsPattern } from '../text/room-words.js';

export type { SurveyQuestion };

/** A survey as an admin writes it (in the chat or in a file). */
export interface SurveyDefinition {
  title: string;
  questions: SurveyQuestion[];
  /** The optional free-text question. */
  freeText: string | null;
  /** Last local day answers are taken, or null for the default period. */
  closesOn: { month: number; day: number; year: number | null } | null;
  /** A building code ('8') or a zone code ('3'), or null: the whole estate. */
  scope: { kind: 'building' | 'zone'; code: string } | null;
}

/** Why a definition cannot be used, as the admin is told. */
export type SurveyDefinitionError = 'survey_title_required' | 'survey_questions_required' | 'survey_too_many_questions' | 'survey_bad_options' | 'survey_bad_close';

export const MAX_QUESTIONS = 10;
const MAX_OPTIONS = 9;

const QUESTION_START = /(?:^|\s)(\d{1,2})\s?[.、．)）]\s?/g;
const FREE = /(?:意见|建议|其他意见|留言)\s?[:：]\s?/;
const CLOSE = /截止\s?(?:(\d{4})\s?[-年./]\s?)?(\d{1,2})\s?[-月./]\s?(\d{1,2})\s?日?/;
// Building and zone numbers in digits or numerals (范围 八栋, 范围第三片区), read as the parser reads rooms.
const SCOPE = new RegExp(
  `范围\\s?[:：]?\\s?(?:(${numberPattern(3)})\\s?(?:${wordsPattern(BUILDING_WORDS)})|第?(${numberPattern(2, 3)})\\s?片区|(${numberPattern(2, 3)})\\s?网格)`,
);
const OPTIONS = /[[［【(（]([^\]］】)）]+)[\]］】)）]\s*$/;

/**
 * Read `新建问卷 <title> 1.<question> 2.<question>[A/B/C] 意见：<prompt> 截止12-15 范围3片区`.
 * A question ending in [a/b/c] is a choice; every other is a 1–5 scale.
 */
export function parseSurveyDefinition(input: string): SurveyDefinition | { error: SurveyDefinitionError } {
  let text = cleanText(input);
  const folded = () => foldText(text);
  let closesOn: SurveyDefinition['closesOn'] = null;
  const close = CLOSE.exec(folded());
  if (close) {
    const month = Number(close[2]);
    const day = Number(close[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return { error: 'survey_bad_close' };
    closesOn = { year: close[1] ? Number(close[1]) : null, month, day };
    text = (text.slice(0, close.index) + ' ' + text.slice(close.index + close[0].length)).trim();
  }
  let scope: SurveyDefinition['scope'] = null;
  const sc = SCOPE.exec(folded());
  if (sc) {
    scope = sc[1] ? { kind: 'building', code: String(parseIntOrChinese(sc[1])) } : { kind: 'zone', code: String(parseIntOrChinese(sc[2] ?? sc[3])) };
    text = (text.slice(0, sc.index) + ' ' + text.slice(sc.index + sc[0].length)).trim();
  }
  let freeText: string | null = null;
  const free = FREE.exec(text);
  if (free) {
    freeText = text.slice(free.index + free[0].length).trim() || '其他意见或建议';
    text = text.slice(0, free.index).trim();
  }
  const starts = [...text.matchAll(QUESTION_START)];
  const title = (starts.length > 0 ? text.slice(0, starts[0].index) : text).trim();
  if (title === '') return { error: 'survey_title_required' };
  if (starts.length === 0) return { error: 'survey_questions_required' };
  if (starts.length > MAX_QUESTIONS) return { error: 'survey_too_many_questions' };
  const questions: SurveyQuestion[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i].index! + starts[i][0].length;
    const to = i + 1 < starts.length ? starts[i + 1].index! : text.length;
    const q = text.slice(from, to).trim();
    const opts = OPTIONS.exec(q);
    if (opts) {
      const options = opts[1].split(/[/／|、,，]/).map((o) => o.trim()).filter(Boolean);
      if (options.length < 2 || options.length > MAX_OPTIONS) return { error: 'survey_bad_options' };
      questions.push({ text: q.slice(0, opts.index).trim(), kind: 'choice', options });
    } else {
      questions.push({ text: q, kind: 'scale' });
    }
  }
  if (questions.some((q) => q.text === '')) return { error: 'survey_questions_required' };
  return { title, questions, freeText, closesOn, scope };
}
