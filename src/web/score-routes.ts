import { Hono } from 'hono';
import { html } from 'hono/html';
import type { HandlerPorts } from '../../handlers/handle-message.js';
import { outboxKey } from '../queue/job-ids.js';
import { isPanelist } from '../scoring/panel.js';
import { messagePage, type Html } from './page.js';
import { scoreForm, scorePage, scoringMonth } from './pages/score-page.js';
import { sameSecret } from './secret-token.js';
import { isAdmin, type StaffContext } from './staff-context.js';
import { commandJobOfText, isFormToken, queueWebAction, WebActionError, webMessageKey } from './web-command.js';
import type { WebDeps } from './web-deps.js';
import type { WebEnv } from './web-env.js';

/**
 * /score: the panel's scoring form. A submission is the chat's 评分 command (`/score 8-2 环境卫生18 …`),
 * queued as its command job under the form's one-time token, so a double submit is scored once;
 * the page then shows the bot's own answer to it. Panelists and admins only.
 */
export function scoreRoutes(deps: WebDeps, ports: Pick<HandlerPorts, 'enqueueCommand'>): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const forbidden = (staff: StaffContext) => messagePage(staff.i18n.t, staff.i18n.t('web_forbidden'), staff.i18n.t('web_forbidden'));

  app.get('/score', async (c) => {
    const staff = c.get('staff');
    if (!isPanelist(staff.roles) && !isAdmin(staff.roles)) return c.html(forbidden(staff), 403);
    return c.html(await scorePage(deps, staff, await resultOf(deps, staff, c.req.query('done'), c.req.query('pending'))));
  });

  app.post('/score', async (c) => {
    const staff = c.get('staff');
    const { t } = staff.i18n;
    if (!isPanelist(staff.roles)) return c.html(forbidden(staff), 403);
    const body = await c.req.parseBody();
    const refused = () => c.html(messagePage(t, t('web_bad_form'), t('web_bad_form')), 400);
    if (typeof body._csrf !== 'string' || !sameSecret(body._csrf, staff.session.csrfToken) || !isFormToken(body._form)) return refused();
    const unit = typeof body.unit === 'string' ? body.unit.trim() : '';
    const m = await scoringMonth(deps.db, staff.estate, deps.clock.now());
    if (!m.units.some((u) => u.code === unit)) return refused();
    const points: string[] = [];
    for (const cr of m.rules.criteria) {
      const v = body[`p_${cr.key}`];
      if (typeof v !== 'string' || v.trim() === '') continue;
      if (!/^\d{1,4}$/.test(v.trim())) return refused();
      points.push(`${cr.name}${Number(v)}`);
    }
    let job: ReturnType<typeof commandJobOfText>;
    try {
      job = commandJobOfText(staff, scoreForm(unit, points), (cmd) => cmd.intent === 'score' && cmd.room === unit, body._form, deps.clock.now());
    } catch (e) {
      if (e instanceof WebActionError) return refused();
      throw e;
    }
    // The worker checks the panel, the round and every number exactly as for the chat's 评分.
    const done = await queueWebAction(ports, deps.db, job, deps.actionWaitMs ?? 5000);
    return c.redirect(`/score?${done ? 'done' : 'pending'}=${body._form}#u-${unit}`, 303);
  });
  return app;
}

/** The bot's answer to the member's own submission (its key is theirs: from their chat and the form token). */
async function resultOf(deps: WebDeps, staff: StaffContext, done: string | undefined, pending: string | undefined): Promise<Html | null> {
  const { t } = staff.i18n;
  if (isFormToken(pending)) return html`<p class="flash">${t('web_pending')}</p>`;
  if (!isFormToken(done)) return null;
  const reply = await deps.db.selectFrom('outbox').select('text').where('key', '=', outboxKey(webMessageKey(staff, done), 1)).executeTakeFirst();
  if (!reply) return html`<p class="flash">${t('web_pending')}</p>`;
  return html`<div class="flash" role="status"><strong>${t('web_score_result')}</strong><div style="white-space:pre-line">${reply.text}</div></div>`;
}
