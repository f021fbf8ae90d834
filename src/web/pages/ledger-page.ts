import { html } from 'hono/html';
import { parseRoomCode } from '../../text/room-code.js';
import { readArrearsFilter, type ArrearsFilter } from '../../ledger/arrears-filter.js';
import { yuan } from '../../i18n/money.js';
import { currentMonth, monthName } from '../../time/month.js';
import { balance, type Balance } from '../../ledger/balance.js';
import { estatePlans, pricedFor } from '../../ledger/estate-plans.js';
import { compareRoomCodes } from '../../members/households.js';
import { paidMonthsByHousehold } from '../../ledger/paid-months.js';
import { canManage, canView } from '../../ledger/permissions.js';
import type { Html } from '../page.js';
import type { StaffContext } from '../staff-context.js';
import { staffPage } from '../staff-page.js';
import type { WebDeps } from '../web-deps.js';

/** The balance shown for a household the main plan does not charge (another plan's building, no floor area). */
const NOT_CHARGED: Balance = { through: null, owedMonths: 0, owedFen: 0 };

/** Ledger filters, as the query string gives them. */
export interface LedgerFilter {
  zone: string | undefined;
  building: string | undefined;
  room: string | undefined;
  /** 单元: with a building, only that unit's rooms. */
  unit: string | undefined;
  /** Only households owing at least this many months (`behind=1` is 1). */
  months: string | undefined;
  behind: boolean;
}

/**
 * The arrears filter of a ledger query, as 欠费名单 takes it (ArrearsFilter): the building, unit and
 * months fields, or the chat's own words typed in the search box (8栋2单元 欠3个月以上), which win.
 * Returns the room searched for too, when the box holds a room instead.
 */
export function ledgerQuery(f: LedgerFilter): { filter: ArrearsFilter; room: string | null } {
  const count = (s: string | undefined) => (s && /^\d{1,4}$/.test(s.trim()) && Number(s) >= 1 ? Number(s) : null);
  const fields: ArrearsFilter = { building: f.building?.trim() || null, unit: count(f.unit) === null ? null : String(count(f.unit)), minMonths: count(f.months) ?? (f.behind ? 1 : null) };
  const text = f.room?.trim() ?? '';
  if (text === '') return { filter: fields, room: null };
  const words = readArrearsFilter(text);
  const room = parseRoomCode(text);
  if (words !== 'unclear' && (room === null || words.minMonths !== null)) {
    return { filter: { building: words.building ?? fields.building, unit: words.unit ?? (words.building ? null : fields.unit), minMonths: words.minMonths ?? fields.minMonths }, room: null };
  }
  return { filter: fields, room: room ?? text };
}

/** A room code typed any way the chat accepts (8栋2单元301, ８－２－３０１) → '8-2-301'; else the text. */
export function normaliseRoom(text: string): string {
  return parseRoomCode(text) ?? text.trim();
}

/**
 * The ledger: every household the staff member may look at (canView, as 查询 checks it), with
 * paid-through and arrears; names and phones only where they may manage the household (canManage).
 */
