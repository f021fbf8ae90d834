import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUserId } from '../src/adapters/console/identity.js';
import type { WebServer } from '../src/web/start-web.js';
import { CHROMIUM, openBrowser, signInByLink } from './support/browser.js';
import type { Pipeline } from './support/pipeline.js';
import { signIn as signInAt, startWebPipeline, type WebPipeline } from './support/web.js';

const SHOTS = path.join(os.tmpdir(), `linli-web-chart-${process.pid}`);
let wp: WebPipeline;
let p: Pipeline;
let web: WebServer;
// What the WeChat adapter of this process would say: a code to scan, or null once logged in.
let qrValue: string | null = 'https://login.weixin.qq.com/l/linli-test';

/** A one-time sign-in link for the named staff member, asked for privately as staff would. */
async function linkFor(name: string): Promise<{ url: string; token: string }> {
  const lines = await p.deliver({ ...p.message(name, '登录'), isPrivate: true, chatId: `dm-${consoleUserId(name)}` });
  const m = /http:\/\/127\.0\.0\.1:8080(\/login\/[A-Za-z0-9_-]{43})/.exec(lines.join('\n'));
  if (!m) throw new Error(`no link in ${JSON.stringify(lines)}`);
  return { url: web.url + m[1], token: m[1].slice('/login/'.length) };
}

/** Sign in over plain HTTP; returns a GET that carries the session. */
async function signIn(name: string) {
  return (await signInAt(p, web.url, name)).get;
}

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
function pngSize(b: Buffer): { width: number; height: number } | null {
  if (b.toString('latin1', 1, 4) !== 'PNG' || b.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

beforeAll(async () => {
  wp = await startWebPipeline(`web_chart_${process.pid}`, { web: { wechatQr: () => qrValue } });
  ({ p, web } = wp);
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(() => wp?.close());

describe('the notice chart on the dashboard', () => {
  it('is drawn for the staff member’s own reach only, and never without a session', async () => {
    expect((await fetch(`${web.url}/chart/collection.png`)).status).toBe(401);
    const liu = await signIn('刘雅玲');
    const zones = await p.t.db.selectFrom('zones').select(['id', 'code']).execute();
    const own = zones.find((z) => z.code === '3')!.id;
    const other = zones.find((z) => z.code === '1')!.id;
    const res = await liu(`/chart/collection.png?zone=${own}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await res.arrayBuffer()))).toEqual({ width: 1080, height: 840 });
    // Another zone, or the whole estate, is for that zone's worker or an admin.
    expect((await liu(`/chart/collection.png?zone=${other}`)).status).toBe(403);
    expect((await liu('/chart/collection.png')).status).toBe(403);
    const admin = await signIn('戴红霞');
    expect((await admin('/chart/collection.png')).status).toBe(200);
  }, 90_000);

  it.skipIf(!existsSync(CHROMIUM))('shows in a real browser: the dashboard’s chart image loads, and a screenshot of it is kept', async () => {
    const { url } = await linkFor('戴红霞');
    const b = await openBrowser();
    try {
      const page = await signInByLink(b.context, url, `${web.url}/`);
      const img = page.locator('img.chart').first();
      await img.scrollIntoViewIfNeeded();
      // Loaded and decoded: a broken image has a natural width of 0.
      await page.waitForFunction(() => {
        const el = document.querySelector('img.chart') as HTMLImageElement | null;
        return el !== null && el.complete && el.naturalWidth > 0;
      }, undefined, { timeout: 60_000 });
      expect(await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([1080, 840]);
      expect(await img.getAttribute('alt')).toMatch(/收缴率图表/);
      const shot = await img.screenshot({ path: path.join(SHOTS, 'dashboard-chart.png') });
      expect(pngSize(shot)).not.toBeNull();
      expect(shot.length).toBeGreaterThan(10_000);
      await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });
      console.log(`dashboard chart screenshots: ${SHOTS}`);
    } finally {
      await b.close();
    }
  }, 120_000);
});

describe('the WeChat login QR code as a page', () => {
  it('shows admins the code to scan, and that it is logged in once it is; nobody else sees it', async () => {
    const admin = await signIn('戴红霞');
    const page = await (await admin('/wechat/login')).text();
    expect(page).toContain('微信登录二维码');
    expect(page).toMatch(/<svg[^>]*>.*<path/s);
    const liu = await signIn('刘雅玲');
    expect((await liu('/wechat/login')).status).toBe(403);
    expect((await fetch(`${web.url}/wechat/login`)).status).toBe(401);
    qrValue = null;
    const after = await (await admin('/wechat/login')).text();
    expect(after).toContain('微信已登录，无需扫码。');
    expect(after).not.toMatch(/<svg/);
  }, 90_000);
});
