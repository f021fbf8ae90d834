import { addDays, localParts, zonedTime } from '../time/zoned-time.js';
import type { SurveyDefinition } from './survey-definition.js';

/** Days a survey runs when its definition names no closing day. */
export const DEFAULT_SURVEY_DAYS = 14;

/**
 * When a survey closes: at the local midnight after its closing day (this year's, or next year's
 * when that day has passed), or DEFAULT_SURVEY_DAYS local days from today.
 */
export function surveyClosesAt(closesOn: SurveyDefinition['closesOn'], now: Date, tz: string): Date {
  const today = localParts(now, tz);
  if (closesOn === null) {
    const d = addDays(today.year, today.month, today.day, DEFAULT_SURVEY_DAYS + 1);
    return zonedTime(d.year, d.month, d.day, 0, 0, tz);
  }
  let year = closesOn.year ?? today.year;
  if (closesOn.year === null && closesOn.month * 100 + closesOn.day < today.month * 100 + today.day) year += 1;
  const d = addDays(year, closesOn.month, closesOn.day, 1);
  return zonedTime(d.year, d.month, d.day, 0, 0, tz);
}

/** The last moment answers are taken, for messages (the minute before close). */
export function lastMinute(closesAt: Date): Date {
  return new Date(closesAt.getTime() - 60_000);
}
