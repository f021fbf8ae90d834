import { html } from 'hono/html';
import { yuan } from '../../i18n/money.js';
import { balance } from '../../ledger/balance.js';
import { estatePlans, notPricedWhy, pricedFor } from '../../ledger/estate-plans.js';
import { paidMonthsByHousehold } from '../../ledger/paid-months.js';
import { canManage, canView } from '../../ledger/permissions.js';
import { currentMonth, monthName } from '../../time/month.js';
import type { Html } from '../page.js';
import type { StaffContext } from '../staff-context.js';
import { staffPage } from '../staff-page.js';
import type { WebDeps } from '../web-deps.js';
import { normaliseRoom } from './ledger-page.js';

/**
 * One household: its account on each fee plan it pays (priced and credited as 查询 shows it),
 * every ledger row with its plan, and who is bound to it; for staff who may look at it (canView).
 * Names and phones only for staff who manage it (canManage). Null: not theirs, or none.
 */
export async function householdPage(deps: WebDeps, staff: StaffContext, roomText: string): Promise<Html | null> {
  const { t } = staff.i18n;
  const en = staff.i18n.locale === 'en';
  const h = await deps.db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['h.id', 'h.room_code', 'h.resident_name', 'h.phone', 'h.floor_area', 'b.id as building_id', 'b.zone_id'])
    .where('h.estate_id', '=', staff.estate.id)
    .where('h.room_code', '=', normaliseRoom(roomText))
    .executeTakeFirst();
  if (!h) return null;
  const place = { zoneId: h.zone_id, buildingId: h.building_id };
  if (!canView(staff.roles, place)) return null;
  const manages = canManage(staff.roles, place);
  const month = currentMonth(deps.clock.now(), staff.estate.time_zone);
  const scope = { estateId: staff.estate.id, zoneId: null, buildingId: null };
  const priceable = { buildingId: h.building_id, floorArea: h.floor_area };
  const plans = await estatePlans(deps.db, staff.estate.id);
  const accounts: Html[] = [];
  for (const plan of plans) {
    const priced = pricedFor(plan, priceable);
    if (priced === null) {
      if (notPricedWhy(plan, priceable) === 'no_area') accounts.push(html`<div class="card">${plan.name}: <span class="warn">${t('web_plan_no_area')}</span></div>`);
      continue;
    }
    const [paid] = await paidMonthsByHousehold(deps.db, scope, plan.id, [h.id]);
    const bal = balance(priced, paid?.paidMonths ?? 0, month, paid?.creditFen ?? 0);
    const through = bal.through ? (en ? monthName(bal.through).en : monthName(bal.through).zh) : t('web_never_paid');
    accounts.push(
      html`<div class="card">${plans.length > 1 ? html`<strong>${plan.name}</strong> · ` : ''}${t('web_col_paid_through')}: <strong>${through}</strong> · ${t('web_col_owed')}: <span class="${bal.owedMonths > 0 ? 'warn' : ''}">${t('web_owed', { months: bal.owedMonths, yuan: yuan(bal.owedFen) })}</span></div>`,
    );
  }
  const planName = new Map(plans.map((p) => [p.id, p.name]));
  const [payments, bindings] = await Promise.all([
    deps.db
      .selectFrom('payments as p')
      .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
      .select(['p.id', 'p.kind', 'p.amount_fen', 'p.months', 'p.fee_plan_id', 'p.created_at', 'p.corrects_id', 'd.decision', 'd.reason'])
      .where('p.household_id', '=', h.id)
      .where('p.estate_id', '=', staff.estate.id)
      .orderBy('p.id', 'desc')
      .limit(200)
      .execute(),
    deps.db
      .selectFrom('bindings as bi')
      .innerJoin('members as m', 'm.id', 'bi.member_id')
      .select(['bi.id', 'bi.status', 'bi.relation', 'bi.created_at', 'bi.decided_at', 'm.display_name'])
      .where('bi.household_id', '=', h.id)
      .orderBy('bi.id', 'desc')
      .limit(50)
      .execute(),
  ]);
  const fmt = (d: Date) => d.toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: staff.estate.time_zone, dateStyle: 'medium', timeStyle: 'short' });
  const who = manages ? html`<p>${h.resident_name ?? ''} ${h.phone ?? ''}</p>` : '';
  const rows = payments.map(
    (p) =>
      html`<tr><td>P${p.id}</td><td>${fmt(p.created_at)}</td><td>${t('web_kind', { kind: p.kind, decision: p.decision })}${p.corrects_id ? html` <span class="muted">→ P${p.corrects_id}</span>` : ''}${p.reason ? html` <span class="muted">${p.reason}</span>` : ''}</td><td>${plans.length > 1 ? html`${planName.get(p.fee_plan_id) ?? ''} · ` : ''}${t('web_yuan', { yuan: yuan(p.amount_fen) })} · ${t('web_months', { months: p.months })}</td></tr>`,
  );
  // Bound members by their platform name, for staff who manage the household; others see that someone is.
  const binds = bindings.map(
    (b) =>
      html`<tr><td>B${b.id}</td><td>${fmt(b.created_at)}</td><td>${t('web_binding_status', { status: b.status, relation: b.relation })}</td><td>${manages ? (b.display_name ?? '') : ''}</td></tr>`,
  );
  const none = (cols: number) => html`<tr><td colspan="${cols}" class="muted">${t('web_none')}</td></tr>`;
  return staffPage(
    staff,
    h.room_code,
    html`<h1>${h.room_code}</h1>${who}${accounts}
<h2>${t('web_history_title')}</h2>
<div class="scroll"><table><thead><tr><th>${t('web_col_ref')}</th><th>${t('web_col_when')}</th><th>${t('web_col_kind')}</th><th>${t('web_col_amount')}</th></tr></thead><tbody>
${rows.length === 0 ? none(4) : rows}
</tbody></table></div>
<h2>${t('web_household_bindings')}</h2>
<div class="scroll"><table><tbody>${binds.length === 0 ? none(4) : binds}</tbody></table></div>`,
  );
}
