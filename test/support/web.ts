import { consoleUserId } from '../../src/adapters/console/identity.js';
import { silentLogger } from '../../src/log.js';
import { startWeb, type WebServer } from '../../src/web/start-web.js';
import type { WebDeps } from '../../src/web/web-deps.js';
import { dropTestSchema } from './db.js';
import { startPipeline, type Pipeline } from './pipeline.js';

/** The console pipeline with the web server beside it, as `npx linli start` runs them. */
export interface WebPipeline {
  p: Pipeline;
  web: WebServer;
  deps: WebDeps;
  close(): Promise<void>;
}

/** Start a pipeline (its own schema and queue prefix) and a web server on a free port. */
export async function startWebPipeline(name: string, opts: { now?: Date; web?: Partial<WebDeps> } = {}): Promise<WebPipeline> {
  const p = await startPipeline(name, 'redis', opts.now ? { now: opts.now } : {});
  const deps: WebDeps = { db: p.t.db, factory: p.factory, clock: p.clock, log: silentLogger, baseUrl: 'http://127.0.0.1:8080', sessionHours: 8, platforms: ['console'], ...opts.web };
  const web = await startWeb(deps, '127.0.0.1', 0);
  return {
    p,
    web,
    deps,
    close: async () => {
      await web.close();
      const { baseUrl, schema } = p.t;
      await p.close();
      await dropTestSchema(baseUrl, schema);
    },
  };
}

/** Ask the bot for a sign-in link in a private chat, as staff do with 登录; the lines it answered. */
export function askLink(p: Pipeline, name: string): Promise<string[]> {
  return p.deliver({ ...p.message(name, '登录'), isPrivate: true, chatId: `dm-${consoleUserId(name)}` });
}

/** The one-time link in the bot's answer: its path (the workers write the default base URL) and token. */
export function linkIn(lines: string[]): { path: string; token: string } {
  const m = /http:\/\/127\.0\.0\.1:8080(\/login\/([A-Za-z0-9_-]{43}))/.exec(lines.join('\n'));
  if (!m) throw new Error(`no sign-in link in ${JSON.stringify(lines)}`);
  return { path: m[1], token: m[2] };
}

/** A signed-in staff member over plain HTTP: GET and form POST carrying the session cookie. */
export interface SignedIn {
  cookie: string;
  get(path: string): Promise<Response>;
  post(path: string, form: Record<string, string>, origin?: string): Promise<Response>;
}

/** Sign in as the named member with a link from the chat, on `url` (the pipeline's server by default). */
export async function signIn(p: Pipeline, url: string, name: string): Promise<SignedIn> {
  const { token } = linkIn(await askLink(p, name));
  const res = await fetch(`${url}/login`, { method: 'POST', headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `token=${token}`, redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return {
    cookie,
    get: (path) => fetch(url + path, { headers: { Cookie: cookie }, redirect: 'manual' }),
    post: (path, form, origin = url) =>
      fetch(url + path, { method: 'POST', headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(), redirect: 'manual' }),
  };
}
