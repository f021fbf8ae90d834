import type { SurveyQuestion } from './survey-definition.js';

/** Whole percent, rounded down, in integers: 2 of 3 → 66. Zero of zero is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole);
}

/** An average in hundredths, rounded half up, in integers: [5, 4, 4] → 433. Null with no values. */
export function averageHundredths(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return Math.floor((sum * 200 + values.length) / (values.length * 2));
}

/** Hundredths as text: 433 → '4.33'. */
export function hundredths(h: number): string {
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

/** What one question's answers add up to: an average for a scale, counts per option for a choice. */
export type QuestionResult = { kind: 'scale'; average: number | null; count: number } | { kind: 'choice'; counts: number[]; count: number };

/** Results of every question over a set of answers (each an array of numbers, one per question). */
export function questionResults(questions: readonly SurveyQuestion[], answers: readonly number[][]): QuestionResult[] {
  return questions.map((q, i) => {
    const values = answers.map((a) => a[i]).filter((v) => Number.isInteger(v));
    if (q.kind === 'scale') return { kind: 'scale', average: averageHundredths(values), count: values.length };
    const counts = q.options.map((_o, k) => values.filter((v) => v === k + 1).length);
    return { kind: 'choice', counts, count: values.length };
  });
}

/** The mean of the scale questions' averages, in hundredths: a survey's one score. */
export function surveyScore(results: readonly QuestionResult[]): number | null {
  const avgs = results.flatMap((r) => (r.kind === 'scale' && r.average !== null ? [r.average] : []));
  return avgs.length === 0 ? null : Math.floor((avgs.reduce((a, b) => a + b, 0) * 2 + avgs.length) / (avgs.length * 2));
}
