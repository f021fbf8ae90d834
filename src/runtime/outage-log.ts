import type { Logger } from '../log.js';

/**
 * One log line per interval while the database is unavailable, however many jobs fail on it:
 * the first failure is logged at once, later ones are counted and summed up in the next line,
 * and the first success after an outage says how long it lasted.
 */
export class OutageLog {
  private since: number | null = null;
  private lastLine = 0;
  private suppressed = 0;

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A job failed because the database is unavailable. */
  failed(cause: string, fields: Record<string, unknown> = {}): void {
    const now = this.now();
    if (this.since === null) this.since = now;
    if (this.lastLine !== 0 && now - this.lastLine < this.intervalMs) {
      this.suppressed++;
      return;
    }
    const waited = Math.round((now - this.since) / 1000);
    this.log.error(`database unavailable for ${waited} s: ${cause}; jobs wait and retry`, { ...fields, failedSinceLastLine: this.suppressed });
    this.lastLine = now;
    this.suppressed = 0;
  }

  /** A job succeeded: an outage, if there was one, is over. */
  succeeded(): void {
    if (this.since === null) return;
    const lasted = Math.round((this.now() - this.since) / 1000);
    this.log.warn(`database available again after ${lasted} s`, { failedSinceLastLine: this.suppressed });
    this.since = null;
    this.lastLine = 0;
    this.suppressed = 0;
  }
}
