import path from 'node:path';

/** Log levels in increasing order of severity. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How log lines look: JSON lines for collectors, or a readable line for a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Validated, frozen configuration; read once at start and passed in. */
export interface Config {
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly timeZone: string;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly queuePrefix: string;
  readonly workerConcurrency: number;
  /** How long a worker's claim on a job lasts unrenewed: a dead worker's jobs go to another after about this long. */
  readonly jobLockMs: number;
  /** Group commit: up to this many commands a worker runs at once share one transaction (default 32); 0 = off (each its own). */
  readonly groupCommit: number;
  /** Prepare the statements run again and again, once per connection (default on); off behind a pooler that cannot keep them (PgBouncer in transaction mode before 1.21). */
  readonly pgPrepare: boolean;
  /** Flood control: commands one member may send at once, then one more every floodRefillMs. */
  readonly floodBurst: number;
  readonly floodRefillMs: number;
  /** Largest roster or ledger file `linli import` / `import-payments` reads, in MB. */
  readonly importMaxMb: number;
  readonly wechatyPuppet: string | null;
  readonly wechatyPuppetToken: string | null;
  readonly wechatSendIntervalMs: number;
  readonly telegramBotToken: string | null;
  readonly telegramWebhookUrl: string | null;
  readonly telegramWebhookSecret: string | null;
  readonly telegramWebhookPort: number;
  /** The staff's web surface: where it listens, and the address its links use. */
  /** LINLI_WEB_ADDR was given: the piped console starts the web server only then. */
  readonly webAddrSet: boolean;
  readonly webHost: string;
  readonly webPort: number;
  readonly webBaseUrl: string;
  readonly webLinkMinutes: number;
  readonly webSessionHours: number;
  /** bull-board at /queues/board (admins): read-only unless LINLI_QUEUE_BOARD=write. */
  readonly queueBoardWritable: boolean;
}

/** A configuration value that cannot be used; the message names the key. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`config: ${key} ${reason}`);
    this.name = 'ConfigError';
  }
}

/**
 * The environment a setting points at does not work (a port taken, a directory the server cannot
 * reach, a database refusing the password): one line naming the setting, the cause and the remedy.
 */
