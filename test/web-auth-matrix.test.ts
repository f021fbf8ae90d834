import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUserId } from '../src/adapters/console/identity.js';
import type { WebServer } from '../src/web/start-web.js';
import type { Pipeline } from './support/pipeline.js';
import { signIn as signInAt, startWebPipeline, type WebPipeline } from './support/web.js';

// Every page × every kind of visitor, as the chat's auth matrix does for commands.
let wp: WebPipeline;
let p: Pipeline;
let web: WebServer;

type Who = 'nobody' | 'admin' | 'grid_worker' | 'panelist';
const PEOPLE: Record<Exclude<Who, 'nobody'>, string> = { admin: '戴红霞', grid_worker: '刘雅玲', panelist: '评委社区' };

/** Each page with what each visitor gets: 200 shown, 303 sent on, 401 sign in first, 403 not theirs, 400 a refused form. */
const PAGES: [string, Record<Who, number>][] = [
  ['/', { nobody: 401, admin: 200, grid_worker: 200, panelist: 303 }],
  ['/ledger', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/ledger?building=8&unit=2&months=3', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/ledger/8-2-301', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/ledger/1-1-101', { nobody: 401, admin: 200, grid_worker: 404, panelist: 403 }],
  ['/export/ledger.xlsx', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/claims', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/tickets', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/tickets/T1', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/notices', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/votes', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/work', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/surveys', { nobody: 401, admin: 200, grid_worker: 200, panelist: 403 }],
  ['/score', { nobody: 401, admin: 200, grid_worker: 403, panelist: 200 }],
  ['/queues', { nobody: 401, admin: 200, grid_worker: 403, panelist: 403 }],
  ['/queues/board', { nobody: 401, admin: 200, grid_worker: 403, panelist: 403 }],
  ['/queues/board/api/queues', { nobody: 401, admin: 200, grid_worker: 403, panelist: 403 }],
  ['/wechat/login', { nobody: 401, admin: 200, grid_worker: 403, panelist: 403 }],
  ['/chart/collection.png', { nobody: 401, admin: 200, grid_worker: 403, panelist: 403 }],
  ['/healthz', { nobody: 200, admin: 200, grid_worker: 200, panelist: 200 }],
  ['/readyz', { nobody: 200, admin: 200, grid_worker: 200, panelist: 200 }],
  ['/metrics', { nobody: 200, admin: 200, grid_worker: 200, panelist: 200 }],
  ['/open311/v2/services.json', { nobody: 200, admin: 200, grid_worker: 200, panelist: 200 }],
];

/** Form posts with a valid origin and session but no form fields: refused as forms (400) or as not theirs (403). */
const POSTS: [string, Record<Who, number>][] = [
  ['/actions/confirm', { nobody: 401, admin: 400, grid_worker: 400, panelist: 403 }],
  ['/actions/accept', { nobody: 401, admin: 400, grid_worker: 400, panelist: 403 }],
  ['/score', { nobody: 401, admin: 403, grid_worker: 403, panelist: 400 }],
];

const cookies: Partial<Record<Who, string>> = {};

beforeAll(async () => {
  wp = await startWebPipeline(`web_matrix_${process.pid}`);
  ({ p, web } = wp);
  const estate = await p.t.db.selectFrom('estates').select('id').executeTakeFirstOrThrow();
  await p.t.db.insertInto('invitations').values({ code: 'MATRIXP1', estate_id: estate.id, kind: 'role', role: 'panelist', zone_id: null, building_id: null, party: 'community', created_at: p.clock.now(), expires_at: new Date('2027-12-31T00:00:00Z') }).execute();
  await p.deliver({ ...p.message('评委社区', '邀请码 MATRIXP1'), isPrivate: true, chatId: `dm-${consoleUserId('评委社区')}` });
  expect((await p.say('向大叔', '投诉 8栋楼道堆放杂物'))[0]).toMatch(/已收到工单 T1/);
  for (const [who, name] of Object.entries(PEOPLE) as [Who, string][]) {
    cookies[who] = (await signInAt(p, web.url, name)).cookie;
  }
}, 120_000);
afterAll(() => wp?.close());

const headers = (who: Who): Record<string, string> => (cookies[who] ? { Cookie: cookies[who] } : {});

describe('the web’s page × role matrix', () => {
  it('a building head, a resident and a stranger get no sign-in link', async () => {
    for (const name of ['周阿姨', '向大叔', '路人甲']) expect(await p.say(name, '登录')).toEqual(['linli: 网页工作台只对网格员、社区工作人员和评分小组成员开放。']);
  });

  it.each(PAGES)('GET %s', async (path, expected) => {
    const got: Record<string, number> = {};
    for (const who of Object.keys(expected) as Who[]) got[who] = (await fetch(web.url + path, { headers: headers(who), redirect: 'manual' })).status;
    expect(got).toEqual(expected);
  }, 60_000);

  it.each(POSTS)('POST %s', async (path, expected) => {
    const got: Record<string, number> = {};
    for (const who of Object.keys(expected) as Who[]) {
      const res = await fetch(web.url + path, { method: 'POST', headers: { ...headers(who), Origin: web.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'ref=T1', redirect: 'manual' });
      got[who] = res.status;
    }
    expect(got).toEqual(expected);
  }, 60_000);

  it('every page of the navigation is in the matrix', async () => {
    for (const who of ['admin', 'grid_worker', 'panelist'] as const) {
      const page = (await Promise.all([who === 'panelist' ? '/score' : '/', '/queues'].map(async (to) => (await fetch(web.url + to, { headers: headers(who) })).text()))).join('\n');
      for (const [, href] of page.matchAll(/<a href="(\/[^"?]*)"/g)) {
        if (!/^\/(ledger|tickets)\/./.test(href)) expect(PAGES.map(([path]) => path)).toContain(href);
      }
    }
  });
});
