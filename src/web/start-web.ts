import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { webApp } from './web-app.js';
import type { WebDeps } from './web-deps.js';

/** A running web server. */
export interface WebServer {
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  close(): Promise<void>;
}

/** The web server could not listen (address in use, not allowed); the message names the setting. */
export class WebListenError extends Error {
  constructor(readonly addr: string, cause: Error) {
    super(`web: cannot listen on ${addr} (LINLI_WEB_ADDR): ${cause.message}`);
    this.name = 'WebListenError';
  }
}

/** Listen on host:port (port 0: any free port) with the staff's web surface. */
export function startWeb(deps: WebDeps, host: string, port: number): Promise<WebServer> {
  const app = webApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const h = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${h}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would hold close() open until they time out.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', (e: Error) => reject(new WebListenError(`${host}:${port}`, e)));
  });
}

/** The web server's dependencies on a process's shared services. */
export function webDepsFrom(
  services: { db: WebDeps['db']; factory: WebDeps['factory']; log: WebDeps['log']; config: { webBaseUrl: string; webSessionHours: number; wechatyPuppet: string | null; telegramBotToken: string | null; queueBoardWritable?: boolean } },
  clock: WebDeps['clock'],
  readyChecks?: WebDeps['readyChecks'],
): WebDeps {
  const { config } = services;
  const platforms = [...(config.wechatyPuppet ? ['wechat'] : []), ...(config.telegramBotToken ? ['telegram'] : [])];
  return {
    db: services.db,
    factory: services.factory,
    clock,
    log: services.log,
    baseUrl: config.webBaseUrl,
    sessionHours: config.webSessionHours,
    platforms: platforms.length ? platforms : ['console'],
    readyChecks,
    queueBoardWritable: config.queueBoardWritable === true,
  };
}
