import { commandAs } from '../src/commands/parsed-command.js';
import { maskPersonalData } from '../src/privacy/mask.js';
import { userText } from '../src/i18n/user-text.js';
import { tellOwner } from '../src/tickets/audience.js';
import { localTime } from '../src/time/local-time.js';
import { NoticeBatch } from '../src/tickets/notify.js';
import { canRateTicket } from '../src/tickets/permissions.js';
import { addEvent, lockTicket, reportersOf } from '../src/tickets/repository.js';
import { dueTimes, slaFor } from '../src/tickets/sla.js';
import { isTicketCategory } from '../src/text/ticket-categories.js';
import { commandProcessor } from './run-command.js';

/** Ratings at or below this reopen the ticket. */
const REOPEN_AT_OR_BELOW = 2;

/**
 * 评价 T7 5: the reporter's verdict on a resolved ticket. 3–5 closes it; 1–2 reopens it (a new
 * SLA cycle) and tells its owner.
 */
export const rateTicket = commandProcessor('rate', async (ctx) => {
  const { t } = ctx.i18n;
  const { ref } = commandAs(ctx.job.command, 'rate');
  const rating = ctx.job.command.rating;
  if (rating === null || !Number.isInteger(rating) || rating < 1 || rating > 5) return ctx.reply(t('rating_invalid'));
  const ticket = await lockTicket(ctx.tx, ctx.estate.id, ref);
  if (!ticket) return ctx.reply(t('ticket_not_found', { ref }));
  const reporters = (await reportersOf(ctx.tx, ticket.id)).map((r) => r.memberId);
  if (!canRateTicket(ctx.member.id, ticket, reporters)) return ctx.reply(t('ticket_rate_not_reporter', { ref }));
  if (ticket.status === 'closed') return ctx.reply(t('ticket_already_rated', { ref }));
  if (ticket.status !== 'resolved') return ctx.reply(t('ticket_rate_not_yet', { ref }));
  const comment = ctx.job.command.text === null ? null : maskPersonalData(ctx.job.command.text);
  await addEvent(ctx.tx, ticket.id, 'rated', ctx.member.id, ctx.now, { rating, note: comment });
  const here = { platform: ctx.job.platform, chatId: ctx.job.chatId };
  const batch = new NoticeBatch();
  if (rating > REOPEN_AT_OR_BELOW) {
    await ctx.tx.updateTable('tickets').set({ status: 'closed', rating, updated_at: ctx.now }).where('id', '=', ticket.id).execute();
    await addEvent(ctx.tx, ticket.id, 'closed', null, ctx.now);
    batch.add(here, t('ticket_rated_closed', { ref, rating }));
    await tellOwner(ctx.tx, batch, ticket, t('ticket_rated_owner', { ref, rating }));
    return batch.sendVia(ctx);
  }
  // Not fixed: back to the owner, with fresh due times and fresh reminders/escalations.
  const category = isTicketCategory(ticket.category) ? ticket.category : 'other';
  const due = dueTimes(ctx.now, await slaFor(ctx.tx, ctx.estate.id, category));
  await ctx.tx
    .updateTable('tickets')
    .set({
      status: 'open',
      rating,
      cycle: ticket.cycle + 1,
      cycle_started_at: ctx.now,
      accept_due_at: due.acceptDueAt,
      resolve_due_at: due.resolveDueAt,
      escalation_level: 0,
      updated_at: ctx.now,
    })
    .where('id', '=', ticket.id)
    .execute();
  await addEvent(ctx.tx, ticket.id, 'reopened', null, ctx.now, { rating, cycle: ticket.cycle + 1 });
  batch.add(here, t('ticket_rated_reopened', { ref, rating }));
  const acceptBy = localTime(due.acceptDueAt, ctx.estate.time_zone);
  await tellOwner(ctx.tx, batch, ticket, t('ticket_reopened_owner', { ref, rating, comment: comment && userText(comment), acceptBy }));
  batch.sendVia(ctx);
});
