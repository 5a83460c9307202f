import { timeoutError } from './limit-errors';

/** The time an operation may run; checked before each database access, so a long one stops at its next query. */
export class RequestDeadline {
  private readonly endsAt: number;
  /** Set once a check found the time up. */
  expired = false;

  constructor(readonly timeoutMs: number) {
    this.endsAt = Date.now() + timeoutMs;
  }

  check(): void {
    if (Date.now() < this.endsAt) return;
    this.expired = true;
    throw timeoutError(this.timeoutMs);
  }
}
