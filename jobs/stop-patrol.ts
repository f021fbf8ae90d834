import { patrolMinutes } from '../src/grid/patrol-minutes.js';
import { endPatrol, openPatrolOf, patrolCounts } from '../src/grid/patrol-repository.js';
import { patrolSettings } from '../src/grid/patrol-settings.js';
import { todayMinutes } from '../src/grid/today-minutes.js';
import { commandProcessor } from './run-command.js';

/** 结束巡查 (/patrol stop): the patrol ends; its minutes and today's total against the target. */
export const stopPatrol = commandProcessor('patrol-stop', async (ctx) => {
  const { t } = ctx.i18n;
  const open = await openPatrolOf(ctx.tx, ctx.member.id);
  if (!open) return ctx.reply(t('patrol_none_open'));
  const s = await patrolSettings(ctx.tx, ctx.estate.id);
  const ended = await endPatrol(ctx.tx, open, ctx.now, s.autoCloseMinutes);
  await ctx.audit('patrol.stop', `patrol-${ended.id}`, { autoClosed: ended.auto_closed });
  const counts = await patrolCounts(ctx.tx, ended.id);
  ctx.reply(
    t('patrol_stopped', {
      minutes: patrolMinutes({ startedAt: ended.started_at, endedAt: ended.ended_at }, ctx.now, s.autoCloseMinutes),
      notes: counts.notes,
      points: counts.points,
      today: await todayMinutes(ctx.tx, ctx.member.id, ctx.estate.time_zone, ctx.now, s.autoCloseMinutes),
      target: s.targetMinutes,
      auto: ended.auto_closed,
    }),
  );
});
