import type { Ticket } from '../src/db/database.js';
import { userText } from '../src/i18n/user-text.js';
import { categoryNamed, isTicketCategory } from '../src/text/ticket-categories.js';
import { actorLabel, categoryLabel, ownerLabel, staffLabelRoles } from '../src/tickets/describe.js';
import { isStaff } from '../src/ledger/permissions.js';
import { localTime } from '../src/time/local-time.js';
import { canChangeTicket } from '../src/tickets/permissions.js';
import { photoCount } from '../src/tickets/photos.js';
import { buildingCode } from '../src/tickets/place.js';
import { addEvent, lockTicket, reporterCount, ticketRef } from '../src/tickets/repository.js';
import { dueTimes, slaFor } from '../src/tickets/sla.js';
import { IN_PLAY } from '../src/tickets/statuses.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';

const MAX_LINES = 20;
const ALL_WORDS = ['全部', '所有', '已完成', '已解决', 'all', 'closed', 'done'];

/**
 * 工单 / /tickets: staff list the open tickets they can change (admins: the estate; grid workers:
 * their zones and what they own); residents, the tickets they filed. 工单 T7 shows one ticket with
 * its history; 工单 T7 分类 漏水 re-categorises it (staff).
 */
export const listTickets = commandProcessor('tickets', async (ctx) => {
  const ref = ctx.job.command.ref;
  if (ref === null) return listing(ctx);
  const ticket = await lockTicket(ctx.tx, ctx.estate.id, ref);
  if (!ticket) return ctx.reply(ctx.i18n.t('ticket_not_found', { ref }));
  const text = ctx.job.command.text?.trim() ?? '';
  // Words after the ref re-categorise, for those who may change the ticket; anyone else just sees it.
  if (text !== '' && canChangeTicket(ctx.roles, ctx.member.id, ticket)) return recategorise(ctx, ticket, text);
  return lookUp(ctx, ticket);
});

