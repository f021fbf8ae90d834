import type { MonthlyFigures } from './monthly-figures.js';

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const rating = (h: number | null) => (h === null ? null : (h / 100).toFixed(2));

/** The monthly figures as CSV (one table: grid workers, then property companies), UTF-8 with a header row. */
export function figuresCsv(f: MonthlyFigures): string {
  const rows: (string | number | null)[][] = [
    ['month', 'kind', 'name', 'zone', 'days_on_target', 'days_patrolled', 'patrol_minutes', 'auto_closed', 'visits', 'accepted', 'tickets', 'resolved', 'resolved_on_time', 'rating', 'ratings', 'survey_score', 'door_answers'],
    ...f.workers.map((w) => [f.month, 'grid_worker', w.name, w.zone, w.daysOnTarget, w.daysPatrolled, w.minutes, w.autoClosed, w.visits, w.accepted, null, w.resolved, w.resolvedOnTime, rating(w.rating), w.ratings, null, w.doorAnswers]),
    ...f.companies.map((c) => [f.month, 'property', c.name, null, null, null, null, null, null, null, c.tickets, c.resolved, c.resolvedOnTime, rating(c.rating), c.ratings, rating(c.surveyScore), null]),
  ];
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
