import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUserId } from '../src/adapters/console/identity.js';
import { outboundQueue } from '../src/queue/queue-names.js';
import { waitForEmpty } from '../src/runtime/settle.js';
import { DEFAULT_RULES } from '../src/scoring/rules.js';
import { setRules } from '../src/scoring/rules-repository.js';
import type { WebServer } from '../src/web/start-web.js';
import { CHROMIUM, openBrowser, signInByLink } from './support/browser.js';
import type { Pipeline } from './support/pipeline.js';
import { signIn as signInAt, startWebPipeline, type WebPipeline } from './support/web.js';

let wp: WebPipeline;
let p: Pipeline;
let web: WebServer;

const dm = (name: string, text: string) => p.deliver({ ...p.message(name, text), isPrivate: true, chatId: `dm-${consoleUserId(name)}` });

/** Sign in over plain HTTP with a link asked for privately; GET and form POST carrying the session. */
function signIn(name: string) {
  return signInAt(p, web.url, name);
}

/** The hidden fields of the form of one unit on the scoring page. */
function unitForm(page: string, unit: string): { _csrf: string; _form: string; unit: string } {
  const start = page.indexOf(`id="u-${unit}"`);
  const form = page.slice(start, page.indexOf('</form>', start));
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(form)?.[1] ?? '';
  return { _csrf: field('_csrf'), _form: field('_form'), unit };
}

const scores = () => p.t.db.selectFrom('scoring_scores').select(['criterion', 'points', 'source']).orderBy('criterion').execute();

beforeAll(async () => {
  wp = await startWebPipeline(`web_score_${process.pid}`, { now: new Date('2026-10-15T02:00:00Z') });
  ({ p, web } = wp);
  const estate = await p.t.db.selectFrom('estates').selectAll().executeTakeFirstOrThrow();
  // Decided in October: building 8's units are scored from November on.
  await p.t.db.transaction().execute((tx) => setRules(tx, estate, { ...DEFAULT_RULES, buildings: ['8'] }, null, p.clock.now()));
  p.clock.set(new Date('2026-11-20T02:00:00Z'));
  await p.t.db.insertInto('invitations').values({ code: 'WEBPANEL1', estate_id: estate.id, kind: 'role', role: 'panelist', zone_id: null, building_id: null, party: 'community', created_at: p.clock.now(), expires_at: new Date('2026-12-31T00:00:00Z') }).execute();
  await dm('评委社区', '邀请码 WEBPANEL1');
}, 120_000);
afterAll(() => wp?.close());

