import { html } from 'hono/html';
import type { CatalogKey } from '../i18n/catalogs.js';
import { isStaff } from '../ledger/permissions.js';
import { isPanelist } from '../scoring/panel.js';
import type { Html } from './page.js';
import { pageShell } from './page.js';
import { isAdmin, type StaffContext } from './staff-context.js';

const ROLE_WORDS: Record<string, CatalogKey> = { admin: 'role_admin', grid_worker: 'role_grid_worker', head: 'role_head', panelist: 'role_panelist' };

/**
 * A signed-in page: the navigation (admins also see the queues; the scoring form for the panel
 * and admins; a panelist who is not staff sees only that), who is signed in, sign-out.
 */
export function staffPage(staff: StaffContext, title: string, body: Html): Html {
  const { t } = staff.i18n;
  const roles = [...new Set(staff.roles.flatMap((r) => (ROLE_WORDS[r.role] ? [t(ROLE_WORDS[r.role])] : [])))].join('、');
  const staffLinks = isStaff(staff.roles)
    ? html`<a href="/">${t('web_nav_dashboard')}</a>
<a href="/ledger">${t('web_nav_ledger')}</a>
<a href="/claims">${t('web_nav_claims')}</a>
<a href="/tickets">${t('web_nav_tickets')}</a>
<a href="/notices">${t('web_nav_notices')}</a>
<a href="/votes">${t('web_nav_votes')}</a>
<a href="/work">${t('web_nav_work')}</a>
<a href="/surveys">${t('web_nav_surveys')}</a>`
    : '';
  const nav = html`<header>
<strong>${staff.estate.name}</strong>
${staffLinks}
${isPanelist(staff.roles) || isAdmin(staff.roles) ? html`<a href="/score">${t('web_nav_score')}</a>` : ''}
${isAdmin(staff.roles) ? html`<a href="/queues">${t('web_nav_queues')}</a>` : ''}
<span class="who">${t('web_signed_in_as', { name: staff.member.displayName ?? '—', roles })}</span>
<form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${staff.session.csrfToken}"><button type="submit">${t('web_sign_out')}</button></form>
</header>`;
  return pageShell(staff.i18n.t, title, body, nav, staff.i18n.locale);
}

/** The hidden fields every action form carries: the session's CSRF token and the form's one-time token. */
export function formFields(staff: StaffContext, formToken: string): Html {
  return html`<input type="hidden" name="_csrf" value="${staff.session.csrfToken}"><input type="hidden" name="_form" value="${formToken}">`;
}
