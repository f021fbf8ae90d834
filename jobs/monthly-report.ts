import { monthlyFigures } from '../src/performance/monthly-figures.js';
import { renderReport } from '../src/performance/render-report.js';
import { reportMonth } from '../src/performance/report-month.js';
import { commandProcessor } from './run-command.js';

/** 月报 [2026-11] (/report): the month's figures per grid worker and property company, for admins and the committee. */
export const monthlyReport = commandProcessor('report', async (ctx) => {
  const { t } = ctx.i18n;
  if (!ctx.roles.some((r) => r.role === 'admin' || r.role === 'committee')) return ctx.reply(t('report_who'));
  const month = reportMonth(ctx.job.command.text, ctx.now, ctx.estate.time_zone);
  if (month === null) return ctx.reply(t('report_month_invalid'));
  const figures = await monthlyFigures(ctx.tx, ctx.estate, month, ctx.now);
  ctx.reply(renderReport(t, figures, ctx.estate.name));
});
