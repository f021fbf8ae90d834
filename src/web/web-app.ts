import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { queuePorts } from '../../handlers/queue-ports.js';
import { translator } from '../i18n/translator.js';
import { queueOutbound } from '../outbound/queue-outbound.js';
import { JOBS_QUEUE } from '../queue/queue-names.js';
import { ChartUnavailableError } from '../charts/cjk-font.js';
import { collectionChart, type ChartAnswer } from './collection-chart.js';
import { exportLedgerRoute } from './export-route.js';
import { opsRoutes } from './ops-routes.js';
import { open311Routes } from './open311-routes.js';
import { messagePage, type Html } from './page.js';
import { claimsPage } from './pages/claims-page.js';
import { dashboardPage } from './pages/dashboard-page.js';
import { householdPage } from './pages/household-page.js';
import { ledgerPage } from './pages/ledger-page.js';
import { noticesPage } from './pages/notices-page.js';
import { queuesPage } from './pages/queues-page.js';
import { QUEUE_BOARD_PATH, queueBoardHeaders, queueBoardRoutes } from './queue-board.js';
import { votesPage } from './pages/votes-page.js';
import { workPage } from './pages/work-page.js';
import { surveysPage } from './pages/surveys-page.js';
import { wechatLoginPage } from './pages/wechat-login-page.js';
import { ticketPage, ticketsPage } from './pages/tickets-page.js';
import { looksLikeToken, sameSecret } from './secret-token.js';
import { signInRoutes } from './sign-in-routes.js';
import { isAdmin, loadStaff } from './staff-context.js';
import { isStaff } from '../ledger/permissions.js';
import { scoreRoutes } from './score-routes.js';
import { isFormToken, queueWebAction, webCommandJob, WebActionError, type WebAction } from './web-command.js';
import type { WebDeps } from './web-deps.js';
import { SESSION_COOKIE, type WebEnv } from './web-env.js';

const ACTIONS = ['accept', 'resolve', 'confirm', 'reject'] as const;

/**
 * The staff's web surface as one Hono app: health, metrics and the Open311 read API without a
 * session; every other page only for a signed-in staff member, whose roles are read afresh on
 * each request. Actions are the chat's own command jobs.
 */
