import { openPatrolOf } from '../src/grid/patrol-repository.js';
import { patrolSettings } from '../src/grid/patrol-settings.js';
import { todayMinutes } from '../src/grid/today-minutes.js';
import { isStaff } from '../src/ledger/permissions.js';
import { localTime } from '../src/time/local-time.js';
import { commandProcessor } from './run-command.js';

/** 今日巡查 (/patrol): today's patrol minutes against the estate's target. */
export const showPatrol = commandProcessor('patrol-status', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const s = await patrolSettings(ctx.tx, ctx.estate.id);
  const open = await openPatrolOf(ctx.tx, ctx.member.id);
  const today = await todayMinutes(ctx.tx, ctx.member.id, ctx.estate.time_zone, ctx.now, s.autoCloseMinutes);
  ctx.reply(t('patrol_status', { today, target: s.targetMinutes, since: open ? localTime(open.started_at, ctx.estate.time_zone) : null }));
});
