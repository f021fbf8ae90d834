import { html } from 'hono/html';
import { maskPersonalData } from '../../privacy/mask.js';
import { JOBS_QUEUE } from '../../queue/queue-names.js';
import type { Html } from '../page.js';
import { QUEUE_BOARD_PATH } from '../queue-board.js';
import { outboxCounts, QUEUE_STATES, queueCounts } from '../queue-figures.js';
import type { StaffContext } from '../staff-context.js';
import { staffPage } from '../staff-page.js';
import type { WebDeps } from '../web-deps.js';

/** For admins: jobs per queue and state, the outbox, and the latest failed jobs with their reasons. */
export async function queuesPage(deps: WebDeps, staff: StaffContext): Promise<Html> {
  const { t } = staff.i18n;
  const [counts, outbox, failed] = await Promise.all([queueCounts(deps), outboxCounts(deps), deps.factory.queue(JOBS_QUEUE).getFailed(0, 19)]);
  const fmt = (ms: number | undefined) => (ms ? new Date(ms).toLocaleString('zh-CN', { timeZone: staff.estate.time_zone }) : '');
  return staffPage(
    staff,
    t('web_queues_title'),
    html`<h1>${t('web_queues_title')}</h1>
<p><a href="${QUEUE_BOARD_PATH}">${t('web_queue_board', { writable: deps.queueBoardWritable === true })}</a></p>
<div class="scroll"><table><thead><tr><th>${t('web_queue_name')}</th>${QUEUE_STATES.map((s) => html`<th>${s}</th>`)}</tr></thead><tbody>
${counts.map((q) => html`<tr><td>${q.queue}</td>${QUEUE_STATES.map((s) => html`<td class="${s === 'failed' && q.counts[s] > 0 ? 'warn' : ''}">${q.counts[s] ?? 0}</td>`)}</tr>`)}
</tbody></table></div>
<h2>${t('web_outbox_title')}</h2><p>${t('web_outbox_line', outbox)}</p>
<h2>${t('web_recent_failures')}</h2>
${failed.length === 0 ? html`<p class="muted">${t('web_none')}</p>` : html`<div class="scroll"><table><thead><tr><th>job</th><th>id</th><th>${t('web_col_when')}</th><th>attempts</th><th>reason</th></tr></thead><tbody>
${failed.map((j) => html`<tr><td>${j.name}</td><td>${j.id ?? ''}</td><td>${fmt(j.finishedOn)}</td><td>${j.attemptsMade}</td><td>${maskPersonalData(j.failedReason ?? '').slice(0, 300)}</td></tr>`)}
</tbody></table></div>`}`,
  );
}
