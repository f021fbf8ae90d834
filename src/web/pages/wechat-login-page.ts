import { html, raw } from 'hono/html';
import type { Html } from '../page.js';
import type { StaffContext } from '../staff-context.js';
import { staffPage } from '../staff-page.js';
import type { WebDeps } from '../web-deps.js';

/**
 * Admins only: WeChat's login QR code as a page (the terminal art is hard to scan from a server's
 * log). It reloads itself every 10 s, since WeChat replaces the code while it waits.
 */
export async function wechatLoginPage(deps: WebDeps, staff: StaffContext): Promise<Html> {
  const { t } = staff.i18n;
  const value = deps.wechatQr?.() ?? null;
  if (value === null) return staffPage(staff, t('web_qr_title'), html`<h1>${t('web_qr_title')}</h1><p>${t(deps.wechatQr ? 'web_qr_none' : 'web_qr_no_wechat')}</p>`);
  const qr = await import('qrcode');
  // The qrcode package's own SVG: only rects and paths of the code, nothing from outside.
  const svg = await qr.toString(value, { type: 'svg', margin: 2 });
  return staffPage(
    staff,
    t('web_qr_title'),
    html`<meta http-equiv="refresh" content="10"><h1>${t('web_qr_title')}</h1><p>${t('web_qr_hint')}</p><div class="qr" style="max-width:320px">${raw(svg)}</div>`,
  );
}
