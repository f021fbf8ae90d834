import type { Survey } from '../db/database.js';
import type { Translator } from '../i18n/translator.js';
import { localTime } from '../time/local-time.js';
import { lastMinute } from './survey-period.js';
import { surveyRef } from './survey-repository.js';

/** The announcement of a survey (or its reminder to one who asks): its questions and how to answer. */
export function surveyText(t: Translator['t'], s: Survey, tz: string, key: 'survey_announce' | 'survey_show'): string {
  const example = s.questions.map((q) => (q.kind === 'scale' ? '5' : '1')).join(' ');
  return t(key, { ref: surveyRef(s.id), title: s.title, questions: s.questions, free: s.free_text, closes: localTime(lastMinute(s.closes_at), tz), example });
}
