import { noteRef, visitsOf } from '../src/grid/field-notes.js';
import { userText } from '../src/i18n/user-text.js';
import { findHousehold } from '../src/members/households.js';
import { canManage } from '../src/ledger/permissions.js';
import { localTime } from '../src/time/local-time.js';
import { ticketRef } from '../src/tickets/repository.js';
import { commandProcessor } from './run-command.js';

/** 走访记录 8-2-301: a household's visits, for staff, and only where no resident reads along. */
export const listVisits = commandProcessor('visits', async (ctx) => {
  const { t } = ctx.i18n;
  const room = ctx.job.command.room!;
  const household = await findHousehold(ctx.tx, ctx.estate.id, room);
  if (!household) return ctx.reply(t('room_unknown', { room }));
  if (!canManage(ctx.roles, household)) return ctx.reply(ctx.roles.some((r) => r.role === 'grid_worker') ? t('not_your_zone', { room }) : t('staff_only'));
  // A visit log is never public: in a residents' group the answer is a pointer, not the log.
  if (ctx.group !== null && !ctx.group.is_staff) return ctx.reply(t('visit_private_only'));
  const visits = await visitsOf(ctx.tx, household.id);
  if (visits.length === 0) return ctx.reply(t('visits_none', { room }));
  const lines = visits.map((v) =>
    t('visits_line', { ref: noteRef(v.id), at: localTime(v.createdAt, ctx.estate.time_zone), by: v.by, text: userText(v.text, 300), ticket: v.ticketId === null ? null : ticketRef(v.ticketId) }),
  );
  ctx.reply([t('visits_header', { room, count: visits.length }), ...lines].join('\n'));
});
