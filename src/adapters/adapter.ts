import type { IncomingMessage, Platform } from '../messages/incoming-message.js';
import type { SendPort } from '../outbound/send-port.js';

/** A platform's webhook served by the web server of the same process (one listener, not two). */
export interface WebhookRoute {
  /** The URL path the platform posts to. */
  path: string;
  /** Answer one call (the adapter checks its secret). */
  handle(req: Request): Promise<Response>;
}

/** Receives a platform's messages and sends its outgoing text; the core never sees the platform. */
export interface Adapter {
  readonly platform: Platform;
  readonly port: SendPort;
  /** Wait before a message to `chatId` so the platform's pace is kept (per chat and per account). */
  pace?(chatId: string): Promise<void>;
  /** Start receiving; every message goes to `onMessage`, which never throws. */
  start(onMessage: (msg: IncomingMessage) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
  /** The login QR code's value while the platform waits for a scan (WeChat); null when logged in. */
  loginQr?(): string | null;
  /** Can it reach its platform now (logged in, API answering)? For /readyz. */
  readyCheck?(): Promise<{ ok: boolean; detail?: string }>;
  /** The webhook the web server should serve for this adapter; null when it needs none. */
  webhookRoute?(): WebhookRoute | null;
}
