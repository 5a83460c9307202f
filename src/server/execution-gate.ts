import type { RequestHandler } from 'express';

/**
 * At most `limit` GraphQL requests run at once; the rest wait their turn in
 * arrival order, holding nothing but their socket. Under a crowd this bounds
 * the memory of results being built and keeps the event loop free for
 * `/healthz`, which does not pass through here. A request whose client goes
 * away, waiting or running, gives its place up at once.
 */
export function executionGate(limit: number): RequestHandler {
  let running = 0;
  const waiting: (() => void)[] = [];
  const startWaiting = () => {
    while (running < limit && waiting.length > 0) waiting.shift()!();
  };
  return (_req, res, next) => {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    const start = () => {
      state = 'running';
      running += 1;
      next();
    };
    res.once('close', () => {
      if (state === 'running') running -= 1;
      else if (state === 'waiting') waiting.splice(waiting.indexOf(start), 1);
      state = 'done';
      startWaiting();
    });
    waiting.push(start);
    startWaiting();
  };
}
