import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

type LockedPackage = { version?: string; engines?: Record<string, string> | string[] };

describe("the installed packages run on the oldest Node of package.json's engines", () => {
  it('every package of package-lock.json admits that Node (npm ci prints no EBADENGINE)', () => {
    const range = (read('package.json').engines as { node: string }).node;
    // ">=20.19": 20.19.0.
    const oldest = semver.minVersion(range)!;
    const packages = read('package-lock.json').packages as Record<string, LockedPackage>;
    const refusing = Object.entries(packages)
      .map(([path, entry]) => ({ path, version: entry.version, node: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter((entry) => entry.path !== '' && entry.node !== undefined && !semver.satisfies(oldest, entry.node))
      .map((entry) => `${entry.path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${entry.node}`);
    expect(refusing).toEqual([]);
  });
});
