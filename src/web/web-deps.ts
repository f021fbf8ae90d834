import type { Kysely } from 'kysely';
import type { WebhookRoute } from '../adapters/adapter.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import type { QueueFactory } from '../queue/backend.js';

/** A readiness check beyond Postgres and the queues (a platform adapter's login, say). */
export type ReadyCheck = () => Promise<{ ok: boolean; detail?: string }>;

/** What the web server runs on: the same database and queues as every other role. */
export interface WebDeps {
  db: Kysely<Database>;
  factory: QueueFactory;
  clock: Clock;
  log: Logger;
  /** Public origin of the links (LINLI_WEB_BASE_URL); https there makes cookies Secure. */
  baseUrl: string;
  sessionHours: number;
  /** Platforms whose outbound queues the queue view and /metrics show. */
  platforms: readonly string[];
  readyChecks?: Record<string, ReadyCheck>;
  /** WeChat's login QR code while it waits for a scan (the bot in this process); null when logged in. */
  wechatQr?: () => string | null;
  /** Platform webhooks served here (Telegram's, when the bot runs in this process). */
  webhooks?: WebhookRoute[];
  /** bull-board (/queues/board) may retry, clean, pause… (LINLI_QUEUE_BOARD=write); read-only otherwise. */
  queueBoardWritable?: boolean;
  /** How long an action waits for its job before the page says "being processed" (ms). */
  actionWaitMs?: number;
}
