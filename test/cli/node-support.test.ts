import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '../../src/cli/node-support';
import { runCli } from '../helpers/run-cli';

const REFUSAL_18 = 'nianbao: this is Node.js 18.20.8; nianbao runs on Node.js 20.19 or a later 20, 22.13 or a later 22, or 24.11 or later';

describe('nianbao on a Node.js its engines do not admit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-node18-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the supported lines in one line, from package.json', () => {
    expect(unsupportedNodeMessage('18.20.8')).toBe(REFUSAL_18);
    expect(unsupportedNodeMessage('22.12.0')).toMatch(/^nianbao: this is Node\.js 22\.12\.0; /);
    expect(unsupportedNodeMessage('23.11.1')).toBeDefined();
  });

  it.each(['20.19.0', '22.13.0', '24.11.0', '26.0.0', process.versions.node])('lets Node %s run', (node) => {
    expect(unsupportedNodeMessage(node)).toBeUndefined();
  });

  it('`nianbao serve` on Node 18 prints that line, exits 1, and touches no database', () => {
    const pretend18 = join(dir, 'pretend-node-18.cjs');
    writeFileSync(pretend18, "Object.defineProperty(process.versions, 'node', { value: '18.20.8' });\n");
    const db = join(dir, 'never.sqlite');
    const run = runCli(['serve', '--db', db, '--port', '0'], { NODE_OPTIONS: `--require ${pretend18}` }, { timeoutMs: 30_000 });
    expect(run).toEqual({ status: 1, stdout: '', stderr: `${REFUSAL_18}\n` });
    expect(existsSync(db)).toBe(false);
  });
});
