import type { Context } from 'hono';
import { auditLedgerExport } from '../books/export-audit.js';
import { exportLedger } from '../books/export-ledger.js';
import type { IncomingMessage } from '../messages/incoming-message.js';
import { messageKey } from '../queue/job-ids.js';
import { currentMonth } from '../time/month.js';
import { messagePage } from './page.js';
import { zonesInReach } from './staff-context.js';
import { newFormToken } from './web-command.js';
import type { WebDeps } from './web-deps.js';
import type { WebEnv } from './web-env.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /export/ledger.xlsx: the 台账 file 导出台账 sends in the chat, built by the same exportLedger —
 * an admin gets the estate (or `?zone=`), a grid worker one of her zones (`?zone=`, else her first).
 * A zone out of reach is refused. The file holds residents' names: staff only, never cached, and
 * every download is audited with the chat export's own record (auditLedgerExport).
 */
export async function exportLedgerRoute(deps: WebDeps, c: Context<WebEnv>): Promise<Response> {
  const staff = c.get('staff');
  const { t } = staff.i18n;
  const reach = zonesInReach(staff.roles);
  const asked = c.req.query('zone');
  const zoneId = asked === undefined || asked === '' ? (reach === null ? null : (reach[0] ?? -1)) : /^\d{1,9}$/.test(asked) ? Number(asked) : -1;
  const zone = zoneId === null ? null : await deps.db.selectFrom('zones').select(['id', 'code']).where('id', '=', zoneId).where('estate_id', '=', staff.estate.id).executeTakeFirst();
  if (zoneId !== null && (!zone || (reach !== null && !reach.includes(zoneId)))) return c.html(messagePage(t, t('web_forbidden'), t('web_forbidden')), 403);
  const now = deps.clock.now();
  const file = await exportLedger(deps.db, staff.estate, { zoneId, from: null, to: null, format: 'xlsx' }, now);
  // The chat's 导出台账 record, keyed like a message from the member's own chat.
  const key = messageKey({ platform: staff.session.platform as IncomingMessage['platform'], chatId: staff.session.chatId, messageId: `web-export-${newFormToken()}` });
  await auditLedgerExport(deps.db, { estateId: staff.estate.id, actorMemberId: staff.member.id, zone: zone ?? null, file, key, at: now });
  const fileName = `台账-${staff.estate.code}${zone ? `-${zone.code}` : ''}-${currentMonth(now, staff.estate.time_zone)}.xlsx`;
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(file.buffer), 200, {
    'Content-Type': XLSX,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}