export class StartupError extends Error {
  constructor(
    readonly setting: string,
    reason: string,
    cause?: unknown,
  ) {
    super(`${setting}: ${reason}`, { cause });
    this.name = 'StartupError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, key: string): string | null {
  const v = env[key]?.trim();
  return v ? v : null;
}

/** An on/off setting: on, 1, true, yes or off, 0, false, no. */
function onOff(env: Env, key: string, dflt: boolean): boolean {
  const v = str(env, key);
  if (v === null) return dflt;
  if (/^(on|1|true|yes)$/i.test(v)) return true;
  if (/^(off|0|false|no)$/i.test(v)) return false;
  throw new ConfigError(key, `must be on or off, got "${v}"`);
}

function int(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = str(env, key);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(key, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(key, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function url(env: Env, key: string, protocols: string[]): string | null {
  const raw = str(env, key);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(key, `is not a URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(key, `must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  return raw;
}

/** True when `tz` is an IANA time zone this Node knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parse and validate the environment; throws ConfigError naming the first bad key.
 * `stderrIsTty` picks the default log format (pretty at a terminal, JSON lines elsewhere).
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd(), stderrIsTty: boolean = Boolean(process.stderr.isTTY)): Config {
  const timeZone = str(env, 'LINLI_TIME_ZONE') ?? 'Asia/Shanghai';
  if (!isTimeZone(timeZone)) throw new ConfigError('LINLI_TIME_ZONE', `is not a known time zone: "${timeZone}"`);
  const logLevel = (str(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const logFormat = (str(env, 'LINLI_LOG_FORMAT') ?? (stderrIsTty ? 'pretty' : 'json')) as LogFormat;
  if (!LOG_FORMATS.includes(logFormat)) {
    throw new ConfigError('LINLI_LOG_FORMAT', `must be one of ${LOG_FORMATS.join(', ')}, got "${logFormat}"`);
  }
  const prefix = str(env, 'LINLI_QUEUE_PREFIX') ?? 'linli';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(prefix)) {
    throw new ConfigError('LINLI_QUEUE_PREFIX', 'may only hold letters, digits, - and _');
  }
  const webhookUrl = url(env, 'TELEGRAM_WEBHOOK_URL', ['https:', 'http:']);
  const webhookSecret = str(env, 'TELEGRAM_WEBHOOK_SECRET');
  if (webhookUrl && !webhookSecret) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET', 'is required when TELEGRAM_WEBHOOK_URL is set');
  }
  if (webhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret)) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET', 'may only hold A-Z, a-z, 0-9, _ and - (Telegram rule)');
  }
  const token = str(env, 'TELEGRAM_BOT_TOKEN');
  if (token && !/^\d+:[A-Za-z0-9_-]+$/.test(token)) {
    throw new ConfigError('TELEGRAM_BOT_TOKEN', 'does not look like a BotFather token (123456:ABC...)');
  }
  const webAddr = str(env, 'LINLI_WEB_ADDR') ?? '127.0.0.1:8080';
  const addr = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(webAddr);
  if (!addr || Number(addr[2]) > 65535) throw new ConfigError('LINLI_WEB_ADDR', `must be host:port (e.g. 127.0.0.1:8080), got "${webAddr}"`);
  const queueBoard = str(env, 'LINLI_QUEUE_BOARD') ?? 'read';
  if (queueBoard !== 'read' && queueBoard !== 'write') throw new ConfigError('LINLI_QUEUE_BOARD', `must be read or write, got "${queueBoard}"`);
  const webBaseUrl = (url(env, 'LINLI_WEB_BASE_URL', ['https:', 'http:']) ?? `http://${webAddr}`).replace(/\/+$/, '');
  return Object.freeze({
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    dataDir: path.resolve(cwd, str(env, 'LINLI_DATA_DIR') ?? '.linli'),
    embeddedPgPort: int(env, 'LINLI_EMBEDDED_PG_PORT', 54329, 1024, 65535),
    timeZone,
    logLevel,
    logFormat,
    queuePrefix: prefix,
    workerConcurrency: int(env, 'LINLI_WORKER_CONCURRENCY', 8, 1, 256),
    jobLockMs: int(env, 'LINLI_JOB_LOCK_MS', 30_000, 1000, 600_000),
    groupCommit: int(env, 'LINLI_GROUP_COMMIT', 32, 0, 64),
    pgPrepare: onOff(env, 'LINLI_PG_PREPARE', true),
    floodBurst: int(env, 'LINLI_FLOOD_BURST', 20, 1, 10_000),
    floodRefillMs: int(env, 'LINLI_FLOOD_REFILL_MS', 1000, 1, 600_000),
    importMaxMb: int(env, 'LINLI_IMPORT_MAX_MB', 20, 1, 1024),
    wechatyPuppet: str(env, 'WECHATY_PUPPET'),
    wechatyPuppetToken: str(env, 'WECHATY_PUPPET_SERVICE_TOKEN') ?? str(env, 'WECHATY_PUPPET_TOKEN'),
    wechatSendIntervalMs: int(env, 'LINLI_WECHAT_SEND_INTERVAL_MS', 1000, 100, 60000),
    telegramBotToken: token,
    telegramWebhookUrl: webhookUrl,
    telegramWebhookSecret: webhookSecret,
    telegramWebhookPort: int(env, 'TELEGRAM_WEBHOOK_PORT', 8443, 1, 65535),
    webAddrSet: str(env, 'LINLI_WEB_ADDR') !== null,
    webHost: addr[1].replace(/^\[|\]$/g, ''),
    webPort: Number(addr[2]),
    webBaseUrl,
    webLinkMinutes: int(env, 'LINLI_WEB_LINK_MINUTES', 10, 1, 60),
    webSessionHours: int(env, 'LINLI_WEB_SESSION_HOURS', 8, 1, 24 * 7),
    queueBoardWritable: queueBoard === 'write',
  });
}
