import { html } from 'hono/html';
import type { Html } from '../page.js';
import { zonesInReach, type StaffContext } from '../staff-context.js';
import { staffPage } from '../staff-page.js';
import type { WebDeps } from '../web-deps.js';

/**
 * The weekly notices posted to the estate's groups (posted_notices, their text from the outbox),
 * newest first: an admin sees every group's, a grid worker those of groups for her zones or their
 * buildings. The notices are public to their groups; they carry no names.
 */
export async function noticesPage(deps: WebDeps, staff: StaffContext): Promise<Html> {
  const { t } = staff.i18n;
  const reach = zonesInReach(staff.roles);
  const zoneIds = reach?.length ? reach : [-1];
  const rows = await deps.db
    .selectFrom('posted_notices as n')
    .innerJoin('chat_groups as g', 'g.id', 'n.group_id')
    .innerJoin('outbox as o', 'o.key', 'n.outbox_key')
    .leftJoin('zones as z', 'z.id', 'g.zone_id')
    .leftJoin('buildings as b', 'b.id', 'g.building_id')
    .select(['n.id', 'n.week', 'n.slot', 'n.late', 'g.title', 'z.name as zoneName', 'b.code as buildingCode', 'o.text', 'o.status'])
    .where('g.estate_id', '=', staff.estate.id)
    .$if(reach !== null, (q) => q.where((eb) => eb.or([eb('g.zone_id', 'in', zoneIds), eb('b.zone_id', 'in', zoneIds)])))
    .orderBy('n.slot', 'desc')
    .orderBy('n.id', 'desc')
    .limit(100)
    .execute();
  const en = staff.i18n.locale === 'en';
  const fmt = (d: Date) => d.toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: staff.estate.time_zone, dateStyle: 'medium', timeStyle: 'short' });
  const list = rows.length === 0
    ? html`<p class="muted">${t('web_none')}</p>`
    : rows.map((r) => {
        const scope = r.buildingCode ? t('web_notice_building', { building: r.buildingCode }) : (r.zoneName ?? t('web_scope_estate'));
        return html`<div class="card">
<div class="muted">${r.week} · ${fmt(r.slot)} · ${scope}${r.title ? html` · ${r.title}` : ''}${r.late ? html` · <span class="warn">${t('web_notice_late')}</span>` : ''}${r.status === 'sent' ? '' : html` · <span class="warn">${t('web_notice_status', { status: r.status })}</span>`}</div>
<div style="white-space:pre-wrap;overflow-wrap:anywhere">${r.text}</div>
</div>`;
      });
  return staffPage(staff, t('web_nav_notices'), html`<h1>${t('web_nav_notices')}</h1>${list}`);
}
