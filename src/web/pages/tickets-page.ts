import { html } from 'hono/html';
import type { Ticket } from '../../db/database.js';
import { categoryLabel } from '../../tickets/describe.js';
import { localTime } from '../../time/local-time.js';
import { canChangeTicket } from '../../tickets/permissions.js';
import { ticketIdOf, ticketRef } from '../../tickets/repository.js';
import { IN_PLAY } from '../../tickets/statuses.js';
import type { Html } from '../page.js';
import { zonesInReach, type StaffContext } from '../staff-context.js';
import { isTicketCategory, TICKET_CATEGORIES } from '../../text/ticket-categories.js';
import { formFields, staffPage } from '../staff-page.js';
import { newFormToken } from '../web-command.js';
import type { WebDeps } from '../web-deps.js';

function dueOf(tk: Pick<Ticket, 'status' | 'accept_due_at' | 'resolve_due_at'>): Date | null {
  return tk.status === 'open' ? tk.accept_due_at : tk.status === 'accepted' ? tk.resolve_due_at : null;
}

function when(staff: StaffContext, at: Date): string {
  const l = localTime(at, staff.estate.time_zone);
  return staff.i18n.locale === 'en' ? l.en : l.zh;
}

/** Which tickets the list shows: in play (open or accepted), in play and past due, or every one. */
export const TICKET_VIEWS = ['open', 'overdue', 'all'] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

/** The list's filters as they come in the query string (?status=overdue&zone=2&category=leak_drain); bad values are ignored. */
export interface TicketFilters {
  status?: string;
  zone?: string;
  category?: string;
}

/**
 * The tickets this staff member may change (canChangeTicket, as the chat's 受理/完成 check it), by
 * status, zone and category; in-play ones by due time. A zone outside a grid worker's reach
 * shows nothing: the filter narrows, it never widens.
 */
export async function ticketsPage(deps: WebDeps, staff: StaffContext, f: TicketFilters): Promise<Html> {
  const { t } = staff.i18n;
  const now = deps.clock.now();
  const view: TicketView = (TICKET_VIEWS as readonly string[]).includes(f.status ?? '') ? (f.status as TicketView) : 'open';
  const zoneId = f.zone && /^\d+$/.test(f.zone) ? Number(f.zone) : null;
  const category = f.category && isTicketCategory(f.category) ? f.category : null;
  const reach = zonesInReach(staff.roles);
  const [rows, buildings, zones] = await Promise.all([
    deps.db
      .selectFrom('tickets')
      .selectAll()
      .where('estate_id', '=', staff.estate.id)
      .$if(view !== 'all', (q) => q.where('status', 'in', IN_PLAY))
      .$if(view === 'overdue', (q) =>
        q.where((eb) => eb.or([eb.and([eb('status', '=', 'open'), eb('accept_due_at', '<=', now)]), eb.and([eb('status', '=', 'accepted'), eb('resolve_due_at', '<=', now)])])),
      )
      .$if(zoneId !== null, (q) => q.where('zone_id', '=', zoneId))
      .$if(category !== null, (q) => q.where('category', '=', category!))
      .orderBy(view === 'all' ? 'id' : 'resolve_due_at', view === 'all' ? 'desc' : 'asc')
      .limit(1000)
      .execute(),
    deps.db.selectFrom('buildings').select(['id', 'code']).where('estate_id', '=', staff.estate.id).execute(),
    deps.db.selectFrom('zones').select(['id', 'name']).where('estate_id', '=', staff.estate.id).orderBy('id').execute(),
  ]);
  const code = new Map(buildings.map((b) => [b.id, b.code]));
  const mine = rows.filter((r) => canChangeTicket(staff.roles, staff.member.id, r)).slice(0, 200);
  // Admins choose among every zone; a grid worker among hers, when she has more than one.
  const zoneChoices = reach === null ? zones : zones.filter((z) => reach.includes(z.id));
  const viewWords: Record<TicketView, string> = { open: t('web_tickets_in_play'), overdue: t('web_overdue_mark'), all: t('web_all') };
  const filter = html`<form method="get" action="/tickets" class="row">
<select name="status" aria-label="${t('web_col_status')}">${TICKET_VIEWS.map((v) => html`<option value="${v}" ${v === view ? 'selected' : ''}>${viewWords[v]}</option>`)}</select>
${zoneChoices.length > 1 ? html`<select name="zone" aria-label="${t('web_col_zone')}"><option value="">${t('web_col_zone')}: ${t('web_all')}</option>${zoneChoices.map((z) => html`<option value="${z.id}" ${z.id === zoneId ? 'selected' : ''}>${z.name}</option>`)}</select>` : ''}
<select name="category" aria-label="${t('web_col_category')}"><option value="">${t('web_col_category')}: ${t('web_all')}</option>${TICKET_CATEGORIES.map((c) => html`<option value="${c}" ${c === category ? 'selected' : ''}>${categoryLabel(t, c)}</option>`)}</select>
<button type="submit">${t('web_filter')}</button></form>`;
  const table = mine.length === 0
    ? html`<p class="muted">${t('web_none')}</p>`
    : html`<div class="scroll"><table><thead><tr><th>${t('web_col_ref')}</th><th>${t('web_col_category')}</th><th>${t('web_col_building')}</th><th>${t('web_col_status')}</th><th>${t('web_col_due')}</th></tr></thead><tbody>
${mine.map((r) => {
  const due = dueOf(r);
  const late = due !== null && due.getTime() <= now.getTime();
  return html`<tr><td><a href="/tickets/${ticketRef(r.id)}">${ticketRef(r.id)}</a></td><td>${categoryLabel(t, r.category)}</td><td>${r.building_id === null ? '' : (code.get(r.building_id) ?? '')}</td><td>${t('ticket_status', { status: r.status })}</td><td class="${late ? 'warn' : ''}">${due ? when(staff, due) : ''}${late ? ` · ${t('web_overdue_mark')}` : ''}</td></tr>`;
})}
</tbody></table></div>`;
  return staffPage(staff, t('web_tickets_title'), html`<h1>${t('web_tickets_title')}</h1>${filter}${table}`);
}

