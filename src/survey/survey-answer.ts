import { foldText } from '../text/fold-text.js';
import type { SurveyQuestion } from './survey-definition.js';

/** A household's answers: one number per question (1–5, or the option's number), and optional free text. */
export interface SurveyAnswer {
  scores: number[];
  freeText: string | null;
}

/** Why an answer cannot be taken. */
export type SurveyAnswerError = { error: 'survey_answer_count'; expected: number } | { error: 'survey_answer_range'; question: number; max: number };

/**
 * Read `5 4 5 楼道灯修好了`, `5,4,5`, `545` (as many digits as questions) against the questions.
 * Numbers come first; what follows them is the free text (kept only when the survey asks for it).
 */
export function readSurveyAnswer(text: string, questions: readonly SurveyQuestion[], takesFreeText: boolean): SurveyAnswer | SurveyAnswerError {
  const folded = foldText(text);
  const n = questions.length;
  let scores: number[] = [];
  let rest = '';
  const run = /^\s*(\d+)(?!\s*[,，、\s]\s*\d)/.exec(folded);
  if (run && run[1].length === n && n > 1) {
    scores = [...run[1]].map(Number);
    rest = text.slice(run[0].length);
  } else {
    const m = /^\s*(\d{1,2}(?:\s*[,，、\s]\s*\d{1,2})*)/.exec(folded);
    if (m) {
      scores = m[1].split(/[^\d]+/).filter(Boolean).map(Number);
      rest = text.slice(m[0].length);
    }
  }
  if (scores.length !== n) return { error: 'survey_answer_count', expected: n };
  for (let i = 0; i < n; i++) {
    const q = questions[i];
    const max = q.kind === 'scale' ? 5 : q.options.length;
    if (!Number.isInteger(scores[i]) || scores[i] < 1 || scores[i] > max) return { error: 'survey_answer_range', question: i + 1, max };
  }
  const free = rest.replace(/^[\s,，、.。:：]+/, '').trim();
  return { scores, freeText: takesFreeText && free !== '' ? free : null };
}
