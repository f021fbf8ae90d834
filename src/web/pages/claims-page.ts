import { html } from 'hono/html';
import { yuan } from '../../i18n/money.js';
import { canManage } from '../../ledger/permissions.js';
import type { Html } from '../page.js';
import type { StaffContext } from '../staff-context.js';
import { formFields, staffPage } from '../staff-page.js';
import { newFormToken } from '../web-command.js';
import type { WebDeps } from '../web-deps.js';

/** Payment claims waiting for a decision, that this staff member may decide (canManage), oldest first. */
export async function claimsPage(deps: WebDeps, staff: StaffContext, flash: Html | null): Promise<Html> {
  const { t } = staff.i18n;
  const rows = await deps.db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('payment_decisions as d', 'd.payment_id', 'p.id')
    .select(['p.id', 'p.amount_fen', 'p.months', 'p.created_at', 'h.room_code', 'b.id as building_id', 'b.zone_id'])
    .where('p.estate_id', '=', staff.estate.id)
    .where('p.kind', '=', 'claim')
    .where('d.payment_id', 'is', null)
    .orderBy('p.id')
    .limit(500)
    .execute();
  const mine = rows.filter((r) => canManage(staff.roles, { zoneId: r.zone_id, buildingId: r.building_id }));
  const bindings = (await pendingBindings(deps, staff)).filter((r) => canManage(staff.roles, { zoneId: r.zone_id, buildingId: r.building_id }));
  const en = staff.i18n.locale === 'en';
  const fmt = (d: Date) => d.toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: staff.estate.time_zone, dateStyle: 'short', timeStyle: 'short' });
  // Confirm and reject are the chat's 确认 / 驳回 with the ref: a claim's P12, a binding's B3.
  const card = (ref: string, line: string, at: Date) => html`<div class="card" id="${ref}"><div><strong>${line}</strong> <span class="muted">${fmt(at)}</span></div>
<div class="row"><form method="post" action="/actions/confirm" class="inline">${formFields(staff, newFormToken())}<input type="hidden" name="ref" value="${ref}"><button type="submit">${t('web_confirm')}</button></form>
<form method="post" action="/actions/reject" class="row">${formFields(staff, newFormToken())}<input type="hidden" name="ref" value="${ref}"><input name="note" maxlength="200" placeholder="${t('web_reason')}"><button type="submit" class="secondary">${t('web_reject')}</button></form></div></div>`;
  const none = html`<p class="muted">${t('web_none')}</p>`;
  const claims = mine.length === 0 ? none : mine.map((r) => card(`P${r.id}`, t('web_claim_line', { ref: `P${r.id}`, room: r.room_code, yuan: yuan(r.amount_fen), months: r.months }), r.created_at));
  const binds = bindings.length === 0 ? none : bindings.map((r) => card(`B${r.id}`, t('web_binding_line', { ref: `B${r.id}`, room: r.room_code, name: r.display_name ?? '' }), r.created_at));
  const list = html`${claims}<h2>${t('web_bindings_title')}</h2>${binds}`;
  return staffPage(staff, t('web_claims_title'), html`<h1>${t('web_claims_title')}</h1>${flash ?? ''}${list}`);
}

/** Binding requests waiting for a decision in the staff member's estate, oldest first. */
function pendingBindings(deps: WebDeps, staff: StaffContext) {
  return deps.db
    .selectFrom('bindings as bi')
    .innerJoin('households as h', 'h.id', 'bi.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .innerJoin('members as m', 'm.id', 'bi.member_id')
    .select(['bi.id', 'bi.created_at', 'h.room_code', 'b.id as building_id', 'b.zone_id', 'm.display_name'])
    .where('h.estate_id', '=', staff.estate.id)
    .where('bi.status', '=', 'pending')
    .orderBy('bi.id')
    .limit(500)
    .execute();
}
