import { councilNoticeLines } from '../src/council/notice-lines.js';
import { buildNotice } from '../src/notices/build-notice.js';
import { loadNoticeData } from '../src/notices/notice-data.js';
import { isStaff } from '../src/ledger/permissions.js';
import { mainFeePlan } from '../src/ledger/fee-plan.js';
import { monthTrends } from '../src/notices/month-trend.js';
import { noticeChart } from '../src/notices/notice-chart.js';
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
  const to = new Date(ctx.now.getTime() + 1);
  const data = await loadNoticeData(ctx.tx, ctx.estate, scope, from, to, false);
  const text = buildNotice(data, t, await councilNoticeLines(ctx.tx, ctx.estate, ctx.now, t));
  // With the weekly notice's chart where the worker draws charts; as text alone if it cannot.
  const plan = ctx.charts ? await mainFeePlan(ctx.tx, ctx.estate.id) : null;
  const chart = plan && ctx.charts ? await noticeChart(data, (await monthTrends(ctx.tx, ctx.estate, plan.id, [scope], to))[0], t, ctx.log, ctx.charts) : null;
  if (chart) ctx.replyWithFile(text, chart);
  else ctx.reply(text);
  await ctx.audit('notice.post', ctx.group ? `group-${ctx.group.id}` : 'private');
});
