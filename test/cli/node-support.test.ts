import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '../../src/cli/node-support';
import { runCli } from '../helpers/run-cli';
import { ROOT } from '../helpers/repository-files';

const CHECK_NODE = join(ROOT, 'bin', 'check-node.js');

const REFUSAL_18 = 'nianbao: this is Node.js 18.20.8; nianbao runs on Node.js 20.19 or a later 20, 22.13 or a later 22, 24.11 or a later 24, or any 26';

describe('nianbao on a Node.js its engines do not admit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-node18-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // This machine's Node, made to say it is 18 before anything else runs.
  const pretend18 = join(dir, 'pretend-node-18.cjs');
  writeFileSync(pretend18, "Object.defineProperty(process.versions, 'node', { value: '18.20.8' });\n");

  it('names the supported lines in one line, from package.json', () => {
    expect(unsupportedNodeMessage('18.20.8')).toBe(REFUSAL_18);
    expect(unsupportedNodeMessage('22.12.0')).toMatch(/^nianbao: this is Node\.js 22\.12\.0; /);
    expect(unsupportedNodeMessage('23.11.1')).toBeDefined();
    expect(unsupportedNodeMessage('1.0.0', '^20.19.0 || ^26.0.0 || >=28.1.0')).toBe(
      'nianbao: this is Node.js 1.0.0; nianbao runs on Node.js 20.19 or a later 20, any 26, or 28.1 or later',
    );
  });

  it.each(['20.19.0', '22.13.0', '24.11.0', '26.0.0', process.versions.node])('lets Node %s run', (node) => {
    expect(unsupportedNodeMessage(node)).toBeUndefined();
  });

  it('`nianbao serve` on Node 18 prints that line, exits 1, and touches no database', () => {
    const db = join(dir, 'never.sqlite');
    const run = runCli(['serve', '--db', db, '--port', '0'], { NODE_OPTIONS: `--require ${pretend18}` }, { timeoutMs: 30_000 });
    expect(run).toEqual({ status: 1, stdout: '', stderr: `${REFUSAL_18}\n` });
    expect(existsSync(db)).toBe(false);
  });

  it('`node bin/check-node.js` (the start of npm test) prints that line and exits 1', () => {
    const run = spawnSync(process.execPath, ['--require', pretend18, CHECK_NODE], { encoding: 'utf8' });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 1, stdout: '', stderr: `${REFUSAL_18}\n` });
    expect(spawnSync(process.execPath, [CHECK_NODE], { encoding: 'utf8' })).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });
});
