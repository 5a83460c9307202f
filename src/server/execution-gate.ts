import type { RequestHandler } from 'express';

/**
 * At most `limit` GraphQL requests run at once; the rest wait their turn in
 * arrival order, holding nothing but their socket. Under a crowd this bounds
 * the memory of results being built and keeps the event loop free for
 * `/healthz`, which does not pass through here.
 */
export function executionGate(limit: number): RequestHandler {
  let running = 0;
  const waiting: (() => void)[] = [];
  return (_req, res, next) => {
    const start = () => {
      running += 1;
      let released = false;
      res.once('close', () => {
        if (released) return;
        released = true;
        running -= 1;
        waiting.shift()?.();
      });
      next();
    };
    if (running < limit) start();
    else waiting.push(start);
  };
}
