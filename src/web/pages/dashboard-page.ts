import { html } from 'hono/html';
import { sql } from 'kysely';
import { yuan } from '../../i18n/money.js';
import { monthName } from '../../time/month.js';
import type { Scope } from '../../ledger/paid-months.js';
import { loadEstateNoticeData } from '../../notices/notice-data.js';
import { IN_PLAY } from '../../tickets/statuses.js';
import { bar, type Html } from '../page.js';
import { zonesInReach, type StaffContext } from '../staff-context.js';
import { staffPage } from '../staff-page.js';
import type { WebDeps } from '../web-deps.js';

/** The overview: this month's collection rate and open tickets, per zone, in the staff member's reach. */
export async function dashboardPage(deps: WebDeps, staff: StaffContext): Promise<Html> {
  const { t } = staff.i18n;
  const now = deps.clock.now();
  const reach = zonesInReach(staff.roles);
  const scopes: Scope[] = reach === null ? [{ estateId: staff.estate.id, zoneId: null, buildingId: null }] : reach.map((z) => ({ estateId: staff.estate.id, zoneId: z, buildingId: null }));
  const week = new Date(now.getTime() - 7 * 24 * 3600_000);
  const data = await loadEstateNoticeData(deps.db, staff.estate, scopes, week, now, false);
  const zoneNames = new Map((await deps.db.selectFrom('zones').select(['id', 'name']).where('estate_id', '=', staff.estate.id).execute()).map((z) => [z.id, z.name]));
  const tickets = await deps.db
    .selectFrom('tickets')
    .where('estate_id', '=', staff.estate.id)
    .where('status', 'in', IN_PLAY)
    .$if(reach !== null, (q) => q.where((eb) => eb.or([eb('zone_id', 'in', reach!.length ? reach! : [-1]), eb('owner_member_id', '=', staff.member.id)])))
    .select([
      'zone_id',
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where (status = 'open' and accept_due_at <= ${now}) or (status = 'accepted' and resolve_due_at <= ${now}))`.as('overdue'),
    ])
    .groupBy('zone_id')
    .orderBy('zone_id')
    .execute();

  const sections = data.map(
    (d, i) => html`<div class="card">
<div class="muted">${d.scope.kind === 'zone' ? d.scope.name : t('web_scope_estate')} · ${t('web_rate_title', { month: staff.i18n.locale === 'en' ? monthName(d.month).en : monthName(d.month).zh })}</div>
${d.planName === null ? html`<p>${t('web_no_plan')}</p>` : html`<div class="big">${t('web_rate', d.overall)}</div>${bar(d.overall.paid, d.overall.total)}
<img class="chart" style="width:100%;height:auto;margin:.5em 0" src="/chart/collection.png${scopes[i].zoneId === null ? '' : `?zone=${scopes[i].zoneId}`}" alt="${t('chart_alt', { month: monthName(d.month) })}" width="720" height="560">
<p class="muted">${t('web_behind', { households: d.behindHouseholds, yuan: yuan(d.behindFen) })}</p>
<div class="scroll"><table><thead><tr><th>${t('web_col_zone')}</th><th>${t('web_col_building')}</th><th>${t('web_col_rate')}</th></tr></thead><tbody>
${d.zones.flatMap((z) => z.buildings.map((b) => html`<tr><td>${z.name || t('web_no_zone')}</td><td><a href="/ledger?building=${encodeURIComponent(b.code)}">${b.code}</a></td><td>${t('web_rate', b.rate)}${bar(b.rate.paid, b.rate.total)}</td></tr>`))}
</tbody></table></div>`}
</div>`,
  );
  const ticketTable = tickets.length === 0
    ? html`<p class="muted">${t('web_none')}</p>`
    : html`<table><thead><tr><th>${t('web_col_zone')}</th><th>${t('web_col_open')}</th><th>${t('web_col_overdue')}</th></tr></thead><tbody>
${tickets.map((r) => html`<tr><td><a href="/tickets${r.zone_id === null ? '' : `?zone=${r.zone_id}`}">${r.zone_id === null ? t('web_no_zone') : (zoneNames.get(r.zone_id) ?? '')}</a></td><td>${r.open}</td><td class="${Number(r.overdue) > 0 ? 'warn' : ''}">${r.overdue}</td></tr>`)}
</tbody></table>`;
  return staffPage(staff, t('web_nav_dashboard'), html`<h1>${t('web_nav_dashboard')}</h1>${sections}<h2>${t('web_open_tickets_title')}</h2>${ticketTable}`);
}
