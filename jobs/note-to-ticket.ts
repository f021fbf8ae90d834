import { latestOpenNote, noteRef } from '../src/grid/field-notes.js';
import { userText } from '../src/i18n/user-text.js';
import { maskPersonalData } from '../src/privacy/mask.js';
import { tellPeople } from '../src/tickets/audience.js';
import { classifyComplaint } from '../src/text/ticket-categories.js';
import { categoryLabel, ownerLabelOf } from '../src/tickets/describe.js';
import { localTime } from '../src/time/local-time.js';
import { NoticeBatch } from '../src/tickets/notify.js';
import { openTicket } from '../src/tickets/open-ticket.js';
import { buildingCode, buildingInText, type TicketPlace } from '../src/tickets/place.js';
import { ticketRef } from '../src/tickets/repository.js';
import type { CommandContext } from './command-context.js';
import { commandProcessor } from './run-command.js';

/** Where a note's problem is: the visited household's building, a building the note names, else the patrol's zone. */
async function placeOfNote(ctx: CommandContext, note: { householdId: number | null; patrolId: number | null; text: string }): Promise<TicketPlace> {
  if (note.householdId !== null) {
    const h = await ctx.tx.selectFrom('households as h').innerJoin('buildings as b', 'b.id', 'h.building_id').select(['b.id', 'b.zone_id']).where('h.id', '=', note.householdId).executeTakeFirstOrThrow();
    return { buildingId: h.id, zoneId: h.zone_id };
  }
  const code = buildingInText(note.text);
  if (code !== null) {
    const b = await ctx.tx.selectFrom('buildings').select(['id', 'zone_id']).where('estate_id', '=', ctx.estate.id).where('code', '=', code).executeTakeFirst();
    if (b) return { buildingId: b.id, zoneId: b.zone_id };
  }
  const patrol = note.patrolId === null ? null : await ctx.tx.selectFrom('patrols').select('zone_id').where('id', '=', note.patrolId).executeTakeFirst();
  return { buildingId: null, zoneId: patrol?.zone_id ?? null };
}

/** 转工单: the sender's latest patrol note or visit (within a day) becomes a ticket, routed as a complaint would be. */
export const noteToTicket = commandProcessor('to-ticket', async (ctx) => {
  const { t } = ctx.i18n;
  const note = await latestOpenNote(ctx.tx, ctx.member.id, ctx.now);
  if (!note) return ctx.reply(t('to_ticket_nothing'));
  const ref = noteRef(note.id);
  if (note.ticketId !== null) return ctx.reply(t('to_ticket_already', { note: ref, ticket: ticketRef(note.ticketId) }));
  const text = maskPersonalData(note.text);
  const category = classifyComplaint(text);
  const place = await placeOfNote(ctx, note);
  const here = { platform: ctx.job.platform, chatId: ctx.job.chatId };
  const { ticket, owner, audience } = await openTicket(ctx.tx, { estateId: ctx.estate.id, category, text, place, reporterId: ctx.member.id, origin: here, sourceKey: ctx.job.key, now: ctx.now });
  await ctx.tx.updateTable('field_notes').set({ ticket_id: ticket.id }).where('id', '=', note.id).execute();
  await ctx.audit('note.to_ticket', ref, { ticket: ticketRef(ticket.id) });
  const label = categoryLabel(t, category);
  const acceptBy = localTime(ticket.accept_due_at, ctx.estate.time_zone);
  const batch = new NoticeBatch();
  batch.add(here, t('to_ticket_done', { note: ref, ticket: ticketRef(ticket.id), category: label, owner: ownerLabelOf(t, ticket, owner), acceptBy }));
  if (ticket.owner_member_id !== ctx.member.id) {
    const building = await buildingCode(ctx.tx, place.buildingId);
    tellPeople(batch, audience, ticket, t('ticket_new_for_owner', { ref: ticketRef(ticket.id), category: label, building, text: userText(text, 500), acceptBy }));
  }
  batch.sendVia(ctx);
});