export function webApp(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const baseOrigin = new URL(deps.baseUrl).origin;
  const ports = queuePorts(deps.factory.queue(JOBS_QUEUE), queueOutbound(deps.factory));

  const pageHeaders = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    referrerPolicy: 'no-referrer',
  });
  // Pages carry no scripts; bull-board's React app (admins only) gets its own, wider policy.
  app.use((c, next) => (c.req.path === QUEUE_BOARD_PATH || c.req.path.startsWith(`${QUEUE_BOARD_PATH}/`) ? queueBoardHeaders(c, next) : pageHeaders(c, next)));
  // Form posts must come from our own pages: the public origin, or the address the request came to.
  app.use(csrf({ origin: (origin, c) => origin === baseOrigin || origin === new URL(c.req.url).origin }));
  app.onError((e, c) => {
    // Refusals by middleware (a cross-site form post) are answers, not failures.
    if (e instanceof HTTPException) return e.getResponse();
    deps.log.error('web: request failed', { path: c.req.path, error: e });
    return c.text('internal error', 500);
  });

  // A platform's webhook (Telegram's): no session, the platform's secret token instead.
  for (const hook of deps.webhooks ?? []) app.post(hook.path, (c) => hook.handle(c.req.raw));
  app.route('/', opsRoutes(deps));
  app.route('/open311/v2', open311Routes(deps));
  app.route('/', signInRoutes(deps));

  // Everything below needs a signed-in staff member.
  app.use('*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const staff = token && looksLikeToken(token) ? await loadStaff(deps.db, token, deps.clock.now()) : null;
    if (!staff) {
      const { t } = translator('zh-Hans');
      return c.html(messagePage(t, t('web_signin_title'), t('web_need_signin')), 401);
    }
    c.set('staff', staff);
    c.header('Cache-Control', 'no-store');
    // A panelist who is not staff signed in for the scoring form, and sees nothing else.
    if (!isStaff(staff.roles) && c.req.path !== '/score') {
      if (c.req.path === '/') return c.redirect('/score', 303);
      return c.html(messagePage(staff.i18n.t, staff.i18n.t('web_forbidden'), staff.i18n.t('web_forbidden')), 403);
    }
    await next();
  });
  app.route('/', scoreRoutes(deps, ports));

  const notFound = (c: Context<WebEnv>) => {
    const { t } = c.get('staff').i18n;
    return c.html(messagePage(t, t('web_not_found'), t('web_not_found')), 404);
  };
  const flashOf = (c: Context<WebEnv>): Html | null => {
    const { t } = c.get('staff').i18n;
    if (c.req.query('done') !== undefined) return html`<p class="flash">${t('web_submitted')}</p>`;
    if (c.req.query('pending') !== undefined) return html`<p class="flash">${t('web_pending')}</p>`;
    return null;
  };

  app.get('/', async (c) => c.html(await dashboardPage(deps, c.get('staff'))));
  // The weekly notice's chart, drawn on request (the dashboard's <img>); 503 when it cannot be drawn.
  app.get('/chart/collection.png', async (c) => {
    const staff = c.get('staff');
    let answer: ChartAnswer;
    try {
      answer = await collectionChart(deps, staff, c.req.query('zone'));
    } catch (e) {
      if (!(e instanceof ChartUnavailableError)) throw e;
      deps.log.warn('web: chart unavailable', { error: e.message });
      return c.text('chart unavailable', 503);
    }
    if (answer === 'forbidden') return c.html(messagePage(staff.i18n.t, staff.i18n.t('web_forbidden'), staff.i18n.t('web_forbidden')), 403);
    if (answer === 'empty') return notFound(c);
    return c.body(answer.png as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'image/png' });
  });
  app.get('/ledger', async (c) =>
    c.html(await ledgerPage(deps, c.get('staff'), { zone: c.req.query('zone'), building: c.req.query('building'), room: c.req.query('room'), unit: c.req.query('unit'), months: c.req.query('months'), behind: c.req.query('behind') === '1' })),
  );
  app.get('/export/ledger.xlsx', (c) => exportLedgerRoute(deps, c));
  app.get('/ledger/:room', async (c) => {
    const page = await householdPage(deps, c.get('staff'), c.req.param('room'));
    return page ? c.html(page) : notFound(c);
  });
  app.get('/claims', async (c) => c.html(await claimsPage(deps, c.get('staff'), flashOf(c))));
  app.get('/tickets', async (c) =>
    c.html(await ticketsPage(deps, c.get('staff'), { status: c.req.query('status') ?? (c.req.query('all') === '1' ? 'all' : undefined), zone: c.req.query('zone'), category: c.req.query('category') })),
  );
  app.get('/tickets/:ref', async (c) => {
    const page = await ticketPage(deps, c.get('staff'), c.req.param('ref'), flashOf(c));
    return page ? c.html(page) : notFound(c);
  });
  app.get('/notices', async (c) => c.html(await noticesPage(deps, c.get('staff'))));
  app.get('/votes', async (c) => c.html(await votesPage(deps, c.get('staff'))));
  app.get('/work', async (c) => c.html(await workPage(deps, c.get('staff'))));
  app.get('/surveys', async (c) => c.html(await surveysPage(deps, c.get('staff'))));
  app.get('/queues', async (c) => {
    const staff = c.get('staff');
    if (!isAdmin(staff.roles)) return c.html(messagePage(staff.i18n.t, staff.i18n.t('web_forbidden'), staff.i18n.t('web_forbidden')), 403);
    return c.html(await queuesPage(deps, staff));
  });
  app.route(QUEUE_BOARD_PATH, queueBoardRoutes(deps));
  // The board's own links may end in a slash; its page lives without one.
  app.get(`${QUEUE_BOARD_PATH}/`, (c) => c.redirect(QUEUE_BOARD_PATH, 301));

  app.get('/wechat/login', async (c) => {
    const staff = c.get('staff');
    if (!isAdmin(staff.roles)) return c.html(messagePage(staff.i18n.t, staff.i18n.t('web_forbidden'), staff.i18n.t('web_forbidden')), 403);
    return c.html(await wechatLoginPage(deps, staff));
  });

  app.post('/actions/:intent', async (c) => {
    const staff = c.get('staff');
    const { t } = staff.i18n;
    const intent = c.req.param('intent') as WebAction['intent'];
    const body = await c.req.parseBody();
    const refused = () => c.html(messagePage(t, t('web_bad_form'), t('web_bad_form')), 400);
    if (!ACTIONS.includes(intent) || typeof body._csrf !== 'string' || !sameSecret(body._csrf, staff.session.csrfToken) || !isFormToken(body._form)) return refused();
    const ref = typeof body.ref === 'string' ? body.ref.trim().toUpperCase() : '';
    const note = typeof body.note === 'string' && body.note.trim() !== '' ? body.note.slice(0, 500) : null;
    let job: ReturnType<typeof webCommandJob>;
    try {
      job = webCommandJob(staff, { intent, ref, note }, body._form, deps.clock.now());
    } catch (e) {
      if (e instanceof WebActionError) return refused();
      throw e;
    }
    // The worker checks the member's roles for this ticket or claim exactly as for the chat command.
    const done = await queueWebAction(ports, deps.db, job, deps.actionWaitMs ?? 5000);
    const back = intent === 'accept' || intent === 'resolve' ? `/tickets/${ref}` : '/claims';
    return c.redirect(`${back}?${done ? 'done' : 'pending'}=1`, 303);
  });

  app.notFound((c) => (c.get('staff') ? notFound(c) : c.text('not found', 404)));
  return app;
}
