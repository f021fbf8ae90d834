import { auditLedgerExport } from '../src/books/export-audit.js';
import { exportLedger } from '../src/books/export-ledger.js';
import { isStaff } from '../src/ledger/permissions.js';
import type { CommandJob } from '../src/queue/job-data.js';
import { currentMonth } from '../src/time/month.js';
import { commandProcessor } from './run-command.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 导出台账 / /export: the 台账 as an .xlsx (the grid and every ledger row), sent privately to the
 * staff member who asked — an admin gets the estate, a grid worker each of her zones. The file holds
 * residents' names, so in a group the answer is to ask privately; the console is the operator's own
 * terminal, so it gets the file (written under the data directory, its path printed).
 */
export function exportLedgerJob(data: CommandJob, deps: WorkerDeps, info?: JobInfo): Promise<void> {
  return commandProcessor('export-ledger', async (ctx) => {
    const { t } = ctx.i18n;
    if (!isStaff(ctx.roles)) return ctx.reply(t('export_staff_only'));
    if (!ctx.job.isPrivate && ctx.job.platform !== 'console') return ctx.reply(t('export_private_only'));
    const admin = ctx.roles.some((r) => r.role === 'admin');
    const zoneIds = admin ? [null] : [...new Set(ctx.roles.filter((r) => r.role === 'grid_worker' && r.zoneId !== null).map((r) => r.zoneId as number))];
    if (zoneIds.length === 0) return ctx.reply(t('export_staff_only'));
    const month = currentMonth(ctx.now, ctx.estate.time_zone);
    for (const zoneId of zoneIds) {
      const zone = zoneId === null ? null : await ctx.tx.selectFrom('zones').select(['code', 'name']).where('id', '=', zoneId).executeTakeFirst();
      const file = await exportLedger(ctx.tx, ctx.estate, { zoneId, from: null, to: null, format: 'xlsx' }, ctx.now);
      const fileName = `台账-${ctx.estate.code}${zone ? `-${zone.code}` : ''}-${month}.xlsx`;
      const scope = zone ? t('export_scope_zone', { zone: zone.name }) : t('export_scope_estate');
      ctx.replyWithFile(t('export_ready', { file: fileName, households: file.households, rows: file.rows, scope }), {
        kind: 'file',
        mime: XLSX,
        fileName,
        bytes: file.buffer,
      });
      await auditLedgerExport(ctx.tx, { estateId: ctx.estate.id, actorMemberId: ctx.member.id, zone: zone ?? null, file, key: ctx.job.key, at: ctx.now });
    }
  })(data, deps, info);
}
