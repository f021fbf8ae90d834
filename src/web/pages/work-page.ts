import { html } from 'hono/html';
import { monthlyFigures } from '../../performance/monthly-figures.js';
import { currentMonth } from '../../time/month.js';
import { bar, type Html } from '../page.js';
import { isAdmin, type StaffContext } from '../staff-context.js';
import { staffPage } from '../staff-page.js';
import type { WebDeps } from '../web-deps.js';

/**
 * This month's patrol hours per grid worker and survey response rates, from the monthly report's
 * own figures (monthlyFigures): an admin sees every grid worker, a grid worker only herself.
 */
export async function workPage(deps: WebDeps, staff: StaffContext): Promise<Html> {
  const { t } = staff.i18n;
  const now = deps.clock.now();
  const f = await monthlyFigures(deps.db, staff.estate, currentMonth(now, staff.estate.time_zone), now);
  const workers = isAdmin(staff.roles) ? f.workers : f.workers.filter((w) => w.memberId === staff.member.id);
  const hours = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
  const patrolTable = html`<div class="scroll"><table><thead><tr><th>${t('web_col_worker')}</th><th>${t('web_col_zone')}</th><th>${t('web_col_patrol_hours')}</th><th>${t('web_col_days_on_target')}</th></tr></thead><tbody>
${workers.length === 0 ? html`<tr><td colspan="4" class="muted">${t('web_none')}</td></tr>` : workers.map((w) => html`<tr><td>${w.name ?? '—'}</td><td>${w.zone ?? ''}</td><td>${hours(w.minutes)}</td><td>${w.daysOnTarget} / ${w.daysPatrolled}</td></tr>`)}
</tbody></table></div>`;
  const surveyTable = html`<div class="scroll"><table><thead><tr><th>${t('web_col_text')}</th><th>${t('web_col_responses')}</th></tr></thead><tbody>
${f.surveys.length === 0 ? html`<tr><td colspan="2" class="muted">${t('web_none')}</td></tr>` : f.surveys.map((s) => html`<tr><td>${s.title}</td><td>${s.answered} / ${s.households}${bar(s.answered, s.households)}</td></tr>`)}
</tbody></table></div>`;
  return staffPage(staff, t('web_nav_work'), html`<h1>${t('web_nav_work')} · ${f.month}</h1><h2>${t('web_patrol_title')}</h2>${patrolTable}<h2>${t('web_surveys_title')}</h2>${surveyTable}`);
}
