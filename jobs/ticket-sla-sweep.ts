import { sql } from 'kysely';
import type { Estate, Ticket, TicketSlaMark } from '../src/db/database.js';
import type { Locale } from '../src/commands/locale.js';
import { translator } from '../src/i18n/translator.js';
import type { TicketSweepJob } from '../src/queue/job-data.js';
import { tellAdmins, tellCommittee, tellOwner } from '../src/tickets/audience.js';
import { categoryLabel, ownerLabel } from '../src/tickets/describe.js';
import { localTime } from '../src/time/local-time.js';
import { NoticeBatch } from '../src/tickets/notify.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { writeReplies } from '../src/outbox/write-outbox.js';
import { buildingCode } from '../src/tickets/place.js';
import { addEvent, reporterCount, ticketRef } from '../src/tickets/repository.js';
import { REMIND_AT_SHARE } from '../src/tickets/sla.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/** Outbox keys of the sweep start with this (deterministic per ticket, cycle and mark). */
const KEY_PREFIX = 'tkt-sla-';
const BATCH = 500;
/** Escalation levels: 1 when not accepted in time, 2 when not resolved in time. */
const LEVEL: Partial<Record<TicketSlaMark, number>> = { accept_escalation: 1, resolve_escalation: 2 };

/** A row of the sweep's query, in the column types of the tickets table. */
type Due = Pick<Ticket, 'id' | 'cycle'> & { mark: TicketSlaMark };

/**
 * The scheduled SLA sweep: reminds owners before a ticket is due and escalates to the admins
 * once it is overdue. The (ticket, cycle, mark) row decides that each happens once, however
 * often the sweep runs, on however many workers; the time comes from deps.clock.
 */
export async function ticketSlaSweep(data: TicketSweepJob, deps: WorkerDeps, _info?: JobInfo): Promise<void> {
  const now = deps.clock.now();
  const due = await dueMarks(deps, data.estateId, now);
  for (const d of due) await applyMark(deps, d, now);
  // Also re-sends what a crash between a commit and its enqueue left pending.
  await handOverPending(deps, { prefix: KEY_PREFIX, since: new Date(now.getTime() - 24 * 3600_000) });
}

/** Every (ticket, mark) whose time has come and that has not happened in the ticket's current cycle. */
async function dueMarks(deps: WorkerDeps, estateId: number | null, now: Date): Promise<Due[]> {
  const { rows } = await sql<Due>`
    select t.id, t.cycle, m.mark
    from tickets t
    cross join (values ('accept_reminder'), ('accept_escalation'), ('resolve_reminder'), ('resolve_escalation')) as m(mark)
    where t.status in ('open', 'accepted')
      and (${estateId}::int is null or t.estate_id = ${estateId}::int)
      and case m.mark
        when 'accept_reminder' then t.status = 'open' and t.accept_due_at > ${now}
          and ${now} >= t.cycle_started_at + (t.accept_due_at - t.cycle_started_at) * ${REMIND_AT_SHARE}::float8
        when 'accept_escalation' then t.status = 'open' and ${now} >= t.accept_due_at
        when 'resolve_reminder' then t.resolve_due_at > ${now}
          and ${now} >= t.cycle_started_at + (t.resolve_due_at - t.cycle_started_at) * ${REMIND_AT_SHARE}::float8
        else ${now} >= t.resolve_due_at
      end
      and not exists (select 1 from ticket_sla_marks s where s.ticket_id = t.id and s.cycle = t.cycle and s.mark = m.mark)
    order by t.id, m.mark
    limit ${BATCH}`.execute(deps.db);
  return rows;
}

/** One reminder or escalation, in its own transaction: the mark row, a history line, the messages. */
async function applyMark(deps: WorkerDeps, d: Due, now: Date): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const ticket = await tx.selectFrom('tickets').selectAll().where('id', '=', d.id).forUpdate().executeTakeFirst();
    // Accepted, resolved or reopened since the query: nothing to do for that cycle any more.
    if (!ticket || ticket.cycle !== d.cycle || !['open', 'accepted'].includes(ticket.status)) return;
    if (d.mark.startsWith('accept_') && ticket.status !== 'open') return;
    const fresh = await tx
      .insertInto('ticket_sla_marks')
      .values({ ticket_id: d.id, cycle: d.cycle, mark: d.mark, created_at: now })
      .onConflict((c) => c.columns(['ticket_id', 'cycle', 'mark']).doNothing())
      .returning('mark')
      .executeTakeFirst();
    if (!fresh) return;
    const estate: Estate = await tx.selectFrom('estates').selectAll().where('id', '=', ticket.estate_id).executeTakeFirstOrThrow();
    const { t } = translator(estate.locale as Locale);
    const ref = ticketRef(ticket.id);
    const category = categoryLabel(t, ticket.category);
    const stage = d.mark.startsWith('accept_') ? 'accept' : 'resolve';
    const dueAt = localTime(stage === 'accept' ? ticket.accept_due_at : ticket.resolve_due_at, estate.time_zone);
    const batch = new NoticeBatch();
    const level = LEVEL[d.mark];
    if (level === undefined) {
      await addEvent(tx, ticket.id, 'reminded', null, now, { stage, cycle: d.cycle });
      await tellOwner(tx, batch, ticket, t(stage === 'accept' ? 'ticket_remind_accept' : 'ticket_remind_resolve', { ref, category, due: dueAt }));
    } else {
      await addEvent(tx, ticket.id, 'escalated', null, now, { stage, level, cycle: d.cycle });
      await tx.updateTable('tickets').set({ escalation_level: Math.max(ticket.escalation_level, level), updated_at: now }).where('id', '=', ticket.id).execute();
      const text = t('ticket_escalated', {
        ref,
        category,
        building: await buildingCode(tx, ticket.building_id),
        owner: await ownerLabel(tx, t, ticket),
        stage,
        due: dueAt,
        count: await reporterCount(tx, ticket.id),
        level,
      });
      await tellAdmins(tx, batch, ticket, text);
      // A property company's ticket escalates to the committee as well as to the community.
      if (ticket.property_company_id !== null) await tellCommittee(tx, batch, ticket, text);
    }
    await writeReplies(tx, `${KEY_PREFIX}${ticket.id}-c${d.cycle}-${d.mark}`, batch.all(), now);
  });
}
