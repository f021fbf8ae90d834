import { councilNoticeLines } from '../src/council/notice-lines.js';
import { buildNotice } from '../src/notices/build-notice.js';
import { loadNoticeData } from '../src/notices/notice-data.js';
import { isStaff } from '../src/ledger/permissions.js';
import { commandProcessor } from './run-command.js';

/**
 * 公示 / /notice: staff post the notice now, covering the last seven days. The weekly one still
 * goes out as scheduled.
 */
export const postNoticeNow = commandProcessor('notice', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isStaff(ctx.roles)) return ctx.reply(t('staff_only'));
  const from = new Date(ctx.now.getTime() - 7 * 86_400_000);
  // In private, a grid worker previews their zone; in a group, the group's scope.
  const zone = ctx.roles.find((r) => r.role === 'grid_worker')?.zoneId ?? null;
  const admin = ctx.roles.some((r) => r.role === 'admin');
  const scope = ctx.group ? ctx.scope : { estateId: ctx.estate.id, zoneId: admin ? null : zone, buildingId: null };
  // Up to and including this moment (periods are half-open).
  const data = await loadNoticeData(ctx.tx, ctx.estate, scope, from, new Date(ctx.now.getTime() + 1), false);
  ctx.reply(buildNotice(data, t, await councilNoticeLines(ctx.tx, ctx.estate, ctx.now, t)));
  await ctx.audit('notice.post', ctx.group ? `group-${ctx.group.id}` : 'private');
});
