import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { translator } from '../i18n/translator.js';
import { attemptLimiter } from './attempt-limiter.js';
import { linkIsLive, spendLoginLink } from './login-links.js';
import { messagePage, pageShell } from './page.js';
import { looksLikeToken, sameSecret } from './secret-token.js';
import { endSession, findSession, openSession } from './sessions.js';
import type { WebDeps } from './web-deps.js';
import { SESSION_COOKIE, type WebEnv } from './web-env.js';

/** The language of a page shown before anyone is signed in: the browser's first choice. */
function guestT(c: Context) {
  const lang = c.req.header('accept-language') ?? '';
  return translator(/^zh-(tw|hk|mo|hant)/i.test(lang) ? 'zh-Hant' : /^en/i.test(lang) ? 'en' : 'zh-Hans');
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Sign-in by link: GET shows a button, POST spends the link and opens the session. The link is
 * not spent by a GET, so a chat app fetching it for a preview does not burn it.
 */
export function signInRoutes(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const limiter = attemptLimiter(10, 60_000);
  const secure = deps.baseUrl.startsWith('https:');

  const limited = (c: Context) => {
    if (limiter.allow(clientAddress(c))) return null;
    const { t } = guestT(c);
    return c.html(messagePage(t, t('web_signin_title'), t('web_too_many')), 429);
  };

  app.get('/login/:token', async (c) => {
    const stop = limited(c);
    if (stop) return stop;
    const token = c.req.param('token');
    const { t } = guestT(c);
    c.header('Cache-Control', 'no-store');
    if (!looksLikeToken(token) || !(await linkIsLive(deps.db, token, deps.clock.now()))) {
      return c.html(messagePage(t, t('web_signin_title'), t('web_link_dead')), 410);
    }
    return c.html(
      pageShell(
        t,
        t('web_signin_title'),
        html`<h1>${t('web_signin_title')}</h1><p>${t('web_signin_hint')}</p>
<form method="post" action="/login"><input type="hidden" name="token" value="${token}"><button type="submit">${t('web_signin_button')}</button></form>`,
      ),
    );
  });

  app.post('/login', async (c) => {
    const stop = limited(c);
    if (stop) return stop;
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token : '';
    const now = deps.clock.now();
    const link = looksLikeToken(token) ? await spendLoginLink(deps.db, token, now) : null;
    if (!link) {
      const { t } = guestT(c);
      return c.html(messagePage(t, t('web_signin_title'), t('web_link_dead')), 410);
    }
    const session = await openSession(deps.db, link, now, deps.sessionHours);
    setCookie(c, SESSION_COOKIE, session, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: deps.sessionHours * 3600 });
    deps.log.info('web: signed in', { memberId: link.memberId, estateId: link.estateId });
    return c.redirect('/', 303);
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const s = token && looksLikeToken(token) ? await findSession(deps.db, token, deps.clock.now()) : null;
    if (s) {
      const body = await c.req.parseBody();
      // Only the page's own form signs out (its CSRF token), not a stray cross-site POST.
      if (typeof body._csrf !== 'string' || !sameSecret(body._csrf, s.csrfToken)) return c.text('bad form', 400);
      await endSession(deps.db, s.id, deps.clock.now());
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
    const t = s ? translator(s.locale).t : guestT(c).t;
    return c.html(messagePage(t, t('web_signed_out'), t('web_need_signin')));
  });
  return app;
}
