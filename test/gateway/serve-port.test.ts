import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { cliDatabase, type CliDatabase } from '../helpers/test-databases';

/** A command that cannot serve must end by itself: past this it is killed (status null). */
const SAFETY_NET_MS = 30_000;

describe('nianbao serve on a port it cannot have', () => {
  let database: CliDatabase;
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    database = await cliDatabase();
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
    await database.cleanup();
  });

  const noWalLeft = () => {
    const path = database.args[database.args.indexOf('--db') + 1];
    if (path) expect([existsSync(`${path}-wal`), existsSync(`${path}-shm`)]).toEqual([false, false]);
  };

  it('--port in use: one line saying so, exit 1, the database closed', () => {
    const run = runCli(['serve', ...database.args, '--port', String(port)], { ...database.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' }, { timeoutMs: SAFETY_NET_MS });
    expect(run).toEqual({ status: 1, stdout: '', stderr: `nianbao: port ${port} is in use on 127.0.0.1: stop what listens there, or choose another port with --port or PORT\n` });
    noWalLeft();
  });

  it('PORT in use, no --port: the same line', () => {
    const run = runCli(['serve', ...database.args], { ...database.env, PORT: String(port), LOG_LEVEL: 'warn' }, { timeoutMs: SAFETY_NET_MS });
    expect(run).toEqual({ status: 1, stdout: '', stderr: `nianbao: port ${port} is in use on 127.0.0.1: stop what listens there, or choose another port with --port or PORT\n` });
  });

  it('--host that is not an address of this machine: one line naming it, exit 1', () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737), never assigned to a machine.
    const run = runCli(['serve', ...database.args, '--port', '0', '--host', '192.0.2.1'], { ...database.env, LOG_LEVEL: 'warn' }, { timeoutMs: SAFETY_NET_MS });
    expect(run).toEqual({ status: 1, stdout: '', stderr: 'nianbao: 192.0.2.1 is not an address of this machine: choose another with --host or HOST\n' });
  });

  it('PORT=abc is refused naming PORT, before anything starts', () => {
    const run = runCli(['serve', ...database.args], { ...database.env, PORT: 'abc' }, { timeoutMs: SAFETY_NET_MS });
    expect(run).toEqual({ status: 2, stdout: '', stderr: 'nianbao: PORT must be a port number from 0 to 65535, got "abc"\n' });
    expect(runCli(['serve', ...database.args], { ...database.env, PORT: '70000' }, { timeoutMs: SAFETY_NET_MS }).stderr).toBe('nianbao: PORT must be a port number from 0 to 65535, got "70000"\n');
  });
});