describe('the panel’s scoring form on the web', () => {
  it('lets a panelist sign in for the form only, and lists building 8’s units with a form each', async () => {
    const panel = await signIn('评委社区');
    expect((await panel.get('/')).headers.get('location')).toBe('/score');
    // Not staff: no ledger, claims, tickets or export for a panelist.
    for (const to of ['/ledger', '/claims', '/tickets', '/export/ledger.xlsx', '/surveys']) expect((await panel.get(to)).status).toBe(403);
    const page = await (await panel.get('/score')).text();
    expect(page).toContain('红“栋”力评分 · 2026年11月');
    expect(page).toContain('id="u-8-1"');
    expect(page).toContain('id="u-8-2"');
    expect(page).not.toContain('id="u-7-1"');
    expect(page).toContain('name="p_sanitation"');
    // Its navigation is the form and sign-out: nothing of the staff pages.
    expect(page).not.toContain('href="/ledger"');
    expect(page).toContain('href="/score"');
  });

  it('a submission is the chat’s 评分: saved once for a double submit, answered on the page as in the chat', async () => {
    const panel = await signIn('评委社区');
    const form = { ...unitForm(await (await panel.get('/score')).text(), '8-2'), p_sanitation: '18', p_volunteering: '9' };
    const before = p.printed.length;
    const [a, b] = await Promise.all([panel.post('/score', form), panel.post('/score', form)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    const location = a.headers.get('location') ?? '';
    expect(location).toBe(`/score?done=${form._form}#u-8-2`);
    await waitForEmpty(p.factory.queue(outboundQueue('console')), 20_000);
    // The bot answered once, privately, exactly as to 评分 8-2 卫生18 志愿9.
    const answers = p.printed.slice(before).filter((l) => l.includes('已记录您对 8-2 的2026年11月评分'));
    expect(answers).toEqual(['linli: 已记录您对 8-2 的2026年11月评分：环境卫生18 志愿服务9。']);
    expect(await scores()).toEqual([
      { criterion: 'sanitation', points: 18, source: 'chat' },
      { criterion: 'volunteering', points: 9, source: 'chat' },
    ]);
    const shown = await (await panel.get(location)).text();
    expect(shown).toContain('已记录您对 8-2 的2026年11月评分：环境卫生18 志愿服务9。');
    expect(shown).toContain('还缺：矛盾纠纷、文明新风、家教家风');
    expect(shown).toContain('value="18"');
  });

  it('a number over the maximum is refused by the worker, shown on the page, and nothing changes', async () => {
    const panel = await signIn('评委社区');
    const form = { ...unitForm(await (await panel.get('/score')).text(), '8-2'), p_sanitation: '25' };
    const res = await panel.post('/score', form);
    expect(await (await panel.get(res.headers.get('location') ?? '')).text()).toContain('环境卫生满分20分，请核对后再发。本次没有记录。');
    expect((await scores()).find((s) => s.criterion === 'sanitation')?.points).toBe(18);
  });

  it('checks the CSRF token and the origin, and the form is for panelists only', async () => {
    const panel = await signIn('评委社区');
    const form = { ...unitForm(await (await panel.get('/score')).text(), '8-1'), p_family: '12' };
    expect((await panel.post('/score', { ...form, _csrf: 'x' })).status).toBe(400);
    expect((await panel.post('/score', form, 'https://evil.example')).status).toBe(403);
    expect((await panel.post('/score', { ...form, unit: '7-1' })).status).toBe(400);
    expect(await scores()).toHaveLength(2);

    // A grid worker is staff but not on the panel: no page, no submission.
    const liu = await signIn('刘雅玲');
    expect((await liu.get('/score')).status).toBe(403);
    expect(await (await liu.get('/')).text()).not.toContain('href="/score"');
    // An admin sees how far the panel got, never anyone's points, and cannot score.
    const admin = await signIn('戴红霞');
    const overview = await (await admin.get('/score')).text();
    expect(overview).toContain('只有评委可以评分');
    expect(overview).not.toContain('name="p_');
    expect(overview).not.toMatch(/环境卫生|value="18"/);
    expect((await admin.post('/score', { ...form, _csrf: /name="_csrf" value="([^"]+)"/.exec(overview)?.[1] ?? '' })).status).toBe(403);
    expect(await scores()).toHaveLength(2);
    // A resident gets no link at all.
    expect(await p.say('向大叔', '登录')).toEqual(['linli: 网页工作台只对网格员、社区工作人员和评分小组成员开放。']);
  });

  it.skipIf(!existsSync(CHROMIUM))('works on a phone in a real browser: fill in a unit, save, read the answer; nothing wider than the screen', async () => {
    const m = /(\/login\/[A-Za-z0-9_-]{43})/.exec((await dm('评委社区', '登录')).join('\n'));
    const b = await openBrowser({ viewport: { width: 360, height: 740 } });
    try {
      const page = await signInByLink(b.context, web.url + (m?.[1] ?? ''), `${web.url}/score`);
      const unit = page.locator('[id="u-8-1"]');
      for (const [name, v] of [['矛盾纠纷', '17'], ['文明新风', '16'], ['家教家风', '15'], ['环境卫生', '14'], ['志愿服务', '13']]) await unit.getByLabel(name).fill(v);
      await unit.getByRole('button', { name: '保存评分' }).click();
      await page.waitForURL(/done=/);
      expect(await page.getByRole('status').textContent()).toContain('已记录您对 8-1 的2026年11月评分：矛盾纠纷17 文明新风16 家教家风15 环境卫生14 志愿服务13，合计75分。');
      expect(await page.locator('[id="u-8-1"]').textContent()).toContain('已评完');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await b.close();
    }
  }, 90_000);
});
