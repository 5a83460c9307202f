import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import semver from 'semver';
import { afterAll, describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '../../src/cli/node-support';
import { readRepositoryFile, ROOT } from '../helpers/repository-files';

const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;
const range = (read('package.json').engines as { node: string }).node;

type LockedPackage = { version?: string; engines?: Record<string, string> | string[] };

/** The oldest release package.json's engines admit on each line it names. */
const oldestOfEachLine = () => new semver.Range(range).set.map((comparators) => semver.minVersion(comparators.map(String).join(' '))!.version);

describe("package.json's engines: the Node.js lines nianbao runs on", () => {
  it('are 20, 22, 24 and 26, each from the oldest release all locked packages admit', () => {
    // typeorm 1.1.1 and @inquirer (codegen) want 20.19, 22.13 and 24.11 at least; 26 from its first release.
    expect(oldestOfEachLine()).toEqual(['20.19.0', '22.13.0', '24.11.0', '26.0.0']);
  });

  it.each(['20.19.0', '22.13.0', '24.11.0', '26.0.0'])('every package of package-lock.json admits Node %s (npm ci prints no EBADENGINE)', (node) => {
    const packages = read('package-lock.json').packages as Record<string, LockedPackage>;
    const refusing = Object.entries(packages)
      .map(([path, entry]) => ({ path, version: entry.version, node: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter((entry) => entry.path !== '' && entry.node !== undefined && !semver.satisfies(node, entry.node))
      .map((entry) => `${entry.path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${entry.node}`);
    expect(refusing).toEqual([]);
  });

  it.each(['18.20.8', '20.18.3', '21.7.3', '22.12.0', '23.11.1', '24.10.0', '25.9.0', '27.0.0'])('refuse Node %s', (node) => {
    expect(semver.satisfies(node, range)).toBe(false);
  });
});

describe('npm ci on a Node.js the engines refuse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-engines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops at once, saying which Node.js is required, and installs nothing (.npmrc: engine-strict)', () => {
    // This machine's Node stands in for an old one: the same package.json, with engines it does not meet.
    const manifest = read('package.json');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, engines: { node: '>=99' } }));
    copyFileSync(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
    copyFileSync(join(ROOT, '.npmrc'), join(dir, '.npmrc'));
    const npm = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(npm.status).toBe(1);
    expect(npm.stderr).toContain('npm error notsup Required: {"node":">=99"}');
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });
});

describe("the README's Node.js versions", () => {
  const readme = readRepositoryFile('README.md');

  it("quote the engines, and what npm ci and nianbao print on Node 18, as they are", () => {
    expect(readme).toContain(`\`engines\` in\n\`package.json\`: \`${range}\``);
    expect(readme).toContain(`npm error notsup Required: {"node":"${range}"}`);
    expect(readme).toContain(`\n${unsupportedNodeMessage('18.20.8')}\n`);
  });

  it('name the lines CI runs, as .ci/run runs them', () => {
    const ci = readRepositoryFile('.ci/run');
    expect(ci).toContain('.ci/run-node-line 24');
    expect(readme).toContain('`.ci/run-node-line 24`');
  });

  it('.nvmrc points nvm at a line CI runs', () => {
    expect(readRepositoryFile('.nvmrc')).toBe('24\n');
  });

  it('npm test checks the Node.js before anything that may not run on an old one (vitest does not)', () => {
    const test = (read('package.json').scripts as Record<string, string>).test;
    expect(test).toMatch(/^npm run build && node bin\/check-node\.js && .*vitest run$/);
  });
});