/** One ticket with its history and the accept/resolve buttons; null when it is not this staff member's to see. */
export async function ticketPage(deps: WebDeps, staff: StaffContext, ref: string, flash: Html | null): Promise<Html | null> {
  const { t } = staff.i18n;
  const id = ticketIdOf(ref.toUpperCase());
  if (id === null) return null;
  const tk = await deps.db.selectFrom('tickets').selectAll().where('id', '=', id).where('estate_id', '=', staff.estate.id).executeTakeFirst();
  if (!tk || !canChangeTicket(staff.roles, staff.member.id, tk)) return null;
  const [events, building, reporters] = await Promise.all([
    deps.db.selectFrom('ticket_events').select(['kind', 'detail', 'created_at']).where('ticket_id', '=', id).orderBy('id').execute(),
    tk.building_id === null ? null : deps.db.selectFrom('buildings').select('code').where('id', '=', tk.building_id).executeTakeFirst(),
    deps.db.selectFrom('ticket_reporters').select((e) => e.fn.countAll<string>().as('n')).where('ticket_id', '=', id).executeTakeFirstOrThrow(),
  ]);
  const r = ticketRef(tk.id);
  const due = dueOf(tk);
  const actions = [
    tk.status === 'open'
      ? html`<form method="post" action="/actions/accept">${formFields(staff, newFormToken())}<input type="hidden" name="ref" value="${r}"><button type="submit">${t('web_accept')}</button></form>`
      : '',
    IN_PLAY.includes(tk.status)
      ? html`<form method="post" action="/actions/resolve" class="row">${formFields(staff, newFormToken())}<input type="hidden" name="ref" value="${r}"><input name="note" maxlength="500" placeholder="${t('web_note')}" size="24"><button type="submit">${t('web_resolve')}</button></form>`
      : '',
  ];
  const history = events.map((e) => {
    const note = typeof e.detail?.note === 'string' ? e.detail.note : null;
    return html`<tr><td>${when(staff, e.created_at)}</td><td>${t('web_event', { kind: e.kind })}${note ? html` <span class="muted">${note}</span>` : ''}</td></tr>`;
  });
  return staffPage(
    staff,
    r,
    html`<h1>${r} · ${categoryLabel(t, tk.category)}</h1>${flash ?? ''}
<div class="card"><p>${tk.text}</p>
<p class="muted">${building ? `${t('web_col_building')} ${building.code} · ` : ''}${t('ticket_status', { status: tk.status })}${due ? ` · ${t('web_col_due')} ${when(staff, due)}` : ''} · ${t('web_reporters', { n: Number(reporters.n) })}</p>
${actions}</div>
<h2>${t('web_ticket_history')}</h2><table><tbody>${history}</tbody></table>`,
  );
}
