import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { messagePage } from './page.js';
import { queueNames } from './queue-figures.js';
import { isAdmin } from './staff-context.js';
import type { WebDeps } from './web-deps.js';
import type { WebEnv } from './web-env.js';

/** Where bull-board is mounted. */
export const QUEUE_BOARD_PATH = '/queues/board';

/**
 * The board's own security headers: it is a React app served from its npm package, so it needs
 * its own scripts, a <base> element and fetches to its API; still nothing from another origin.
 */
export const queueBoardHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
  },
  referrerPolicy: 'no-referrer',
});

/** The board page asks Google for fonts; linli downloads nothing at run time, so that line goes. */
const REMOTE_FONTS = /<link[^>]+href="https:\/\/fonts\.googleapis\.com[^"]*"[^>]*>/g;

/** A sign-in link in a job (the reply that carries it): shown without its token, as the outbox keeps spent ones. */
const LOGIN_TOKEN = /\/login\/[A-Za-z0-9_-]{43}/g;
const withoutTokens = (value: unknown): unknown => (value === undefined ? value : JSON.parse(JSON.stringify(value).replace(LOGIN_TOKEN, '/login/-')));

/** The board's view of one queue: read-only unless configured, sign-in tokens blanked. */
function boardQueue(deps: WebDeps, name: string, writable: boolean): BullMQAdapter {
  const adapter = new BullMQAdapter(deps.factory.queue(name), { readOnlyMode: !writable });
  adapter.setFormatter('data', withoutTokens);
  adapter.setFormatter('returnValue', withoutTokens);
  return adapter;
}

/**
 * bull-board for admins, under QUEUE_BOARD_PATH, behind the staff sign-in: read-only (every queue
 * adapter's readOnlyMode, and no request but GET reaches it) unless LINLI_QUEUE_BOARD=write;
 * sign-in tokens in the jobs are blanked (an admin must not sign in as another staff member).
 * The queues are opened on the first visit, not when the server starts.
 */
export function queueBoardRoutes(deps: WebDeps): Hono<WebEnv> {
  const writable = deps.queueBoardWritable === true;
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(QUEUE_BOARD_PATH);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'linli', locale: { lng: 'zh-CN' }, hideDocsLink: true, miscLinks: [{ text: '队列 /queues', url: '/queues' }] } },
  });
  let opened = false;

  const app = new Hono<WebEnv>();
  app.use('*', async (c, next) => {
    const { t } = c.get('staff').i18n;
    if (!isAdmin(c.get('staff').roles)) return c.html(messagePage(t, t('web_forbidden'), t('web_forbidden')), 403);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (!writable) return c.json({ error: 'read-only (LINLI_QUEUE_BOARD)' }, 403);
      // A change comes from the board's own page (its fetches send Origin), never from another site.
      const origin = c.req.header('Origin');
      if (origin !== new URL(deps.baseUrl).origin && origin !== new URL(c.req.url).origin) return c.json({ error: 'cross-site request' }, 403);
    }
    if (!opened) {
      opened = true;
      board.replaceQueues(queueNames(deps).map((name) => boardQueue(deps, name, writable)));
    }
    await next();
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) {
      const page = (await c.res.text()).replace(REMOTE_FONTS, '');
      c.res = new Response(page, { status: c.res.status, headers: c.res.headers });
    }
  });
  app.route('/', serverAdapter.registerPlugin());
  return app;
}
