import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUserId } from '../src/adapters/console/identity.js';
import type { WebServer } from '../src/web/start-web.js';
import { CHROMIUM, openBrowser, signInByLink } from './support/browser.js';
import type { Pipeline } from './support/pipeline.js';
import { startWebPipeline, type WebPipeline } from './support/web.js';

// The "done when": from a chat link to a confirmed claim, the ledger, and the 台账 download.
const SHOTS = path.join(os.tmpdir(), `linli-web-flow-${process.pid}`);
let wp: WebPipeline;
let p: Pipeline;
let web: WebServer;

/** A one-time sign-in link for the named staff member, asked for privately as staff would. */
async function linkFor(name: string): Promise<string> {
  const lines = await p.deliver({ ...p.message(name, '登录'), isPrivate: true, chatId: `dm-${consoleUserId(name)}` });
  const m = /http:\/\/127\.0\.0\.1:8080(\/login\/[A-Za-z0-9_-]{43})/.exec(lines.join('\n'));
  if (!m) throw new Error(`no link in ${JSON.stringify(lines)}`);
  return web.url + m[1];
}

/** A pending payment claim for 8-2-301 by its bound resident; returns its ref (P12). */
async function pendingClaim(yuan: number): Promise<string> {
  await p.say('向大叔', '绑定 8-2-301');
  const bind = await p.t.db.selectFrom('bindings').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await p.say('刘雅玲', `确认 B${bind.id}`);
  const claimed = (await p.say('向大叔', `已交${yuan}元`)).join('\n');
  const m = /(P\d+)/.exec(claimed);
  if (!m) throw new Error(`no claim in ${claimed}`);
  return m[1];
}

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
function pngSize(b: Buffer): { width: number; height: number } | null {
  if (b.toString('latin1', 1, 4) !== 'PNG' || b.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

beforeAll(async () => {
  wp = await startWebPipeline(`web_flow_${process.pid}`);
  ({ p, web } = wp);
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(() => wp?.close());

describe('a grid worker’s afternoon in a real browser', () => {
  it.skipIf(!existsSync(CHROMIUM))('signs in from the chat link, confirms a claim by clicking, sees it in the ledger, and downloads the 台账 with it', async () => {
    const ref = await pendingClaim(60);
    const url = await linkFor('刘雅玲');
    const b = await openBrowser();
    try {
      const page = await signInByLink(b.context, url, `${web.url}/`);
      expect(await page.textContent('main')).toContain('本月缴费率');

      // The dashboard with the notice's chart, loaded and decoded (a broken image has no natural width).
      await page.waitForFunction(() => {
        const el = document.querySelector('img.chart') as HTMLImageElement | null;
        return (el?.complete ?? false) && (el?.naturalWidth ?? 0) > 0;
      }, undefined, { timeout: 60_000 });
      const dashboardShot = await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });
      const chartShot = await page.locator('img.chart').first().screenshot({ path: path.join(SHOTS, 'notice-chart.png') });
      expect(pngSize(dashboardShot)?.width).toBe(390);
      expect(pngSize(chartShot)).not.toBeNull();
      // A chart with bars and labels compresses far worse than a blank box.
      expect(chartShot.length).toBeGreaterThan(10_000);
      expect(statSync(path.join(SHOTS, 'dashboard.png')).size).toBeGreaterThan(20_000);

      // The household in the ledger, searched the way the chat writes rooms: what it owes before.
      const owedMonths = async () => {
        await page.getByRole('link', { name: '台账', exact: true }).click();
        await page.getByPlaceholder('房号（8-2-301）或“8栋2单元 欠3个月以上”').fill('8栋2单元301');
        await page.getByRole('button', { name: '筛选' }).click();
        const row = page.locator('tr', { has: page.getByRole('link', { name: '8-2-301' }) });
        const owed = (await row.locator('td').nth(3).textContent()) ?? '';
        return owed === '—' ? 0 : Number(/^(\d+)个月/.exec(owed)?.[1]);
      };
      const before = await owedMonths();
      expect(before).toBeGreaterThan(0);

      // The pending claim, confirmed by clicking its own button.
      await page.getByRole('link', { name: '待确认', exact: true }).click();
      const card = page.locator(`#${ref}`);
      expect(await card.textContent()).toContain(`${ref} · 8-2-301 · 60元（12个月）`);
      await card.getByRole('button', { name: '确认入账' }).click();
      await page.waitForURL(/\/claims\?done=1$/);
      expect(await page.textContent('main')).toContain('已提交');
      expect(await page.locator(`#${ref}`).count()).toBe(0);

      // The ledger: the household's history shows it confirmed, and it no longer owes.
      expect(await owedMonths()).toBe(Math.max(0, before - 12));
      await page.getByRole('link', { name: '8-2-301' }).click();
      const history = page.locator('tr', { hasText: ref });
      expect(await history.textContent()).toContain('申报·已确认');
      await page.screenshot({ path: path.join(SHOTS, 'household.png'), fullPage: true });

      // The export button: a download of the zone's 台账, with the confirmed payment in its rows.
      await page.goto(`${web.url}/ledger`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账（Excel）' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^台账-.*\.xlsx$/);
      const file = await download.path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(readFileSync(file)).buffer);
      const found: unknown[][] = [];
      wb.getWorksheet('缴费记录')?.eachRow((r) => {
        const v = r.values as unknown[];
        if (v[1] === ref) found.push(v.slice(1, 8));
      });
      expect(found).toEqual([[ref, '8-2-301', expect.any(String), expect.any(String), '申报', '已确认', 60]]);
      // Every page of her navigation fits a phone's width (wide tables scroll inside their box).
      for (const to of ['/', '/ledger', '/claims', '/tickets', '/notices', '/votes', '/work', '/surveys']) {
        await page.goto(web.url + to);
        expect([to, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([to, 390]);
      }
      console.log(`web flow screenshots: ${SHOTS}`);
    } finally {
      await b.close();
    }
  }, 180_000);
});

describe('the 台账 download is audited', () => {
  it('writes the very record the chat’s 导出台账 writes, once per download, and none for a refused one', async () => {
    const db = p.t.db;
    const exports = () => db.selectFrom('audit_log').select(['actor_member_id', 'action', 'subject', 'detail']).where('action', '=', 'export_ledger').orderBy('id').execute();
    const start = (await exports()).length;
    expect((await p.say('刘雅玲', '导出台账'))[0]).toMatch(/^linli: 台账（/);
    const lines = await p.deliver({ ...p.message('刘雅玲', '登录'), isPrivate: true, chatId: `dm-${consoleUserId('刘雅玲')}` });
    const token = /\/login\/([A-Za-z0-9_-]{43})/.exec(lines.join('\n'))?.[1] ?? '';
    const signed = await fetch(`${web.url}/login`, { method: 'POST', headers: { Origin: web.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `token=${token}`, redirect: 'manual' });
    const cookie = (signed.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await fetch(`${web.url}/export/ledger.xlsx`, { headers: { Cookie: cookie } })).status).toBe(200);
    const other = (await db.selectFrom('zones').select('id').where('code', '=', '1').executeTakeFirstOrThrow()).id;
    expect((await fetch(`${web.url}/export/ledger.xlsx?zone=${other}`, { headers: { Cookie: cookie } })).status).toBe(403);

    const rows = (await exports()).slice(start);
    expect(rows).toHaveLength(2);
    const [chat, webRow] = rows.map(({ detail, ...r }) => {
      const { key, ...rest } = detail as Record<string, unknown>;
      return { ...r, detail: rest, key: String(key) };
    });
    expect(webRow.key).not.toBe(chat.key);
    expect(webRow.key).toMatch(/^console-dm-.*-web-export-/);
    const liu = await db.selectFrom('members').select('id').where('display_name', '=', '刘雅玲').executeTakeFirstOrThrow();
    expect({ ...webRow, key: '' }).toEqual({ ...chat, key: '' });
    expect(chat).toMatchObject({ actor_member_id: liu.id, subject: 'zone 3', detail: { households: expect.any(Number), rows: expect.any(Number) } });
  }, 90_000);
});