export async function ledgerPage(deps: WebDeps, staff: StaffContext, f: LedgerFilter): Promise<Html> {
  const { t } = staff.i18n;
  const en = staff.i18n.locale === 'en';
  const estateId = staff.estate.id;
  const [plan, zones, buildings] = await Promise.all([
    estatePlans(deps.db, estateId).then((plans) => plans[0] ?? null),
    deps.db.selectFrom('zones').select(['id', 'name', 'code']).where('estate_id', '=', estateId).orderBy('id').execute(),
    deps.db.selectFrom('buildings').select(['id', 'code', 'zone_id']).where('estate_id', '=', estateId).execute(),
  ]);
  buildings.sort((a, b) => compareRoomCodes(a.code, b.code));
  const zoneId = f.zone && /^\d+$/.test(f.zone) ? Number(f.zone) : null;
  const { filter, room } = ledgerQuery(f);
  const building = filter.building ? buildings.find((b) => b.code === filter.building) ?? null : null;
  const form = html`<form method="get" action="/ledger" class="row">
<select name="zone"><option value="">${t('web_col_zone')}: ${t('web_all')}</option>${zones.map((z) => html`<option value="${z.id}" ${z.id === zoneId ? 'selected' : ''}>${z.name}</option>`)}</select>
<select name="building"><option value="">${t('web_col_building')}: ${t('web_all')}</option>${buildings.map((b) => html`<option value="${b.code}" ${b.code === building?.code ? 'selected' : ''}>${b.code}</option>`)}</select>
<input name="unit" type="number" inputmode="numeric" min="1" value="${filter.unit ?? ''}" placeholder="${t('web_unit_number')}" style="width:5em">
<input name="months" type="number" inputmode="numeric" min="1" value="${filter.minMonths ?? ''}" placeholder="${t('web_min_months')}" style="width:9em">
<input name="room" value="${f.room ?? ''}" placeholder="${t('web_search_room')}" size="18">
<button type="submit">${t('web_filter')}</button></form>`;
  if (!plan) return staffPage(staff, t('web_nav_ledger'), html`<h1>${t('web_nav_ledger')}</h1><p>${t('web_no_plan')}</p>`);

  const month = currentMonth(deps.clock.now(), staff.estate.time_zone);
  const paid = await paidMonthsByHousehold(deps.db, { estateId, zoneId, buildingId: building?.id ?? null }, plan.id);
  const rows = paid
    .map((h) => {
      // Priced and credited as 欠费名单 prices them; a household the plan does not charge owes nothing.
      const priced = pricedFor(plan, h);
      return { ...h, place: { zoneId: h.zoneId, buildingId: h.buildingId }, bal: priced ? balance(priced, h.paidMonths, month, h.creditFen) : NOT_CHARGED };
    })
    .filter((h) => canView(staff.roles, h.place))
    .filter((h) => room === null || h.roomCode === room || h.roomCode.startsWith(room + '-'))
    // 8栋2单元 欠3个月以上, as 欠费名单 narrows: a building named but not found in reach keeps nothing.
    .filter((h) => filter.building === null || (h.buildingCode === filter.building && (filter.unit === null || h.roomCode.startsWith(`${filter.building}-${filter.unit}-`))))
    .filter((h) => filter.minMonths === null || h.bal.owedMonths >= filter.minMonths)
    .sort((a, b) => compareRoomCodes(a.roomCode, b.roomCode));
  const managed = rows.filter((h) => canManage(staff.roles, h.place)).map((h) => h.householdId);
  const people = managed.length
    ? new Map((await deps.db.selectFrom('households').select(['id', 'resident_name', 'phone']).where('id', 'in', managed).execute()).map((p) => [p.id, p]))
    : new Map<number, { resident_name: string | null; phone: string | null }>();
  const zoneName = new Map(zones.map((z) => [z.id, z.name]));
  const table = html`<div class="scroll"><table><thead><tr><th>${t('web_col_room')}</th><th>${t('web_col_zone')}</th><th>${t('web_col_paid_through')}</th><th>${t('web_col_owed')}</th><th>${t('web_col_name')}</th><th>${t('web_col_phone')}</th></tr></thead><tbody>
${rows.map((h) => {
  const p = people.get(h.householdId);
  const through = h.bal === NOT_CHARGED ? '—' : h.bal.through ? (en ? monthName(h.bal.through).en : monthName(h.bal.through).zh) : t('web_never_paid');
  return html`<tr><td><a href="/ledger/${encodeURIComponent(h.roomCode)}">${h.roomCode}</a></td><td>${h.zoneId === null ? '' : (zoneName.get(h.zoneId) ?? '')}</td><td>${through}</td><td class="${h.bal.owedMonths > 0 ? 'warn' : ''}">${t('web_owed', { months: h.bal.owedMonths, yuan: yuan(h.bal.owedFen) })}</td><td>${p?.resident_name ?? ''}</td><td>${p?.phone ?? ''}</td></tr>`;
})}
</tbody></table></div>`;
  return staffPage(staff, t('web_nav_ledger'), html`<h1>${t('web_nav_ledger')} · ${plan.name}</h1>${form}<p class="muted">${t('web_households', { n: rows.length })}</p>
<form method="get" action="/export/ledger.xlsx" class="row">${zoneId !== null ? html`<input type="hidden" name="zone" value="${zoneId}">` : ''}<button type="submit">${t('web_export_ledger')}</button></form>${table}`);
}
