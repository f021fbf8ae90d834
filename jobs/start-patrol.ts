import { patrolSettings } from '../src/grid/patrol-settings.js';
import { startPatrol as openPatrol } from '../src/grid/patrol-repository.js';
import { todayMinutes } from '../src/grid/today-minutes.js';
import { isStaff } from '../src/ledger/permissions.js';
import { localTime } from '../src/time/local-time.js';
import { commandProcessor } from './run-command.js';

/** 开始巡查 (/patrol start): a grid worker sets off on a patrol of their grid. */
export const startPatrol = commandProcessor('patrol-start', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const zoneId = ctx.roles.find((r) => r.role === 'grid_worker')?.zoneId ?? null;
  const { patrol, started } = await openPatrol(ctx.tx, { estateId: ctx.estate.id, memberId: ctx.member.id, zoneId, at: ctx.now, key: ctx.job.key, origin: { platform: ctx.job.platform, chatId: ctx.job.chatId } });
  const tz = ctx.estate.time_zone;
  if (!started) return ctx.reply(t('patrol_already_open', { since: localTime(patrol.started_at, tz) }));
  const s = await patrolSettings(ctx.tx, ctx.estate.id);
  await ctx.audit('patrol.start', `patrol-${patrol.id}`);
  ctx.reply(t('patrol_started', { at: localTime(ctx.now, tz), today: await todayMinutes(ctx.tx, ctx.member.id, tz, ctx.now, s.autoCloseMinutes), target: s.targetMinutes }));
});
