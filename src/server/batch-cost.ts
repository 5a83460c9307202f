import type { Request, Response } from 'express';

/**
 * The cost of one HTTP request's operations together: a batch (a JSON array)
 * is priced as the sum of its operations. Apollo runs a batch's operations side
 * by side, so each waits here until every one has been priced, or has ended
 * without being priced (a parse or validation error), and then sees the total.
 */
export class BatchCost {
  private total = 0;
  private unpriced: number;
  private release!: () => void;
  private readonly everyPriced = new Promise<void>((resolve) => (this.release = resolve));

  constructor(readonly operations: number) {
    this.unpriced = operations;
    if (operations <= 0) this.release();
  }

  /** Adds an operation's cost; resolves with the batch's total once every operation is accounted for. */
  async priced(cost: number): Promise<number> {
    this.total += cost;
    this.accounted();
    await this.everyPriced;
    return this.total;
  }

  /** An operation that ended before it was priced. */
  ended(): void {
    this.accounted();
  }

  /**
   * The response has gone: a malformed entry fails the whole batch before its
   * operation starts, and it would never be accounted for. No one waits any more,
   * and what was still waiting is not worth running.
   */
  abandon(): void {
    this.total = Number.POSITIVE_INFINITY;
    this.release();
  }

  private accounted(): void {
    this.unpriced -= 1;
    if (this.unpriced === 0) this.release();
  }
}

/** One per HTTP request: a batch's operations share their context's fields. */
export function batchCostOf(req: Request, res: Response): BatchCost {
  const batch = new BatchCost(Array.isArray(req.body) ? req.body.length : 1);
  res.once('close', () => batch.abandon());
  return batch;
}
