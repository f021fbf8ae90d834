import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import { createQueueFactory, type QueueFactory } from '../src/queue/backend.js';
import { startWeb, type WebServer } from '../src/web/start-web.js';
import type { WebDeps } from '../src/web/web-deps.js';
import { CHROMIUM, openBrowser } from './support/browser.js';
import { dropTestSchema } from './support/db.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';
import { signIn as signInAt } from './support/web.js';

// bull-board under /queues/board: admins only, read-only unless LINLI_QUEUE_BOARD=write.
const SHOTS = path.join(os.tmpdir(), `linli-queue-board-${process.pid}`);
const PG_SCHEMA = `q_board_${process.pid}`;
let p: Pipeline;
let pgFactory: QueueFactory;
const web: Record<'read' | 'write' | 'postgres', WebServer> = {} as never;
const cookie: Record<'admin' | 'grid_worker', string> = { admin: '', grid_worker: '' };

/** Sign in from the chat as the named member; returns the session cookie. */
async function signIn(name: string, url: string): Promise<string> {
  return (await signInAt(p, url, name)).cookie;
}

const get = (server: WebServer, to: string, who?: keyof typeof cookie) => fetch(server.url + to, { headers: who ? { Cookie: cookie[who] } : {}, redirect: 'manual' });
type BoardQueue = { name: string; readOnlyMode: boolean; allowRetries: boolean; counts: Record<string, number> };
const boardQueues = async (server: WebServer) => ((await (await get(server, '/queues/board/api/queues', 'admin')).json()) as { queues: BoardQueue[] }).queues;

beforeAll(async () => {
  p = await startPipeline(`web_board_${process.pid}`, 'redis');
  const deps: WebDeps = { db: p.t.db, factory: p.factory, clock: p.clock, log: silentLogger, baseUrl: 'http://127.0.0.1:8080', sessionHours: 8, platforms: ['console'] };
  web.read = await startWeb(deps, '127.0.0.1', 0);
  web.write = await startWeb({ ...deps, queueBoardWritable: true }, '127.0.0.1', 0);
  // BullMQ's own Postgres backend, as LINLI_QUEUE_BACKEND=postgres runs it.
  pgFactory = await createQueueFactory({ kind: 'postgres', url: p.t.baseUrl, schema: PG_SCHEMA, prefix: 'board' });
  await pgFactory.queue('jobs').add('hello', { n: 1 });
  web.postgres = await startWeb({ ...deps, factory: pgFactory }, '127.0.0.1', 0);
  cookie.admin = await signIn('戴红霞', web.read.url);
  cookie.grid_worker = await signIn('刘雅玲', web.read.url);
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  for (const s of Object.values(web)) await s?.close();
  await pgFactory?.close();
  const admin = new pg.Client({ connectionString: p.t.baseUrl });
  await admin.connect();
  await admin.query(`drop schema if exists ${PG_SCHEMA} cascade`);
  await admin.end();
  const { baseUrl, schema } = p.t;
  await p.close();
  await dropTestSchema(baseUrl, schema);
});

