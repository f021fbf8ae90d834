import { tellReporters } from '../src/tickets/audience.js';
import { categoryLabel, ownerLabel } from '../src/tickets/describe.js';
import { localTime } from '../src/time/local-time.js';
import { NoticeBatch } from '../src/tickets/notify.js';
import { addEvent, ticketRef } from '../src/tickets/repository.js';
import { commandProcessor } from './run-command.js';
import { ticketForStaff } from './ticket-for-staff.js';

/** 受理 T7: staff take a ticket up (and own it from then on); its reporters are told. */
export const acceptTicket = commandProcessor('accept', async (ctx) => {
  const { t } = ctx.i18n;
  const ticket = await ticketForStaff(ctx);
  if (!ticket) return;
  const ref = ticketRef(ticket.id);
  if (ticket.status === 'accepted') return ctx.reply(t('ticket_already_accepted', { ref }));
  if (ticket.status !== 'open') return ctx.reply(t('ticket_is_done', { ref, status: t('ticket_status', { status: ticket.status }) }));
  const updated = await ctx.tx
    .updateTable('tickets')
    .set({ status: 'accepted', owner_member_id: ctx.member.id, updated_at: ctx.now })
    .where('id', '=', ticket.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addEvent(ctx.tx, ticket.id, 'accepted', ctx.member.id, ctx.now);
  await ctx.audit('ticket.accept', ref);
  const batch = new NoticeBatch();
  batch.add({ platform: ctx.job.platform, chatId: ctx.job.chatId }, t('ticket_accepted', { ref, resolveBy: localTime(updated.resolve_due_at, ctx.estate.time_zone) }));
  const owner = await ownerLabel(ctx.tx, t, updated);
  const category = categoryLabel(t, updated.category);
  await tellReporters(ctx.tx, batch, ticket.id, () => t('ticket_accepted_reporter', { ref, category, owner }));
  batch.sendVia(ctx);
});
