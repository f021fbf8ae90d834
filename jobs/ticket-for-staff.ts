import { commandAs } from '../src/commands/parsed-command.js';
import type { Ticket } from '../src/db/database.js';
import { canChangeTicket } from '../src/tickets/permissions.js';
import { lockTicket } from '../src/tickets/repository.js';
import type { CommandContext } from './command-context.js';

/**
 * The ticket a staff command names, locked; or null after telling the member why not
 * (not staff, no such ticket in this estate, not theirs to change).
 */
export async function ticketForStaff(ctx: CommandContext): Promise<Ticket | null> {
  const { t } = ctx.i18n;
  const { ref } = commandAs(ctx.job.command, 'accept', 'resolve');
  if (ctx.roles.every((r) => r.role === 'head')) {
    ctx.reply(t('staff_only'));
    return null;
  }
  const ticket = await lockTicket(ctx.tx, ctx.estate.id, ref);
  if (!ticket) {
    ctx.reply(t('ticket_not_found', { ref }));
    return null;
  }
  if (!canChangeTicket(ctx.roles, ctx.member.id, ticket)) {
    ctx.reply(t('ticket_not_yours', { ref }));
    return null;
  }
  return ticket;
}
