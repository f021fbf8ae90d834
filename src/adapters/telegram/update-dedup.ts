/**
 * Remembers the last `size` update ids, so an update Telegram delivers twice (a webhook retried
 * after a timeout, a poll repeated after a restart) is handled once in this process. Command jobs
 * are de-duplicated again by message key downstream.
 */
export class RecentUpdates {
  private readonly ids = new Set<number>();
  constructor(private readonly size = 5000) {}

  /** True the first time an id is seen. */
  claim(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.size) this.ids.delete(this.ids.values().next().value!);
    return true;
  }

  /** Forget an id whose handling failed, so Telegram's redelivery is handled. */
  release(id: number): void {
    this.ids.delete(id);
  }
}
