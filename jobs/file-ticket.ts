import { userText } from '../src/i18n/user-text.js';
import { maskPersonalData } from '../src/privacy/mask.js';
import { tellPeople } from '../src/tickets/audience.js';
import { classifyComplaint, type TicketCategory } from '../src/text/ticket-categories.js';
import { categoryLabel, ownerLabelOf } from '../src/tickets/describe.js';
import { localTime } from '../src/time/local-time.js';
import { joinTicket, lockOpenTicket, type OpenTicket } from '../src/tickets/join-ticket.js';
import { isMeaningfulComplaint } from '../src/tickets/meaningful.js';
import { NoticeBatch } from '../src/tickets/notify.js';
import { attachImages } from '../src/tickets/photos.js';
import { lockPlaceOfComplaint } from '../src/tickets/place.js';
import { openTicket } from '../src/tickets/open-ticket.js';
import { ticketRef } from '../src/tickets/repository.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';

/**
 * 投诉 8栋楼道堆放杂物: file a ticket owned by the grid worker of the problem's zone (else the
 * admins), or join the open ticket of the same category in the same building.
 */
export const fileTicket = commandProcessor('complain', (ctx) => fileComplaint(ctx, ctx.job.command.text ?? ''));

/** File `said` as a complaint of the member in ctx (投诉, or a ticket offer they said 是 to, in the category offered). */
export async function fileComplaint(ctx: CommandContext, said: string, offered?: TicketCategory): Promise<void> {
  const { t } = ctx.i18n;
  const text = maskPersonalData(said);
  if (!isMeaningfulComplaint(text)) return ctx.reply(t('ticket_meaningless'));
  const category = offered ?? classifyComplaint(text);
  // Two neighbours reporting the same thing at once must end up on one ticket: the place's lock first.
  const place = await lockPlaceOfComplaint(ctx.tx, ctx.estate.id, text, ctx.member.id, { buildingId: ctx.scope.buildingId, zoneId: ctx.scope.zoneId }, category);
  if (place.buildingId !== null) {
    const open = await lockOpenTicket(ctx.tx, ctx.estate.id, place.buildingId, category);
    if (open) return joinComplaint(ctx, open, text, category);
  }

  const here = { platform: ctx.job.platform, chatId: ctx.job.chatId };
  const { ticket, owner, audience } = await openTicket(ctx.tx, {
    estateId: ctx.estate.id,
    category,
    text,
    place,
    reporterId: ctx.member.id,
    origin: here,
    sourceKey: ctx.job.key,
    now: ctx.now,
  });
  const photos = await attachImages(ctx.tx, ticket.id, ctx.member.id, ctx.job, ctx.now);
  const ref = ticketRef(ticket.id);
  const label = categoryLabel(t, category);
  const acceptBy = localTime(ticket.accept_due_at, ctx.estate.time_zone);
  const batch = new NoticeBatch();
  batch.add(here, t('ticket_filed', { ref, category: label, owner: ownerLabelOf(t, ticket, owner), acceptBy, photos }));
  tellPeople(batch, audience, ticket, t('ticket_new_for_owner', { ref, category: label, building: place.buildingCode, text: userText(text, 500), acceptBy }));
  batch.sendVia(ctx);
}

/** A repeat report: the member joins the open ticket (once), its photos are kept, its owner is told. */
async function joinComplaint(ctx: CommandContext, open: OpenTicket, text: string, category: TicketCategory): Promise<void> {
  const { t } = ctx.i18n;
  const ref = ticketRef(open.id);
  const here = { platform: ctx.job.platform, chatId: ctx.job.chatId };
  // The photos first: their event comes before the 'joined' one, as it always has.
  await attachImages(ctx.tx, open.id, ctx.member.id, ctx.job, ctx.now);
  const { joined, count } = await joinTicket(ctx.tx, open.id, { memberId: ctx.member.id, origin: here, sourceKey: ctx.job.key, text, now: ctx.now });
  if (!joined) return ctx.reply(t('ticket_already_reported', { ref }));
  const batch = new NoticeBatch();
  batch.add(here, t('ticket_joined', { ref, category: categoryLabel(t, category), count }));
  tellPeople(batch, open.audience, open, t('ticket_joined_owner', { ref, count }));
  batch.sendVia(ctx);
}