describe('bull-board at /queues/board', () => {
  it('the queue view links to it, saying it is read-only', async () => {
    const page = await (await get(web.read, '/queues', 'admin')).text();
    expect(page).toContain('<a href="/queues/board">bull-board：逐个查看任务（只读）</a>');
    expect(await (await get(web.write, '/queues', 'admin')).text()).toContain('可重试、清理、暂停');
  });

  it('an admin gets the board from its package, with a policy that lets its scripts run and nothing from elsewhere', async () => {
    const res = await get(web.read, '/queues/board', 'admin');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<base href="/queues/board/" />');
    expect(page).not.toContain('googleapis');
    const slash = await get(web.read, '/queues/board/', 'admin');
    expect([slash.status, slash.headers.get('location')]).toEqual([301, '/queues/board']);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    // Its scripts come from the npm package.
    const script = /<script defer src="(static\/js\/main\.[0-9a-f]+\.js)"/.exec(page)?.[1];
    const js = await get(web.read, `/queues/board/${script}`, 'admin');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    // Every other page keeps its script-less policy.
    expect((await get(web.read, '/queues', 'admin')).headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('its API lists the queues, read-only, and refuses a change', async () => {
    const queues = await boardQueues(web.read);
    expect(queues.map((q) => q.name).sort()).toEqual(['jobs', 'out-console']);
    expect(queues.every((q) => q.readOnlyMode && !q.allowRetries)).toBe(true);
    const pause = await fetch(`${web.read.url}/queues/board/api/queues/pause`, { method: 'PUT', headers: { Cookie: cookie.admin, Origin: web.read.url, 'Content-Type': 'application/json' }, body: '{}' });
    expect(pause.status).toBe(403);
    expect(await p.factory.queue('jobs').isPaused()).toBe(false);
    expect((await p.say('向大叔', '投诉 8栋楼道堆放杂物'))[0]).toMatch(/已收到工单/);
  });

  it('never shows a sign-in link’s token (an admin could sign in as someone else with it)', async () => {
    const res = await get(web.read, '/queues/board/api/queues?activeQueue=out-console&status=latest&page=1&jobsPerPage=50', 'admin');
    const body = await res.text();
    expect(body).toContain('邻里工作台登录链接');
    expect(body).not.toMatch(/\/login\/[A-Za-z0-9_-]{43}/);
    expect(body).toContain('/login/-');
  });

  it('grid workers are refused, and no session means signing in first', async () => {
    for (const to of ['/queues/board', '/queues/board/api/queues', '/queues/board/static/images/logo.svg']) {
      expect((await get(web.read, to, 'grid_worker')).status).toBe(403);
      expect((await get(web.read, to)).status).toBe(401);
    }
  });

  it('with LINLI_QUEUE_BOARD=write the queues may be changed', async () => {
    const queues = await boardQueues(web.write);
    expect(queues.map((q) => q.name).sort()).toEqual(['jobs', 'out-console']);
    expect(queues.every((q) => !q.readOnlyMode && q.allowRetries)).toBe(true);
    const put = (to: string, origin?: string) =>
      fetch(`${web.write.url}/queues/board/api/queues/out-console/${to}`, { method: 'PUT', headers: { Cookie: cookie.admin, 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) }, body: '{}' });
    expect((await put('pause', 'https://evil.example')).status).toBe(403);
    expect((await put('pause')).status).toBe(403);
    expect(await p.factory.queue('out-console').isPaused()).toBe(false);
    expect((await put('pause', web.write.url)).status).toBe(200);
    expect(await p.factory.queue('out-console').isPaused()).toBe(true);
    expect((await put('resume', web.write.url)).status).toBe(200);
    expect(await p.factory.queue('out-console').isPaused()).toBe(false);
  });

  it('pages and scrapes share one queue per name: asking again opens no new connection', async () => {
    const before = p.factory.queue('jobs');
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${web.read.url}/metrics`)).status).toBe(200);
      expect((await fetch(`${web.read.url}/queues`, { headers: { Cookie: cookie.admin } })).status).toBe(200);
    }
    expect(p.factory.queue('jobs')).toBe(before);
    expect(pgFactory.queue('jobs')).toBe(pgFactory.queue('jobs'));
  });

  it('shows BullMQ’s Postgres backend too', async () => {
    const queues = await boardQueues(web.postgres);
    expect(queues.map((q) => q.name).sort()).toEqual(['board-jobs', 'board-out-console']);
    expect(queues.find((q) => q.name === 'board-jobs')?.counts.waiting).toBe(1);
  });

  it.skipIf(!existsSync(CHROMIUM))('renders in a real Chromium with the queue names, and no policy violation', async () => {
    const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
    try {
      const [name, value] = cookie.admin.split('=');
      await b.context.addCookies([{ name, value, url: web.read.url }]);
      const page = await b.context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`${m.text()} ${m.location().url}`));
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      await page.goto(`${web.read.url}/queues`);
      await page.getByRole('link', { name: /bull-board/ }).click();
      await page.getByText('out-console').first().waitFor({ timeout: 30_000 });
      expect(await page.getByText('jobs', { exact: true }).count()).toBeGreaterThan(0);
      // One queue's jobs, as the board's own navigation opens them.
      await page.getByText('jobs', { exact: true }).first().click();
      await page.waitForURL(/\/queues\/board\/queue\/jobs/);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(SHOTS, 'board.png') });
      // linli's own pages have no favicon; the board's come from its package.
      expect(problems.filter((m) => !m.endsWith(`${web.read.url}/favicon.ico`))).toEqual([]);
    } finally {
      await b.close();
    }
  }, 90_000);
});
