import type { ReadStop } from '../database/read-stop';
import { timeoutError } from './limit-errors';

/**
 * The time an operation may run. Checked before each statement, and at the
 * moment it runs out, whatever statements are still running are stopped
 * (their worker ended on SQLite, cancelled on PostgreSQL).
 */
export class RequestDeadline implements ReadStop {
  private readonly endsAt: number;
  private readonly stops = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  /** Set once the time ran out on a statement (before it or while it ran): the answer is the one time-out error. */
  expired = false;

  constructor(readonly timeoutMs: number) {
    this.endsAt = Date.now() + timeoutMs;
  }

  check(): void {
    if (Date.now() < this.endsAt) return;
    this.expired = true;
    throw this.expiredError();
  }

  onExpiry(stop: () => void): () => void {
    if (!Number.isFinite(this.timeoutMs)) return () => undefined;
    this.stops.add(stop);
    this.timer ??= setTimeout(() => this.expire(), Math.max(0, this.endsAt - Date.now())).unref();
    return () => {
      this.stops.delete(stop);
      if (this.stops.size === 0) this.clearTimer();
    };
  }

  expiredError(): Error {
    return timeoutError(this.timeoutMs);
  }

  private expire(): void {
    this.timer = undefined;
    this.expired = true;
    for (const stop of [...this.stops]) stop();
    this.stops.clear();
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
