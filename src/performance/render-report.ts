import type { Translator } from '../i18n/translator.js';
import { monthName } from '../time/month.js';
import { hundredths } from '../survey/survey-figures.js';
import type { MonthlyFigures } from './monthly-figures.js';

/** The monthly report as one chat message (staff names and figures; no resident is named). */
export function renderReport(t: Translator['t'], f: MonthlyFigures, estateName: string): string {
  const r = (h: number | null) => (h === null ? null : hundredths(h));
  const lines = [t('report_header', { month: monthName(f.month), estate: estateName, target: f.targetMinutes }), t('report_workers')];
  if (f.workers.length === 0) lines.push(t('report_none'));
  for (const w of f.workers) {
    lines.push(
      t('report_worker', { zone: w.zone, name: w.name, daysOnTarget: w.daysOnTarget, daysPatrolled: w.daysPatrolled, minutes: w.minutes, autoClosed: w.autoClosed, visits: w.visits, door: w.doorAnswers, accepted: w.accepted, resolved: w.resolved, onTime: w.resolvedOnTime, rating: r(w.rating) }),
    );
  }
  if (f.companies.length > 0) {
    lines.push(t('report_companies'));
    for (const c of f.companies) lines.push(t('report_company', { name: c.name, tickets: c.tickets, resolved: c.resolved, onTime: c.resolvedOnTime, rating: r(c.rating), survey: r(c.surveyScore) }));
  }
  if (f.surveys.length > 0) {
    lines.push(t('report_surveys'));
    for (const s of f.surveys) lines.push(t('report_survey', { ref: `S${s.id}`, title: s.title, answered: s.answered, households: s.households, door: s.door, score: r(s.score) }));
  }
  return lines.join('\n');
}
