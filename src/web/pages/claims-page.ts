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
  const en = staff.i18n.locale === 'en';
  const fmt = (d: Date) => d.toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: staff.estate.time_zone, dateStyle: 'short', timeStyle: 'short' });
  const list = mine.length === 0
    ? html`<p class="muted">${t('web_none')}</p>`
    : mine.map((r) => {
        const ref = `P${r.id}`;
        return html`<div class="card" id="${ref}"><div><strong>${t('web_claim_line', { ref, room: r.room_code, yuan: yuan(r.amount_fen), months: r.months })}</strong> <span class="muted">${fmt(r.created_at)}</span></div>
<div class="row"><form method="post" action="/actions/confirm" class="inline">${formFields(staff, newFormToken())}<input type="hidden" name="ref" value="${ref}"><button type="submit">${t('web_confirm')}</button></form>
<form method="post" action="/actions/reject" class="row">${formFields(staff, newFormToken())}<input type="hidden" name="ref" value="${ref}"><input name="note" maxlength="200" placeholder="${t('web_reason')}"><button type="submit" class="secondary">${t('web_reject')}</button></form></div></div>`;
      });
  return staffPage(staff, t('web_claims_title'), html`<h1>${t('web_claims_title')}</h1>${flash ?? ''}${list}`);
}
