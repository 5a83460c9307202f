import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

const QUERY = JSON.stringify({ query: '{ reports { totalCount } }' });

/** A POST whose headers the gateway has read (it answered 100 Continue) and whose body is still to come: a request in flight. */
async function requestInFlight(url: string): Promise<{ finish(): Promise<string> }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = once(socket, 'close');
  socket.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(QUERY)}\r\nExpect: 100-continue\r\n\r\n`);
  await until(() => received.startsWith('HTTP/1.1 100 Continue\r\n\r\n'), () => `no 100 Continue, got ${received}`);
  return {
    async finish() {
      socket.write(QUERY);
      await closed;
      return received.slice('HTTP/1.1 100 Continue\r\n\r\n'.length);
    },
  };
}

/** Whether a new connection is refused, i.e. nothing listens on the gateway's port any more. */
async function refused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  const outcome = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(false));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
  socket.destroy();
  return outcome;
}

async function until(condition: () => boolean | Promise<boolean>, what: () => string): Promise<void> {
  // A safety net only: each step normally holds within milliseconds.
  for (let tries = 0; tries < 300; tries += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(what());
}

describe('nianbao serve stops cleanly on a signal, outside NODE_ENV=test', () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await cliDatabase();
  });
  afterAll(() => database.cleanup());

  const sqlitePath = () => database.args[database.args.indexOf('--db') + 1];

  // SIGINT goes to the whole process group, read workers included, as Ctrl-C in a terminal sends it.
  for (const [signal, nodeEnv] of [['SIGTERM', 'production'], ['SIGINT', 'production'], ['SIGTERM', undefined]] as const) {
    it(`${signal} with NODE_ENV ${nodeEnv ?? 'unset'}: stops accepting, finishes the request in flight, closes the database, exits 0`, async () => {
      // The first run loads the 5 samples; the later ones find them stored.
      const serve: ServeProcess = await startServeProcess([...database.args, '--load', SEEDS], { ...database.env, NODE_ENV: nodeEnv, LOG_LEVEL: 'info' }, { processGroup: signal === 'SIGINT' });
      const exited = once(serve.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      try {
        const inFlight = await requestInFlight(serve.url);
        if (signal === 'SIGINT') process.kill(-serve.child.pid!, signal);
        else serve.child.kill(signal);
        await until(() => serve.output().includes('"msg":"shutting down"'), () => `no "shutting down" logged:\n${serve.output()}`);
        await until(() => refused(serve.url), () => 'the gateway still accepts connections after the signal');

        const response = await inFlight.finish();
        expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
        expect(response.slice(response.indexOf('\r\n\r\n') + 4)).toBe('{"data":{"reports":{"totalCount":5}}}');
        expect(await exited).toEqual([0, null]);
        expect(serve.output()).toContain('"msg":"shut down"');
        const path = sqlitePath();
        if (path) expect([existsSync(`${path}-wal`), existsSync(`${path}-shm`)]).toEqual([false, false]);
      } finally {
        serve.child.kill('SIGKILL');
      }
    });
  }
});
