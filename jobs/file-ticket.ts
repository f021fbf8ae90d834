import { sql } from 'kysely';
import { userText } from '../src/i18n/user-text.js';
import { maskPersonalData } from '../src/privacy/mask.js';
import { tellOwner } from '../src/tickets/audience.js';
import { classifyComplaint, type TicketCategory } from '../src/text/ticket-categories.js';
import { categoryLabel, ownerLabel } from '../src/tickets/describe.js';
import { localTime } from '../src/time/local-time.js';
import { isMeaningfulComplaint } from '../src/tickets/meaningful.js';
import { NoticeBatch } from '../src/tickets/notify.js';
import { attachImages } from '../src/tickets/photos.js';
import { placeOfComplaint, buildingCode } from '../src/tickets/place.js';
import { openTicket } from '../src/tickets/open-ticket.js';
import { addEvent, reporterCount, ticketRef } from '../src/tickets/repository.js';
import { IN_PLAY } from '../src/tickets/statuses.js';
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
  const place = await placeOfComplaint(ctx.tx, ctx.estate.id, text, ctx.member.id, {
    buildingId: ctx.scope.buildingId,
    zoneId: ctx.scope.zoneId,
  });
  const here = { platform: ctx.job.platform, chatId: ctx.job.chatId };
  const batch = new NoticeBatch();

  if (place.buildingId !== null) {
    // Two neighbours reporting the same thing at once must end up on one ticket.
    await sql`select pg_advisory_xact_lock(hashtext(${`ticket:${ctx.estate.id}:${place.buildingId}:${category}`}))`.execute(ctx.tx);
    const open = await ctx.tx
      .selectFrom('tickets')
      .selectAll()
      .where('estate_id', '=', ctx.estate.id)
      .where('building_id', '=', place.buildingId)
      .where('category', '=', category)
      .where('status', 'in', IN_PLAY)
      .orderBy('id')
      .forUpdate()
      .executeTakeFirst();
    if (open) {
      const ref = ticketRef(open.id);
      const joined = await ctx.tx
        .insertInto('ticket_reporters')
        .values({ ticket_id: open.id, member_id: ctx.member.id, platform: ctx.job.platform, chat_id: ctx.job.chatId, source_key: ctx.job.key, created_at: ctx.now })
        .onConflict((c) => c.columns(['ticket_id', 'member_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      await attachImages(ctx.tx, open.id, ctx.member.id, ctx.job, ctx.now);
      if (!joined) return ctx.reply(t('ticket_already_reported', { ref }));
      await addEvent(ctx.tx, open.id, 'joined', ctx.member.id, ctx.now, { text });
      await ctx.tx.updateTable('tickets').set({ updated_at: ctx.now }).where('id', '=', open.id).execute();
      const count = await reporterCount(ctx.tx, open.id);
      batch.add(here, t('ticket_joined', { ref, category: categoryLabel(t, category), count }));
      await tellOwner(ctx.tx, batch, open, t('ticket_joined_owner', { ref, count }));
      return batch.sendVia(ctx);
    }
  }

  const ticket = await openTicket(ctx.tx, {
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
  batch.add(here, t('ticket_filed', { ref, category: label, owner: await ownerLabel(ctx.tx, t, ticket), acceptBy, photos }));
  const building = place.buildingCode !== undefined ? place.buildingCode : await buildingCode(ctx.tx, place.buildingId);
  await tellOwner(ctx.tx, batch, ticket, t('ticket_new_for_owner', { ref, category: label, building, text: userText(text, 500), acceptBy }));
  batch.sendVia(ctx);
}