async function listing(ctx: CommandContext): Promise<void> {
  const { t } = ctx.i18n;
  const all = ALL_WORDS.includes((ctx.job.command.text ?? '').trim().toLowerCase());
  // The committee sees every ticket of the estate, as the admins do.
  const admin = ctx.roles.some((r) => r.role === 'admin' || r.role === 'committee');
  const property = ctx.roles.some((r) => r.role === 'property');
  const zones = ctx.roles.filter((r) => r.role === 'grid_worker' && r.zoneId !== null).map((r) => r.zoneId!);
  const base = () => {
    let q = ctx.tx.selectFrom('tickets').where('estate_id', '=', ctx.estate.id);
    if (admin) return q;
    if (zones.length > 0) return q.where((eb) => eb.or([eb('zone_id', 'in', zones), eb('owner_member_id', '=', ctx.member.id)]));
    if (property) {
      const companies = ctx.tx.selectFrom('roles').select('property_company_id').where('member_id', '=', ctx.member.id).where('role', '=', 'property');
      return q.where((eb) => eb.or([eb('property_company_id', 'in', companies), eb('owner_member_id', '=', ctx.member.id)]));
    }
    return q.where('id', 'in', ctx.tx.selectFrom('ticket_reporters').select('ticket_id').where('member_id', '=', ctx.member.id));
  };
  const scoped = () => (all ? base() : base().where('status', 'in', IN_PLAY));
  let scope = t('ticket_scope_mine');
  if (admin) scope = t('ticket_scope_estate');
  else if (zones.length > 0) {
    const names = await ctx.tx.selectFrom('zones').select('name').where('id', 'in', zones).orderBy('id').execute();
    scope = t('ticket_scope_zone', { zone: names.map((z) => z.name).join('、') });
  }
  const total = Number((await scoped().select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  if (total === 0) return ctx.reply(t('ticket_list_none', { scope }));
  // Open tickets by what is due first; with 全部, the newest first.
  const rows = await (all ? scoped().selectAll().orderBy('id', 'desc') : scoped().selectAll().orderBy('resolve_due_at').orderBy('id')).limit(MAX_LINES).execute();
  const lines = [t(all ? 'ticket_list_header_all' : 'ticket_list_header', { scope, count: total })];
  for (const r of rows) {
    const due = r.status === 'open' ? r.accept_due_at : r.status === 'accepted' ? r.resolve_due_at : null;
    lines.push(
      t('ticket_list_line', {
        ref: ticketRef(r.id),
        category: categoryLabel(t, r.category),
        building: await buildingCode(ctx.tx, r.building_id),
        status: t('ticket_status', { status: r.status }),
        count: await reporterCount(ctx.tx, r.id),
        due: due ? localTime(due, ctx.estate.time_zone) : null,
        overdue: due !== null && due.getTime() <= ctx.now.getTime(),
      }),
    );
  }
  if (total > MAX_LINES) lines.push(t('ticket_list_more', { more: total - MAX_LINES }));
  ctx.reply(lines.join('\n'));
}

/** May see a ticket's detail: whoever may change it, its reporters, and the head of its building. */
async function canSee(ctx: CommandContext, ticket: Ticket): Promise<boolean> {
  if (canChangeTicket(ctx.roles, ctx.member.id, ticket)) return true;
  if (ctx.roles.some((r) => r.role === 'committee')) return true;
  if (ctx.roles.some((r) => r.role === 'head' && r.buildingId !== null && r.buildingId === ticket.building_id)) return true;
  const reporter = await ctx.tx.selectFrom('ticket_reporters').select('id').where('ticket_id', '=', ticket.id).where('member_id', '=', ctx.member.id).executeTakeFirst();
  return reporter !== undefined;
}

async function lookUp(ctx: CommandContext, ticket: Ticket): Promise<void> {
  const { t } = ctx.i18n;
  const ref = ticketRef(ticket.id);
  if (!(await canSee(ctx, ticket))) return ctx.reply(t('ticket_not_visible', { ref }));
  const lines = [
    t('ticket_detail', {
      ref,
      category: categoryLabel(t, ticket.category),
      building: await buildingCode(ctx.tx, ticket.building_id),
      status: t('ticket_status', { status: ticket.status }),
      owner: await ownerLabel(ctx.tx, t, ticket),
      text: userText(ticket.text, 500),
      count: await reporterCount(ctx.tx, ticket.id),
      photos: await photoCount(ctx.tx, ticket.id),
      rating: ticket.rating,
    }),
  ];
  const events = await ctx.tx
    .selectFrom('ticket_events as e')
    .leftJoin('members as m', 'm.id', 'e.actor_member_id')
    .select(['e.kind', 'e.detail', 'e.created_at', 'e.actor_member_id', 'm.display_name'])
    .where('e.ticket_id', '=', ticket.id)
    .orderBy('e.id')
    .execute();
  const staffRoles = await staffLabelRoles(ctx.tx, ctx.estate.id);
  const readerIsStaff = isStaff(ctx.roles);
  for (const e of events) {
    const d = e.detail as Record<string, unknown>;
    const actor = actorLabel(t, { memberId: e.actor_member_id, displayName: e.display_name }, staffRoles, readerIsStaff);
    const what = t('ticket_event', {
      kind: e.kind,
      actor,
      note: typeof d.note === 'string' ? userText(d.note) : typeof d.stage === 'string' ? d.stage : null,
      rating: typeof d.rating === 'number' ? d.rating : null,
      level: typeof d.level === 'number' ? d.level : null,
      from: typeof d.from === 'string' ? categoryLabel(t, d.from) : null,
      to: typeof d.to === 'string' ? categoryLabel(t, d.to) : null,
    });
    lines.push(t('ticket_history_line', { at: localTime(e.created_at, ctx.estate.time_zone), what }));
  }
  ctx.reply(lines.join('\n'));
}

async function recategorise(ctx: CommandContext, ticket: Ticket, text: string): Promise<void> {
  const { t } = ctx.i18n;
  const ref = ticketRef(ticket.id);
  const to = categoryNamed(text.replace(/^(?:分类|改为|改成|类别|category|recategori[sz]e|as|to)[\s:：]*/i, '').replace(/^(?:改为|改成|为|to)\s*/i, ''));
  if (to === null) return ctx.reply(t('ticket_recategorise_unknown'));
  const from = isTicketCategory(ticket.category) ? ticket.category : 'other';
  if (to === from) return ctx.reply(t('ticket_recategorise_same', { ref, category: categoryLabel(t, to) }));
  // Due times follow the new category: a safety problem filed as 'other' becomes urgent.
  const due = dueTimes(ticket.cycle_started_at, await slaFor(ctx.tx, ctx.estate.id, to));
  await ctx.tx
    .updateTable('tickets')
    .set({ category: to, accept_due_at: due.acceptDueAt, resolve_due_at: due.resolveDueAt, updated_at: ctx.now })
    .where('id', '=', ticket.id)
    .execute();
  await addEvent(ctx.tx, ticket.id, 'recategorised', ctx.member.id, ctx.now, { from, to });
  await ctx.audit('ticket.recategorise', ref, { from, to });
  ctx.reply(t('ticket_recategorised', { ref, from: categoryLabel(t, from), to: categoryLabel(t, to) }));
}
