import { maskPersonalData } from '../src/privacy/mask.js';
import { userText } from '../src/i18n/user-text.js';
import { tellReporters } from '../src/tickets/audience.js';
import { NoticeBatch } from '../src/tickets/notify.js';
import { addEvent, ticketRef } from '../src/tickets/repository.js';
import { commandProcessor } from './run-command.js';
import { ticketForStaff } from './ticket-for-staff.js';

/** 完成 T7 已清理: staff resolve a ticket with a note; the reporter is asked to rate it. */
export const resolveTicket = commandProcessor('resolve', async (ctx) => {
  const { t } = ctx.i18n;
  const ticket = await ticketForStaff(ctx);
  if (!ticket) return;
  const ref = ticketRef(ticket.id);
  if (ticket.status === 'resolved' || ticket.status === 'closed') {
    return ctx.reply(t('ticket_is_done', { ref, status: t('ticket_status', { status: ticket.status }) }));
  }
  const note = ctx.job.command.text === null ? null : maskPersonalData(ctx.job.command.text);
  await ctx.tx
    .updateTable('tickets')
    .set({ status: 'resolved', owner_member_id: ticket.owner_member_id ?? ctx.member.id, updated_at: ctx.now })
    .where('id', '=', ticket.id)
    .execute();
  await addEvent(ctx.tx, ticket.id, 'resolved', ctx.member.id, ctx.now, { note });
  await ctx.audit('ticket.resolve', ref, { note });
  const batch = new NoticeBatch();
  batch.add({ platform: ctx.job.platform, chatId: ctx.job.chatId }, t('ticket_resolved', { ref }));
  await tellReporters(ctx.tx, batch, ticket.id, () => t('ticket_resolved_reporter', { ref, note: note && userText(note) }));
  batch.sendVia(ctx);
});
